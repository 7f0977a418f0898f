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

// Issue 19 item 4: hotel module 2's good ending said the trainee "passed them on
// in time" after choosing to leave what they saw at check-in. Played with the
// best answer everywhere but one, the ending must follow that one choice.
TEST_CASE("hotel module 2's ending follows what the trainee did at check-in", "[content][session]") {
    auto m = test::load_or_fail(test::repo_dir() + "/content/hotel/hotel-2-reception.xml");
    auto play_with = [&](const std::string& at_tell) {
        Session s(m);
        for (int step = 0; step < 100 && !s.finished(); ++step) {
            const Scene& sc = s.scene();
            std::vector<std::string> response;
            if (sc.kind == Interaction::Choices) {
                const Choice* best = nullptr;
                for (const Choice* c : s.available_choices())
                    if (!best || c->points > best->points) best = c;
                REQUIRE(best);
                response.push_back(sc.id == "tell" ? at_tell : best->id);
            } else {
                for (const auto& mk : sc.marks)
                    if (mk.correct) response.push_back(mk.id);
            }
            test::play(s, response, step);
        }
        REQUIRE(s.finished());
        std::string shown;
        for (const Text* t : s.visible_texts()) shown += t->get("en", "nl") + "\n";
        return std::pair{s.scene().id, shown};
    };
    const auto [told_end, told_text] = play_with("now");
    CHECK(told_end == "end-good");
    CHECK(told_text.find("passed them on in time") != std::string::npos);

    const auto [left_end, left_text] = play_with("nothing");
    CHECK(left_end != "end-good");
    CHECK(left_text.find("passed them on") == std::string::npos);
    CHECK(left_text.find("At check-in you left it") != std::string::npos);

    const auto [log_end, log_text] = play_with("logbook");
    CHECK(log_end != "end-good");
    CHECK(log_text.find("would only read the next day") != std::string::npos);
}
