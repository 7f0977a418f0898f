#include "module_status.h"

#include <filesystem>

#include "records.h"
#include "platform.h"

namespace signaal {

ModuleStatus module_status(const std::string& records_dir, const std::string& module_id, const std::string& trainee_id) {
    namespace fs = std::filesystem;
    ModuleStatus st;
    bool passed = false, failed = false, unfinished = false;
    // Record names start with module and trainee (record_file_name), so most
    // files are skipped without being parsed.
    const std::string prefix = module_id + "_" + trainee_id + "_";
    std::error_code ec;
    for (fs::directory_iterator it(platform::to_path(records_dir), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = platform::from_path(it->path().filename());
        if (name.rfind(prefix, 0) != 0 || it->path().extension() != ".json") continue;
        auto r = read_record(platform::from_path(it->path()));
        auto* rec = std::get_if<StoredRecord>(&r);
        if (!rec || rec->module_id != module_id || rec->info.trainee.id != trainee_id) continue;
        ++st.attempts;
        if (!rec->result.value("finished", false)) {
            unfinished = true;
            continue;
        }
        int scaled = rec->result.value("scaled", 0);
        if (scaled > st.best_scaled) st.best_scaled = scaled;
        (rec->result.value("passed", false) ? passed : failed) = true;
    }
    st.standing = passed ? Standing::Passed
                  : unfinished ? Standing::InProgress
                  : failed     ? Standing::Failed
                               : Standing::NotStarted;
    return st;
}

}  // namespace signaal
