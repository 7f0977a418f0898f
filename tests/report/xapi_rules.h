// The xAPI 1.0.3 statement rules that apply to Signaal's statements, checked
// independently of the code that makes them (used next to the npm validator
// xapi-validation, which may not be installed).
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rt {

bool is_uuid(const std::string& s);
bool is_iri(const std::string& s);
bool is_language_tag(const std::string& s);  // RFC 5646 (the common forms)
bool is_iso_timestamp(const std::string& s);
bool is_iso_duration(const std::string& s);
// Every rule broken by `statement`, as "path: problem"; empty when it conforms.
std::vector<std::string> xapi_problems(const nlohmann::json& statement);

}  // namespace rt
