// xAPI 1.0.3 statements for one attempt, shaped like cmi5: initialized, one
// answered per question, then completed, passed or failed, terminated.
// Statement ids are name-based UUIDs of the attempt's registration, so the
// same attempt always gives the same ids (posting twice creates no duplicates).
#pragma once
#include <nlohmann/json.hpp>

#include "records.h"
#include "session.h"

namespace signaal {

inline constexpr const char* kXapiBase = "https://signaal.invalid/";
// The completed statement carries the whole score record (records.h) under this
// context extension, so an LRS holds what verification needs: a report can
// rebuild the attempt from the LRS and replay it (docs/score-records.md).
inline constexpr const char* kScoreRecordExtension = "https://signaal.invalid/xapi/extensions/score-record";

std::string module_iri(const Module& m);
nlohmann::json xapi_actor(const Trainee& t);
// Statements for the session's answers so far (a finished attempt gets the closing ones too).
nlohmann::json xapi_statements(const Session& s, const AttemptInfo& info);
// ISO 8601 duration, e.g. PT95S.
std::string iso_duration(long long seconds);

}  // namespace signaal
