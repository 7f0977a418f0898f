// The trainer view's filters (ReportFilter): venue, module and date range narrow
// the attempts that are folded in; whatever remains must match the filter, and
// a venue's own figures do not change when only that venue is shown.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

#include "helpers.h"
#include "render.h"

using namespace signaal::report;

TEST_CASE("ReportFilter matches venue, module and inclusive days", "[report][filter]") {
    ReportFilter f;
    CHECK(f.empty());
    CHECK(f.matches("Hotel A", "m", "2026-01-01T10:00:00Z"));
    f.venues = {"  hotel a "};
    CHECK(f.matches("Hotel A", "m", "2026-01-01T10:00:00Z"));
    CHECK_FALSE(f.matches("Hotel B", "m", "2026-01-01T10:00:00Z"));
    f = {};
    f.module = "m";
    CHECK_FALSE(f.matches("x", "n", "2026-01-01T10:00:00Z"));
    f = {};
    setenv("TZ", "UTC", 1), tzset();  // days are local days: fix the zone
    f.from = "2026-01-02", f.to = "2026-01-03";
    CHECK_FALSE(f.matches("x", "m", "2026-01-01T23:59:59Z"));
    CHECK(f.matches("x", "m", "2026-01-02T00:00:00Z"));
    CHECK(f.matches("x", "m", "2026-01-03T23:59:59Z"));  // `to` is inclusive
    CHECK_FALSE(f.matches("x", "m", "2026-01-04T00:00:00Z"));
}

TEST_CASE("filtered reports keep only matching attempts", "[report][filter]") {
    std::string dir = rt::temp_dir("filter");
    rt::generate(dir, 200, 30, 11);
    const ReportModel all = rt::run({dir});
    REQUIRE(all.counted == 200);
    REQUIRE(all.venues.size() >= 2);
    REQUIRE(all.filtered == 0);

    SECTION("by venue: that venue's row is unchanged") {
        AggregateOptions o;
        const VenueRow& want = all.venues[1];
        o.filter.venues = {want.venue};
        ReportModel m = rt::run({dir}, o);
        REQUIRE(m.venues.size() == 1);
        CHECK(m.venues[0].venue == want.venue);
        CHECK(m.venues[0].staff == want.staff);
        CHECK(m.venues[0].passed == want.passed);
        CHECK(m.venues[0].certified == want.certified);
        for (const auto& t : m.trainees) CHECK(t.venue == want.venue);
        CHECK(m.counted + m.filtered == all.counted);
        CHECK(m.filtered > 0);
    }
    SECTION("by module: only that module's rows") {
        AggregateOptions o;
        o.filter.module = all.modules.front().id;
        ReportModel m = rt::run({dir}, o);
        REQUIRE(m.modules.size() == 1);
        CHECK(m.modules[0].id == o.filter.module);
        CHECK(m.modules[0].attempts == all.modules.front().attempts);
        for (const auto& t : m.trainees)
            for (const auto& tm : t.modules) CHECK(tm.module_id == o.filter.module);
    }
    SECTION("by date: every attempt's day in range") {
        std::string first = "9999", last;
        for (const auto& t : all.trainees)
            for (const auto& tm : t.modules) first = std::min(first, day(tm.best.date)), last = std::max(last, day(tm.latest.date));
        AggregateOptions o;
        o.filter.from = o.filter.to = first;
        ReportModel m = rt::run({dir}, o);
        CHECK(m.counted >= 1);
        for (const auto& t : m.trainees)
            for (const auto& tm : t.modules) {
                CHECK(day(tm.latest.date) == first);
                CHECK(day(tm.best.date) == first);
            }
        o.filter.from = "", o.filter.to = last;
        CHECK(rt::run({dir}, o).counted == 200);
    }
}
