#include <catch2/catch.hpp>

#include "class_record.h"
#include "helpers.h"
#include "records.h"

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
}

TEST_CASE("a class record round-trips and is not a score record", "[class]") {
    ClassRecord r;
    r.session = "0b7e3f7a-2a8d-4c57-9d7e-5a1b2c3d4e5f";
    r.class_name = "Toerisme 2B";
    r.teacher = "Mevr. Jansen";
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
    REQUIRE(b.decisions.size() == 2);
    CHECK(b.decisions[1].overridden);
    CHECK(b.decisions[1].votes.at("culture") == 15);
    CHECK(std::get<std::string>(parse_record(text)) == "not a Signaal score record");
    CHECK(std::get<std::string>(parse_class_record("{\"signaal_record\":1}")) == "not a Signaal class record");
    CHECK(std::get<std::string>(parse_class_record("{\"signaal_class_record\":1}")).rfind("malformed class record", 0) == 0);
}
