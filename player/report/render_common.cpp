#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "local_time.h"
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
std::string render_csv_table(const ReportModel& m, const std::string& table) {
    return whole([&](Sink& s) { render_csv_table(m, table, s); });
}
std::string render_json(const ReportModel& m) { return whole([&](Sink& s) { render_json(m, s); }); }
std::string render_html(const ReportModel& m) { return whole([&](Sink& s) { render_html(m, s); }); }

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "%"; }

double share_percent(long part, long whole) {
    if (whole <= 0) return 0;
    return static_cast<double>(part * 1000 / whole) / 10;  // integer division: cut, never rounded up
}

std::string percent_text(double p) {
    char b[32];
    long tenths = std::lround(p * 10);
    if (tenths % 10 == 0) std::snprintf(b, sizeof b, "%ld%%", tenths / 10);
    else std::snprintf(b, sizeof b, "%ld.%ld%%", tenths / 10, tenths % 10);
    return b;
}

std::string share_text(long part, long whole) {
    return std::to_string(part) + "/" + std::to_string(whole) + " = " + percent_text(share_percent(part, whole));
}

std::string day(const std::string& iso) { return local_day(iso); }

std::string fail_reason(const AttemptSummary& a) {
    if (!a.finished || a.passed) return "";
    if (!a.critical.empty()) return "critical error \u201C" + a.critical + "\u201D";
    return "below the pass mark";
}

std::string attempt_text(const AttemptSummary& a) {
    std::string s = std::to_string(a.scaled) + "% ";
    if (!a.finished) return s + "unfinished";
    s += std::string(a.passed ? "passed" : "failed") + " (pass mark " + std::to_string(a.pass_mark) + "%)";
    if (!a.passed) s += ": " + fail_reason(a);
    return s;
}

std::vector<const TraineeRow*> roster_without_records(const ReportModel& m) {
    std::vector<const TraineeRow*> out;
    if (m.roster.empty()) return out;
    for (const auto& t : m.trainees)
        if (t.on_roster && !t.has_records) out.push_back(&t);
    return out;
}

std::vector<const TraineeRow*> not_on_roster(const ReportModel& m) {
    std::vector<const TraineeRow*> out;
    if (m.roster.empty()) return out;
    for (const auto& t : m.trainees)
        if (!t.on_roster && t.has_records) out.push_back(&t);
    return out;
}

std::vector<DueRow> refreshers_due(const ReportModel& m) {
    std::vector<DueRow> out;
    if (m.due_until.empty()) return out;
    for (const auto& t : m.trainees)
        for (const auto& p : t.passes)
            if ((m.course.empty() || p.course == m.course) && !p.expires.empty() && p.expires <= m.due_until)
                out.push_back({&t, &p, p.expires < m.today});
    std::stable_sort(out.begin(), out.end(), [](const DueRow& a, const DueRow& b) { return a.pass->expires < b.pass->expires; });
    return out;
}

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
