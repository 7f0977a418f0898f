#include "roster.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "file_read.h"
#include "input_limits.h"
#include "records.h"
#include "text_fold.h"

namespace signaal::report {

std::vector<std::vector<std::string>> parse_csv(const std::string& text, char sep) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
            continue;
        }
        if (c == '"') quoted = any = true;
        else if (c == sep) row.push_back(std::move(field)), field.clear(), any = true;
        else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !field.empty()) row.push_back(std::move(field));
            if (!row.empty()) rows.push_back(std::move(row));
            row.clear(), field.clear(), any = false;
        } else field += c, any = true;
    }
    if (any || !field.empty()) row.push_back(std::move(field));
    if (!row.empty()) rows.push_back(std::move(row));
    return rows;
}

namespace {
std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}
bool is_trainee_id(const std::string& s) {
    return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}
std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
}  // namespace

char csv_separator(const std::string& text) {
    // The first line decides: Dutch Excel separates with ';' (the list separator
    // where ',' is the decimal comma), everyone else with ','.
    long commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted) commas += c == ',', semicolons += c == ';';
    }
    return semicolons > commas ? ';' : ',';
}

std::variant<std::vector<RosterEntry>, std::string> parse_roster(const std::string& text) {
    std::string body = text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text;  // spreadsheet BOM
    // Excel's plain "CSV" is saved in the Windows code page, not UTF-8: "Chloë"
    // would otherwise be a broken byte and match nobody.
    if (!valid_utf8(body)) body = windows1252_to_utf8(body);
    auto rows = parse_csv(body, csv_separator(body));
    std::vector<RosterEntry> out;
    for (size_t i = 0; i < rows.size(); ++i) {
        auto& r = rows[i];
        for (auto& f : r) f = trim(f);
        if (r.size() == 1 && r[0].empty()) continue;
        if (i == 0 && (lower(r[0]) == "name" || lower(r[0]) == "id" || lower(r[0]) == "naam")) continue;  // header
        if (r.size() < 2 || r[0].empty() || r[1].empty())
            return "roster line " + std::to_string(i + 1) + ": expected name or id, venue[, role]";
        RosterEntry e;
        e.venue = r[1];
        e.role = r.size() > 2 ? r[2] : "";
        if (is_trainee_id(r[0])) e.id = r[0];
        else e.name = r[0], e.id = pseudonymous_id(r[0], r[1]);
        out.push_back(std::move(e));
    }
    if (out.empty()) return std::string("the roster lists nobody");
    return out;
}

std::variant<std::vector<RosterEntry>, std::string> read_roster(const std::string& path) {
    FileText f = read_file_limited(path, kMaxRosterBytes, "a roster");
    if (!f.ok) return "roster " + path + ": " + f.error;
    auto r = parse_roster(f.text);
    if (auto* e = std::get_if<std::string>(&r)) return path + ": " + *e;
    return r;
}

}  // namespace signaal::report
