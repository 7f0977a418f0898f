// The bundled course: every module loads without a single warning, carries the
// shared support contacts, and every case lists its debrief and partners.
#include <catch2/catch.hpp>

#include "catalogue.h"
#include "checker.h"
#include "helpers.h"
#include "loader.h"

using namespace signaal;


TEST_CASE("every bundled module passes the checker with no warnings", "[content]") {
    auto files = find_module_files({test::repo_dir() + "/content"});
    CHECK(files.size() >= 13);
    for (const auto& f : files) {
        CheckResult r = check_file(f);
        INFO(f);
        for (const auto& d : r.diagnostics) UNSCOPED_INFO(d.str());
        CHECK(r.module);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("every module's support block is the shared one", "[content]") {
    // Compared in each language the module offers: the shared file may speak
    // more languages (Polish) than a case written in Dutch and English.
    const SupportResult shared = load_support_file(test::repo_dir() + "/content/support-contacts.xml");
    REQUIRE(shared.diagnostics.empty());
    REQUIRE_FALSE(shared.contacts.empty());
    for (const auto& f : find_module_files({test::repo_dir() + "/content"})) {
        INFO(f);
        LoadResult r = load_module_file(f);
        REQUIRE(r.module);
        REQUIRE(r.module->support.size() == shared.contacts.size());
        for (size_t i = 0; i < shared.contacts.size(); ++i)
            for (const auto& lang : r.module->languages) {
                INFO("contact " << i + 1 << ", " << lang);
                CHECK(r.module->support[i].label.get(lang, "") == shared.contacts[i].label.get(lang, ""));
                CHECK(r.module->support[i].detail.get(lang, "") == shared.contacts[i].detail.get(lang, ""));
                CHECK(r.module->support[i].label.has(lang));
            }
    }
}

TEST_CASE("the course and the cases are complete", "[content]") {
    Catalogue c = load_catalogue({test::repo_dir() + "/content"});
    int hotel = 0, cases = 0, assessments = 0;
    for (const auto& e : c.entries) {
        REQUIRE(e.module);
        const Module& m = *e.module;
        if (m.course == "hotel-park") {
            ++hotel;
            assessments += m.assessment ? 1 : 0;
        }
        if (m.is_case) {
            ++cases;
            INFO(m.id);
            CHECK(m.debrief.size() >= 5);
            CHECK_FALSE(m.partners.empty());
            bool has_notes = false;
            for (const auto& s : m.scenes) has_notes = has_notes || !s.teacher_note.empty();
            CHECK(has_notes);
        }
    }
    CHECK(hotel >= 5);
    CHECK(assessments == 1);
    CHECK(cases == 7);
}

TEST_CASE("trainees see their courses first, under a heading each; the authors' example last", "[content]") {
    Catalogue c = load_catalogue({test::repo_dir() + "/content"});
    auto parts = sections(c);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].kind == Section::Course);
    CHECK(parts[0].course == "hotel-park");
    CHECK(parts[0].title.get("en", "nl").find("hotels") != std::string::npos);  // the course's own <course-title>
    CHECK(parts[0].count == 6);
    CHECK(parts[1].kind == Section::Cases);
    CHECK(parts[1].count == 7);
    CHECK(parts[2].kind == Section::Authors);
    CHECK(c.entries.front().module->id == "hotel-1-intro");
    CHECK(c.entries.back().module->id == "example-night-shift");
    for (int i = 0; i < parts[0].count; ++i)  // in course order
        CHECK(c.entries[static_cast<size_t>(i)].module->order == i + 1);
}
