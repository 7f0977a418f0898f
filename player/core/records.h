// Score records: one JSON file per attempt, rewritten atomically after every
// answer (docs/score-records.md). A record holds the answers, not just the
// result, so anyone can replay it against the module and check the result.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "session.h"

namespace simdjson::dom {
class element;
}

namespace signaal {

struct Trainee {
    std::string name, venue, role;
    std::string id;  // pseudonymous: derived from name and venue
};

// A stable pseudonym for a trainee: the same name and venue (ignoring case and
// surrounding spaces) give the same id on every computer.
std::string pseudonymous_id(const std::string& name, const std::string& venue);

struct AttemptInfo {
    std::string registration;  // UUID, one per attempt
    Trainee trainee;
    std::string language = "nl";
    std::string software = std::string("signaal ") + SIGNAAL_VERSION;
};

// Marks made on a select or highlight question but not yet answered, kept in
// the record when the trainee pauses (closes the module from the window), so
// the question opens with them again. Not part of the attempt: verify and the
// report ignore it, and the next answer's save drops it.
struct InProgress {
    std::string scene;               // empty: none
    std::vector<std::string> marks;  // option or target ids
};

// What a record file holds, as read back.
struct StoredRecord {
    AttemptInfo info;
    std::string module_id, module_version, module_sha256, module_course;
    bool module_assessment = false;
    std::string started, updated;
    std::vector<Answer> answers;
    nlohmann::json result;  // as stored; verify compares it with a replay
    InProgress in_progress;
};

nlohmann::json result_json(const Result& r, const Module& m);
// result_json(r, m).dump(), written directly (certificate codes hash it).
std::string result_text(const Result& r, const Module& m);
nlohmann::json record_json(const Session& s, const AttemptInfo& info, const InProgress* pending = nullptr);
std::variant<StoredRecord, std::string> parse_record(const std::string& text);

// For verify, which reads hundreds of thousands of records: parse_record with
// the stored result left unconverted (r.result stays null). It is handed back as
// parsed, valid until this thread parses another record, to be compared in
// place and converted only when needed.
std::variant<StoredRecord, std::string> parse_record_unconverted(const std::string& text, simdjson::dom::element& result);
nlohmann::json result_to_json(const simdjson::dom::element& result);  // as parse_record converts it
// True when `stored` is, key for key and value for value, result_json(r, m) as
// Signaal writes it. False may also mean "not sure" (5.0 where 5 is expected,
// which nlohmann::json calls equal; keys out of order): then compare the JSON.
bool result_matches(const simdjson::dom::element& stored, const Result& r, const Module& m);
std::variant<StoredRecord, std::string> read_record(const std::string& path);

// Writes `content` to `path` via a temporary file in the same folder, fsync and
// rename, so the file is always either the old or the new version. Returns an
// error message on failure.
std::optional<std::string> write_file_atomic(const std::string& path, const std::string& content);
std::string record_file_name(const std::string& module_id, const std::string& trainee_id, const std::string& registration);
struct Saved {
    std::string path;
    std::string error;  // empty on success
};
// Writes the session's record into `dir` (created if missing), with the marks
// of the question in progress when `pending` names one.
Saved save_record(const std::string& dir, const Session& s, const AttemptInfo& info, const InProgress* pending = nullptr);

// The newest unfinished record in `dir` for this module and trainee, if any.
std::optional<std::pair<std::string, StoredRecord>> find_unfinished(const std::string& dir, const std::string& module_id,
                                                                    const std::string& trainee_id);

}  // namespace signaal
