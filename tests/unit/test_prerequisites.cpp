// Modules that require others (`requires` on <module>): the checks only the
// whole catalogue allows (tests/corpus/requires, written by make_requires.py,
// and its expected.txt), what a single file checked alone says, which
// requirements a trainee still has, and what a course needs.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "catalogue.h"
#include "checker.h"
#include "helpers.h"
#include "prerequisites.h"

using namespace signaal;

namespace {
struct Loaded {
    std::vector<ModulePtr> keep;
    std::vector<const Module*> modules;
};
Loaded load_all(const std::vector<std::string>& files) {
    Loaded l;
    for (const auto& f : files) {
        l.keep.push_back(test::load_or_fail(f));
        l.modules.push_back(l.keep.back().get());
    }
    return l;
}
std::set<std::string> strings(const Diagnostics& ds, const std::string& strip) {
    std::set<std::string> out;
    for (const auto& d : ds) {
        std::string s = d.str();
        out.insert(s.rfind(strip, 0) == 0 ? s.substr(strip.size()) : s);
    }
    return out;
}
}  // namespace

TEST_CASE("requirements across modules: unknown, another course, a cycle", "[checker][requires]") {
    const std::string dir = test::source_dir() + "/corpus/requires/";
    Loaded l = load_all(find_module_files({dir}));
    REQUIRE(l.modules.size() == 7);
    Diagnostics out;
    check_prerequisites(l.modules, true, out);
    std::set<std::string> want;
    std::ifstream in(dir + "expected.txt");
    REQUIRE(in);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) want.insert(line);
    CHECK(strings(out, dir) == want);
    CHECK(want.size() == 3);
}

TEST_CASE("a file checked alone notes the modules it cannot see, and does not fail", "[checker][requires]") {
    const std::string dir = test::source_dir() + "/corpus/requires/";
    Loaded l = load_all({dir + "exam.xml"});
    Diagnostics out;
    check_prerequisites(l.modules, false, out);
    REQUIRE(out.size() == 2);
    CHECK(count(out, Severity::Error) == 0);
    CHECK(count(out, Severity::Warning) == 0);
    CHECK(out[0].severity == Severity::Note);
    CHECK(out[0].str().find("exam.xml:2:") != std::string::npos);
    CHECK(out[0].message.find("could not check the required module 'intro'") != std::string::npos);
    // With the modules it requires beside it, there is nothing to say.
    Loaded all = load_all({dir + "exam.xml", dir + "intro.xml", dir + "desk.xml"});
    Diagnostics none;
    check_prerequisites(all.modules, false, none);
    CHECK(none.empty());
}

TEST_CASE("a module opens once every module it requires is passed", "[requires]") {
    auto exam = test::load_or_fail(test::source_dir() + "/corpus/requires/exam.xml");
    REQUIRE(exam->prerequisites.size() == 2);
    std::set<std::string> passed;
    auto is_passed = [&](const std::string& id) { return passed.count(id) > 0; };
    CHECK(unmet_prerequisites(*exam, is_passed) == std::vector<std::string>{"intro", "desk"});
    passed.insert("desk");
    CHECK(unmet_prerequisites(*exam, is_passed) == std::vector<std::string>{"intro"});
    passed.insert("intro");
    CHECK(unmet_prerequisites(*exam, is_passed).empty());
}

TEST_CASE("the bundled hotel assessment requires modules 1 to 4, which the course needs", "[requires][content]") {
    const auto files = find_module_files({test::repo_dir() + "/content"});
    Loaded l = load_all(files);
    Diagnostics out;
    check_prerequisites(l.modules, true, out);
    for (const auto& d : out) UNSCOPED_INFO(d.str());
    CHECK(out.empty());
    const Module* exam = nullptr;
    for (const Module* m : l.modules)
        if (m->id == "hotel-5-assessment") exam = m;
    REQUIRE(exam);
    std::vector<std::string> ids;
    for (const auto& p : exam->prerequisites) ids.push_back(p.id);
    CHECK(ids == std::vector<std::string>{"hotel-1-intro", "hotel-2-reception", "hotel-3-rooms-grounds", "hotel-4-acting"});
    CHECK(course_modules(l.modules, "hotel-park") ==
          std::vector<std::string>{"hotel-1-intro", "hotel-2-reception", "hotel-3-rooms-grounds", "hotel-4-acting",
                                   "hotel-5-assessment"});
    // The case stories require nothing: each stands alone.
    for (const Module* m : l.modules)
        if (m->is_case) CHECK(m->prerequisites.empty());
    // Titles name the modules to pass first.
    Catalogue c = load_catalogue({test::repo_dir() + "/content"});
    CHECK(module_titles(c, {"hotel-1-intro", "gone"}, "en").find(", gone") != std::string::npos);
}

TEST_CASE("a course without an assessment needs every module in it", "[requires]") {
    const std::string dir = test::source_dir() + "/corpus/requires/";
    Loaded l = load_all({dir + "other.xml", dir + "intro.xml"});
    CHECK(course_modules(l.modules, "cases") == std::vector<std::string>{"other"});
    CHECK(course_modules(l.modules, "hotel") == std::vector<std::string>{"intro"});
}
