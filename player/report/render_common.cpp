#include <cmath>
#include <functional>

#include "render.h"

namespace signaal::report {

std::optional<Format> parse_format(const std::string& name) {
    if (name == "table") return Format::Table;
    if (name == "csv") return Format::Csv;
    if (name == "json") return Format::Json;
    if (name == "html") return Format::Html;
    return std::nullopt;
}

void render(const ReportModel& m, Format f, Sink& out) {
    switch (f) {
        case Format::Table: return render_table(m, out);
        case Format::Csv: return render_csv(m, out);
        case Format::Json: return render_json(m, out);
        case Format::Html: return render_html(m, out);
    }
}

namespace {
std::string whole(const std::function<void(Sink&)>& write) {
    Sink s;
    write(s);
    return s.take();
}
}  // namespace

std::string render(const ReportModel& m, Format f) { return whole([&](Sink& s) { render(m, f, s); }); }
std::string render_table(const ReportModel& m) { return whole([&](Sink& s) { render_table(m, s); }); }
std::string render_csv(const ReportModel& m) { return whole([&](Sink& s) { render_csv(m, s); }); }
std::string render_json(const ReportModel& m) { return whole([&](Sink& s) { render_json(m, s); }); }
std::string render_html(const ReportModel& m) { return whole([&](Sink& s) { render_html(m, s); }); }

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
