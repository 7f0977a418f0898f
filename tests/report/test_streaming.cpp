// What lets the report stream instead of holding one entry per file: the folder
// walk hands out the same files in the same order as sorting every path would,
// the registration set remembers every attempt, renderers write in pieces, and
// a duplicate still names the file that counted.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "helpers.h"
#include "record_files.h"
#include "registration_set.h"
#include "render.h"

using namespace signaal::report;
namespace fs = std::filesystem;

namespace {
// Every *.json path, sorted as strings: what the report used to list up front.
std::vector<std::string> sorted_listing(const std::vector<std::string>& paths) {
    std::set<std::string> all;
    for (const auto& p : paths) {
        if (fs::is_regular_file(p)) {
            all.insert(p);
            continue;
        }
        for (fs::recursive_directory_iterator it(p), end; it != end; ++it)
            if (it->path().extension() == ".json" && it->is_regular_file()) all.insert(it->path().string());
    }
    return {all.begin(), all.end()};
}
}  // namespace

TEST_CASE("the folder walk gives every record file once, in sorted path order", "[report][streaming]") {
    std::string dir = rt::temp_dir("walk");
    // Names that sort differently as names than as paths: "a" < "a-b" < "a.json",
    // but "a-b/…" < "a.json" < "a/…".
    for (const char* d : {"a", "a-b", "a/x", "b", "weird.json"}) fs::create_directories(dir + "/" + d);
    for (const char* f : {"a/1.json", "a/x/2.json", "a/x.json", "a-b/3.json", "a.json", "b/.json", "b/..json", "b/c.JSON",
                          "b/d.json", "weird.json/e.json", "notes.txt"})
        rt::spit(dir + "/" + f, "{}");
    fs::create_symlink(dir + "/a/1.json", dir + "/b/link.json");
    fs::create_directory_symlink(dir + "/a", dir + "/b/dirlink");  // not followed

    const std::vector<std::vector<std::string>> cases = {
        {dir}, {dir + "/"}, {dir + "/b", dir + "/a", dir}, {dir + "/a/1.json", dir + "/a"}, {dir + "/a.json"}};
    for (const auto& paths : cases) {
        FoundFiles found = find_record_files(paths);
        CHECK(found.errors.empty());
        CHECK(found.files == sorted_listing(paths));
    }
    CHECK(count_record_files({dir}) == sorted_listing({dir}).size());

    FoundFiles missing = find_record_files({dir + "/nope", dir + "/a"});
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0] == dir + "/nope: no such folder or file");
    CHECK(missing.files == sorted_listing({dir + "/a"}));
}

TEST_CASE("the registration set remembers which file counted each attempt", "[report][streaming]") {
    RegistrationSet set;
    std::mt19937_64 rng(5);
    std::vector<RegistrationKey> keys(20000);
    for (auto& k : keys)
        for (auto& b : k) b = static_cast<unsigned char>(rng());
    keys[1] = RegistrationKey{};  // all zero: a key like any other
    for (uint32_t i = 0; i < keys.size(); ++i) CHECK(set.insert(keys[i], i + 1) == 0);
    CHECK(set.size() == keys.size());
    for (uint32_t i = 0; i < keys.size(); ++i) REQUIRE(set.insert(keys[i], 99999) == i + 1);
    CHECK(set.size() == keys.size());
    CHECK(registration_key("0B8E5A3C-2F1D-4E6A-9C7B-5D4E3F2A1B0C") == registration_key("0b8e5a3c-2f1d-4e6a-9c7b-5d4e3f2a1b0c"));
}

TEST_CASE("a report written in pieces is the report written whole", "[report][streaming]") {
    std::string dir = rt::temp_dir("pieces");
    rt::generate(dir, 300, 40, 9);
    const ReportModel m = rt::run({dir});
    for (Format f : {Format::Table, Format::Csv, Format::Json, Format::Html}) {
        std::string pieces;
        size_t calls = 0;
        Sink sink([&](std::string_view s) { pieces.append(s), ++calls; });
        render(m, f, sink);
        sink.flush();
        CHECK(pieces == render(m, f));
        CHECK(calls >= 1);
    }
}

TEST_CASE("a duplicate names the file that counted, found again after the scan", "[report][streaming]") {
    std::string dir = rt::temp_dir("dupname");
    rt::generate(dir + "/b", 5, 3, 4);
    fs::copy(dir + "/b", dir + "/a-copy", fs::copy_options::recursive);  // sorts first: these count
    ReportModel m = rt::run({dir});
    CHECK(m.counted == 5);
    REQUIRE(m.failures.size() == 5);
    for (const auto& f : m.failures) {
        REQUIRE(f.file.rfind(dir + "/b/", 0) == 0);
        const std::string rel = f.file.substr(dir.size() + 3);
        CHECK(f.reasons[0].find(" as " + dir + "/a-copy/" + rel + "; counted once") != std::string::npos);
    }
}
