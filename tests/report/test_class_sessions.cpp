// Class records (classroom mode) are listed as class sessions and never count
// toward a trainee, a venue or a certificate.
#include <map>
#include <catch2/catch.hpp>

#include <filesystem>

#include "aggregate.h"
#include "catalogue.h"
#include "class_record.h"
#include "render.h"
#include "verify.h"

using namespace signaal;
using namespace signaal::report;

namespace {
// A class session of the example module with one decision at "desk".
ClassRecord desk_session(const Module& m, const std::string& session, const std::string& class_name, std::map<std::string, int> votes,
                         std::string response) {
    ClassRecord r;
    r.session = session;
    r.class_name = class_name;
    r.module_id = m.id;
    r.module_version = m.version;
    r.module_sha256 = m.sha256;
    r.started = "2026-11-28T09:00:00.000Z";
    r.decisions = {{"desk", std::move(votes), {std::move(response)}, false, "2026-11-28T09:01:00.000Z"}};
    return r;
}
}  // namespace

TEST_CASE("a class record is a class session, not an attempt", "[report][class]") {
    Catalogue cat = load_catalogue({std::filesystem::path(SIGNAAL_TEST_DIR).parent_path().string() + "/content/example"});
    auto m = cat.find("example-night-shift")->module;
    ClassRecord r = desk_session(*m, "0b7e3f7a-2a8d-4c57-9d7e-5a1b2c3d4e5f", "Toerisme 2B", {{"register", 20}, {"confront", 2}}, "register");
    r.teacher = "Mevr. Jansen";
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

    // Per question: the options the class was offered (the record keeps 0 hands
    // for them), what it went with and which was best.
    REQUIRE(model.classes[0].questions.size() == 1);
    const ClassQuestion& q = model.classes[0].questions[0];
    CHECK(q.scene == "desk");
    CHECK(q.best);
    CHECK_FALSE(q.overridden);
    REQUIRE(q.options.size() == 2);
    CHECK(q.options[0].id == "register");
    CHECK(q.options[0].hands == 20);
    CHECK(q.options[0].chosen);
    CHECK(q.options[0].best);
    CHECK(q.options[1].id == "confront");
    CHECK_FALSE(q.options[1].best);
    const std::string csv = render_csv_table(model, "class_questions");
    CHECK(csv.find("file,class,module,date,decision,scene,question,overridden,class_right,option,label,hands,chosen,best") != std::string::npos);
    CHECK(csv.find(",desk,") != std::string::npos);
    CHECK(csv.find(",register,") != std::string::npos);
    CHECK(render_table(model).find("Toerisme 2B #1 desk: register (20), the best answer") != std::string::npos);
}

TEST_CASE("a class that went against the best answer is shown with the best one", "[report][class]") {
    Catalogue cat = load_catalogue({std::filesystem::path(SIGNAAL_TEST_DIR).parent_path().string() + "/content/example"});
    auto m = cat.find("example-night-shift")->module;
    ClassRecord r = desk_session(*m, "1b7e3f7a-2a8d-4c57-9d7e-5a1b2c3d4e5f", "3C",
                                 {{"register", 3}, {"ask-girl", 12}, {"confront", 0}, {"look-away", 1}}, "ask-girl");
    Aggregator agg(cat, {});
    REQUIRE(agg.add("class.json", verify_record(class_record_json(r).dump(), cat)) == Counted::ClassSession);
    ReportModel model = agg.finish({"dir"});
    const ClassQuestion& q = model.classes.at(0).questions.at(0);
    CHECK_FALSE(q.best);
    CHECK(q.options.size() == 4);
    CHECK(render_table(model).find("3C #1 desk: ask-girl (12), not the best answer") != std::string::npos);
    const std::string html = render_html(model);
    CHECK(html.find("Class sessions per question") != std::string::npos);
}
