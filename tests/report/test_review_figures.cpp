// Issue 21, "figures that must not mislead": shares that cannot round across
// the threshold, rosters typed differently from the records, why an attempt
// failed, local dates.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "local_time.h"
#include "render.h"
#include "roster.h"
#include "text_fold.h"

using namespace signaal::report;

namespace {
// The roster a trainer types: accents left off, other case, double spaces.
std::string plain(std::string s) {
    for (auto [from, to] : {std::pair{"ë", "e"}, {"è", "e"}, {"Ë", "E"}, {"é", "e"}})
        for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, std::string(from).size(), to);
    for (size_t p = 0; (p = s.find(' ', p)) != std::string::npos; p += 2) s.insert(p, " ");
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

struct ZoneScope {  // the process's zone for one test, restored after
    std::string old;
    bool had;
    explicit ZoneScope(const char* tz) {
        const char* o = std::getenv("TZ");
        had = o != nullptr, old = o ? o : "";
        setenv("TZ", tz, 1), tzset();
    }
    ~ZoneScope() {
        if (had) setenv("TZ", old.c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
};
}  // namespace

TEST_CASE("a share never rounds up across the threshold", "[report][review]") {
    CHECK(share_text(62, 104) == "62/104 = 59.6%");
    CHECK(share_percent(62, 104) == Approx(59.6));
    CHECK(share_text(3, 5) == "3/5 = 60%");
    CHECK(share_text(599, 1000) == "599/1000 = 59.9%");
    CHECK(share_text(5999, 10000) == "5999/10000 = 59.9%");  // 59.99 would round to 60.0
    CHECK(share_text(0, 0) == "0/0 = 0%");

    ReportModel m;
    m.timezone = "UTC";
    m.threshold = 0.6;
    m.venues.push_back({"Hotel Zeezicht", 104, 62, 62.0 / 104, false});
    const std::string table = render_table(m), html = render_html(m), csv = render_csv_table(m, "venues");
    CHECK(table.find("62/104 = 59.6%") != std::string::npos);
    CHECK(html.find("62/104 = 59.6%") != std::string::npos);
    CHECK(csv.find("Hotel Zeezicht,104,62,59.6,60,no") != std::string::npos);
    for (const std::string* s : {&table, &html, &csv}) {  // the venue's own line never says 60%
        size_t at = s->find("Hotel Zeezicht");
        REQUIRE(at != std::string::npos);
        const std::string line = s->substr(at, s->find('\n', at) - at);
        INFO(line);
        CHECK(line.find("60%") == std::string::npos);
        CHECK((line.find("not yet") != std::string::npos || line.find(",no") != std::string::npos));
    }
}

TEST_CASE("names and venues match without regard to case, accents and spaces", "[report][review][roster]") {
    CHECK(fold_key("  Stadshotel   Ëlst ") == fold_key("stadshotel elst"));
    CHECK(fold_key("Chloë") == fold_key("CHLOE"));
    CHECK(fold_key("Inès") == "ines");
    CHECK(fold_key("Anouk") != fold_key("Anouk B"));
    CHECK(file_name_part("Chloë de Vries/..") == "Chloe_de_Vries");

    std::string dir = rt::temp_dir("fold");
    rt::generate(dir, 300, 30, 5);
    ReportModel plain_model = rt::run({dir});
    // A roster of everyone as typed by hand, plus one who never started; one trainee left off.
    REQUIRE(plain_model.trainees.size() > 5);
    std::string csv = "\xEF\xBB\xBFnaam;locatie;functie\r\n";
    const TraineeRow& left_off = plain_model.trainees[2];
    for (const auto& t : plain_model.trainees)
        if (&t != &left_off) csv += plain(t.name) + ";" + plain(t.venue) + ";receptie\r\n";
    csv += "Piet Nooitgezien;" + plain(left_off.venue) + ";\r\n";
    auto parsed = parse_roster(csv);
    REQUIRE(std::holds_alternative<std::vector<RosterEntry>>(parsed));
    AggregateOptions o;
    o.roster = std::get<std::vector<RosterEntry>>(parsed), o.roster_file = "roster.csv";
    ReportModel m = rt::run({dir}, o);

    auto missing = roster_without_records(m), extra = not_on_roster(m);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0]->name == "Piet Nooitgezien");
    REQUIRE(extra.size() == 1);
    CHECK(extra[0]->id == left_off.id);
    // The figures are those of the records: the same venues and passes, one person moved.
    REQUIRE(m.venues.size() == plain_model.venues.size());
    for (size_t i = 0; i < m.venues.size(); ++i) {
        INFO(m.venues[i].venue);
        CHECK(fold_key(m.venues[i].venue) == fold_key(plain_model.venues[i].venue));
        const bool same_venue = fold_key(m.venues[i].venue) == fold_key(left_off.venue);
        CHECK(m.venues[i].staff == plain_model.venues[i].staff);  // one left off, one added who never started
        CHECK(m.venues[i].passed == plain_model.venues[i].passed - (same_venue && left_off.course_passed() ? 1 : 0));
    }
    // Every format lists both.
    for (const std::string& text : {render_table(m), render_html(m), render_json(m), render_csv_table(m, "roster")}) {
        CHECK(text.find("Piet Nooitgezien") != std::string::npos);
        CHECK((text.find(left_off.id) != std::string::npos || text.find(left_off.name) != std::string::npos));
    }
}

TEST_CASE("a roster from Dutch Excel: semicolons, byte-order mark or Windows-1252", "[report][review][roster]") {
    CHECK(csv_separator("naam;locatie;functie\r\na,b;c\n") == ';');
    CHECK(csv_separator("name,venue\n\"a;b\",c\n") == ',');
    auto r = parse_roster("\xEF\xBB\xBFnaam;locatie;functie\r\n\"Jansen; Piet\";Hotel Zeezicht;keuken\r\n");
    REQUIRE(std::holds_alternative<std::vector<RosterEntry>>(r));
    CHECK(std::get<std::vector<RosterEntry>>(r)[0].name == "Jansen; Piet");
    auto w = parse_roster("Chlo\xEB de Vries;Stadshotel \xCBlst\r\n");  // Windows-1252 ë and Ë
    REQUIRE(std::holds_alternative<std::vector<RosterEntry>>(w));
    CHECK(std::get<std::vector<RosterEntry>>(w)[0].name == "Chloë de Vries");
    CHECK(std::get<std::vector<RosterEntry>>(w)[0].venue == "Stadshotel Ëlst");
}

TEST_CASE("each attempt shows its pass mark and why it failed", "[report][review]") {
    AttemptSummary crit{"r", "2026-01-02T10:00:00Z", 86, 70, true, false, "Lets him go up to the room", ""};
    AttemptSummary low{"r", "2026-01-02T10:00:00Z", 64, 70, true, false, "", ""};
    AttemptSummary ok{"r", "2026-01-02T10:00:00Z", 71, 70, true, true, "", ""};
    CHECK(attempt_text(crit) == "86% failed (pass mark 70%): critical error \u201CLets him go up to the room\u201D");
    CHECK(attempt_text(low) == "64% failed (pass mark 70%): below the pass mark");
    CHECK(attempt_text(ok) == "71% passed (pass mark 70%)");

    // From real records: every failed finished attempt has a reason, a critical one names the choice.
    std::string dir = rt::temp_dir("reason");
    rt::generate(dir, 300, 20, 3);
    ReportModel m = rt::run({dir});
    int named = 0, below = 0;
    for (const auto& t : m.trainees)
        for (const auto& tm : t.modules)
            for (const AttemptSummary* a : {&tm.latest, &tm.best}) {
                CHECK(a->pass_mark > 0);
                if (!a->finished || a->passed) continue;
                CHECK_FALSE(fail_reason(*a).empty());
                if (!a->critical.empty()) ++named;
                else {
                    CHECK(a->scaled < a->pass_mark);
                    ++below;
                }
            }
    CHECK(named > 0);
    CHECK(below > 0);
}

TEST_CASE("dates are local dates", "[report][review][tz]") {
    {
        ZoneScope z("Europe/Amsterdam");
        CHECK(local_day("2026-01-02T23:08:00.000Z") == "2026-01-03");  // 00:08 on 3 January in the Netherlands
        CHECK(local_minute("2026-01-02T23:08:00Z") == "2026-01-03 00:08");
        CHECK(local_day("2026-07-01T21:59:00Z") == "2026-07-01");  // summer time: 23:59
        CHECK(local_day("2026-07-01T22:00:00Z") == "2026-07-02");
        CHECK(day("2026-01-02T23:08:00.000Z") == "2026-01-03");
        CHECK(zone_name() == "Europe/Amsterdam");
    }
    {
        ZoneScope z("UTC");
        CHECK(local_day("2026-01-02T23:08:00.000Z") == "2026-01-02");
    }
    CHECK(local_day("not a date") == "not a date");
    CHECK(known_zone("Europe/Amsterdam"));
    CHECK_FALSE(known_zone("Europe/Amsterdm"));
    CHECK_FALSE(known_zone("../../etc/passwd"));
}

TEST_CASE("the date filter uses the local day", "[report][review][tz]") {
    ZoneScope z("Europe/Amsterdam");
    ReportFilter f;
    f.from = "2026-01-03";
    CHECK(f.matches("Hotel X", "m", "2026-01-02T23:08:00Z"));
    CHECK_FALSE(f.matches("Hotel X", "m", "2026-01-02T22:50:00Z"));
}

TEST_CASE("a venue's report names no other venue's staff or files", "[report][review][venue]") {
    std::string dir = rt::temp_dir("venue-report");
    rt::generate(dir, 120, 12, 8);
    ReportModel all = rt::run({dir});
    REQUIRE(all.venues.size() >= 2);
    // A record edited by hand at the first trainee's venue.
    const std::string venue = all.trainees.front().venue;
    std::string src;
    for (const auto& t : all.trainees)
        if (t.venue == venue && !t.modules.empty()) src = t.modules.front().latest.file;
    REQUIRE_FALSE(src.empty());
    auto rec = nlohmann::json::parse(rt::slurp(src));
    rec["result"]["scaled"] = rec["result"]["scaled"].get<int>() + 1;
    rt::spit(dir + "/zz-edited.json", rec.dump());

    AggregateOptions mine, other;
    mine.filter.venues = {venue};
    other.filter.venues = {all.venues.front().venue == venue ? all.venues.back().venue : all.venues.front().venue};
    ReportModel a = rt::run({dir}, mine), b = rt::run({dir}, other);
    REQUIRE(a.failures.size() == 1);
    CHECK(a.failures[0].kind == "tampered");
    CHECK(a.failures[0].venue == venue);
    CHECK(a.failures_elsewhere == 0);
    CHECK(b.failures.empty());
    CHECK(b.failures_elsewhere == 1);
    for (const auto& t : b.trainees) CHECK(fold_key(t.venue) == fold_key(other.filter.venues[0]));
    CHECK(render_html(b).find(venue) == std::string::npos);
}
