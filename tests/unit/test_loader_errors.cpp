// The malformed-module corpus (tests/corpus/bad, written by make_corpus.py):
// each file must produce exactly the diagnostic listed in expected.txt, at the
// same line and column, and the loader must never throw.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "checker.h"
#include "helpers.h"
#include "text_format.h"

using namespace signaal;

TEST_CASE("every corpus file reports its exact problem", "[loader]") {
    const std::string dir = test::source_dir() + "/corpus/bad/";
    std::ifstream in(dir + "expected.txt");
    REQUIRE(in);
    int n = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const std::string file = line.substr(0, line.find(':'));
        CheckResult r = check_file(dir + file);
        std::vector<std::string> got;
        for (const auto& d : r.diagnostics) {
            std::string s = d.str();
            got.push_back(s.rfind(dir, 0) == 0 ? s.substr(dir.size()) : s);
        }
        INFO(file);
        CHECK_THAT(got, Catch::Matchers::VectorContains(line));
        if (line.find(": error: ") != std::string::npos) CHECK_FALSE(r.module);
        ++n;
    }
    CHECK(n >= 25);
}

TEST_CASE("the minimal module loads clean", "[loader]") {
    CheckResult r = check_file(test::source_dir() + "/corpus/good/minimal.xml");
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(d.str());
    REQUIRE(r.module);
    CHECK(r.diagnostics.empty());
}

TEST_CASE("a missing file is an error, not a crash", "[loader]") {
    auto r = load_module_file("/nonexistent/module.xml");
    CHECK_FALSE(r.module);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].str() == "/nonexistent/module.xml:1:1: error: cannot open the file");
}

TEST_CASE("text is normalised into paragraphs and bullets", "[loader]") {
    auto m = test::load_or_fail(test::example_path());
    const Scene* s = m->find_scene("desk");
    REQUIRE(s);
    CHECK(s->texts[0].text.get("en", "nl").find("  ") == std::string::npos);
    CHECK(m->content_note.get("en", "nl").find('\n') != std::string::npos);  // two paragraphs
    const Scene* p = m->find_scene("passage");
    const auto& runs = p->passage.at("en");
    REQUIRE(runs.size() == 6);
    CHECK(runs[0].text == "11.30 pm. ");
    CHECK(runs[1].ref == "p-man");
    CHECK(runs[2].text == " ");  // the space between two adjacent marks survives
}

// normalise_text returns a one-line text with single spaces as it is; the
// same words with spaces around them take the long way and must agree.
TEST_CASE("text that is already normal comes out the same as by the long way", "[loader]") {
    const char alphabet[] = {'a', 'b', ' ', '-', '.'};
    unsigned seed = 12345;
    for (int round = 0; round < 2000; ++round) {
        std::string x;
        const int len = static_cast<int>(seed % 12);
        for (int i = 0; i < len; ++i) {
            seed = seed * 1103515245u + 12345u;
            x += alphabet[(seed >> 16) % sizeof alphabet];
        }
        const std::string quick = normalise_text(x);
        CHECK(quick == normalise_text(" " + x + "\n"));
        std::vector<PassageRun> runs{{x, ""}, {"z", "r"}}, slow{{"\t" + x, ""}, {"z", "r"}};
        normalise_runs(runs);
        normalise_runs(slow);
        REQUIRE(runs.size() == slow.size());
        CHECK(runs[0].text == slow[0].text);
    }
}

TEST_CASE("a missing language falls back to the module's first language", "[loader]") {
    Text t;
    t.set("nl", "Hallo");
    CHECK(t.get("en", "nl") == "Hallo");
    t.set("en", "Hello");
    CHECK(t.get("en", "nl") == "Hello");
    Text only_en;
    only_en.set("en", "Hi");
    CHECK(only_en.get("nl", "nl") == "Hi");
    only_en.set("en", "");
    CHECK(only_en.empty());
}
