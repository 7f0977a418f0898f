#include <cmath>

#include "render.h"

namespace signaal::report {

std::optional<Format> parse_format(const std::string& name) {
    if (name == "table") return Format::Table;
    if (name == "csv") return Format::Csv;
    if (name == "json") return Format::Json;
    if (name == "html") return Format::Html;
    return std::nullopt;
}

std::string render(const ReportModel& m, Format f) {
    switch (f) {
        case Format::Table: return render_table(m);
        case Format::Csv: return render_csv(m);
        case Format::Json: return render_json(m);
        case Format::Html: return render_html(m);
    }
    return {};
}

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "%"; }

std::string day(const std::string& iso) { return iso.substr(0, 10); }

size_t display_width(const std::string& utf8) {
    size_t w = 0;
    for (unsigned char c : utf8) w += (c & 0xC0) != 0x80;
    return w;
}

std::string html_escape(const std::string& s) {
    std::string o;
    o.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': o += "&amp;"; break;
            case '<': o += "&lt;"; break;
            case '>': o += "&gt;"; break;
            case '"': o += "&quot;"; break;
            case '\'': o += "&#39;"; break;
            default: o += c;
        }
    }
    return o;
}

std::string csv_field(const std::string& s) {
    // Quote when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula.
    std::string v = (!s.empty() && std::string("=+-@").find(s[0]) != std::string::npos) ? "'" + s : s;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string o = "\"";
    for (char c : v) o += c == '"' ? std::string("\"\"") : std::string(1, c);
    return o + "\"";
}

}  // namespace signaal::report
