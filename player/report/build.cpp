#include "build.h"

#include "record_files.h"

namespace signaal::report {

namespace {
// A duplicate names the file that counted the attempt, which the aggregator
// knows only by number: no path is kept per file while verifying. The folders
// are walked again for those few names, and a name is given only when that file
// still holds the registration (the folders may have changed meanwhile).
std::map<long, std::string> repeated_file_names(const std::vector<std::string>& dirs, const Aggregator& agg) {
    std::map<long, std::string> names;
    const std::map<long, RegistrationKey> wanted = agg.repeated_files();
    if (wanted.empty()) return names;
    RecordFiles files(dirs);
    std::string path, text, err;
    auto it = wanted.begin();
    for (long n = 1; it != wanted.end() && files.next(path); ++n) {
        if (n != it->first) continue;
        if (read_whole_file(path, text, err)) {
            auto parsed = parse_record(text);
            if (auto* r = std::get_if<StoredRecord>(&parsed); r && registration_key(r->info.registration) == it->second) names[n] = path;
        }
        ++it;
    }
    return names;
}
}  // namespace

Built build_report(const std::vector<std::string>& dirs, const Catalogue& catalogue, const AggregateOptions& options,
                   const ScanOptions& scan, const BuildHooks& hooks) {
    Built out;
    // Counting first costs a second walk of the folders (no file is read), for a
    // progress bar that knows its end.
    const size_t total = hooks.progress ? count_record_files(dirs) : 0;
    RecordFiles files(dirs);
    Aggregator agg(catalogue, options);
    verify_files(
        [&](std::string& path) { return files.next(path); }, total, catalogue, scan,
        [&](const std::string& path, Verification& v) {
            if (agg.add(path, v) == Counted::Yes && hooks.counted) hooks.counted(path, v);
        },
        hooks.progress);
    out.errors = files.errors();
    const std::map<long, std::string> names = repeated_file_names(dirs, agg);
    out.model = agg.finish(dirs, [&](long n) {
        auto it = names.find(n);
        return it == names.end() ? std::string() : it->second;
    });
    return out;
}

}  // namespace signaal::report
