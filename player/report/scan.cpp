#include "scan.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

#include "file_read.h"
#include "platform.h"
#include "record_files.h"

namespace signaal::report {

FoundFiles find_record_files(const std::vector<std::string>& paths) {
    FoundFiles out;
    RecordFiles files(paths);
    for (std::string p; files.next(p);) out.files.push_back(p);
    out.errors = files.errors();
    return out;
}

bool read_whole_file(const std::string& path, std::string& out, std::string& error) {
    std::uintmax_t size = 0;
    switch (platform::read_whole_file(path, kMaxRecordBytes, out, size, error)) {
        case platform::ReadResult::ok: return true;
        case platform::ReadResult::cannot_open: error = "cannot open the file: " + error; break;
        case platform::ReadResult::not_regular: error = "cannot open the file: not a regular file"; break;
        case platform::ReadResult::too_large:
            error = "the file is " + size_words(size) + ", larger than the " + size_words(kMaxRecordBytes) +
                    " a score record may be; it was not read";
            break;
        case platform::ReadResult::cannot_read: error = "cannot read the file: " + error; break;
    }
    return false;
}

void verify_files(const std::function<bool(std::string&)>& next, size_t total, const Catalogue& catalogue,
                  const ScanOptions& options, const Consume& consume, const Progress& progress) {
    // Work moves in chunks of consecutive files: one lock and one wake-up per
    // chunk instead of per file (per-file hand-offs left the cores idle, waiting
    // on each other). At most `window` chunks are out ahead of the consumer, and
    // the paths travel with their chunk: none is kept once consumed.
    struct Chunk {
        std::vector<std::string> paths;
        std::vector<Verification> results;
    };
    const size_t chunk = std::max<size_t>(options.chunk, 1), window = std::max<size_t>(options.window, 1);
    std::vector<std::optional<Chunk>> slots(window);
    std::mutex mu;
    std::condition_variable ready, space;
    size_t claimed = 0, consumed = 0;  // chunks taken by workers, handed to the consumer; guarded by mu
    bool ended = false;                // `next` has no more files; guarded by mu
    const Verifier verifier(catalogue);

    auto work = [&] {
        std::string text, err;
        for (;;) {
            Chunk ch;
            size_t c = 0;
            {
                std::unique_lock lk(mu);
                space.wait(lk, [&] { return ended || claimed < consumed + window; });
                if (ended) return;
                for (std::string p; ch.paths.size() < chunk && next(p);) ch.paths.push_back(std::move(p));
                if (ch.paths.size() < chunk) {
                    ended = true;
                    space.notify_all();
                    ready.notify_one();  // only the consumer waits on `ready`
                }
                if (ch.paths.empty()) return;
                c = claimed++;
            }
            ch.results.reserve(ch.paths.size());
            for (const auto& path : ch.paths) {
                Verification v;
                if (read_whole_file(path, text, err)) v = verifier.verify(text);
                else v.problems.push_back(err);
                ch.results.push_back(std::move(v));
            }
            std::lock_guard lk(mu);
            slots[c % window] = std::move(ch);
            ready.notify_one();
        }
    };
    unsigned t = std::max(1u, options.threads);
    std::vector<std::thread> workers;
    for (unsigned k = 0; k < t; ++k) workers.emplace_back(work);
    size_t done = 0;
    for (size_t c = 0;; ++c) {
        Chunk got;
        {
            std::unique_lock lk(mu);
            ready.wait(lk, [&] { return slots[c % window].has_value() || (ended && c >= claimed); });
            if (!slots[c % window]) break;
            got = std::move(*slots[c % window]);
            slots[c % window].reset();
            ++consumed;
            space.notify_all();
        }
        for (size_t k = 0; k < got.paths.size(); ++k) {
            consume(got.paths[k], got.results[k]);
            if (progress) progress(++done, total);
        }
    }
    for (auto& w : workers) w.join();
}

void verify_files(const std::vector<std::string>& files, const Catalogue& catalogue, const ScanOptions& options,
                  const Consume& consume, const Progress& progress) {
    size_t i = 0;
    auto next = [&](std::string& path) {
        if (i == files.size()) return false;
        path = files[i++];
        return true;
    };
    verify_files(next, files.size(), catalogue, options, consume, progress);
}

}  // namespace signaal::report
