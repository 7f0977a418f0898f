// Large generated modules (thousands of scenes, megabytes) load whole and in
// order, and a problem deep in one is reported at its exact line and column.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "checker.h"
#include "hash.h"
#include "loader.h"
#include "make_module.h"

using namespace signaal;

namespace {
// 1-based line and column of byte `at` in `s`.
std::string where(const std::string& s, size_t at) {
    size_t line = 1, start = 0;
    for (size_t i = 0; i < at; ++i)
        if (s[i] == '\n') {
            ++line;
            start = i + 1;
        }
    return std::to_string(line) + ":" + std::to_string(at - start + 1);
}
}  // namespace

TEST_CASE("a large module loads whole and in order", "[loader][large]") {
    const int n = 3000;
    const std::string xml = bench::make_module(n);
    REQUIRE(xml.size() > 1024 * 1024);
    LoadResult r = load_module_text(xml, "big.xml");
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(d.str());
    REQUIRE(r.module);
    CHECK(r.diagnostics.empty());
    const Module& m = *r.module;
    CHECK(m.sha256 == sha256_hex(xml));  // hashed in pieces while the parser ran ahead
    REQUIRE(m.scenes.size() == static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const Scene& s = m.scenes[static_cast<size_t>(i)];
        REQUIRE(s.id == "s" + std::to_string(i));
        REQUIRE(m.scene_index(s.id) == i);
        REQUIRE(s.texts.at(0).text.get("en", "en") == "Scene text number " + std::to_string(i) + " with some words in it.");
        if (i + 1 < n)
            for (const auto& route : s.choices.empty() ? s.routes : s.choices.front().routes) REQUIRE(route.to == i + 1);
    }
    const Scene& h = m.scenes[3];  // every fourth scene is a highlight question
    REQUIRE(h.kind == Interaction::Highlight);
    REQUIRE(h.passage.at("en").size() == 5);
    CHECK(h.passage.at("en")[1].text == "suspicious");
    Diagnostics d;
    CheckFacts f = analyse(m, d);
    CHECK(d.empty());
    CHECK(f.scenes == n);
}

// Replaces `len` bytes at `at` in the module, loads it, and expects it refused.
static LoadResult load_edited(std::string& xml, size_t at, size_t len, const std::string& with) {
    xml.replace(at, len, with);
    LoadResult r = load_module_text(xml, "big.xml");
    CHECK_FALSE(r.module);
    return r;
}

TEST_CASE("problems deep in a large module are found where they are", "[loader][large]") {
    std::string xml = bench::make_module(3000);
    SECTION("a duplicate id in the last scene") {
        const size_t at = xml.rfind("<scene id=\"s2999\"");
        LoadResult r = load_edited(xml, at, 17, "<scene id=\"s1234\"");
        // s2998 now leads to a scene that does not exist: that is reported too.
        REQUIRE(r.diagnostics.size() == 2);
        CHECK(r.diagnostics[0].str() == "big.xml:" + where(xml, at + 11) + ": error: duplicate scene id 's1234'");
        CHECK(r.diagnostics[1].str().find("unknown scene 's2999'") != std::string::npos);
    }
    SECTION("a broken tag near the end") {
        const size_t at = xml.rfind("<ending");
        LoadResult r = load_edited(xml, at, 7, "<ending<");
        REQUIRE(r.diagnostics.size() == 1);
        const std::string line = where(xml, at).substr(0, where(xml, at).find(':'));
        CHECK(r.diagnostics[0].str().rfind("big.xml:" + line + ":", 0) == 0);
        CHECK(r.diagnostics[0].str().find("not well-formed XML") != std::string::npos);
    }
    SECTION("an unknown target in the middle") {
        const size_t at = xml.find("target=\"s1501\"");
        LoadResult r = load_edited(xml, at, 14, "target=\"sX\"");
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].str() == "big.xml:" + where(xml, at + 8) + ": error: unknown scene 'sX' (did you mean 's0'?)");
    }
}

// Any file, forced onto two threads, hands the reader exactly what one thread
// does: every bundled module, every malformed corpus file, a large module, and
// cut-off copies of them (errors in the middle of a batch).
