// Problems found while loading or checking a module. Errors are values: the
// loader and checker return lists of these, never throw them at a caller.
#pragma once
#include <string>
#include <vector>

namespace signaal {

// A note says what could not be checked; it is neither a problem nor counted
// (signaal-check's exit code ignores it, --strict too).
enum class Severity { Warning, Error, Note };

struct Diagnostic {
    std::string file;
    int line = 0;
    int col = 0;
    Severity severity = Severity::Error;
    std::string message;

    // "file:line:col: error: message" — the format every tool prints.
    std::string str() const;
    const char* severity_name() const;  // "error", "warning", "note"

};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& d);
int count(const Diagnostics& d, Severity s);

}  // namespace signaal
