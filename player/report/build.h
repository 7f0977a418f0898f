// One call from folders to a ReportModel: find the record files, verify them on
// worker threads, fold them into the model. signaal-report uses it, and a window
// can run it on a background thread and show the model (progress comes back
// through `progress`, called on the calling thread).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "aggregate.h"
#include "scan.h"

namespace signaal::report {

struct BuildHooks {
    std::function<void(size_t done, size_t total)> progress;
    // Called for every attempt that counted (verified, first of its registration),
    // e.g. to export it as xAPI while the record is still at hand.
    std::function<void(const std::string& path, const Verification& v)> counted;
};

struct Built {
    ReportModel model;
    std::vector<std::string> errors;  // folders that do not exist or cannot be read
};

Built build_report(const std::vector<std::string>& dirs, const Catalogue& catalogue, const AggregateOptions& options,
                   const ScanOptions& scan = {}, const BuildHooks& hooks = {});

}  // namespace signaal::report
