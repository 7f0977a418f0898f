#include "scan.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

namespace signaal::report {

namespace fs = std::filesystem;

FoundFiles find_record_files(const std::vector<std::string>& paths) {
    FoundFiles out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) {
            out.files.push_back(p);
            continue;
        }
        if (!fs::is_directory(p, ec)) {
            out.errors.push_back(p + ": no such folder or file");
            continue;
        }
        fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            std::error_code fec;
            if (it->path().extension() == ".json" && it->is_regular_file(fec)) out.files.push_back(it->path().string());
        }
        if (ec) out.errors.push_back(p + ": " + ec.message());
    }
    std::sort(out.files.begin(), out.files.end());
    out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
    return out;
}

bool read_whole_file(const std::string& path, std::string& out, std::string& error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::string("cannot open the file: ") + std::strerror(errno);
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        error = "cannot open the file: not a regular file";
        return false;
    }
    if (static_cast<size_t>(st.st_size) > kMaxRecordBytes) {
        ::close(fd);
        error = "not a Signaal score record (file of " + std::to_string(st.st_size) + " bytes is far too large)";
        return false;
    }
    out.resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (got < out.size()) {
        ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = std::string("cannot read the file: ") + std::strerror(errno);
            ::close(fd);
            return false;
        }
        if (n == 0) break;  // shrank while reading: parse what is there
        got += static_cast<size_t>(n);
    }
    out.resize(got);
    ::close(fd);
    return true;
}

void verify_files(const std::vector<std::string>& files, const Catalogue& catalogue, const ScanOptions& options,
                  const std::function<void(const std::string&, Verification&)>& consume,
                  const std::function<void(size_t, size_t)>& progress) {
    // Work moves in chunks of consecutive files: one lock and one wake-up per
    // chunk instead of per file (per-file hand-offs left the cores idle, waiting
    // on each other). At most `window` chunks are verified ahead of the consumer.
    const size_t n = files.size(), chunk = std::max<size_t>(options.chunk, 1);
    const size_t chunks = (n + chunk - 1) / chunk, window = std::max<size_t>(options.window, 1);
    std::vector<std::optional<std::vector<Verification>>> slots(window);
    std::mutex mu;
    std::condition_variable ready, space;
    size_t consumed = 0;  // chunks handed to the consumer; guarded by mu
    std::atomic<size_t> next{0};

    auto work = [&] {
        std::string text, err;
        for (;;) {
            size_t c = next.fetch_add(1);
            if (c >= chunks) return;
            {
                std::unique_lock lk(mu);
                space.wait(lk, [&] { return c < consumed + window; });
            }
            std::vector<Verification> out;
            for (size_t i = c * chunk; i < std::min(n, (c + 1) * chunk); ++i) {
                Verification v;
                if (read_whole_file(files[i], text, err)) v = verify_record(text, catalogue);
                else v.problems.push_back(err);
                out.push_back(std::move(v));
            }
            std::lock_guard lk(mu);
            slots[c % window] = std::move(out);
            ready.notify_one();  // only the consumer waits on `ready`
        }
    };
    unsigned t = std::max(1u, options.threads);
    std::vector<std::thread> workers;
    for (unsigned k = 0; k < t; ++k) workers.emplace_back(work);
    for (size_t c = 0; c < chunks; ++c) {
        std::vector<Verification> got;
        {
            std::unique_lock lk(mu);
            ready.wait(lk, [&] { return slots[c % window].has_value(); });
            got = std::move(*slots[c % window]);
            slots[c % window].reset();
            ++consumed;
            space.notify_all();
        }
        for (size_t k = 0; k < got.size(); ++k) {
            size_t i = c * chunk + k;
            consume(files[i], got[k]);
            if (progress) progress(i + 1, n);
        }
    }
    for (auto& w : workers) w.join();
}

}  // namespace signaal::report
