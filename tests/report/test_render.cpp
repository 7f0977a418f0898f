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

TEST_CASE("CSV report: one table column, quoted fields", "[report][render]") {
    std::string csv = render_csv(sample());
    auto rows = parse_csv(csv);
    REQUIRE_FALSE(rows.empty());
    for (const auto& r : rows) {
        INFO(r[0]);
        CHECK((r[0].rfind("header:", 0) == 0 || r[0] == "trainee" || r[0] == "venue" || r[0] == "option" || r[0] == "signal" ||
               r[0] == "critical" || r[0] == "skipped"));
    }
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
