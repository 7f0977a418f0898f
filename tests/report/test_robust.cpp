// Bad files are reported and skipped: they never crash the report, never count,
// and never make a certificate.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.h"

using namespace signaal::report;
namespace fs = std::filesystem;

namespace {
const Failure* failure_for(const ReportModel& m, const std::string& file) {
    for (const auto& f : m.failures)
        if (f.file == file) return &f;
    return nullptr;
}
int passes(const ReportModel& m) {
    int n = 0;
    for (const auto& t : m.trainees) n += static_cast<int>(t.passes.size());
    return n;
}
}  // namespace

TEST_CASE("bad files are skipped with a reason and never count", "[report][robust]") {
    std::string dir = rt::temp_dir("robust");
    // Enough attempts per trainee that some reach the assessment (it opens after modules 1-4).
    const long n = 120;
    rt::generate(dir + "/good", n, 3, 3);
    ReportModel clean = rt::run({dir});
    REQUIRE(clean.counted == n);
    REQUIRE(clean.failures.empty());

    std::string good = rt::find_passing(dir + "/good");
    REQUIRE_FALSE(good.empty());
    std::string text = rt::slurp(good);
    std::string bad = dir + "/zz-bad";  // sorts after good/: the copy is the one skipped
    fs::create_directories(bad);

    struct Case {
        std::string name, content, kind;
    };
    nlohmann::json j = nlohmann::json::parse(text);
    auto tampered = [&](auto change) {
        nlohmann::json t = j;
        change(t);
        t["registration"] = "00000000-0000-4000-8000-00000000000" + std::to_string(t.dump().size() % 10);
        return t.dump(1);
    };
    std::vector<Case> cases = {
        {"corrupt.json", std::string("\x00\xff\xfe garbage {{{", 16), "corrupt"},
        {"truncated.json", text.substr(0, text.size() / 2), "corrupt"},
        {"empty.json", "", "corrupt"},
        {"foreign-object.json", R"({"name":"not a record","items":[1,2,3]})", "foreign"},
        {"foreign-array.json", "[1,2,3]", "foreign"},
        {"future-version.json", R"({"signaal_record":2})", "foreign"},
        {"missing-fields.json", R"({"signaal_record":1,"software":"x"})", "corrupt"},
        {"duplicate.json", text, "duplicate"},
        {"tampered-score.json", tampered([](nlohmann::json& t) { t["result"]["scaled"] = 100; }), "tampered"},
        {"tampered-name.json", tampered([](nlohmann::json& t) { t["trainee"]["name"] = "Someone Else"; }), "tampered"},
        {"tampered-answer.json", tampered([](nlohmann::json& t) { t["answers"][0]["response"] = {"no-such-choice"}; }), "tampered"},
        {"unknown-module.json", tampered([](nlohmann::json& t) { t["module"]["id"] = "no-such-module"; }), "unknown-module"},
        {"changed-module.json", tampered([](nlohmann::json& t) { t["module"]["sha256"] = std::string(64, '0'); }), "module-changed"},
    };
    for (const auto& c : cases) rt::spit(bad + "/" + c.name, c.content);
    fs::create_directories(bad + "/folder.json");  // a folder named like a record is not a file

    ReportModel m = rt::run({dir});
    CHECK(m.counted == n);
    CHECK(m.files == n + static_cast<long>(cases.size()));
    CHECK(passes(m) == passes(clean));
    for (const auto& c : cases) {
        INFO(c.name);
        const Failure* f = failure_for(m, bad + "/" + c.name);
        REQUIRE(f != nullptr);
        CHECK(f->kind == c.kind);
        CHECK_FALSE(f->reasons.empty());
    }
    // The duplicate names the file it duplicates.
    CHECK(failure_for(m, bad + "/duplicate.json")->reasons[0].find(good) != std::string::npos);
    // The tampered copies did not create a trainee called "Someone Else".
    for (const auto& t : m.trainees) CHECK(t.name != "Someone Else");
}

TEST_CASE("a huge file is refused without reading it", "[report][robust]") {
    std::string dir = rt::temp_dir("huge");
    {
        std::ofstream out(dir + "/big.json", std::ios::binary);
        out.seekp(static_cast<std::streamoff>(kMaxRecordBytes + 1));
        out.put('x');
    }
    ReportModel m = rt::run({dir});
    REQUIRE(m.failures.size() == 1);
    CHECK(m.failures[0].kind == "too-large");
    REQUIRE(m.failures[0].reasons.size() == 1);
    CHECK(m.failures[0].reasons[0].find("larger than the 4 MB a score record may be") != std::string::npos);
    CHECK(m.counted == 0);
}

TEST_CASE("missing folders are reported, not fatal", "[report][robust]") {
    auto found = find_record_files({"/nonexistent/signaal/folder"});
    CHECK(found.files.empty());
    REQUIRE(found.errors.size() == 1);
}

TEST_CASE("duplicates resolve the same way whatever the thread timing", "[report][robust]") {
    std::string dir = rt::temp_dir("dups");
    rt::generate(dir + "/a", 30, 8, 11);
    fs::copy(dir + "/a", dir + "/b", fs::copy_options::recursive);
    for (unsigned threads : {1u, 2u, 4u}) {
        auto found = find_record_files({dir});
        Aggregator agg(rt::catalogue(), {});
        ScanOptions so;
        so.threads = threads, so.window = 3, so.chunk = threads;
        verify_files(found.files, rt::catalogue(), so, [&](const std::string& p, signaal::Verification& v) { agg.add(p, v); });
        ReportModel m = agg.finish({dir});
        CHECK(m.counted == 30);
        REQUIRE(m.failures.size() == 30);
        for (const auto& f : m.failures) {
            CHECK(f.kind == "duplicate");
            CHECK(f.file.find(dir + "/b/") == 0);  // the copy sorted later is the one skipped
        }
    }
}
