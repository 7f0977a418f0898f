#include <catch2/catch.hpp>

#include "condition.h"
#include "nearest.h"

using namespace signaal;

namespace {
Variables vars() { return {{"told", VarType::Bool, 0}, {"n", VarType::Int, 2}}; }
bool eval(const std::string& src, VarValues v = {0, 2}) {
    Condition c;
    auto err = parse_condition(src, vars(), c);
    if (err) FAIL("parse error at " << err->offset << ": " << err->message);
    return c.eval(v);
}
}  // namespace

TEST_CASE("conditions evaluate with precedence and parentheses", "[conditions]") {
    CHECK_FALSE(eval("told"));
    CHECK(eval("not told"));
    CHECK(eval("n >= 2"));
    CHECK_FALSE(eval("n > 2"));
    CHECK(eval("n = 2 and not told"));
    CHECK(eval("told or n != 3"));
    CHECK(eval("told and n = 5 or n = 2"));  // and binds tighter
    CHECK_FALSE(eval("told and (n = 5 or n = 2)"));
    CHECK(eval("n", {0, 1}));
    CHECK(eval("told = true", {1, 0}));
    CHECK(eval("n >= -1"));
}

TEST_CASE("condition errors point at the offending character", "[conditions]") {
    struct Case {
        const char* src;
        size_t offset;
        const char* message;
    };
    const Case cases[] = {
        {"told and", 8, "condition ends too early: a variable name is missing"},
        {"tolled", 0, "unknown variable 'tolled' (declare it in <variables>; did you mean 'told'?)"},
        {"zzz", 0, "unknown variable 'zzz' (declare it in <variables>)"},
        {"told >= 2", 5, "'told' is a bool: compare it with = or != only"},
        {"n >= x", 5, "expected a whole number after '>=', found 'x'"},
        {"(told", 5, "missing ')' in condition"},
        {"n < 3", 2, "'<' cannot appear in XML attributes: write 'not (n >= N)'"},
        {"told told", 5, "unexpected 'told' in condition"},
        {"", 0, "empty condition"},
    };
    for (const auto& c : cases) {
        Condition out;
        auto err = parse_condition(c.src, vars(), out);
        INFO(c.src);
        REQUIRE(err);
        CHECK(err->offset == c.offset);
        CHECK(err->message == c.message);
        CHECK(out.always());
    }
}

TEST_CASE("assignments set, add and subtract", "[conditions]") {
    std::vector<Assignment> as;
    REQUIRE_FALSE(parse_assignments("told=true, n+=3, n-=1", vars(), as));
    VarValues v = initial_values(vars());
    for (const auto& a : as) a.apply(v);
    CHECK(v == VarValues{1, 4});
    CHECK(parse_assignments("told+=1", vars(), as)->message == "'told' is a bool: use = true or = false");
    CHECK(parse_assignments("n=x", vars(), as)->message == "expected a whole number, found 'x'");
    CHECK(parse_assignments("n=1 n=2", vars(), as)->message == "expected ',' between assignments, found 'n'");
}

TEST_CASE("did you mean: the nearest id within a third of the word's length", "[conditions]") {
    const std::vector<std::string> known{"reception", "lobby", "end-good", "end-bad"};
    CHECK(nearest("receptoin", known) == "reception");
    CHECK(nearest("end-god", known) == "end-good");
    CHECK(nearest("lobby", known).empty());      // known already: nothing to suggest
    CHECK(nearest("kitchen", known).empty());    // too far from all of them
    CHECK(did_you_mean("loby", known) == "; did you mean 'lobby'?");
}
