// Golden transcripts: scripted runs of the example module through the terminal
// player, compared with tests/golden/*.txt. After an intended change of the
// player's output, regenerate with SIGNAAL_UPDATE_GOLDEN=1 SIGNAAL_FIXED_ORDER=1
// (ctest sets the second; without it options come shuffled) and review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include "helpers.h"
#include "platform.h"
#include "text_player.h"

using namespace signaal;

namespace {
std::string run(const std::string& input, const std::string& lang, int& rc) {
    TextOptions o;
    o.module = test::example_path();
    o.lang = lang;
    o.trainee = "Golden Tester";
    o.venue = "Hotel Test";
    o.records_dir = test::temp_dir("golden-" + lang);
    std::istringstream in(input);
    std::ostringstream out, err;
    rc = run_text_player(o, in, out, err, false);
    // The record's file name holds a random registration UUID.
    return std::regex_replace(out.str(), std::regex(o.records_dir + "/[^\n]*"), "<RECORD>");
}

void compare(const std::string& name, const std::string& got) {
    const std::string path = test::source_dir() + "/golden/" + name + ".txt";
    if (std::getenv("SIGNAAL_UPDATE_GOLDEN")) {
        const char* fixed = std::getenv("SIGNAAL_FIXED_ORDER");
        if (!fixed || std::string(fixed) != "1") FAIL("SIGNAAL_UPDATE_GOLDEN needs SIGNAAL_FIXED_ORDER=1 too: the files hold the module's order");
        std::ofstream(path, std::ios::binary) << got;
        WARN("updated " << path);
        return;
    }
    std::string want = test::read_file(path);
    INFO("golden file " << path << " (SIGNAAL_UPDATE_GOLDEN=1 regenerates it)");
    CHECK(got == want);
}
}  // namespace

TEST_CASE("golden transcript: best path, English", "[golden]") {
    int rc = -1;
    compare("example-best.en", run("1\n1 2\n1 3\n1\n", "en", rc));
    CHECK(rc == kExitFinished);
}

TEST_CASE("golden transcript: critical error, Dutch", "[golden]") {
    int rc = -1;
    compare("example-critical.nl", run("3\n\n1 2 3\n2\n1\n", "nl", rc));
    CHECK(rc == kExitFinished);
}

TEST_CASE("golden transcript: invalid input, then end of input", "[golden]") {
    int rc = -1;
    compare("example-stopped.en", run("9\nabc\n4\n1 1\n", "en", rc));
    CHECK(rc == kExitStopped);
}

TEST_CASE("yes 1 reaches an ending", "[golden]") {
    int rc = -1;
    std::string input;
    for (int i = 0; i < 50; ++i) input += "1\n";
    std::string out = run(input, "en", rc);
    CHECK(rc == kExitFinished);
    CHECK(out.find("==== Result ====") != std::string::npos);
    CHECK(out.find("\nOutcome: ") != std::string::npos);
}

// With options shuffled (no SIGNAAL_FIXED_ORDER), the feedback after a select
// numbers each option as the question did: "3." is the option the learner saw
// as 3, whatever the module's order.
TEST_CASE("a shuffled select's feedback keeps the numbers the question showed", "[golden]") {
    struct Unfixed {  // ctest sets SIGNAAL_FIXED_ORDER=1; lift it for this case only, then put back what was there
        std::optional<std::string> was = platform::env("SIGNAAL_FIXED_ORDER");
        Unfixed() { unsetenv("SIGNAAL_FIXED_ORDER"); }
        ~Unfixed() {
            if (was) setenv("SIGNAAL_FIXED_ORDER", was->c_str(), 1);
        }
    } unfixed;
    // The first ten bytes of each numbered line's label ("  3. No luggage —
    // missed" gives "No luggage"), by number.
    auto numbered = [](const std::string& block) {
        std::map<int, std::string> out;
        static const std::regex item(R"(^  ([0-9]+)\. (.*)$)");
        std::istringstream in(block);
        for (std::string line; std::getline(in, line);) {
            std::smatch m;
            if (!std::regex_search(line, m, item)) continue;
            std::string label = m[2];
            label = label.substr(0, label.find(" \xE2\x80\x94 "));
            out.emplace(std::stoi(m[1]), label.substr(0, 10));
        }
        return out;
    };
    for (int attempt = 0; attempt < 8; ++attempt) {  // 8 shuffles: all 8 in the module's order has odds (1/6)^8
        int rc = -1;
        const std::string out = run("1\n1 2\n1 3\n1\n", "en", rc);
        const size_t ask = out.find("Type the numbers of everything you choose");
        REQUIRE(ask != std::string::npos);
        const size_t asked_from = out.rfind("\n\n", ask);
        const size_t verdicts_end = out.find("Points: ", ask);
        REQUIRE(verdicts_end != std::string::npos);
        const auto shown = numbered(out.substr(asked_from, ask - asked_from));
        const auto told = numbered(out.substr(ask, verdicts_end - ask));
        INFO(out);
        REQUIRE(shown.size() == 3);  // the example's select has three options
        CHECK(told == shown);
    }
}
