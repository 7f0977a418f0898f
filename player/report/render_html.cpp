// One self-contained HTML file: inline CSS, inline SVG bars, no scripts, no
// external assets, so it can be mailed or opened offline. Every text from the
// records or modules is escaped.
#include <cstdio>

#include "render.h"

namespace signaal::report {

namespace {
const char* kStyle = R"(body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:70em}
h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.05em;margin-bottom:.3em}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .6em;text-align:left;border-bottom:1px solid #eee;vertical-align:top}
th{background:#f4f4f4}.num{text-align:right}.ok{color:#176d2c;font-weight:bold}.no{color:#a33}
.small{color:#666;font-size:.9em}svg{vertical-align:middle})";

std::string esc(const std::string& s) { return html_escape(s); }

// A horizontal bar, `share` of the full width (0..1), with an optional mark at `line`.
std::string bar(double share, const char* colour, double line = -1) {
    const int w = 220, h = 14;
    share = share < 0 ? 0 : share > 1 ? 1 : share;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "<svg width=\"%d\" height=\"%d\" role=\"img\"><rect width=\"%d\" height=\"%d\" fill=\"#eee\"/>"
                  "<rect width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                  w, h, w, h, share * w, h, colour);
    std::string s = buf;
    if (line >= 0) {
        std::snprintf(buf, sizeof buf, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%d\" stroke=\"#000\" stroke-width=\"2\"/>", line * w,
                      line * w, h);
        s += buf;
    }
    return s + "</svg>";
}

std::string td(const std::string& s, bool num = false) { return std::string(num ? "<td class=\"num\">" : "<td>") + s + "</td>"; }
std::string res(const AttemptSummary& a) {
    return std::to_string(a.scaled) + "% " + (a.finished ? (a.passed ? "passed" : "failed") : "unfinished") + " <span class=\"small\">" +
           esc(day(a.date)) + "</span>";
}
}  // namespace

void render_html(const ReportModel& m, Sink& o) {
    o += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signaal trainer's review</title><style>";
    o += kStyle;
    o += "</style></head><body>\n<h1>Signaal trainer's review</h1>\n<p class=\"small\">Generated " + esc(m.generated) + ". " +
         std::to_string(m.counted) + " attempt(s) counted from " + std::to_string(m.files) + " file(s); " +
         std::to_string(m.failures.size()) + " file(s) skipped.</p>\n";

    o += "<h2>Venues</h2>\n<p>A venue is certified when at least " + percent(m.threshold) + " of its staff passed " +
         (m.course.empty() ? std::string("the course") : "course " + esc(m.course)) + ". Staff are counted from " +
         (m.roster.empty() ? std::string("the records") : "the roster " + esc(m.roster)) + ".</p>\n";
    o += "<table><tr><th>Venue</th><th>Staff</th><th>Passed</th><th>Share</th><th></th><th>Certification</th></tr>\n";
    for (const auto& v : m.venues)
        o += "<tr>" + td(esc(v.venue)) + td(std::to_string(v.staff), true) + td(std::to_string(v.passed), true) + td(percent(v.share), true) +
             td(bar(v.share, v.certified ? "#3a9d5d" : "#d98c3a", m.threshold)) +
             td(v.certified ? "<span class=\"ok\">certified</span>" : "<span class=\"no\">not yet</span>") + "</tr>\n";
    o += "</table>\n";

    o += "<h2>Trainees</h2>\n<table><tr><th>Trainee</th><th>Venue</th><th>Module</th><th>Attempts</th><th>Latest</th><th>Best</th><th>Course passed</th></tr>\n";
    for (const auto& t : m.trainees) {
        std::string who = esc(t.name.empty() ? t.id : t.name);
        std::string passed = t.course_passed() ? "<span class=\"ok\">yes</span> " + esc(day(t.passes.back().date)) : "<span class=\"no\">no</span>";
        if (!t.has_records) o += "<tr>" + td(who) + td(esc(t.venue)) + "<td colspan=\"4\" class=\"small\">no attempts</td>" + td(passed) + "</tr>\n";
        for (size_t i = 0; i < t.modules.size(); ++i) {
            const auto& tm = t.modules[i];
            o += "<tr>" + td(i ? "" : who) + td(i ? "" : esc(t.venue)) + td(esc(tm.module_id)) + td(std::to_string(tm.attempts), true) +
                 td(res(tm.latest)) + td(res(tm.best)) + td(i ? "" : passed) + "</tr>\n";
        }
    }
    o += "</table>\n";

    o += "<h2>Modules and questions</h2>\n<p class=\"small\">Green bars: the full-score choice or a correct option.</p>\n";
    for (const auto& ms : m.modules) {
        o += "<h3>" + esc(ms.title) + " <span class=\"small\">(" + esc(ms.id) + ")</span></h3>\n<p>" + std::to_string(ms.attempts) +
             " attempt(s), " + std::to_string(ms.finished) + " finished, " + std::to_string(ms.passed) + " passed.</p>\n";
        for (const auto& q : ms.questions) {
            o += "<p><b>" + esc(q.prompt.empty() ? q.scene : q.prompt) + "</b> <span class=\"small\">" + esc(q.scene) + ", " + q.kind +
                 ", answered " + std::to_string(q.answered) + "×</span></p>\n<table>\n";
            for (const auto& op : q.options) {
                double share = q.answered ? static_cast<double>(op.count) / q.answered : 0;
                o += "<tr>" + td(esc(op.label.empty() ? op.id : op.label)) + td(bar(share, op.correct ? "#3a9d5d" : "#8a8fa8")) +
                     td(std::to_string(op.count), true) + td(percent(share), true) + "</tr>\n";
            }
            o += "</table>\n";
        }
        if (!ms.missed.empty()) {
            long most = ms.missed.front().misses;
            o += "<p><b>Signals most often missed</b></p>\n<table>\n";
            for (const auto& s : ms.missed)
                o += "<tr>" + td(esc(s.label)) + td(bar(most ? static_cast<double>(s.misses) / most : 0, "#c0504d")) +
                     td(std::to_string(s.misses) + " missed", true) + td(std::to_string(s.hits) + " hit", true) + "</tr>\n";
            o += "</table>\n";
        }
        if (!ms.critical.empty()) {
            long most = ms.critical.front().count;
            o += "<p><b>Most common critical errors</b></p>\n<table>\n";
            for (const auto& c : ms.critical)
                o += "<tr>" + td(esc(c.label) + " <span class=\"small\">" + esc(c.scene + "/" + c.choice) + "</span>") +
                     td(bar(most ? static_cast<double>(c.count) / most : 0, "#a33")) + td(std::to_string(c.count) + "×", true) + "</tr>\n";
            o += "</table>\n";
        }
    }

    o += "<h2>Class sessions</h2>\n";
    if (m.classes.empty()) o += "<p>None.</p>\n";
    else {
        o += "<p>Cases played in classroom mode. They never count toward a trainee, a venue or a certificate.</p>\n"
             "<table><tr><th>Date</th><th>Class</th><th>Teacher</th><th>Module</th><th>Decisions</th><th>Overridden</th>"
             "<th>Votes</th><th>Ending</th></tr>\n";
        for (const auto& k : m.classes)
            o += "<tr>" + td(esc(k.date)) + td(esc(k.class_name)) + td(esc(k.teacher)) + td(esc(k.module)) +
                 td(std::to_string(k.decisions), true) + td(std::to_string(k.overridden), true) + td(std::to_string(k.votes), true) +
                 td(k.finished ? esc(k.ending) : "unfinished") + "</tr>\n";
        o += "</table>\n";
    }

    o += "<h2>Skipped files</h2>\n";
    if (m.failures.empty()) o += "<p>None: every file verified.</p>\n";
    else {
        o += "<p>These files failed verification or could not be read. They count for nothing.</p>\n<table><tr><th>File</th><th>Kind</th><th>Why</th></tr>\n";
        for (const auto& f : m.failures) {
            std::string why;
            for (const auto& r : f.reasons) why += (why.empty() ? "" : "<br>") + esc(r);
            o += "<tr>" + td(esc(f.file)) + td(esc(f.kind)) + td(why) + "</tr>\n";
        }
        o += "</table>\n";
    }
    o += "</body></html>\n";
}

}  // namespace signaal::report
