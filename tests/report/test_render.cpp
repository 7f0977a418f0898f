// The four renderings of the same model.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.h"
#include "render.h"
#include "roster.h"

using namespace signaal::report;

namespace {
ReportModel sample() {
    static ReportModel m = [] {
        std::string dir = rt::temp_dir("render");
        rt::generate(dir, 80, 10, 13);
        rt::spit(dir + "/broken.json", "{\"signaal_record\":1,");
        return rt::run({dir});
    }();
    return m;
}
}  // namespace

TEST_CASE("JSON report holds every view", "[report][render]") {
    auto j = nlohmann::json::parse(render_json(sample()));
    CHECK(j["counted"] == 80);
    CHECK(j["trainees"].size() == sample().trainees.size());
    CHECK(j["venues"].size() == sample().venues.size());
    CHECK_FALSE(j["modules"].empty());
    REQUIRE(j["failures"].size() == 1);
    CHECK(j["failures"][0]["kind"] == "corrupt");
}

TEST_CASE("JSON trainees are written with nlohmann::json's bytes", "[report][render]") {
    ReportModel m = sample();
    REQUIRE(m.trainees.size() >= 4);
    m.trainees[0].name = "Zoë \"Z\" \\ O'Neill\t";
    m.trainees[1].venue = std::string("bad \xC3\x28 utf-8 \x7F");
    m.trainees[2].role = "";
    m.trainees[3].modules.clear(), m.trainees[3].has_records = false;
    const std::string text = render_json(m);
    const nlohmann::json dom = report_json(m);
    for (size_t i = 0; i < m.trainees.size(); ++i) {
        std::string line = "  " + dom["trainees"][i].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        line += i + 1 < m.trainees.size() ? ",\n" : "\n ]";
        CHECK(text.find(line) != std::string::npos);
    }
}

TEST_CASE("CSV: one table per file, a BOM, every row as wide as the header, numbers as numbers", "[report][render]") {
    const ReportModel m = sample();
    CHECK(csv_tables().size() == 11);
    for (const auto& name : csv_tables()) {
        INFO(name);
        std::string csv = render_csv_table(m, name);
        REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);  // Excel reads "Chloë" as UTF-8
        auto rows = parse_csv(csv.substr(3));
        REQUIRE_FALSE(rows.empty());
        for (const auto& r : rows) CHECK(r.size() == rows[0].size());
    }
    CHECK(render_csv_table(m, "nonsense").empty());
    auto venues = parse_csv(render_csv_table(m, "venues").substr(3));
    REQUIRE(venues.size() == m.venues.size() + 1);
    CHECK(venues[0][3] == "share_percent");
    for (size_t i = 1; i < venues.size(); ++i) {
        INFO(venues[i][3]);
        CHECK(venues[i][3].find('%') == std::string::npos);
        CHECK(std::stod(venues[i][3]) == Approx(share_percent(m.venues[i - 1].passed, m.venues[i - 1].staff)));
    }
    // A filtered report says so in every row.
    ReportModel f = m;
    f.filter = "venue Hotel Centraal";
    auto rows = parse_csv(render_csv_table(f, "venues").substr(3));
    CHECK(rows[0].back() == "filter");
    CHECK(rows.back().back() == "venue Hotel Centraal");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("=cmd()") == "'=cmd()");  // no formula injection into spreadsheets
}

TEST_CASE("HTML report is self-contained with SVG bars and escaped text", "[report][render]") {
    ReportModel m = sample();
    m.trainees.front().name = "<script>alert(1)</script> Zoë";
    std::string html = render_html(m);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
    // Dates never wrap ("2026-01-/03"), and the page is not held to a narrow column.
    CHECK(html.find("white-space:nowrap") != std::string::npos);
    CHECK(html.find("max-width") == std::string::npos);
    CHECK(html.find("<span class=\"small nw\">" + day(m.trainees.front().modules.front().latest.date) + "</span>") != std::string::npos);
    // Missed signals as rates of the times they came up.
    CHECK(html.find("% missed") != std::string::npos);
    for (const char* external : {"src=", "href=", "@import", "url(", "http://", "https://"}) {
        INFO(external);
        CHECK(html.find(external) == std::string::npos);
    }
}

TEST_CASE("table report aligns UTF-8 names", "[report][render]") {
    CHECK(display_width("Zoë") == 3);
    std::string t = render_table(sample());
    CHECK(t.find("Skipped files") != std::string::npos);
    CHECK(t.find("broken.json") != std::string::npos);
}
