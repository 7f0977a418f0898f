// Verifying score record files on worker threads. Results are handed to the
// caller in file order (sorted paths, record_files.h), so duplicates resolve the
// same way on every run, while at most a small window of records is in memory.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "catalogue.h"
#include "input_limits.h"
#include "verify.h"

namespace signaal::report {

// Every file RecordFiles hands out, in a list (for tests and small jobs; a report
// streams them instead).
struct FoundFiles {
    std::vector<std::string> files;   // *.json under the folders (and files given directly), sorted
    std::vector<std::string> errors;  // folders that do not exist or cannot be read
};
FoundFiles find_record_files(const std::vector<std::string>& paths);

// Files larger than this are not score records (a record is a few kilobytes).
using signaal::kMaxRecordBytes;  // core/limits.h

// Reads a whole file; on failure returns false with `error` set.
bool read_whole_file(const std::string& path, std::string& out, std::string& error);

struct ScanOptions {
    unsigned threads = 2;
    size_t chunk = 64;  // files per hand-off between a worker and the consumer
    size_t window = 8;  // chunks verified ahead of the consumer, at most
};

using Consume = std::function<void(const std::string& path, Verification& v)>;
using Progress = std::function<void(size_t done, size_t total)>;

// Verifies the files `next` hands out (it sets the path, or returns false at the
// end) with `threads` workers, and calls `consume(path, verification)` on the
// calling thread in that order; `progress(done, total)` after each, with `total`
// as given (0: not known). `next` is called by one thread at a time.
void verify_files(const std::function<bool(std::string&)>& next, size_t total, const Catalogue& catalogue,
                  const ScanOptions& options, const Consume& consume, const Progress& progress = {});
void verify_files(const std::vector<std::string>& files, const Catalogue& catalogue, const ScanOptions& options,
                  const Consume& consume, const Progress& progress = {});

}  // namespace signaal::report
