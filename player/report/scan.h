// Finding score record files and verifying them on worker threads. Results are
// handed to the caller in file order (sorted paths), so duplicates resolve the
// same way on every run, while at most a small window of records is in memory.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "catalogue.h"
#include "verify.h"

namespace signaal::report {

struct FoundFiles {
    std::vector<std::string> files;   // *.json under the folders (and files given directly), sorted
    std::vector<std::string> errors;  // folders that do not exist or cannot be read
};
FoundFiles find_record_files(const std::vector<std::string>& paths);

// Files larger than this are not score records (a record is a few kilobytes).
inline constexpr size_t kMaxRecordBytes = 16u << 20;

// Reads a whole file; on failure returns false with `error` set.
bool read_whole_file(const std::string& path, std::string& out, std::string& error);

struct ScanOptions {
    unsigned threads = 2;
    size_t chunk = 64;  // files per hand-off between a worker and the consumer
    size_t window = 8;  // chunks verified ahead of the consumer, at most
};

// Verifies every file with `threads` workers and calls `consume(path, verification)`
// on the calling thread in file order; `progress(done, total)` after each.
void verify_files(const std::vector<std::string>& files, const Catalogue& catalogue, const ScanOptions& options,
                  const std::function<void(const std::string&, Verification&)>& consume,
                  const std::function<void(size_t, size_t)>& progress = {});

}  // namespace signaal::report
