// xAPI export of verified attempts: the statements come from the core
// (signaal::xapi_statements over the replayed session); this file adds the
// checks the export needs and a streaming writer for the JSON array, so 100,000
// attempts never sit in memory at once.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <variant>

#include "atomic_file.h"
#include "verify.h"

namespace signaal::report {

// ISO 8601 date-time with a zone (…Z or …+01:00), as xAPI requires for timestamps.
bool is_iso8601_timestamp(const std::string& s);

// The statements of a verified attempt, or why it cannot be exported.
std::variant<nlohmann::json, std::string> attempt_statements(const Verification& v);

// Writes a JSON array element by element to an AtomicFile: the whole array
// appears at `path` on commit, or nothing does.
class JsonArrayFile {
public:
    std::string open(const std::string& path);  // error message, empty on success
    void add(const nlohmann::json& element);
    std::string commit();  // error message, empty on success
    long count() const { return count_; }

private:
    AtomicFile file_;
    long count_ = 0;
};

}  // namespace signaal::report
