#include <catch2/catch.hpp>

#include "class_record.h"
#include "helpers.h"
#include "phone_votes.h"
#include "rate_limit.h"

using namespace signaal;
using R = PhoneBallot::Result;

namespace {
PhoneQuestion choice_q(const std::string& key = "start#0") {
    return {key, "choice", "What do you do?", {{"register", "Register"}, {"ask-girl", "Ask the girl"}, {"look-away", "Look away"}}};
}
PhoneQuestion select_q() { return {"signs#1", "select", "What is odd?", {{"age", "Age"}, {"luggage", "Luggage"}, {"late", "Late"}}}; }
}  // namespace

TEST_CASE("a phone votes once per question and may change its vote until voting closes", "[phones]") {
    PhoneBallot b;
    const std::string a = b.issue_voter(), c = b.issue_voter();
    REQUIRE(a.size() == 32);
    CHECK(a != c);
    CHECK(b.vote(a, "start#0", {"register"}) == R::NoQuestion);
    b.ask(choice_q());
    CHECK(b.vote(a, "start#0", {"register"}) == R::Ok);
    CHECK(b.vote(c, "start#0", {"register"}) == R::Ok);
    CHECK(b.vote(a, "start#0", {"ask-girl"}) == R::Ok);  // changed, still one voter
    PhoneCounts n = b.counts();
    CHECK(n.voters == 2);
    CHECK(n.votes == std::map<std::string, int>{{"register", 1}, {"ask-girl", 1}, {"look-away", 0}});
    CHECK(b.question_json(a)["mine"] == nlohmann::json::array({"ask-girl"}));
    CHECK_FALSE(n.closed);
    const std::uint64_t before = n.version;
    n = b.close();
    CHECK(n.closed);
    CHECK(n.version > before);
    CHECK(b.vote(c, "start#0", {"look-away"}) == R::Closed);
    CHECK(b.counts().votes.at("register") == 1);  // frozen
    CHECK(b.question_json(a)["open"] == false);
}

TEST_CASE("a phone's vote is checked against the question asked now", "[phones]") {
    PhoneBallot b;
    const std::string a = b.issue_voter();
    b.ask(choice_q());
    CHECK(b.vote("0123456789abcdef0123456789abcdef", "start#0", {"register"}) == R::UnknownVoter);
    CHECK(b.vote("", "start#0", {"register"}) == R::UnknownVoter);
    CHECK(b.vote(a, "other#3", {"register"}) == R::StaleQuestion);
    CHECK(b.vote(a, "start#0", {}) == R::BadOption);                        // a choice is one pick
    CHECK(b.vote(a, "start#0", {"register", "ask-girl"}) == R::BadOption);
    CHECK(b.vote(a, "start#0", {"points"}) == R::BadOption);
    CHECK(b.counts().voters == 0);
    // Select: any set of distinct marks, none included; repeats and strangers refused.
    b.ask(select_q());
    CHECK(b.vote(a, "start#0", {"register"}) == R::StaleQuestion);  // the last question's key
    CHECK(b.vote(a, "signs#1", {"late", "age"}) == R::Ok);
    CHECK(b.question_json(a)["mine"] == nlohmann::json::array({"age", "late"}));  // kept in the module's order
    CHECK(b.vote(a, "signs#1", {"age", "age"}) == R::BadOption);
    CHECK(b.vote(a, "signs#1", {"age", "nope"}) == R::BadOption);
    const std::string c = b.issue_voter();
    CHECK(b.vote(c, "signs#1", {}) == R::Ok);  // "nothing is odd" is a vote too
    PhoneCounts n = b.counts();
    CHECK(n.voters == 2);
    CHECK(n.votes == std::map<std::string, int>{{"age", 1}, {"luggage", 0}, {"late", 1}});
    // A new question drops the old ballots; a story scene in between asks nothing.
    b.clear();
    CHECK(b.counts().key.empty());
    CHECK(b.vote(a, "signs#1", {"age"}) == R::NoQuestion);
    CHECK(b.question_json(a)["open"] == false);
}

TEST_CASE("what a phone sees of a question holds no points or answers", "[phones]") {
    PhoneBallot b;
    b.ask(choice_q());
    const nlohmann::json j = b.question_json(b.issue_voter());
    for (const auto& o : j["options"]) {
        CHECK(o.size() == 2);
        CHECK(o.contains("id"));
        CHECK(o.contains("label"));
    }
    CHECK(j["voted"] == false);
    CHECK(j["kind"] == "choice");
}

TEST_CASE("voter tokens are bounded", "[phones]") {
    PhoneBallot b(3);
    CHECK_FALSE(b.issue_voter().empty());
    CHECK_FALSE(b.issue_voter().empty());
    const std::string last = b.issue_voter();
    CHECK(b.known_voter(last));
    CHECK(b.issue_voter().empty());
}

TEST_CASE("phone counts decide like the hands they become", "[phones]") {
    Session s(test::load_or_fail(test::example_path()));
    PhoneBallot b;
    b.ask(choice_q());
    for (int i = 0; i < 12; ++i) CHECK(b.vote(b.issue_voter(), "start#0", {"register"}) == R::Ok);
    for (int i = 0; i < 11; ++i) CHECK(b.vote(b.issue_voter(), "start#0", {"ask-girl"}) == R::Ok);
    const PhoneCounts n = b.close();
    // Two pupils without a phone raised hands for ask-girl: 13 against 12.
    const auto hands = hands_with_phones({{"ask-girl", 2}}, n);
    CHECK(hands == std::map<std::string, int>{{"register", 12}, {"ask-girl", 13}, {"look-away", 0}});
    CHECK(majority(s, hands, 28) == std::vector<std::string>{"ask-girl"});
    const HandCount h = count_hands(s.scene(), hands, 28);
    CHECK(h.hands == 25);
    CHECK_FALSE(h.too_few);
    CHECK_FALSE(h.too_many);
}

TEST_CASE("the rate limit allows a burst, then a trickle, per address", "[phones]") {
    RateLimit r(5, 2);
    const auto t0 = RateLimit::Clock::now();
    for (int i = 0; i < 5; ++i) CHECK(r.allow("10.0.0.2", t0));
    CHECK_FALSE(r.allow("10.0.0.2", t0));
    CHECK(r.allow("10.0.0.3", t0));  // another phone is not held up
    CHECK(r.allow("10.0.0.2", t0 + std::chrono::milliseconds(600)));
    CHECK_FALSE(r.allow("10.0.0.2", t0 + std::chrono::milliseconds(700)));
    // A full table forgets refilled buckets, and refuses while none has refilled.
    RateLimit small(1, 1, 2);
    CHECK(small.allow("a", t0));
    CHECK(small.allow("b", t0));
    CHECK_FALSE(small.allow("c", t0));
    CHECK(small.allow("c", t0 + std::chrono::seconds(2)));
}
