// A trainee's standing on one module, read from the score records: what the
// catalogue shows next to each module. Derived only from stored results, so
// the window and any other front end agree on it.
#pragma once
#include <string>

namespace signaal {

enum class Standing { NotStarted, InProgress, Passed, Failed };

struct ModuleStatus {
    Standing standing = Standing::NotStarted;
    int best_scaled = -1;  // best scaled score of a finished attempt; -1: none
    int attempts = 0;      // records found
};

// One passed attempt means passed; otherwise an unfinished attempt means in
// progress; otherwise a finished attempt means failed.
ModuleStatus module_status(const std::string& records_dir, const std::string& module_id, const std::string& trainee_id);

}  // namespace signaal
