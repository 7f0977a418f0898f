// The graph analyses over scene × variable values: exact figures, conditions
// that are never true, dead ends that only conditions make, and the fallback
// when a module has too many states.
#include <catch2/catch.hpp>

#include <climits>
#include <filesystem>
#include <map>

#include "catalogue.h"
#include "checker.h"
#include "helpers.h"
#include "state_bounds.h"

using namespace signaal;

namespace {

std::string module(const std::string& body, int pass = 50) { return test::small_module(body, pass); }

std::string choice(const std::string& id, const std::string& target, int points, const std::string& extra = "") {
    return "<choice id=\"" + id + "\" target=\"" + target + "\" points=\"" + std::to_string(points) + "\" " + extra +
           "><label><nl>x</nl></label><feedback><nl>f</nl></feedback></choice>";
}

std::string scene(const std::string& id, const std::string& interaction, const std::string& texts = "<text><nl>x</nl></text>") {
    return "<scene id=\"" + id + "\">" + texts + interaction + "</scene>\n";
}

const std::string kEnd = scene("end", "<ending outcome=\"good\"/>");

struct Checked {
    ModulePtr m;
    Diagnostics d;
    CheckFacts f;
};

Checked check(const std::string& xml) {
    auto r = load_module_text(xml, "t.xml");
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(d.str());
    REQUIRE(r.module);
    Checked c{r.module, r.diagnostics, {}};
    c.f = analyse(*r.module, c.d);
    for (const auto& d : c.d) UNSCOPED_INFO(d.str());
    return c;
}

bool has(const Diagnostics& d, const std::string& text) {
    for (const auto& x : d)
        if (x.str() == text) return true;
    return false;
}

// Every complete attempt, by brute force over the session itself: each offered
// choice, each set of marks. The future of an attempt depends only on its scene
// and variables (the bundled modules have no loops), so totals from there are
// memoised on those: the real values, not the state space's held ones.
struct Totals {
    long long max, min, safe;  // LLONG_MIN / LLONG_MAX: no ending
};
Totals walk(const Session& s, std::map<std::pair<std::string, VarValues>, Totals>& memo, int depth) {
    REQUIRE(depth < 200);  // no loops
    if (s.finished()) return {0, 0, 0};
    const auto key = std::make_pair(s.scene().id, s.variables());
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    const Scene& sc = s.scene();
    std::vector<std::vector<std::string>> responses;
    if (sc.kind == Interaction::Continue) responses.push_back({});
    else if (sc.kind == Interaction::Choices)
        for (const Choice* c : s.available_choices()) responses.push_back({c->id});
    else
        for (unsigned sub = 0; sub < (1u << sc.marks.size()); ++sub) {
            std::vector<std::string> r;
            for (size_t i = 0; i < sc.marks.size(); ++i)
                if (sub & (1u << i)) r.push_back(sc.marks[i].id);
            responses.push_back(r);
        }
    Totals t{LLONG_MIN, LLONG_MAX, LLONG_MIN};
    for (auto& r : responses) {
        Session next = s;
        REQUIRE_FALSE(next.apply(test::answer(sc.id, r)));
        const AnswerOutcome& o = next.outcomes().back();
        const Totals after = walk(next, memo, depth + 1);
        if (after.max != LLONG_MIN) t.max = std::max(t.max, o.points + after.max);
        if (after.min != LLONG_MAX) t.min = std::min(t.min, o.points + after.min);
        if (after.safe != LLONG_MIN && !o.critical) t.safe = std::max(t.safe, o.points + after.safe);
    }
    memo[key] = t;
    return t;
}

}  // namespace

TEST_CASE("exact bounds equal a brute-force walk of every attempt of every bundled module", "[state]") {
    std::vector<std::string> files = find_module_files({test::repo_dir() + "/content"});
    REQUIRE(files.size() >= 13);
    for (const auto& f : files) {
        INFO(f);
        auto m = test::load_or_fail(f);
        StateSpace sp = explore(*m);
        REQUIRE(sp.complete);
        ScoreBounds b = exact_bounds(*m, sp);
        std::map<std::pair<std::string, VarValues>, Totals> memo;
        const Totals brute = walk(Session(m), memo, 0);
        CHECK(b.max == brute.max);
        CHECK(b.min == brute.min);
        CHECK(b.max_no_critical == brute.safe);
        CHECK(Session(m).result().max == brute.max);  // sessions score against the same maximum
    }
}

TEST_CASE("a best choice behind a condition no path makes true: warned, left out of the maximum, module passable", "[state]") {
    // Issue 16, item 2: the best choice of 'b' needs 'confronted', which nothing sets.
    auto c = check(module(R"(<variables><var id="confronted" type="bool"/></variables>
)" + scene("a", "<choices>" + choice("ok", "b", 5) + choice("meh", "b", 1) + "</choices>") +
                          scene("b", "<choices>" + choice("best", "end", 12, "when=\"confronted\"") + choice("good", "end", 10) +
                                         "</choices>") +
                          kEnd, 90));
    CHECK(has(c.d, "t.xml:7:47: warning: choice 'best' of scene 'b' is never offered: its condition 'confronted' is false on every path"));
    CHECK(c.f.exact);
    CHECK(c.f.bounds.max == 15);  // conditions ignored it was 17, and the best path scored 88%
    CHECK(c.f.pass_reachable_without_critical);
    Session s(c.m);
    test::play(s, {"ok"});
    test::play(s, {"good"});
    CHECK(s.result().scaled == 100);
    CHECK(s.result().passed);
}

TEST_CASE("a pass mark only a never-offered choice could reach is an error", "[state]") {
    auto c = check(module(R"(<variables><var id="confronted" type="bool"/></variables>
)" + scene("a", "<choices>" + choice("best", "end", 10, "when=\"confronted\"") + choice("bad", "end", 0, "critical=\"true\"") +
                                         choice("weak", "end", 1) + "</choices>") +
                          kEnd, 60));
    CHECK(c.f.bounds.max == 1);
    CHECK(c.f.bounds.max_no_critical == 1);
    CHECK(c.f.pass_reachable_without_critical);  // 60% of 1 is 1: reachable with 'weak'
}

TEST_CASE("a scene only a false condition leads to is unreachable", "[state]") {
    auto c = check(module(R"(<variables><var id="told" type="bool"/></variables>
)" + scene("a", "<choices>" + choice("c1", "b", 1) + choice("c2", "b", 0) + "</choices>") +
                          scene("b", "<continue><route target=\"secret\" when=\"told\"/><route target=\"end\"/></continue>") +
                          scene("secret", "<continue target=\"end\"/>") + kEnd));
    CHECK(has(c.d, "t.xml:8:1: warning: scene 'secret' cannot be reached from the start scene 'a': every way to it needs a "
                   "condition that no path makes true"));
    CHECK(has(c.d, "t.xml:7:1: warning: the route to 'secret' in scene 'b' is never taken: its condition 'told' is false on every "
                   "path (or an earlier route is always taken)"));
}

TEST_CASE("texts whose condition is never true are warned about; those that can show are not", "[state]") {
    auto c = check(module(R"(<variables><var id="told" type="bool"/><var id="n" type="int"/></variables>
)" + scene("a", "<choices>" + choice("tell", "b", 1, "set=\"told=true\"") + choice("not", "b", 0) + "</choices>") +
                          scene("b", "<continue target=\"end\"/>",
                                "<text><nl>x</nl></text><text when=\"told\"><nl>y</nl></text><text when=\"n &gt;= 1\"><nl>z</nl></text>") +
                          kEnd));
    CHECK(has(c.d, "t.xml:7:1: warning: text 3 of scene 'b' is never shown: its condition 'n >= 1' is false on every path"));
    for (const auto& d : c.d) CHECK(d.message.find("text 2") == std::string::npos);
}

TEST_CASE("a scene whose every choice is shut by a condition on some path is an error", "[state]") {
    auto c = check(module(R"(<variables><var id="angry" type="bool"/></variables>
)" + scene("a", "<choices>" + choice("shout", "b", 0, "set=\"angry=true\"") + choice("calm", "b", 1) + "</choices>") +
                          scene("b", "<choices>" + choice("c1", "end", 1, "when=\"not angry\"") + choice("c2", "end", 0, "when=\"not angry\"") +
                                         "</choices>") +
                          kEnd));
    CHECK(has(c.d, "t.xml:7:1: error: scene 'b' offers no choice when angry=true: the condition of every choice is false, so the "
                   "attempt cannot go on"));
}

TEST_CASE("a loop whose way out needs a condition that is false there is an error", "[state]") {
    auto c = check(module(R"(<variables><var id="key" type="bool"/></variables>
)" + scene("a", "<choices>" + choice("take", "b", 1, "set=\"key=true\"") + choice("leave", "b", 0) + "</choices>") +
                          scene("b", "<continue><route target=\"end\" when=\"key\"/><route target=\"c\"/></continue>") +
                          scene("c", "<continue target=\"b\"/>") + kEnd));
    CHECK(has(c.d, "t.xml:7:1: error: no way to an ending from scene 'b' when key=false: scenes 'b', 'c' form a loop whose ways out "
                   "all need a condition that is false there"));
}

TEST_CASE("in a loop a scene scores once, and a best answer that leaves the loop is exact", "[state]") {
    // 'q' scores 5 by leaving at once, or 1 and round again through 'r' (3) and back to 'q' (now 0).
    auto c = check(module(scene("a", "<continue target=\"q\"/>") +
                          scene("q", "<choices>" + choice("leave", "end", 5) + choice("stay", "r", 1) + "</choices>") +
                          scene("r", "<choices>" + choice("back", "q", 3) + choice("out", "end", 0) + "</choices>") + kEnd));
    CHECK(c.f.exact);
    CHECK(c.f.bounds.max == 5);  // the scene graph's bound said 5 + 3 = 8
    CHECK(c.f.bounds.min == 1);  // stay (1), out (0); stay, back, stay (0 the second time), out gives 4
}

TEST_CASE("a counter that only grows does not multiply the states", "[state]") {
    std::string body = "<variables><var id=\"n\" type=\"int\"/></variables>\n";
    for (int i = 0; i < 300; ++i) {
        const std::string id = i == 0 ? "a" : "s" + std::to_string(i), next = i == 299 ? "end" : "s" + std::to_string(i + 1);
        body += scene(id, "<choices>" + choice("up", next, 1, "set=\"n+=1\"") + choice("same", next, 0, "when=\"n &gt;= 2\"") + "</choices>");
    }
    auto c = check(module(body + kEnd));
    CHECK(c.f.exact);
    CHECK(c.f.states <= 4 * 301);  // n is held at 3: 0, 1, 2, 3 or more
    CHECK(c.f.bounds.max == 300);
    CHECK(c.f.bounds.min == 2);
}

TEST_CASE("a module with too many states says so and falls back to the scene graph", "[state]") {
    // n goes up and down in a loop with no bound: the states never end.
    auto c = check(module(R"(<variables><var id="n" type="int"/></variables>
)" + scene("a", "<choices>" + choice("up", "a", 1, "set=\"n+=1\"") + choice("down", "a", 0, "set=\"n-=1\"") +
                                         choice("stop", "end", 0, "when=\"n = 3\"") + "</choices>") +
                          kEnd));
    CHECK_FALSE(c.f.exact);
    CHECK(has(c.d, "t.xml:6:1: warning: the graph analyses ignore conditions for this module: it has more than 200000 states (scene × "
                   "variable values), too many to explore; the maximum is an upper bound, and scenes, choices and texts that "
                   "conditions shut off are not found"));
    CHECK(c.f.bounds.max == 1);  // the scene graph's bound: the loop counts 'a' once
}
