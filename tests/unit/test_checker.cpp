#include <catch2/catch.hpp>

#include "checker.h"
#include "helpers.h"

using namespace signaal;

namespace {
std::string module(const std::string& body, int pass = 50) { return test::small_module(body, pass); }

std::string choice(const std::string& id, const std::string& target, int points, bool critical = false) {
    return "<choice id=\"" + id + "\" target=\"" + target + "\" points=\"" + std::to_string(points) + "\"" +
           (critical ? " critical=\"true\"" : "") + "><label><nl>x</nl></label><feedback><nl>f</nl></feedback></choice>";
}

Diagnostics analyse_text(const std::string& xml, CheckFacts* facts = nullptr) {
    auto r = load_module_text(xml, "t.xml");
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(d.str());
    REQUIRE(r.module);
    Diagnostics d = r.diagnostics;
    CheckFacts f = analyse(*r.module, d);
    if (facts) *facts = f;
    return d;
}

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d) out.push_back(x.str());
    return out;
}
}  // namespace

TEST_CASE("the example module is clean and its bounds are known", "[checker]") {
    CheckResult r = check_file(test::example_path());
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(d.str());
    REQUIRE(r.module);
    CHECK(r.diagnostics.empty());
    CHECK(r.facts.bounds.max == 9);
    CHECK(r.facts.bounds.min == 0);
    CHECK(r.facts.bounds.max_no_critical == 9);
    CHECK(r.facts.pass_points == 6);
    CHECK(r.facts.decisions == 5);
    CHECK(r.facts.endings == 2);
    CHECK(r.facts.critical_choices == 1);
}

TEST_CASE("a loop with no way out is an error", "[checker]") {
    auto d = analyse_text(module(R"(<scene id="a"><text><nl>x</nl></text><choices>)" + choice("c1", "b", 1) + choice("c2", "end", 0) +
                                 R"(</choices></scene>
<scene id="b"><text><nl>x</nl></text><continue target="c"/></scene>
<scene id="c"><text><nl>x</nl></text><continue target="b"/></scene>
<scene id="end"><text><nl>x</nl></text><ending outcome="good"/></scene>
)"));
    CHECK_THAT(messages(d), Catch::Matchers::VectorContains(std::string(
                                "t.xml:6:1: error: no way to an ending from scene 'b': scenes 'b', 'c' form a loop with no way out")));
}

TEST_CASE("a pass mark that needs a critical error is an error", "[checker]") {
    CheckFacts f;
    auto d = analyse_text(module(R"(<scene id="a"><text><nl>x</nl></text><choices>)" + choice("bad", "end", 5, true) +
                                     choice("ok", "end", 1) + R"(</choices></scene>
<scene id="end"><text><nl>x</nl></text><ending outcome="good"/></scene>
)", 60), &f);
    CHECK(f.bounds.max == 5);
    CHECK(f.bounds.max_no_critical == 1);
    CHECK_FALSE(f.pass_reachable_without_critical);
    CHECK_THAT(messages(d), Catch::Matchers::VectorContains(std::string(
        "t.xml:5:1: error: the pass mark (60% = 3 of 5 points) cannot be reached without a critical error (best without: 1)")));
}

TEST_CASE("signals taught but never tested are warned about", "[checker]") {
    auto d = analyse_text(module(R"(<signals><signal id="s1"><label><nl>s</nl></label></signal></signals>
<scene id="a"><text><nl>x</nl></text><choices>)" + choice("c1", "end", 1) + choice("c2", "end", 0) + R"(</choices></scene>
<scene id="end"><text><nl>x</nl></text><ending outcome="good"/></scene>
)"));
    CHECK_THAT(messages(d), Catch::Matchers::VectorContains(std::string(
        "t.xml:5:10: warning: signal 's1' is taught but never tested by a choice, option or target")));
}

TEST_CASE("min and max follow the best and worst paths", "[checker]") {
    CheckFacts f;
    analyse_text(module(R"(<scene id="a"><text><nl>x</nl></text><choices>)" + choice("long", "b", 1) + choice("short", "end", 3) +
                        R"(</choices></scene>
<scene id="b"><text><nl>x</nl></text><choices>)" + choice("b1", "end", 4) + choice("b2", "end", 2) + R"(</choices></scene>
<scene id="end"><text><nl>x</nl></text><ending outcome="good"/></scene>
)"), &f);
    CHECK(f.bounds.max == 5);  // long (1) + b1 (4)
    CHECK(f.bounds.min == 3);  // long (1) + b2 (2)
}

TEST_CASE("the DOT graph names every scene and marks critical edges", "[checker]") {
    auto m = test::load_or_fail(test::example_path());
    std::string dot = graph_dot(*m, "en");
    CHECK(dot.rfind("digraph \"example-night-shift\" {", 0) == 0);
    for (const auto& s : m->scenes) CHECK(dot.find("\"" + s.id + "\" [") != std::string::npos);
    CHECK(dot.find("\"desk\" -> \"confronted\" [label=\"confront (0) CRITICAL\\nI tell the man") != std::string::npos);
    CHECK(dot.find("color=red") != std::string::npos);
    CHECK(dot.find("drop-it (0)\\noffered when not noted\\nI leave it there.") != std::string::npos);  // the choice's condition
    CHECK(graph_dot(*m, "nl").find("drop-it (0)\\noffered when not noted\\nIk laat het erbij.") != std::string::npos);
    CHECK(dot.find("if noted or care >= 1") != std::string::npos);
}

// Issue 16: one loader error used to hide every graph problem until it was fixed.
TEST_CASE("graph analyses still run when the loader's errors leave the graph whole", "[checker]") {
    // A choice without feedback (a loader error) next to a scene no path reaches.
    const std::string xml = module(R"(<scene id="a"><text><nl>x</nl></text><choices>
<choice id="c1" target="end" points="1"><label><nl>x</nl></label></choice>)" + choice("c2", "end", 0) + R"(</choices></scene>
<scene id="lost"><text><nl>x</nl></text><continue target="end"/></scene>
<scene id="end"><text><nl>x</nl></text><ending outcome="good"/></scene>
)");
    CheckResult r = check_loaded(load_module_text(xml, "t.xml"));
    CHECK_FALSE(r.module);  // still not playable
    REQUIRE(r.analysed_despite_errors);
    const auto got = messages(r.diagnostics);
    CHECK_THAT(got, Catch::Matchers::VectorContains(std::string("t.xml:6:1: error: <choice id=\"c1\"> needs a <feedback>")));
    CHECK_THAT(got, Catch::Matchers::VectorContains(std::string("t.xml:7:1: warning: scene 'lost' cannot be reached from the start scene 'a'")));
    CHECK(r.facts.bounds.max == 1);
}

TEST_CASE("no graph analyses on a graph with holes", "[checker]") {
    // An unknown route target: the analyses would only report what follows from it.
    const std::string xml = module(R"(<scene id="a"><text><nl>x</nl></text><choices>)" + choice("c1", "ned", 1) +
                                   choice("c2", "end", 0) + R"(</choices></scene>
<scene id="end"><text><nl>x</nl></text><ending outcome="good"/></scene>
)");
    CheckResult r = check_loaded(load_module_text(xml, "t.xml"));
    CHECK_FALSE(r.module);
    CHECK_FALSE(r.analysed_despite_errors);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("unknown scene 'ned'") != std::string::npos);
}
