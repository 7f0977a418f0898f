// The interface's words in a language from a gettext catalogue (po/pl.po,
// compiled into <build>/share/locale by po/CMakeLists.txt).
#include <catch2/catch.hpp>

#include <string>

#include "translate.h"

using signaal::Words;

TEST_CASE("Dutch and English come from the code, Polish from its catalogue", "[translate]") {
    REQUIRE_FALSE(signaal::platform::locale_dir().empty());
    CHECK(std::string(Words{"nl"}("Verder (Enter)", "Continue (Enter)")) == "Verder (Enter)");
    CHECK(std::string(Words{"en"}("Verder (Enter)", "Continue (Enter)")) == "Continue (Enter)");
    CHECK(std::string(Words{"pl"}("Verder (Enter)", "Continue (Enter)")) == "Dalej (Enter)");
    CHECK(std::string(Words{"pl"}("Taal", "Language")) == "J\u0119zyk");
    // Switching languages back and forth: gettext's cache must follow.
    CHECK(std::string(Words{"en"}("Taal", "Language")) == "Language");
    CHECK(std::string(Words{"pl"}("Instellingen", "Settings")) == "Ustawienia");
}

TEST_CASE("a language without a catalogue, or a string the catalogue lacks, shows English", "[translate]") {
    CHECK(std::string(Words{"de"}("Verder (Enter)", "Continue (Enter)")) == "Continue (Enter)");
    CHECK(std::string(Words{"pl"}("Niet in de catalogus", "Not in the catalogue")) == "Not in the catalogue");
}

TEST_CASE("Polish plural forms: 1 krok, 2-4 kroki, 5+ krokow, 22 kroki", "[translate]") {
    const Words pl{"pl"};
    auto steps = [&](unsigned long n) { return std::string(pl.plural(n, " stap", " stappen", " more step", " more steps")); };
    CHECK(steps(1) == " krok");
    CHECK(steps(3) == " kroki");
    CHECK(steps(5) == " krok\u00F3w");
    CHECK(steps(12) == " krok\u00F3w");
    CHECK(steps(22) == " kroki");
    const Words nl{"nl"};
    CHECK(std::string(nl.plural(1, " stap", " stappen", " more step", " more steps")) == " stap");
    CHECK(std::string(nl.plural(4, " stap", " stappen", " more step", " more steps")) == " stappen");
}
