// One self-contained HTML file: inline CSS, inline SVG bars, no scripts, no
// external assets, so it can be mailed or opened offline. Every text from the
// records or modules is escaped.
#include <cstdio>

#include "render.h"

namespace signaal::report {

namespace {
// Dates and figures never wrap ("2026-01-/03"): the page is as wide as the window.
const char* kStyle = R"(body{font-family:system-ui,sans-serif;margin:2em;color:#222}
.nw,.num{white-space:nowrap}
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
std::string nw(const std::string& s) { return "<span class=\"nw\">" + s + "</span>"; }
std::string res(const AttemptSummary& a) { return esc(attempt_text(a)) + " <span class=\"small nw\">" + esc(day(a.date)) + "</span>"; }
std::string person(const TraineeRow& t) { return esc(t.name.empty() ? t.id : t.name); }
}  // namespace

void render_html(const ReportModel& m, Sink& o) {
    o += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signaal trainer's review</title><style>";
    o += kStyle;
    o += "</style></head><body>\n<h1>Signaal trainer's review" + (m.filter.empty() ? std::string() : ": " + esc(m.filter)) + "</h1>\n";
    o += "<p class=\"small\">Generated " + nw(esc(day(m.generated))) + ". Dates are local dates (" + esc(m.timezone) + "). " +
         std::to_string(m.counted) + " attempt(s) counted from " + std::to_string(m.files) + " file(s); " +
         std::to_string(m.failures.size()) + " file(s) skipped.</p>\n";
    if (!m.filter.empty()) o += "<p><b>Filter:</b> " + esc(m.filter) + ". The figures count only these attempts.</p>\n";
    if (!m.roster.empty()) {
        auto missing = roster_without_records(m), extra = not_on_roster(m);
        o += "<h2>Roster check</h2>\n<p class=\"small\">Names and venues match without regard to case, accents and extra spaces.</p>\n";
        auto list = [&](const char* what, const std::vector<const TraineeRow*>& rows) {
            o += "<p><b>" + std::string(what) + " (" + std::to_string(rows.size()) + ")</b>" + (rows.empty() ? ": none" : "") + "</p>\n";
            if (rows.empty()) return;
            o += "<table><tr><th>Name</th><th>Venue</th><th>Role</th></tr>\n";
            for (const auto* t : rows) o += "<tr>" + td(person(*t)) + td(esc(t->venue)) + td(esc(t->role)) + "</tr>\n";
            o += "</table>\n";
        };
        list("On the roster, no records", missing);
        list("Records, not on the roster (not counted as staff)", extra);
    }

    o += "<h2>Venues</h2>\n<p>A venue is certified when at least " + percent_text(m.threshold * 100) + " of its staff passed " +
         (m.course.empty() ? std::string("the course") : "course " + esc(m.course)) + ". Staff are counted from " +
         (m.roster.empty() ? std::string("the records") : "the roster " + esc(m.roster)) + ".</p>\n";
    o += "<table><tr><th>Venue</th><th>Staff</th><th>Passed</th><th>Share</th><th></th><th>Certification</th></tr>\n";
    for (const auto& v : m.venues)
        o += "<tr>" + td(esc(v.venue)) + td(std::to_string(v.staff), true) + td(std::to_string(v.passed), true) + td(share_text(v.passed, v.staff), true) +
             td(bar(v.share, v.certified ? "#3a9d5d" : "#d98c3a", m.threshold)) +
             td(v.certified ? "<span class=\"ok\">certified</span>" : "<span class=\"no\">not yet</span>") + "</tr>\n";
    o += "</table>\n";

    o += "<h2>Trainees</h2>\n<table><tr><th>Trainee</th><th>Venue</th><th>Module</th><th>Attempts</th><th>Latest</th><th>Best</th><th>Course passed</th></tr>\n";
    for (const auto& t : m.trainees) {
        std::string who = person(t);
        std::string passed = t.course_passed() ? "<span class=\"ok\">yes</span> " + nw(esc(day(t.passes.back().date))) : "<span class=\"no\">no</span>";
        if (!t.has_records) o += "<tr>" + td(who) + td(esc(t.venue)) + "<td colspan=\"4\" class=\"small\">no attempts</td>" + td(passed) + "</tr>\n";
        for (size_t i = 0; i < t.modules.size(); ++i) {
            const auto& tm = t.modules[i];
            o += "<tr>" + td(i ? "" : who) + td(i ? "" : esc(t.venue)) + td(esc(tm.module_id)) + td(std::to_string(tm.attempts), true) +
                 td(res(tm.latest)) + td(res(tm.best)) + td(i ? "" : passed) + "</tr>\n";
        }
    }
    o += "</table>\n";

    o += "<h2>Certificates</h2>\n<p class=\"small\">Valid " + std::to_string(m.valid_months) +
         " months. Check a code with <code>signaal-verify --code CODE</code>.</p>\n";
    o += "<table><tr><th>Trainee</th><th>Venue</th><th>Course</th><th>Passed</th><th>Valid until</th><th>Code</th><th>File</th></tr>\n";
    for (const auto& t : m.trainees)
        for (const auto& p : t.passes)
            if (m.course.empty() || p.course == m.course)
                o += "<tr>" + td(person(t)) + td(esc(t.venue)) + td(esc(p.course)) + td(nw(esc(day(p.date)))) + td(nw(esc(p.expires))) +
                     td(nw(esc(p.code))) + td(esc(p.file)) + "</tr>\n";
    o += "</table>\n";
    if (!m.due_until.empty()) {
        auto due = refreshers_due(m);
        o += "<h2>Refresher due by " + esc(m.due_until) + "</h2>\n";
        if (due.empty()) o += "<p>None.</p>\n";
        else {
            o += "<table><tr><th>Trainee</th><th>Venue</th><th>Course</th><th>Valid until</th><th>Status</th></tr>\n";
            for (const auto& d : due)
                o += "<tr>" + td(person(*d.trainee)) + td(esc(d.trainee->venue)) + td(esc(d.pass->course)) + td(nw(esc(d.pass->expires))) +
                     td(d.overdue ? "<span class=\"no\">overdue</span>" : "due") + "</tr>\n";
            o += "</table>\n";
        }
    }

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
                     td(std::to_string(op.count), true) + td(percent_text(share_percent(op.count, q.answered)), true) + "</tr>\n";
            }
            o += "</table>\n";
        }
        if (!ms.missed.empty()) {
            // Rates, not counts: 12 misses of 20 chances is worse than 30 of 400.
            o += "<p><b>Signals most often missed</b> <span class=\"small\">(share of the times the signal came up)</span></p>\n<table>\n";
            for (const auto& s : ms.missed) {
                const long chances = s.hits + s.misses;
                o += "<tr>" + td(esc(s.label)) + td(bar(chances ? static_cast<double>(s.misses) / chances : 0, "#c0504d")) +
                     td(percent_text(share_percent(s.misses, chances)) + " missed", true) +
                     td(std::to_string(s.misses) + " of " + std::to_string(chances), true) + "</tr>\n";
            }
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
        // Per question: what each class went with, its hands, and the best answer when it was not that.
        o += "<h3>Class sessions per question</h3>\n<table><tr><th>Class</th><th>#</th><th>Question</th><th>Went with</th><th>Best answer</th></tr>\n";
        for (const auto& k : m.classes)
            for (size_t i = 0; i < k.questions.size(); ++i) {
                const ClassQuestion& q = k.questions[i];
                std::string chose, best;
                for (const auto& opt : q.options) {
                    if (opt.chosen) chose += (chose.empty() ? "" : "; ") + esc(opt.label) + " (" + std::to_string(opt.hands) + ")";
                    if (opt.best) best += (best.empty() ? "" : "; ") + esc(opt.label);
                }
                o += "<tr>" + td(esc(k.class_name + " " + k.date)) + td(std::to_string(i + 1), true) + td(esc(q.question)) +
                     td((chose.empty() ? "nothing" : chose) + (q.overridden ? " <span class=\"small\">(teacher)</span>" : "")) +
                     td(q.best ? "the same" : best) + "</tr>\n";
            }
        o += "</table>\n";
    }

    o += "<h2>Skipped files</h2>\n";
    if (m.failures_elsewhere)
        o += "<p class=\"small\">" + std::to_string(m.failures_elsewhere) + " more of other venues or unreadable, not shown here.</p>\n";
    if (m.failures.empty()) o += "<p>None: every file verified.</p>\n";
    else {
        o += "<p>These files failed verification or could not be read. They count for nothing.</p>\n<table><tr><th>File</th><th>Kind</th><th>Why</th></tr>\n";
        for (const auto& f : m.failures) {
            std::string why;
            for (const auto& r : f.reasons) why += (why.empty() ? "" : "<br>") + esc(r);
            o += "<tr>" + td(esc(f.file) + (f.trainee.empty() ? "" : "<br><span class=\"small\">" + esc(f.trainee) + "</span>")) + td(esc(f.kind)) +
                 td(why) + "</tr>\n";
        }
        o += "</table>\n";
    }
    o += "</body></html>\n";
}

}  // namespace signaal::report
