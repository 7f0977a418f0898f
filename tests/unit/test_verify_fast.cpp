// The shortcuts verify takes for speed give the same answers as the long way:
// result_matches/result_text against result_json, a Verifier against
// verify_record, session facts given against facts computed.
#include <catch2/catch.hpp>

#include <random>

#include "catalogue.h"
#include "helpers.h"
#include "records.h"
#include "verify.h"

using namespace signaal;
using nlohmann::json;

namespace {
AttemptInfo info() {
    AttemptInfo i;
    i.registration = "0b8e5a3c-2f1d-4e6a-9c7b-5d4e3f2a1b0c";
    i.trainee = {"Noëlle Ëlberg", "Camping De Duinen", "", pseudonymous_id("Noëlle Ëlberg", "Camping De Duinen")};
    return i;
}

// A finished attempt along a random path through `m`.
Session random_attempt(const ModulePtr& m, std::mt19937& rng) {
    Session s(m, "2026-03-01T09:00:00.000Z");
    test::play_randomly(s, rng);
    return s;
}

// The same record with one edit to the text of its result.
std::string edited(const std::string& text, const std::string& from, const std::string& to) {
    std::string t = text;
    size_t at = t.find(from, t.find("\"result\""));
    REQUIRE(at != std::string::npos);
    return t.replace(at, from.size(), to);
}
}  // namespace

TEST_CASE("the result is written and matched as result_json has it", "[verify]") {
    Catalogue cat = load_catalogue({test::repo_dir() + "/content"});
    std::mt19937 rng(7);
    int runs = 0;
    for (const auto& e : cat.entries) {
        REQUIRE(e.module);
        for (int i = 0; i < 30; ++i, ++runs) {
            Session s = random_attempt(e.module, rng);
            const Result r = s.result();
            CHECK(result_text(r, *e.module) == result_json(r, *e.module).dump());
            CHECK(replay(e.module, s.started(), s.answers(), std::make_shared<const SessionFacts>(session_facts(*e.module)))
                      .index() == 0);
        }
    }
    CHECK(runs >= 300);
}

TEST_CASE("a Verifier finds exactly what verify_record finds", "[verify]") {
    Catalogue cat = load_catalogue({test::repo_dir() + "/content/example"});
    const Verifier verifier(cat);
    std::mt19937 rng(11);
    Session s = random_attempt(cat.entries.front().module, rng);
    const std::string good = record_json(s, info()).dump(1);
    const std::string raw = std::to_string(s.result().raw);

    const std::vector<std::string> texts = {
        good,
        edited(good, "\"raw\": " + raw, "\"raw\": " + raw + ".0"),     // equal to nlohmann::json, yet hashed differently
        edited(good, "\"raw\": " + raw, "\"raw\": " + raw + "1"),      // tampered
        edited(good, "\"passed\": ", "\"extra\": 1, \"passed\": "),    // a key a replay does not give
        edited(good, "\"course_passed\": ", "\"raw\": 0, \"course_passed\": "),  // a repeated key: the last one holds
        edited(good, "\"hits\": ", "\"hits\": 2, \"x\": "),
        edited(good, "\"finished\": true", "\"finished\": 1"),
        edited(good, "\"ending\": \"", "\"ending\": \"x"),
    };
    for (const auto& text : texts) {
        INFO(text);
        Verification fast = verifier.verify(text), full = verify_record(text, cat);
        CHECK(fast.problems == full.problems);
        REQUIRE(full.record);
        CHECK(stored_result_text(fast) == full.record->result.dump());  // what certificate codes hash
        // Left out only when it is exactly the replay's.
        if (fast.record->result.is_null()) CHECK(full.record->result == result_json(*full.replayed, *full.module));
        else CHECK(fast.record->result == full.record->result);
    }
    CHECK(verifier.verify(good).record->result.is_null());
    CHECK_FALSE(verifier.verify(texts[1]).record->result.is_null());
}
