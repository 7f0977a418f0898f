// Scoring of the example module (content/example/example.xml), path by path.
// Its maximum is 9: desk 2 + signals 2 + passage 3 + report 2.
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace signaal;
using test::play;

TEST_CASE("the best path scores the maximum and passes", "[scoring]") {
    Session s(test::load_or_fail(test::example_path()), "2026-01-01T10:00:00.000Z");
    CHECK(play(s, {"register"}, 10).points == 2);
    auto sel = play(s, {"age", "luggage"}, 20);
    CHECK(sel.points == 2);
    CHECK(sel.false_alarms == 0);
    CHECK(play(s, {"p-man", "p-key"}, 30).points == 3);
    CHECK(s.scene().id == "report");  // noted=true routes here
    play(s, {"manager"}, 45);
    REQUIRE(s.finished());
    Result r = s.result();
    CHECK(r.raw == 9);
    CHECK(r.max == 9);
    CHECK(r.scaled == 100);
    CHECK(r.passed);
    CHECK(r.ending == "end-good");
    CHECK(r.outcome == Outcome::Good);
    CHECK(r.seconds == 45);
    CHECK(r.signals["age-gap"].hits == 2);
    CHECK(r.signals["control"].hits == 2);
    CHECK(r.signals["report-channel"].hits == 2);
    CHECK(r.signals["no-luggage"].hits == 1);
    CHECK(r.false_alarms == 0);
}

TEST_CASE("partial credit and false alarms", "[scoring]") {
    Session s(test::load_or_fail(test::example_path()));
    CHECK(play(s, {"ask-girl"}).points == 1);  // reasonable but incomplete
    auto sel = play(s, {"age", "late"});
    CHECK(sel.points == 0);  // 1 for the signal, -1 for the false alarm
    CHECK(sel.false_alarms == 1);
    auto hl = play(s, {"p-key", "p-rain"});
    CHECK(hl.points == 1);  // 2 - 1
    CHECK(s.scene().id == "report");  // care >= 1
    play(s, {"manager"});
    Result r = s.result();
    CHECK(r.raw == 4);
    CHECK(r.scaled == 44);
    CHECK_FALSE(r.passed);
    CHECK(r.false_alarms == 2);
    CHECK(r.signals["age-gap"].misses == 1);  // ask-girl is not the best choice
    CHECK(r.signals["age-gap"].hits == 1);
    CHECK(r.signals["no-luggage"].misses == 1);
    CHECK(r.signals["control"].hits == 1);
    CHECK(r.signals["control"].misses == 1);
}

TEST_CASE("a score never goes below zero on one question", "[scoring]") {
    Session s(test::load_or_fail(test::example_path()));
    play(s, {"register"});
    CHECK(play(s, {"late"}).points == 0);
}

TEST_CASE("a critical error fails the attempt whatever the score", "[scoring]") {
    Session s(test::load_or_fail(test::example_path()));
    auto o = play(s, {"confront"});
    CHECK(o.critical);
    CHECK(s.scene().id == "confronted");
    play(s, {});  // continue
    play(s, {"age", "luggage"});
    play(s, {"p-man", "p-key"});
    CHECK(s.scene().id == "report-late");  // nothing noted, no care shown
    play(s, {"call-anyway"});
    Result r = s.result();
    CHECK(r.raw == 6);
    CHECK(r.scaled == 66);  // above the pass mark of 60...
    CHECK_FALSE(r.passed);  // ...but failed
    REQUIRE(r.critical.size() == 1);
    CHECK(r.critical[0].scene == "desk");
    CHECK(r.critical[0].choice == "confront");
}

TEST_CASE("choices follow their conditions and bad answers change nothing", "[scoring]") {
    Session s(test::load_or_fail(test::example_path()));
    auto bad = s.answer(test::answer("desk", {"nope"}));
    CHECK(std::get<std::string>(bad) == "scene 'desk' has no choice 'nope'");
    bad = s.answer(test::answer("signals", {"age"}));
    CHECK(std::get<std::string>(bad) == "the answer is for scene 'signals' but the attempt is at scene 'desk'");
    bad = s.answer(test::answer("desk", {"register", "ask-girl"}));
    CHECK(std::get<std::string>(bad) == "scene 'desk' needs exactly one choice");
    CHECK(s.answers().empty());
    play(s, {"look-away"});
    bad = s.answer(test::answer("signals", {"age", "age"}));
    CHECK(std::get<std::string>(bad) == "'age' is selected twice");
    play(s, {});
    play(s, {});
    REQUIRE(s.scene().id == "report-late");
    CHECK(s.available_choices().size() == 2);  // drop-it is offered: nothing was noted
    play(s, {"drop-it"});
    CHECK(s.result().ending == "end-bad");
    CHECK(s.result().raw == 0);
    bad = s.answer(test::answer("end-bad", {}));
    CHECK(std::get<std::string>(bad) == "the attempt has ended: no more answers");
}

TEST_CASE("conditional texts show only when their condition holds", "[scoring]") {
    Session s(test::load_or_fail(test::example_path()));
    play(s, {"look-away"});
    CHECK(s.visible_texts().size() == 1);
    Session t(test::load_or_fail(test::example_path()));
    play(t, {"register"});
    CHECK(t.visible_texts().size() == 2);
}

TEST_CASE("a revisited scene does not score twice", "[scoring]") {
    const std::string xml = R"(<?xml version="1.0"?>
<module format="1" id="loop" version="1" minutes="1" pass-mark="50" start="a" languages="nl">
  <title><nl>T</nl></title><audience><nl>A</nl></audience><content-note><nl>C</nl></content-note>
  <support><contact><label><nl>L</nl></label><detail><nl>D</nl></detail></contact></support>
  <scene id="a"><text><nl>x</nl></text>
    <choices>
      <choice id="again" target="a" points="1"><label><nl>1</nl></label><feedback><nl>f</nl></feedback></choice>
      <choice id="end" target="b" points="2"><label><nl>2</nl></label><feedback><nl>f</nl></feedback></choice>
    </choices>
  </scene>
  <scene id="b"><text><nl>e</nl></text><ending outcome="good"/></scene>
</module>)";
    Session s(test::load_text_or_fail(xml));
    CHECK(play(s, {"again"}).points == 1);
    auto second = play(s, {"end"});
    CHECK_FALSE(second.scored);
    CHECK(second.points == 0);
    CHECK(s.result().raw == 1);
    CHECK(s.result().max == 2);
}
