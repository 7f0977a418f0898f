// Score records: round trip, atomic writes, replay determinism, tamper detection.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "catalogue.h"
#include "hash.h"
#include "helpers.h"
#include "records.h"
#include "verify.h"
#include "xapi.h"

using namespace signaal;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {
AttemptInfo info() {
    AttemptInfo i;
    i.registration = "6f1c1f0e-8d5c-4a55-9f0a-3d9c6f1b2a10";
    i.trainee = {"Anouk de Vries", "Hotel Zeezicht", "receptie", pseudonymous_id("Anouk de Vries", "Hotel Zeezicht")};
    i.software = "signaal test";
    return i;
}

Session best_path(ModulePtr m) {
    Session s(std::move(m), "2026-01-01T10:00:00.000Z");
    test::play(s, {"register"}, 10);
    test::play(s, {"age", "luggage"}, 20);
    test::play(s, {"p-man", "p-key"}, 30);
    test::play(s, {"manager"}, 40);
    return s;
}

Catalogue example_catalogue() { return load_catalogue({test::repo_dir() + "/content/example"}); }
}  // namespace

TEST_CASE("a record round-trips and verifies", "[records]") {
    Session s = best_path(test::load_or_fail(test::example_path()));
    json j = record_json(s, info());
    CHECK(j["result"]["raw"] == 9);
    CHECK(j["result"]["passed"] == true);
    CHECK(j["result"]["course_passed"] == true);
    CHECK(j["module"]["sha256"] == sha256_hex(test::read_file(test::example_path())));
    auto parsed = parse_record(j.dump());
    REQUIRE(std::holds_alternative<StoredRecord>(parsed));
    const auto& r = std::get<StoredRecord>(parsed);
    CHECK(r.answers.size() == 4);
    CHECK(r.answers[1].response == std::vector<std::string>{"age", "luggage"});
    Verification v = verify_record(j.dump(), example_catalogue());
    for (const auto& p : v.problems) UNSCOPED_INFO(p);
    CHECK(v.ok());
}

TEST_CASE("replay is deterministic over random paths", "[records]") {
    auto m = test::load_or_fail(test::example_path());
    std::mt19937 rng(42);
    for (int run = 0; run < 200; ++run) {
        Session s(m, "2026-01-01T10:00:00.000Z");
        test::play_randomly(s, rng);
        auto again = replay(m, s.started(), s.answers());
        REQUIRE(std::holds_alternative<Session>(again));
        CHECK(record_json(std::get<Session>(again), info()) == record_json(s, info()));
        CHECK(xapi_statements(std::get<Session>(again), info()) == xapi_statements(s, info()));
    }
}

TEST_CASE("tampered records are caught", "[records][verify]") {
    Session s = best_path(test::load_or_fail(test::example_path()));
    const json good = record_json(s, info());
    Catalogue cat = example_catalogue();
    auto problems = [&](const json& j) { return verify_record(j.dump(), cat).problems; };
    using Catch::Matchers::VectorContains;

    json edited = good;
    edited["result"]["raw"] = 8;
    CHECK_THAT(problems(edited), VectorContains(std::string("raw: record says 8, replay gives 9")));

    edited = good;
    edited["result"]["passed"] = false;
    CHECK_THAT(problems(edited), VectorContains(std::string("passed: record says false, replay gives true")));

    edited = good;
    edited["answers"][0]["response"] = {"confront"};
    auto p = problems(edited);
    REQUIRE_FALSE(p.empty());
    CHECK(p[0] == "the module does not allow answer 2: the answer is for scene 'signals' but the attempt is at scene 'confronted'");

    edited = good;
    edited["answers"][3]["response"] = {"call-police-myself"};
    CHECK_THAT(problems(edited),
               VectorContains(std::string("the module does not allow answer 4: scene 'report' has no choice 'call-police-myself'")));

    edited = good;
    edited["trainee"]["name"] = "Someone Else";
    CHECK_THAT(problems(edited), VectorContains(std::string("trainee id does not belong to the trainee's name and venue")));

    edited = good;
    edited["module"]["id"] = "no-such-module";
    CHECK_THAT(problems(edited), VectorContains(std::string("module 'no-such-module' is not in the content folders")));
    CHECK(verify_record(edited.dump(), cat).module_missing == "no-such-module");  // signaal-verify: not found, not tampered
    CHECK(verify_record(good.dump(), cat).module_missing.empty());

    edited = good;
    edited["answers"][2]["time"] = "2026-01-01T09:00:00.000Z";
    CHECK_FALSE(problems(edited).empty());

    CHECK(problems(json::parse("{\"hello\": 1}")) == std::vector<std::string>{"not a Signaal score record"});
    std::string truncated = good.dump().substr(0, 200);
    CHECK(verify_record(truncated, cat).problems == std::vector<std::string>{"not valid JSON (corrupt or truncated file)"});
}

TEST_CASE("a changed module is detected by its hash", "[records][verify]") {
    Session s = best_path(test::load_or_fail(test::example_path()));
    const json rec = record_json(s, info());
    std::string dir = test::temp_dir("changed");
    fs::copy(test::repo_dir() + "/content/example", dir, fs::copy_options::recursive);
    std::string text = test::read_file(dir + "/example.xml");
    text.replace(text.find("points=\"2\""), 10, "points=\"3\"");
    REQUIRE_FALSE(write_file_atomic(dir + "/example.xml", text));
    Verification v = verify_record(rec.dump(), load_catalogue({dir}));
    REQUIRE(v.problems.size() == 1);
    CHECK(v.problems[0].find("has changed since the attempt (SHA-256 differs") != std::string::npos);
}

TEST_CASE("atomic writes leave no temporary files and replace the old content", "[records]") {
    std::string dir = test::temp_dir("atomic");
    std::string path = dir + "/r.json";
    REQUIRE_FALSE(write_file_atomic(path, "one"));
    REQUIRE_FALSE(write_file_atomic(path, "two"));
    CHECK(test::read_file(path) == "two");
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);
    auto err = write_file_atomic("/nonexistent-dir/x.json", "x");
    REQUIRE(err);
    CHECK(err->find("cannot create /nonexistent-dir/x.json.tmp") == 0);
}

TEST_CASE("the pseudonym ignores case and spaces but not the venue", "[records]") {
    CHECK(pseudonymous_id("Anouk de Vries", "Hotel Zeezicht") == pseudonymous_id("  anouk DE vries ", "hotel zeezicht"));
    CHECK(pseudonymous_id("Anouk de Vries", "Hotel Zeezicht") != pseudonymous_id("Anouk de Vries", "Park Duinzicht"));
    CHECK(pseudonymous_id("a", "b").size() == 16);
}

TEST_CASE("an unfinished attempt is found for resuming", "[records]") {
    std::string dir = test::temp_dir("resume");
    auto m = test::load_or_fail(test::example_path());
    Session s(m, "2026-01-01T10:00:00.000Z");
    test::play(s, {"register"}, 5);
    Saved saved = save_record(dir, s, info());
    REQUIRE(saved.error.empty());
    auto found = find_unfinished(dir, m->id, info().trainee.id);
    REQUIRE(found);
    CHECK(found->first == saved.path);
    CHECK(found->second.answers.size() == 1);
    CHECK_FALSE(find_unfinished(dir, m->id, "someone-else"));
    test::play(s, {"age"}, 6);
    test::play(s, {"p-man"}, 7);
    test::play(s, {"manager"}, 8);
    REQUIRE(save_record(dir, s, info()).error.empty());
    CHECK_FALSE(find_unfinished(dir, m->id, info().trainee.id));  // finished now
}

// Issue 19 item 11: phrases marked before a pause were gone after resuming.
// A pause keeps them in the record (InProgress), outside the attempt itself.
TEST_CASE("marks of a paused question are kept in the record until the next answer", "[records][resume]") {
    std::string dir = test::temp_dir("pending-marks");
    auto m = test::load_or_fail(test::example_path());
    Session s(m, "2026-01-01T10:00:00.000Z");
    test::play(s, {"register"}, 5);
    REQUIRE(s.scene().kind == Interaction::Select);
    const InProgress pending{s.scene().id, {"age"}};
    Saved saved = save_record(dir, s, info(), &pending);
    REQUIRE(saved.error.empty());
    auto found = find_unfinished(dir, m->id, info().trainee.id);
    REQUIRE(found);
    CHECK(found->second.in_progress.scene == pending.scene);
    CHECK(found->second.in_progress.marks == pending.marks);
    CHECK(found->second.answers.size() == 1);
    // Not part of the attempt: the record still verifies.
    Verification v = verify_record(test::read_file(saved.path), example_catalogue());
    for (const auto& p : v.problems) UNSCOPED_INFO(p);
    CHECK(v.ok());
    // The answer's own save drops it.
    test::play(s, {"age", "luggage"}, 6);
    REQUIRE(save_record(dir, s, info()).error.empty());
    found = find_unfinished(dir, m->id, info().trainee.id);
    REQUIRE(found);
    CHECK(found->second.in_progress.scene.empty());
    CHECK(found->second.in_progress.marks.empty());
    // A malformed one is refused, naming the field.
    json j = record_json(s, info(), &pending);
    j["in_progress"]["marks"] = {1, 2};
    auto bad = parse_record(j.dump());
    REQUIRE(std::holds_alternative<std::string>(bad));
    CHECK(std::get<std::string>(bad) == "field in_progress.marks has the wrong type");
}

TEST_CASE("xAPI statements are cmi5-shaped with stable ids", "[records][xapi]") {
    Session s = best_path(test::load_or_fail(test::example_path()));
    json st = xapi_statements(s, info());
    REQUIRE(st.size() == 1 + 4 + 3);  // initialized, 4 answered, completed/passed/terminated
    std::vector<std::string> verbs;
    for (const auto& x : st) verbs.push_back(x["verb"]["display"]["en-US"]);
    CHECK(verbs == std::vector<std::string>{"initialized", "answered", "answered", "answered", "answered", "completed", "passed",
                                            "terminated"});
    CHECK(st[0]["id"] == uuid_v5(info().registration, "initialized"));
    CHECK(is_uuid(st[0]["id"].get<std::string>()));
    CHECK(st[2]["result"]["response"] == "age[,]luggage");
    CHECK(st[2]["object"]["definition"]["correctResponsesPattern"][0] == "age[,]luggage");
    CHECK(st[6]["result"]["score"]["scaled"] == 1.0);
    CHECK(st[6]["result"]["duration"] == "PT40S");
    CHECK(st[6]["context"]["registration"] == info().registration);
    CHECK(st[0]["actor"]["account"]["name"] == info().trainee.id);
    // A name-based UUID known from RFC 4122's DNS example.
    CHECK(uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}
