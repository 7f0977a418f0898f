#include "diagnostics.h"

#include <algorithm>

namespace signaal {

const char* Diagnostic::severity_name() const {
    switch (severity) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: break;
    }
    return "note";
}

std::string Diagnostic::str() const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + severity_name() + ": " + message;
}

bool has_errors(const Diagnostics& d) { return count(d, Severity::Error) > 0; }

int count(const Diagnostics& d, Severity s) {
    return static_cast<int>(std::count_if(d.begin(), d.end(), [s](const Diagnostic& x) { return x.severity == s; }));
}

}  // namespace signaal
