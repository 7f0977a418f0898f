#include "lrs_source.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "hash.h"
#include "http.h"
#include "platform.h"
#include "records.h"
#include "xapi.h"

namespace signaal::report {

namespace {
const char* kSinceFile = "lrs-since.txt";  // not *.json: the record walk must not take it
// Statements are stored by the LRS one request at a time while others may be
// running; one stored later can carry an earlier `stored` time than the newest
// seen. So the next fetch starts this much earlier; records fetched twice are
// rewritten with the same content.
constexpr long kSinceOverlapSeconds = 300;

std::string path_in(const std::string& dir, const std::string& name) { return platform::from_path(platform::to_path(dir) / name); }

// "2026-12-04T23:01:02.345Z" minus `seconds`, in the same form (UTC, no
// fraction); the text unchanged when it is not in that form.
std::string earlier(const std::string& stored, long seconds) {
    std::tm t{};
    if (std::sscanf(stored.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &t.tm_year, &t.tm_mon, &t.tm_mday, &t.tm_hour, &t.tm_min, &t.tm_sec) != 6)
        return stored;
    t.tm_year -= 1900, t.tm_mon -= 1;
    std::time_t when = platform::time_from_utc(t) - seconds;
    std::tm out{};
    if (!platform::utc_from_time(when, out)) return stored;
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &out);
    return buf;
}

// The record a completed statement carries, written into the mirror (flushed to
// the disk with the rest of its page); false when it carries none that parses.
bool write_record(const nlohmann::json& st, platform::FolderBatch& mirror, std::string& error) {
    auto ctx = st.find("context");
    if (ctx == st.end() || !ctx->is_object()) return false;
    auto ext = ctx->find("extensions");
    if (ext == ctx->end() || !ext->is_object()) return false;
    auto rec = ext->find(kScoreRecordExtension);
    if (rec == ext->end() || !rec->is_object()) return false;
    // Written as the player writes it, so the report reads the same bytes.
    const std::string text = rec->dump(1) + "\n";
    auto parsed = parse_record(text);
    auto* r = std::get_if<StoredRecord>(&parsed);
    if (!r) return false;
    const std::string name = record_file_name(r->module_id, r->info.trainee.id, r->info.registration);
    if (auto e = mirror.put(name, text)) {
        error = *e;
        return false;
    }
    return true;
}
}  // namespace

std::string default_lrs_mirror(const LrsEndpoint& lrs) {
    const std::string key = sha256_hex(statements_url(lrs.url) + "\n" + lrs.user).substr(0, 16);
    return platform::from_path(platform::to_path(platform::user_data_dir()) / "lrs-mirror" / key);
}

LrsFetch fetch_records(const LrsEndpoint& lrs, const std::string& mirror_dir, long page_size,
                       const std::function<void(const LrsFetch&)>& progress) {
    LrsFetch out;
    std::error_code ec;
    std::filesystem::create_directories(platform::to_path(mirror_dir), ec);
    if (ec) return out.error = "cannot create the LRS mirror " + mirror_dir + ": " + ec.message(), out;
    std::string since, text, err;
    std::uintmax_t size = 0;
    if (platform::read_whole_file(path_in(mirror_dir, kSinceFile), 100, text, size, err) == platform::ReadResult::ok)
        since = text.substr(0, text.find('\n'));

    platform::HttpClient http;
    platform::FolderBatch mirror(mirror_dir);
    std::string next = "?verb=" + url_escape("http://adlnet.gov/expapi/verbs/completed") + "&limit=" + std::to_string(page_size) +
                       "&ascending=true" + (since.empty() ? "" : "&since=" + url_escape(earlier(since, kSinceOverlapSeconds)));
    std::string newest = since;
    // Bounded: a million pages is far past any LRS a course fills.
    for (long guard = 0; !next.empty() && guard < 1000000; ++guard) {
        auto t0 = std::chrono::steady_clock::now();
        GetResult got = get_statements(http, lrs, next);
        out.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (got.state != PostState::stored) return out.error = got.message, out;
        ++out.pages;
        for (const auto& st : got.page["statements"]) {
            ++out.statements;
            std::string werr;
            if (write_record(st, mirror, werr)) ++out.records;
            else if (!werr.empty()) return out.error = werr, out;
            else ++out.skipped;
            if (st.contains("stored") && st["stored"].is_string() && st["stored"].get<std::string>() > newest)
                newest = st["stored"].get<std::string>();
        }
        // One flush per page rather than one per record file (a first fetch of
        // 10,000 attempts spent most of its time in fsync).
        if (auto e = mirror.sync()) return out.error = *e, out;
        if (progress) progress(out);
        next = got.page.value("more", "");
    }
    // Only after every record is in the mirror and on the disk (the sync above):
    // an interrupted fetch, or a power cut before this, starts from the old time again.
    if (!newest.empty() && newest != since)
        if (auto e = platform::replace_file(path_in(mirror_dir, kSinceFile), newest + "\n")) out.error = *e;
    return out;
}

}  // namespace signaal::report
