// The LRS outbox, its sender's backoff and the lrs.json configuration
// (core/outbox.h, core/outbox_sender.h, core/lrs_config.h). Sending to a real
// LRS is tested in tests/report/lrs_sync_test.py.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "helpers.h"
#include "lrs_config.h"
#include "outbox.h"
#include "outbox_sender.h"
#include "platform.h"
#include "records.h"
#include "xapi.h"
#include "http.h"

using namespace signaal;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {
AttemptInfo info(const std::string& registration) {
    AttemptInfo i;
    i.registration = registration;
    i.trainee = {"Anouk de Vries", "Hotel Zeezicht", "receptie", pseudonymous_id("Anouk de Vries", "Hotel Zeezicht")};
    i.software = "signaal test";
    return i;
}
const std::string kReg = "6f1c1f0e-8d5c-4a55-9f0a-3d9c6f1b2a10";
}  // namespace

TEST_CASE("the outbox queues one file per batch, named by attempt and statement", "[outbox]") {
    Outbox box(test::temp_dir("outbox-queue") + "/outbox");  // made on the first queue
    CHECK(box.items().empty());
    CHECK(box.waiting_attempts() == 0);
    json batch = json::array({{{"id", "s-1"}}, {{"id", "s-2"}}});
    REQUIRE(box.queue(kReg, batch).empty());
    REQUIRE(box.queue(kReg, batch).empty());  // the same batch again: the same file
    REQUIRE(box.queue("other", json::array({{{"id", "s-9"}}})).empty());
    auto items = box.items();
    REQUIRE(items.size() == 2);
    CHECK(items[0].name == kReg + "_s-2.json");
    CHECK(items[0].registration == kReg);
    CHECK(box.waiting_attempts() == 2);
    auto got = box.read(items[0]);
    REQUIRE(std::holds_alternative<json>(got));
    CHECK(std::get<json>(got) == batch);
    // A temporary a killed writer left behind is not a batch.
    std::ofstream(box.dir() + "/" + kReg + "_s-3.json.tmp123") << "[{\"id\":";
    CHECK(box.items().size() == 2);
    REQUIRE(box.remove(items[0]).empty());
    CHECK(box.waiting_attempts() == 1);
    CHECK(!box.queue(kReg, json::array()).empty());  // nothing to queue is refused, not written
}

TEST_CASE("the statements of every answer are queued once, the record travels with completed", "[outbox]") {
    Outbox box(test::temp_dir("outbox-session"));
    ModulePtr m = test::load_or_fail(test::example_path());
    Session s(m, "2026-01-01T10:00:00.000Z");
    AttemptInfo i = info(kReg);
    size_t queued = 0;
    REQUIRE(queue_new_statements(box, s, i, queued).empty());
    CHECK(queued == 1);  // initialized
    REQUIRE(queue_new_statements(box, s, i, queued).empty());
    CHECK(box.items().size() == 1);  // nothing new: nothing written
    test::play(s, {"register"}, 10);
    REQUIRE(queue_new_statements(box, s, i, queued).empty());
    CHECK(queued == 2);
    test::play(s, {"age", "luggage"}, 20);
    test::play(s, {"p-man", "p-key"}, 30);
    test::play(s, {"manager"}, 40);
    REQUIRE(s.finished());
    REQUIRE(queue_new_statements(box, s, i, queued).empty());
    json all = xapi_statements(s, i);
    CHECK(queued == all.size());
    // Every statement is in exactly one file.
    std::multiset<std::string> ids;
    for (const auto& item : box.items()) {
        auto batch = box.read(item);
        for (const auto& st : std::get<json>(batch)) ids.insert(st["id"].get<std::string>());
    }
    REQUIRE(ids.size() == all.size());
    for (const auto& st : all) CHECK(ids.count(st["id"].get<std::string>()) == 1);
    // The completed statement holds the record, as the record file does.
    const json* completed = nullptr;
    for (const auto& st : all)
        if (st["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed") completed = &st;
    REQUIRE(completed);
    CHECK((*completed)["context"]["extensions"][kScoreRecordExtension] == record_json(s, i));
}

TEST_CASE("backoff doubles up to its cap and starts again after a success", "[outbox]") {
    Backoff b(2, 30);
    CHECK(b.next() == 2);
    CHECK(b.next() == 4);
    CHECK(b.next() == 8);
    CHECK(b.next() == 16);
    CHECK(b.next() == 30);
    CHECK(b.next() == 30);
    CHECK(b.failures() == 6);
    b.reset();
    CHECK(b.next() == 2);
    for (int k = 0; k < 100; ++k) b.next();  // no overflow after many failures
    CHECK(b.next() == 30);
}

TEST_CASE("an unreachable LRS keeps the outbox and says so once", "[outbox]") {
    Outbox box(test::temp_dir("outbox-down"));
    REQUIRE(box.queue(kReg, json::array({{{"id", "s-1"}}})).empty());
    platform::HttpClient http;
    // Port 9 (discard) on the loopback address: nothing listens there in the test machine.
    SendRound r = send_outbox(box, http, {"http://127.0.0.1:9/xapi/", "u", "p4ssw0rd", 2});
    CHECK(r.state == PostState::unreachable);
    CHECK(r.files_sent == 0);
    CHECK(r.files_left == 1);
    CHECK(r.message.find("could not be reached") != std::string::npos);
    CHECK(r.message.find("p4ssw0rd") == std::string::npos);
    CHECK(box.items().size() == 1);
}

TEST_CASE("lrs.json: read, with clear errors that never show the password", "[outbox][config]") {
    auto ok = parse_lrs_config(R"({"endpoint": "https://lrs.example.org/xapi/", "user": "k", "password": "s3cret", "timeout_seconds": 5})", "lrs.json");
    REQUIRE(std::holds_alternative<LrsConfig>(ok));
    CHECK(std::get<LrsConfig>(ok).endpoint.url == "https://lrs.example.org/xapi/");
    CHECK(std::get<LrsConfig>(ok).endpoint.password == "s3cret");
    CHECK(std::get<LrsConfig>(ok).endpoint.timeout_seconds == 5);

    auto bad_json = parse_lrs_config("{\n  \"endpoint\": \"https://x/\",\n  \"password\": s3cret\n}", "c/lrs.json");
    REQUIRE(std::holds_alternative<std::string>(bad_json));
    CHECK(std::get<std::string>(bad_json).rfind("c/lrs.json:3:15: error: not JSON", 0) == 0);

    auto not_string = parse_lrs_config(R"({"endpoint": "https://x/", "password": 12345678})", "lrs.json");
    CHECK(std::get<std::string>(not_string) == "lrs.json:1:1: error: \"password\" must be a string");
    auto unknown = parse_lrs_config(R"({"endpoint": "https://x/", "pasword": "s3cret"})", "lrs.json");
    CHECK(std::get<std::string>(unknown).find("unknown key \"pasword\"") != std::string::npos);
    CHECK(std::get<std::string>(unknown).find("s3cret") == std::string::npos);
    auto no_endpoint = parse_lrs_config(R"({"user": "k"})", "lrs.json");
    CHECK(std::get<std::string>(no_endpoint).find("\"endpoint\" must be") != std::string::npos);
}

TEST_CASE("lrs.json: the settings folder wins over the content folders", "[outbox][config]") {
    const std::string root = test::temp_dir("lrs-config-find");
    fs::create_directories(root + "/config/signaal");
    fs::create_directories(root + "/content");
    setenv("XDG_CONFIG_HOME", (root + "/config").c_str(), 1);
    unsetenv("SIGNAAL_LRS_CONFIG");
    CHECK(!find_lrs_config({root + "/content"}));
    std::ofstream(root + "/content/lrs.json") << "{}";
    CHECK(find_lrs_config({root + "/content"}) == root + "/content/lrs.json");
    std::ofstream(root + "/config/signaal/lrs.json") << "{}";
    CHECK(find_lrs_config({root + "/content"}) == root + "/config/signaal/lrs.json");
    setenv("SIGNAAL_LRS_CONFIG", "/elsewhere/lrs.json", 1);
    CHECK(find_lrs_config({root + "/content"}) == "/elsewhere/lrs.json");
    unsetenv("SIGNAAL_LRS_CONFIG");
    unsetenv("XDG_CONFIG_HOME");
}

// platform::FolderBatch: the LRS mirror's writer (report/lrs_source.cpp) — whole
// files renamed into place, flushed together, errors said, no temporaries left.
TEST_CASE("a folder batch writes whole files and flushes them together", "[outbox][platform]") {
    const std::string dir = test::temp_dir("folder-batch");
    fs::create_directories(dir);
    platform::FolderBatch batch(dir);
    CHECK(!batch.sync());  // nothing put: nothing to do
    REQUIRE(!batch.put("a.json", "{\"a\": 1}\n"));
    REQUIRE(!batch.put("b.json", ""));
    REQUIRE(!batch.put("a.json", "{\"a\": 2}\n"));  // replaced, as a fetch that overlaps the last one does
    CHECK(batch.pending() == 3);
    REQUIRE(!batch.sync());
    CHECK(batch.pending() == 0);
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    CHECK(names == std::set<std::string>{"a.json", "b.json"});  // no temporary file left behind
    CHECK(test::read_file(dir + "/a.json") == "{\"a\": 2}\n");
    CHECK(fs::file_size(dir + "/b.json") == 0);

    platform::FolderBatch missing(dir + "/no-such-folder");
    auto e = missing.put("c.json", "x");
    REQUIRE(e);
    CHECK(e->find("no-such-folder") != std::string::npos);

    // The folder gone before the flush: said, not taken as stored.
    const std::string gone = dir + "/gone";
    fs::create_directories(gone);
    platform::FolderBatch late(gone);
    REQUIRE(!late.put("d.json", "x"));
    fs::remove_all(gone);
    auto f = late.sync();
    REQUIRE(f);
    CHECK(f->find("gone") != std::string::npos);
    CHECK(late.pending() == 1);
}
