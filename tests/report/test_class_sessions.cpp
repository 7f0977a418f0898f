// Class records (classroom mode) are listed as class sessions and never count
// toward a trainee, a venue or a certificate.
#include <catch2/catch.hpp>

#include <filesystem>

#include "aggregate.h"
#include "catalogue.h"
#include "class_record.h"
#include "render.h"
#include "verify.h"

using namespace signaal;
using namespace signaal::report;

TEST_CASE("a class record is a class session, not an attempt", "[report][class]") {
    Catalogue cat = load_catalogue({std::filesystem::path(SIGNAAL_TEST_DIR).parent_path().string() + "/content/example"});
    auto m = cat.find("example-night-shift")->module;
    ClassRecord r;
    r.session = "0b7e3f7a-2a8d-4c57-9d7e-5a1b2c3d4e5f";
    r.class_name = "Toerisme 2B";
    r.teacher = "Mevr. Jansen";
    r.module_id = m->id;
    r.module_version = m->version;
    r.module_sha256 = m->sha256;
    r.started = "2026-11-28T09:00:00.000Z";
    r.decisions = {{"desk", {{"register", 20}, {"confront", 2}}, {"register"}, false, "2026-11-28T09:01:00.000Z"}};
    Aggregator agg(cat, {});
    CHECK(agg.add("class.json", verify_record(class_record_json(r).dump(), cat)) == Counted::ClassSession);
    ReportModel model = agg.finish({"dir"});
    REQUIRE(model.classes.size() == 1);
    CHECK(model.classes[0].class_name == "Toerisme 2B");
    CHECK(model.classes[0].decisions == 1);
    CHECK(model.classes[0].votes == 22);
    CHECK_FALSE(model.classes[0].finished);
    CHECK(model.trainees.empty());
    CHECK(model.venues.empty());
    CHECK(model.failures.empty());
    CHECK(model.counted == 0);
    CHECK(render_table(model).find("Toerisme 2B (Mevr. Jansen)  example-night-shift: 1 decisions") != std::string::npos);
    CHECK(render_json(model).find("\"classes\": [\n  {\"class\":\"Toerisme 2B\"") != std::string::npos);
}
