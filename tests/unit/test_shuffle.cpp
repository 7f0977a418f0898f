// Each attempt shows a question's options in its own order (drawn from the
// attempt's registration), the same order every time for that attempt, and the
// module's order where the author fixed it. Scores do not depend on the order:
// answers are ids, so a replay gives the same result.
#include <catch2/catch.hpp>

#include <set>

#include "helpers.h"
#include "loader.h"
#include "session.h"
#include "shuffle.h"

using namespace signaal;

namespace {
const char* kModule = R"(<module format="1" id="m" version="1" minutes="1" pass-mark="50" start="q" languages="en">
  <title><en>T</en></title><audience><en>A</en></audience><content-note><en>C</en></content-note>
  <support><contact><label><en>L</en></label><detail><en>D</en></detail></contact></support>
  <scene id="q"><text><en>?</en></text>
    <choices>
      <choice id="a" target="s" points="2"><label><en>a</en></label><feedback><en>f</en></feedback></choice>
      <choice id="b" target="s"><label><en>b</en></label><feedback><en>f</en></feedback></choice>
      <choice id="c" target="s"><label><en>c</en></label><feedback><en>f</en></feedback></choice>
      <choice id="d" target="s"><label><en>d</en></label><feedback><en>f</en></feedback></choice>
    </choices></scene>
  <scene id="s"><text><en>?</en></text>
    <select order="ORDER" target="e">
      <option id="o1" correct="true"><label><en>1</en></label><feedback><en>f</en></feedback></option>
      <option id="o2"><label><en>2</en></label><feedback><en>f</en></feedback></option>
      <option id="o3"><label><en>3</en></label><feedback><en>f</en></feedback></option>
      <option id="o4"><label><en>4</en></label><feedback><en>f</en></feedback></option>
    </select></scene>
  <scene id="e"><text><en>end</en></text><ending outcome="good"/></scene>
</module>)";

ModulePtr load(const std::string& order) {
    std::string xml = kModule;
    xml.replace(xml.find("ORDER"), 5, order);
    auto r = load_module_text(xml, "m.xml");
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(d.str());
    REQUIRE(r.module);
    return r.module;
}

std::string shown(const Session& s) {
    std::string out;
    for (const Choice* c : s.available_choices()) out += c->id;
    return out;
}
}  // namespace

TEST_CASE("an attempt's order is its own, and stays", "[shuffle]") {
    const ModulePtr m = load("shuffled");
    Session plain(m);
    CHECK(shown(plain) == "abcd");  // no key: the module's order (replays, checks)

    std::set<std::string> orders;
    for (int i = 0; i < 40; ++i) {
        Session s(m);
        s.set_order_key("registration-" + std::to_string(i));
        const std::string o = shown(s);
        CHECK(std::set<char>(o.begin(), o.end()) == std::set<char>{'a', 'b', 'c', 'd'});
        Session again(m);
        again.set_order_key("registration-" + std::to_string(i));
        CHECK(shown(again) == o);  // the same attempt (a resume, a replay) shows the same order
        orders.insert(o);
    }
    CHECK(orders.size() >= 10);                 // 24 orders exist; 40 keys give many of them
    CHECK(orders.count("abcd") < orders.size());  // the best answer is not always first
}

TEST_CASE("the shuffle is the same on every platform", "[shuffle]") {
    // Fixed numbers: a change of the generator would show a Windows record's
    // trainee another order than the one they saw.
    CHECK(order_seed("k", "q") == order_seed("k", "q"));
    std::vector<int> v{0, 1, 2, 3, 4, 5};
    shuffle_for("3f2a9c1e-0000-4000-8000-000000000000", "q", v);
    CHECK(v == std::vector<int>{3, 0, 4, 2, 1, 5});
}

TEST_CASE("select options shuffle unless the author fixes the order", "[shuffle]") {
    for (const char* order : {"shuffled", "fixed"}) {
        const ModulePtr m = load(order);
        std::set<std::vector<int>> seen;
        for (int i = 0; i < 30; ++i) {
            Session s(m);
            s.set_order_key("r" + std::to_string(i));
            REQUIRE_FALSE(s.answer({"q", {"a"}, "2026-01-01T00:00:01.000Z"}).index());
            const std::vector<int> asked = s.mark_order();
            seen.insert(asked);
            const Scene& select = s.scene();
            // Scoring is by id: the same answer scores the same whatever the order.
            auto out = s.answer({"s", {"o1"}, "2026-01-01T00:00:02.000Z"});
            REQUIRE(std::holds_alternative<AnswerOutcome>(out));
            CHECK(s.result().raw == 3);
            // Once answered, the feedback numbers the options as the question did.
            CHECK(s.mark_order(select) == asked);
        }
        if (std::string(order) == "fixed") CHECK(seen == std::set<std::vector<int>>{{0, 1, 2, 3}});
        else CHECK(seen.size() >= 5);
    }
}
