#include "xapi_export.h"

#include <cctype>

#include "xapi.h"

namespace signaal::report {

bool is_iso8601_timestamp(const std::string& s) {
    // YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)
    auto digits = [&](size_t at, size_t n) {
        if (at + n > s.size()) return false;
        for (size_t i = at; i < at + n; ++i)
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        return true;
    };
    if (!(digits(0, 4) && s.size() > 19 && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2) && s[10] == 'T' &&
          digits(11, 2) && s[13] == ':' && digits(14, 2) && s[16] == ':' && digits(17, 2)))
        return false;
    int mo = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2)), h = std::stoi(s.substr(11, 2)),
        mi = std::stoi(s.substr(14, 2)), se = std::stoi(s.substr(17, 2));
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return false;
    size_t i = 19;
    if (s[i] == '.') {
        size_t j = i + 1;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        if (j == i + 1) return false;
        i = j;
    }
    if (i < s.size() && s[i] == 'Z') return i + 1 == s.size();
    return i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && digits(i + 1, 2) && s[i + 3] == ':' && digits(i + 4, 2);
}

std::variant<nlohmann::json, std::string> attempt_statements(const Verification& v) {
    if (!v.ok() || !v.record || !v.module) return std::string("not a verified attempt");
    const StoredRecord& r = *v.record;
    if (!is_iso8601_timestamp(r.started)) return "start time '" + r.started + "' is not an ISO 8601 timestamp";
    for (size_t i = 0; i < r.answers.size(); ++i)
        if (!is_iso8601_timestamp(r.answers[i].time))
            return "answer " + std::to_string(i + 1) + " time '" + r.answers[i].time + "' is not an ISO 8601 timestamp";
    auto rep = replay(v.module, r.started, r.answers);
    if (auto* e = std::get_if<std::string>(&rep)) return *e;
    return xapi_statements(std::get<Session>(rep), r.info);
}

std::string JsonArrayFile::open(const std::string& path) {
    if (auto e = file_.open(path); !e.empty()) return e;
    file_.write("[");
    return "";
}

void JsonArrayFile::add(const nlohmann::json& element) {
    if (!file_.is_open()) return;
    file_.write((count_ ? ",\n" : "\n") + element.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    ++count_;
}

std::string JsonArrayFile::commit() {
    if (file_.is_open()) file_.write("\n]\n");
    return file_.commit();
}

}  // namespace signaal::report
