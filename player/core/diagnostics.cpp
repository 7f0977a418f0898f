#include "diagnostics.h"

#include <algorithm>

namespace signaal {

std::string Diagnostic::str() const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " +
           (severity == Severity::Error ? "error" : "warning") + ": " + message;
}

bool has_errors(const Diagnostics& d) { return count(d, Severity::Error) > 0; }

int count(const Diagnostics& d, Severity s) {
    return static_cast<int>(std::count_if(d.begin(), d.end(), [s](const Diagnostic& x) { return x.severity == s; }));
}

}  // namespace signaal
