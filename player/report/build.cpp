#include "build.h"

namespace signaal::report {

Built build_report(const std::vector<std::string>& dirs, const Catalogue& catalogue, const AggregateOptions& options,
                   const ScanOptions& scan, const BuildHooks& hooks) {
    Built out;
    FoundFiles found = find_record_files(dirs);
    out.errors = std::move(found.errors);
    Aggregator agg(catalogue, options);
    verify_files(
        found.files, catalogue, scan,
        [&](const std::string& path, Verification& v) {
            if (agg.add(path, v) == Counted::Yes && hooks.counted) hooks.counted(path, v);
        },
        hooks.progress);
    out.model = agg.finish(dirs, [&](long n) { return n >= 1 && static_cast<size_t>(n) <= found.files.size() ? found.files[static_cast<size_t>(n - 1)] : "?"; });
    return out;
}

}  // namespace signaal::report
