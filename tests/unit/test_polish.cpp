// A Polish attempt end to end in the core: the terminal player speaks Polish
// (module texts and its own words from po/pl.po), the record keeps "pl", the
// xAPI statements carry it, and a module lists the languages it is complete in.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "catalogue.h"
#include "helpers.h"
#include "records.h"
#include "text_format.h"
#include "text_player.h"
#include "xapi.h"

using namespace signaal;

namespace {
std::string polish_path() { return test::source_dir() + "/i18n/polish.xml"; }

struct Run {
    int rc = -1;
    std::string out, err, records;
};

Run play_polish(const std::string& input, const std::string& lang = "pl") {
    Run r;
    TextOptions o;
    o.module = polish_path();
    o.lang = lang;
    o.trainee = "Agnieszka Wiśniewska";
    o.venue = "Hotel Testowy";
    o.records_dir = r.records = test::temp_dir("polish-" + lang);
    std::istringstream in(input);
    std::ostringstream out, err;
    r.rc = run_text_player(o, in, out, err, false);
    r.out = out.str(), r.err = err.str();
    return r;
}

std::string only_record(const std::string& dir) {
    std::string found;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".json") found = e.path().string();
    REQUIRE_FALSE(found.empty());
    return found;
}
}  // namespace

TEST_CASE("the terminal player plays a module in Polish, its own words too", "[polish]") {
    Run r = play_polish("\n1\n\n");
    INFO(r.out << r.err);
    CHECK(r.rc == kExitFinished);
    // The module's Polish texts.
    CHECK(r.out.find("Test: wiecz\u00F3r w recepcji") != std::string::npos);
    CHECK(r.out.find("Co robisz?") != std::string::npos);
    CHECK(r.out.find("Dobrze: meldowanie go\u015Bci to twoja praca.") != std::string::npos);
    // The player's words from po/pl.po, not the Dutch or English of the code.
    CHECK(r.out.find("Zanim zaczniesz") != std::string::npos);
    CHECK(r.out.find("Pomoc i zg\u0142aszanie:") != std::string::npos);
    CHECK(r.out.find("Wpisz liczb\u0119 od 1 do 2 (albo q, \u017Ceby zako\u0144czy\u0107).") != std::string::npos);
    CHECK(r.out.find("Wynik: 2/2 (100%)") != std::string::npos);
    CHECK(r.out.find("\nZALICZONE\n") != std::string::npos);
    CHECK(r.out.find("Voordat je begint") == std::string::npos);
    CHECK(r.out.find("Before you start") == std::string::npos);
    CHECK(r.out.find("PASSED") == std::string::npos);
}

TEST_CASE("a Polish record keeps its language; its xAPI statements carry it", "[polish]") {
    Run r = play_polish("\n1\n\n");
    REQUIRE(r.rc == kExitFinished);
    auto stored = read_record(only_record(r.records));
    REQUIRE(std::holds_alternative<StoredRecord>(stored));
    const StoredRecord& rec = std::get<StoredRecord>(stored);
    CHECK(rec.info.language == "pl");

    ModulePtr m = test::load_or_fail(polish_path());
    Session s(m);
    test::play(s, {"note"});
    const nlohmann::json st = xapi_statements(s, rec.info);
    REQUIRE(st.size() >= 2);
    for (const auto& one : st) CHECK(one["context"]["language"] == "pl");
    // The activity's name is a language map with the Polish text under "pl".
    CHECK(st[0]["object"]["definition"]["name"]["pl"] == "Test: wiecz\u00F3r w recepcji");
}

TEST_CASE("the --lang option takes any language tag; a bad one is refused", "[polish]") {
    CHECK(valid_language_tag("pl"));
    CHECK(valid_language_tag("pt-BR"));
    CHECK_FALSE(valid_language_tag("polish!"));
    CHECK_FALSE(valid_language_tag(""));
    CHECK(language_endonym("pl") == "Polski");
}

TEST_CASE("a module lists the languages it is complete in; the catalogue offers every language", "[polish]") {
    ModulePtr m = test::load_or_fail(polish_path());
    CHECK(m->complete_languages() == std::vector<std::string>{"nl", "en", "pl"});
    // The example module declares nl and en only.
    ModulePtr ex = test::load_or_fail(test::example_path());
    CHECK(ex->complete_languages() == std::vector<std::string>{"nl", "en"});
    // A module missing one Polish text is not complete in Polish.
    std::string xml = test::read_file(polish_path());
    const std::string pl_prompt = "<pl>Co robisz?</pl>";
    xml.replace(xml.find(pl_prompt), pl_prompt.size(), "");
    LoadResult lr = load_module_text(xml, "polish-incomplete.xml");
    REQUIRE(lr.module);
    CHECK(lr.module->complete_languages() == std::vector<std::string>{"nl", "en"});
    CHECK(lr.module->missing_texts.at("pl") == 1);

    Catalogue c = load_catalogue({test::source_dir() + "/i18n"});
    CHECK(content_languages(c) == std::vector<std::string>{"nl", "en", "pl"});
}

TEST_CASE("the terminal player's module list names each module's complete languages", "[polish]") {
    TextOptions o;
    o.lang = "pl";
    o.content_dirs = {test::source_dir() + "/i18n"};
    o.records_dir = test::temp_dir("polish-list");
    std::istringstream in("");
    std::ostringstream out, err;
    run_text_player(o, in, out, err, false);  // not a terminal: lists, then asks for a module by name
    INFO(out.str() << err.str());
    CHECK(out.str().find("Test: wiecz\u00F3r w recepcji (3 min \u00B7 nl, en, pl)") != std::string::npos);
    CHECK(err.str().find("Podaj modu\u0142: signaal --text MODU\u0141") != std::string::npos);
}
