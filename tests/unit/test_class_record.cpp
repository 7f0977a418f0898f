#include <catch2/catch.hpp>

#include "class_record.h"
#include "helpers.h"
#include "records.h"
#include "verify.h"

using namespace signaal;

TEST_CASE("the class goes with the majority, and a tie is the teacher's call", "[class]") {
    Session s(test::load_or_fail(test::example_path()));
    CHECK(majority(s, {{"register", 12}, {"ask-girl", 5}, {"look-away", 3}}, 20) == std::vector<std::string>{"register"});
    CHECK(majority(s, {{"register", 8}, {"ask-girl", 8}}, 16).empty());
    CHECK(majority(s, {}, 10).empty());
    test::play(s, {"register"});
    // Select: options marked by at least half of the class.
    CHECK(majority(s, {{"age", 10}, {"luggage", 9}, {"late", 2}}, 18) == std::vector<std::string>{"age", "luggage"});
    CHECK(majority(s, {{"age", 10}, {"luggage", 4}}, 0) == std::vector<std::string>{"age"});
    // Against the class, not the top vote: 10 of 30 pupils is no majority.
    CHECK(majority(s, {{"age", 10}, {"luggage", 4}}, 30).empty());
}

TEST_CASE("hands are checked against the class before the class decides", "[class]") {
    Session s(test::load_or_fail(test::example_path()));
    const Scene& choices = s.scene();
    REQUIRE(choices.kind == Interaction::Choices);
    // One hand per pupil: 23 of 28 is enough, 8 of 28 too few, 9999 a typo.
    HandCount h = count_hands(choices, {{"register", 15}, {"ask-girl", 8}}, 28);
    CHECK(h.hands == 23);
    CHECK_FALSE(h.too_many);
    CHECK_FALSE(h.too_few);
    CHECK(count_hands(choices, {{"register", 8}}, 28).too_few);
    CHECK(count_hands(choices, {{"register", 999}, {"ask-girl", 8}}, 28).too_many);
    CHECK(count_hands(choices, {{"register", 14}}, 28).too_few == false);  // exactly half
    // Without a class size only "no hands at all" is too few, and nothing too many.
    CHECK(count_hands(choices, {{"register", 0}}, 0).too_few);
    CHECK_FALSE(count_hands(choices, {{"register", 999}}, 0).too_many);
    CHECK_FALSE(count_hands(choices, {{"register", 3}}, 0).too_few);
    // Select: a pupil may mark several options, so 20 + 20 of 28 is fine; 29 is not.
    test::play(s, {"register"});
    const Scene& select = s.scene();
    REQUIRE(select.kind == Interaction::Select);
    h = count_hands(select, {{"age", 20}, {"luggage", 20}}, 28);
    CHECK(h.hands == 20);
    CHECK_FALSE(h.too_many);
    CHECK_FALSE(h.too_few);
    CHECK(count_hands(select, {{"age", 29}}, 28).too_many);
    CHECK(count_hands(select, {{"age", 0}, {"luggage", 0}}, 28).too_few);
}

TEST_CASE("the best answer is the choices with the most points, or exactly the suspicious marks", "[class]") {
    Session s(test::load_or_fail(test::example_path()));
    const Scene& choices = s.scene();
    CHECK(best_response(choices) == std::vector<std::string>{"register"});
    CHECK(is_best_response(choices, {"register"}));
    CHECK_FALSE(is_best_response(choices, {"ask-girl"}));
    CHECK_FALSE(is_best_response(choices, {}));
    test::play(s, {"register"});
    const Scene& select = s.scene();
    const std::vector<std::string> best = best_response(select);
    REQUIRE(best.size() == 2);
    CHECK(is_best_response(select, best));
    CHECK(is_best_response(select, {best[1], best[0]}));  // in any order
    CHECK_FALSE(is_best_response(select, {best[0]}));     // one missed
    CHECK_FALSE(is_best_response(select, {best[0], best[1], "late"}));  // one too many
}

TEST_CASE("a class record round-trips and is not a score record", "[class]") {
    ClassRecord r;
    r.session = "0b7e3f7a-2a8d-4c57-9d7e-5a1b2c3d4e5f";
    r.class_name = "Toerisme 2B";
    r.teacher = "Mevr. Jansen";
    r.class_size = 27;
    r.module_id = "case-1-oeti";
    r.module_version = "1.0";
    r.module_sha256 = std::string(64, 'a');
    r.started = "2026-11-28T09:00:00.000Z";
    r.decisions.push_back({"border", {{"ask", 14}, {"stamp", 9}}, {"ask"}, false, "2026-11-28T09:05:00.000Z"});
    r.decisions.push_back({"teacher-talk", {{"culture", 15}, {"care", 10}}, {"care"}, true, "2026-11-28T09:12:00.000Z"});
    std::string text = class_record_json(r).dump();
    auto back = parse_class_record(text);
    REQUIRE(std::holds_alternative<ClassRecord>(back));
    const auto& b = std::get<ClassRecord>(back);
    CHECK(b.class_name == "Toerisme 2B");
    CHECK(b.class_size == 27);
    REQUIRE(b.decisions.size() == 2);
    CHECK(b.decisions[1].overridden);
    CHECK(b.decisions[1].votes.at("culture") == 15);
    CHECK(std::get<std::string>(parse_record(text)) == "not a Signaal score record");
    CHECK(std::get<std::string>(parse_class_record("{\"signaal_record\":1}")) == "not a Signaal class record");
    CHECK(std::get<std::string>(parse_class_record("{\"signaal_class_record\":1}")).rfind("malformed class record", 0) == 0);
}

namespace {
// A class session through the example module: the class goes with the best
// choices; the narrative scene in between is not a decision.
ClassRecord example_class_session() {
    ClassRecord r;
    r.session = "0b7e3f7a-2a8d-4c57-9d7e-5a1b2c3d4e5f";
    r.class_name = "Hotelschool 1A";
    auto m = test::load_or_fail(test::example_path());
    r.module_id = m->id;
    r.module_version = m->version;
    r.module_sha256 = m->sha256;
    r.started = "2026-11-28T09:00:00.000Z";
    r.decisions = {{"desk", {{"register", 20}, {"confront", 2}}, {"register"}, false, "2026-11-28T09:01:00.000Z"},
                   {"signals", {{"age", 18}, {"luggage", 15}}, {"age", "luggage"}, false, "2026-11-28T09:02:00.000Z"},
                   {"passage", {{"p-man", 19}, {"p-key", 12}}, {"p-man", "p-key"}, false, "2026-11-28T09:03:00.000Z"},
                   {"report", {{"manager", 7}, {"wait", 14}}, {"manager"}, true, "2026-11-28T09:04:00.000Z"}};
    r.finished = true;
    r.ending = "end-good";
    return r;
}
}  // namespace

TEST_CASE("class records are verified by replaying their decisions", "[class][verify]") {
    Catalogue cat = load_catalogue({test::repo_dir() + "/content/example"});
    ClassRecord r = example_class_session();
    Verification v = verify_record(class_record_json(r).dump(), cat);
    for (const auto& p : v.problems) UNSCOPED_INFO(p);
    CHECK(v.ok());
    REQUIRE(v.class_record);
    CHECK_FALSE(v.record);  // never a score record: it cannot count for anyone
    CHECK_FALSE(v.replayed);

    r.ending = "end-bad";
    CHECK(verify_record(class_record_json(r).dump(), cat).problems ==
          std::vector<std::string>{"ending: record says end-bad, replay gives end-good"});
    r = example_class_session();
    r.decisions[3].response = {"drop-it"};
    CHECK(verify_record(class_record_json(r).dump(), cat).problems ==
          std::vector<std::string>{"the module does not allow decision 4: scene 'report' has no choice 'drop-it'"});
    r = example_class_session();
    r.module_sha256 = std::string(64, '0');
    CHECK(verify_record(class_record_json(r).dump(), cat).problems ==
          std::vector<std::string>{"module 'example-night-shift' has changed since the class session (SHA-256 differs)"});
}

TEST_CASE("an interrupted class session is found and continues where it stopped", "[class]") {
    Catalogue cat = load_catalogue({test::repo_dir() + "/content/example"});
    const ModulePtr m = cat.find("example-night-shift")->module;
    const std::string dir = test::temp_dir("class-resume");
    CHECK_FALSE(find_unfinished_class(dir, *m));

    ClassRecord r = example_class_session();
    r.decisions.resize(2);  // the laptop died after the second decision
    r.finished = false;
    r.ending.clear();
    REQUIRE(save_class_record(dir, r).empty());
    ClassRecord done = example_class_session();  // a finished one is not offered
    done.session = "ffffffff-2a8d-4c57-9d7e-5a1b2c3d4e5f";
    REQUIRE(save_class_record(dir, done).empty());
    ClassRecord other = r;  // nor one made on another version of the module
    other.session = "eeeeeeee-2a8d-4c57-9d7e-5a1b2c3d4e5f";
    other.module_sha256 = std::string(64, '0');
    REQUIRE(save_class_record(dir, other).empty());

    auto found = find_unfinished_class(dir, *m);
    REQUIRE(found);
    CHECK(found->second.session == r.session);
    auto replayed = replay_class(m, found->second);
    REQUIRE(std::holds_alternative<Session>(replayed));
    const Session& s = std::get<Session>(replayed);
    // Just after the second decision: the scene it led to, not skipped even when it is a story scene.
    const std::string second = r.decisions[1].scene;
    CHECK(s.answers().back().scene == second);
    CHECK(s.scene().id != second);
    CHECK_FALSE(s.finished());

    r.decisions[1].response = {"no-such-option"};
    CHECK(std::holds_alternative<std::string>(replay_class(m, r)));
}
