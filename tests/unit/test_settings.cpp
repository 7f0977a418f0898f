#include <catch2/catch.hpp>

#include "helpers.h"
#include "records.h"
#include "settings.h"

using namespace signaal;

TEST_CASE("read-aloud settings are remembered, and bad values fall back", "[settings]") {
    const std::string path = test::temp_dir("settings") + "/settings.json";
    Settings fresh = load_settings(path);  // no file: the defaults
    CHECK(fresh.read_aloud);
    CHECK_FALSE(fresh.read_auto);
    CHECK(fresh.speech_rate == 1);

    Settings s;
    s.read_aloud = false;
    s.read_auto = true;
    s.speech_rate = 0;
    REQUIRE_FALSE(save_settings(path, s));
    Settings back = load_settings(path);
    CHECK_FALSE(back.read_aloud);
    CHECK(back.read_auto);
    CHECK(back.speech_rate == 0);

    // A rate out of range is clamped, a wrong type keeps the default.
    REQUIRE_FALSE(write_file_atomic(path, R"({"speech_rate": 7, "read_aloud": "yes"})"));
    back = load_settings(path);
    CHECK(back.speech_rate == 2);
    CHECK(back.read_aloud);
}

TEST_CASE("which screen is the projector is remembered", "[settings]") {
    const std::string path = test::temp_dir("settings-swap") + "/settings.json";
    CHECK_FALSE(load_settings(path).class_swap_screens);  // the projector on the other monitor
    Settings s;
    s.class_swap_screens = true;
    REQUIRE_FALSE(save_settings(path, s));
    CHECK(load_settings(path).class_swap_screens);
    REQUIRE_FALSE(write_file_atomic(path, R"({"class_swap_screens": 1})"));
    CHECK_FALSE(load_settings(path).class_swap_screens);  // a wrong type keeps the default
}
