// The course is passed, and counts for the venue, only when the assessment
// and every module it requires (`requires`, docs/module-format.md) are passed:
// a trainee who passed the final assessment alone has not passed the course.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "record_gen.h"

using namespace signaal::report;

namespace {
signaal::Trainee trainee(const std::string& name, const std::string& venue) {
    return {name, venue, "receptie", signaal::pseudonymous_id(name, venue)};
}
// Best attempts at `modules` by `who`, an hour apart from 2026-02-01.
void pass(const std::string& dir, const signaal::Trainee& who, const std::vector<std::string>& modules) {
    long long when = 1769904000;
    for (const auto& id : modules) {
        const signaal::CatalogueEntry* e = rt::catalogue().find(id);
        REQUIRE(e);
        REQUIRE(signaal::bench::write_best_attempt(e->module, who, dir, when += 3600) == "");
    }
}
const TraineeRow& row(const ReportModel& m, const std::string& name) {
    const TraineeRow* found = nullptr;
    for (const auto& t : m.trainees)
        if (t.name == name) found = &t;
    INFO("the trainee " << name);
    REQUIRE(found);
    return *found;
}
}  // namespace

TEST_CASE("passing the assessment alone is not passing the course", "[report][requires]") {
    const std::string dir = rt::temp_dir("requires-alone");
    pass(dir, trainee("Anouk Smit", "Hotel Zeezicht"), {"hotel-1-intro", "hotel-2-reception", "hotel-5-assessment"});
    ReportModel m = rt::run({dir});
    const TraineeRow& t = row(m, "Anouk Smit");
    // The assessment itself was passed...
    bool assessment_passed = false;
    for (const auto& tm : t.modules) assessment_passed |= tm.module_id == "hotel-5-assessment" && tm.best.passed;
    REQUIRE(assessment_passed);
    // ...but modules 3 and 4 were not: no course, no certificate, no certified venue.
    CHECK_FALSE(t.course_passed());
    REQUIRE(m.venues.size() == 1);
    CHECK(m.venues[0].passed == 0);
    CHECK_FALSE(m.venues[0].certified);
}

TEST_CASE("the assessment with every module it requires passes the course and certifies the venue", "[report][requires]") {
    const std::string dir = rt::temp_dir("requires-all");
    pass(dir, trainee("Daan Bos", "Hotel Zeezicht"),
         {"hotel-1-intro", "hotel-2-reception", "hotel-3-rooms-grounds", "hotel-4-acting", "hotel-5-assessment"});
    // A colleague with the assessment and three of the four.
    pass(dir, trainee("Eva Vos", "Hotel Zeezicht"),
         {"hotel-1-intro", "hotel-2-reception", "hotel-4-acting", "hotel-5-assessment"});
    // Order of play does not matter for the report: modules passed after the assessment count too.
    pass(dir, trainee("Sem Dekker", "Hotel Zeezicht"),
         {"hotel-5-assessment", "hotel-4-acting", "hotel-3-rooms-grounds", "hotel-2-reception", "hotel-1-intro"});
    AggregateOptions o;
    o.threshold = 0.6;
    ReportModel m = rt::run({dir}, o);
    const TraineeRow& daan = row(m, "Daan Bos");
    REQUIRE(daan.course_passed());
    CHECK(daan.passes.front().module_id == "hotel-5-assessment");
    CHECK(daan.passes.front().course == "hotel-park");
    CHECK_FALSE(row(m, "Eva Vos").course_passed());
    CHECK(row(m, "Sem Dekker").course_passed());
    REQUIRE(m.venues.size() == 1);
    CHECK(m.venues[0].staff == 3);
    CHECK(m.venues[0].passed == 2);  // 2 of 3 = 66.7%: certified at 60%
    CHECK(m.venues[0].certified);
}
