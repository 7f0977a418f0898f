// What the review shows: latest and best attempts, course passes, venues and
// the certification rule, per-question counts.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "records.h"
#include "roster.h"

using namespace signaal::report;

TEST_CASE("per trainee: latest and best attempt per module", "[report]") {
    std::string dir = rt::temp_dir("agg");
    rt::generate(dir, 300, 15, 5);
    ReportModel m = rt::run({dir});
    REQUIRE(m.counted == 300);
    long attempts = 0;
    for (const auto& t : m.trainees) {
        CHECK(t.has_records);
        for (const auto& tm : t.modules) {
            attempts += tm.attempts;
            CHECK(tm.best.scaled >= (tm.latest.passed == tm.best.passed ? tm.latest.scaled : 0));
            CHECK(tm.latest.date >= tm.best.date);
            if (tm.latest.passed) CHECK(tm.best.passed);
        }
        for (const auto& p : t.passes) {
            CHECK(p.module_id == "hotel-5-assessment");
            CHECK(p.course == "hotel-park");
            CHECK(p.code.size() == 19);
        }
    }
    CHECK(attempts == 300);
    // Per module, every answer to a choices question counts one option.
    for (const auto& ms : m.modules)
        for (const auto& q : ms.questions)
            if (q.kind == "choices") {
                long sum = 0;
                for (const auto& o : q.options) sum += o.count;
                CHECK(sum == q.answered);
            }
}

TEST_CASE("venue certification: share of staff at least the threshold", "[report]") {
    std::string dir = rt::temp_dir("venue");
    rt::generate(dir, 200, 12, 9);
    AggregateOptions o;
    o.threshold = 0.6;
    ReportModel m = rt::run({dir}, o);
    REQUIRE_FALSE(m.venues.empty());
    int staff = 0;
    for (const auto& v : m.venues) {
        staff += v.staff;
        CHECK(v.share == Approx(static_cast<double>(v.passed) / v.staff));
        CHECK(v.certified == (v.share >= 0.6 - 1e-9));
    }
    CHECK(staff == static_cast<int>(m.trainees.size()));

    // Exactly at the threshold counts: 3 of 5 is 60%.
    auto r = parse_roster("name,venue,role\n");
    CHECK(std::holds_alternative<std::string>(r));  // a roster with nobody is an error
}

TEST_CASE("a roster decides who counts as staff", "[report][roster]") {
    std::string dir = rt::temp_dir("roster");
    rt::generate(dir, 120, 6, 21);
    ReportModel plain = rt::run({dir});
    REQUIRE_FALSE(plain.trainees.empty());
    const TraineeRow& t0 = plain.trainees.front();

    // The roster lists one trainee who played (by name, other case and spaces)
    // and two who never did, at the same venue.
    std::string csv = "\xEF\xBB\xBFname,venue,role\r\n\"  " + t0.name + "\"," + t0.venue + ",receptie\r\n" +
                      "\"Jansen, Piet\"," + t0.venue + ",keuken\r\nNoëlle Ëlberg," + t0.venue + ",\r\n";
    auto parsed = parse_roster(csv);
    REQUIRE(std::holds_alternative<std::vector<RosterEntry>>(parsed));
    auto roster = std::get<std::vector<RosterEntry>>(parsed);
    REQUIRE(roster.size() == 3);
    CHECK(roster[1].name == "Jansen, Piet");
    CHECK(roster[0].id == t0.id);

    AggregateOptions o;
    o.roster = roster, o.roster_file = "roster.csv", o.threshold = 0.3;
    ReportModel m = rt::run({dir}, o);
    REQUIRE(m.venues.size() == 1);  // only the roster's venue
    CHECK(m.venues[0].staff == 3);
    CHECK(m.venues[0].passed == (t0.course_passed() ? 1 : 0));
    CHECK(m.venues[0].certified == t0.course_passed());  // 1/3 >= 0.3
    int never = 0;
    for (const auto& t : m.trainees) never += !t.has_records;
    CHECK(never == 2);
}

TEST_CASE("roster CSV parsing", "[report][roster]") {
    auto rows = parse_csv("a,\"b,c\",\"d \"\"e\"\"\"\r\n\nx,y\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::string>{"a", "b,c", "d \"e\""});
    CHECK(rows[1] == std::vector<std::string>{"x", "y"});
    auto bad = parse_roster("only-a-name\n");
    REQUIRE(std::holds_alternative<std::string>(bad));
    CHECK(std::get<std::string>(bad).find("line 1") != std::string::npos);
    auto ids = parse_roster("0123456789abcdef,Hotel X\n");
    REQUIRE(std::holds_alternative<std::vector<RosterEntry>>(ids));
    CHECK(std::get<std::vector<RosterEntry>>(ids)[0].id == "0123456789abcdef");
}
