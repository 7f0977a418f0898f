// The xAPI export: every statement of every verified attempt follows the
// xAPI 1.0.3 rules (xapi_rules.h); ids are stable per attempt.
#include <catch2/catch.hpp>

#include <set>

#include "helpers.h"
#include "record_gen.h"
#include "xapi_export.h"
#include "xapi_rules.h"

using namespace signaal::report;
using nlohmann::json;

TEST_CASE("the rule checker catches broken statements", "[xapi]") {
    json good = {{"id", "6f1c1c2e-2b1a-4c3d-9e8f-0a1b2c3d4e5f"},
                 {"actor", {{"objectType", "Agent"}, {"account", {{"homePage", "https://x.invalid/"}, {"name", "abc"}}}}},
                 {"verb", {{"id", "http://adlnet.gov/expapi/verbs/passed"}, {"display", {{"en-US", "passed"}}}}},
                 {"object", {{"id", "https://x.invalid/m"}}},
                 {"result", {{"score", {{"scaled", 0.5}, {"raw", 5}, {"min", 0}, {"max", 10}}}, {"duration", "PT95S"}}},
                 {"context", {{"registration", "6f1c1c2e-2b1a-4c3d-9e8f-0a1b2c3d4e5f"}, {"language", "nl"}}},
                 {"timestamp", "2026-11-28T11:21:36.123Z"}};
    CHECK(rt::xapi_problems(good).empty());
    auto broken = [&](auto change) {
        json j = good;
        change(j);
        return rt::xapi_problems(j).size();
    };
    CHECK(broken([](json& j) { j["id"] = "not-a-uuid"; }) == 1);
    CHECK(broken([](json& j) { j["actor"]["mbox"] = "mailto:a@b.c"; }) == 1);  // two IFIs
    CHECK(broken([](json& j) { j["verb"]["display"] = {{"english!", "x"}}; }) == 1);
    CHECK(broken([](json& j) { j["object"]["id"] = "no iri"; }) == 1);
    CHECK(broken([](json& j) { j["result"]["score"]["scaled"] = 1.5; }) == 1);
    CHECK(broken([](json& j) { j["result"]["score"]["raw"] = 11; }) == 1);
    CHECK(broken([](json& j) { j["result"]["duration"] = "95 seconds"; }) == 1);
    CHECK(broken([](json& j) { j["timestamp"] = "28-11-2026"; }) == 1);
    CHECK(broken([](json& j) { j["context"]["registration"] = "x"; }) == 1);
    CHECK(broken([](json& j) { j["object"]["definition"] = {{"choices", json::array({{{"id", "a"}}})}}; }) == 1);
    CHECK(rt::is_iso_duration("PT0S"));
    CHECK_FALSE(rt::is_iso_duration("P"));
    CHECK_FALSE(rt::is_iso_duration("PT"));
}

TEST_CASE("every statement of every bundled module conforms, ids are stable", "[xapi]") {
    std::string dir = rt::temp_dir("xapi");
    unsigned seed = 90;
    for (const char* course : {"hotel-park", "cases", "example"}) {
        signaal::bench::GenOptions o;
        o.records = 40, o.trainees = 10, o.seed = ++seed, o.course = course;
        REQUIRE(signaal::bench::generate_records(rt::catalogue(), dir + "/" + course, o) == "");
    }
    auto found = find_record_files({dir});
    REQUIRE(found.files.size() == 120);
    std::set<std::string> ids;
    long statements = 0;
    verify_files(found.files, rt::catalogue(), {}, [&](const std::string& path, signaal::Verification& v) {
        INFO(path);
        REQUIRE(v.ok());
        auto st = attempt_statements(v);
        REQUIRE(std::holds_alternative<json>(st));
        const json& arr = std::get<json>(st);
        CHECK(arr == std::get<json>(attempt_statements(v)));  // same attempt, same statements and ids
        for (const auto& s : arr) {
            auto problems = rt::xapi_problems(s);
            for (const auto& p : problems) FAIL_CHECK(p);
            CHECK(ids.insert(s["id"].get<std::string>()).second);
            ++statements;
        }
    });
    CHECK(statements > 120 * 4);
}

TEST_CASE("an attempt with a non-ISO time is not exported", "[xapi]") {
    signaal::Verification v;
    CHECK(std::holds_alternative<std::string>(attempt_statements(v)));
    CHECK(is_iso8601_timestamp("2026-11-28T11:21:36.123Z"));
    CHECK(is_iso8601_timestamp("2026-11-28T11:21:36+01:00"));
    CHECK_FALSE(is_iso8601_timestamp("2026-11-28 11:21:36"));
    CHECK_FALSE(is_iso8601_timestamp("2026-13-28T11:21:36Z"));
    CHECK_FALSE(is_iso8601_timestamp("2026-11-28T11:21:36.Z"));
}

TEST_CASE("the xAPI file is written whole or not at all", "[xapi]") {
    std::string dir = rt::temp_dir("xapifile");
    {
        JsonArrayFile f;
        REQUIRE(f.open(dir + "/a.json") == "");
        f.add({{"n", 1}});
        f.add({{"n", 2}});
        REQUIRE(f.commit() == "");
    }
    CHECK(json::parse(rt::slurp(dir + "/a.json")) == json::array({{{"n", 1}}, {{"n", 2}}}));
    {
        JsonArrayFile f;
        REQUIRE(f.open(dir + "/b.json") == "");
        f.add({{"n", 1}});
    }  // abandoned: no file, no temporary left behind
    CHECK_FALSE(std::filesystem::exists(dir + "/b.json"));
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
    JsonArrayFile g;
    CHECK_FALSE(g.open("/nonexistent/dir/x.json").empty());
}
