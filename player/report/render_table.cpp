// Plain-text report for a terminal or a mail: aligned columns, one section per view.
#include <algorithm>

#include "render.h"

namespace signaal::report {

namespace {
using Row = std::vector<std::string>;

void table(Sink& out, const Row& header, const std::vector<Row>& rows) {
    std::vector<size_t> w(header.size());
    auto widen = [&](const Row& r) {
        for (size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], display_width(r[i]));
    };
    widen(header);
    for (const auto& r : rows) widen(r);
    auto line = [&](const Row& r) {
        std::string l;
        for (size_t i = 0; i < r.size(); ++i) {
            l += r[i];
            if (i + 1 < r.size()) l += std::string(w[i] - display_width(r[i]) + 2, ' ');
        }
        out += "  " + l + "\n";
    };
    line(header);
    size_t total = 0;
    for (size_t x : w) total += x + 2;
    out += "  " + std::string(total > 2 ? total - 2 : 0, '-') + "\n";
    for (const auto& r : rows) line(r);
}

// Score, result and pass mark in the column; why it failed goes to the last
// column, where a long critical-error label widens nothing else.
std::string res(const AttemptSummary& a) {
    if (!a.finished) return std::to_string(a.scaled) + "% unfinished " + day(a.date);
    return std::to_string(a.scaled) + "% " + (a.passed ? "passed" : "failed") + " (pass mark " + std::to_string(a.pass_mark) + "%) " + day(a.date);
}
std::string why(const TraineeModule& tm) {
    std::string l = fail_reason(tm.latest), b = fail_reason(tm.best);
    if (l.empty() && b.empty()) return "";
    if (l == b || b.empty()) return "latest: " + l;
    return l.empty() ? "best: " + b : "latest: " + l + "; best: " + b;
}

std::string names(const std::vector<const TraineeRow*>& rows) {
    std::string s;
    for (const auto* t : rows) s += (s.empty() ? "" : "; ") + (t->name.empty() ? t->id : t->name) + " (" + t->venue + ")";
    return s;
}
}  // namespace

void render_table(const ReportModel& m, Sink& out) {
    out += "Signaal trainer's review, " + day(m.generated) + "\n";
    out += "Dates are local dates (" + m.timezone + ").\n";
    if (!m.filter.empty()) out += "Filter: " + m.filter + " (figures count only these attempts).\n";
    out += std::to_string(m.counted) + " attempt(s) counted from " + std::to_string(m.files) + " file(s); " +
           std::to_string(m.failures.size()) + " skipped (see the end).\n";
    if (!m.roster.empty()) {
        auto missing = roster_without_records(m), extra = not_on_roster(m);
        out += "\nRoster check (names and venues match without regard to case, accents and extra spaces)\n";
        out += "  On the roster, no records (" + std::to_string(missing.size()) + "): " + (missing.empty() ? "none" : names(missing)) + "\n";
        out += "  Records, not on the roster (" + std::to_string(extra.size()) + "; not counted as staff): " +
               (extra.empty() ? "none" : names(extra)) + "\n";
    }

    out += "\nTrainees\n";
    std::vector<Row> rows;
    for (const auto& t : m.trainees) {
        std::string passed = t.course_passed() ? "yes " + day(t.passes.back().date) : "no";
        std::string who = t.name.empty() ? t.id : t.name;
        if (!t.has_records) rows.push_back({who, t.venue, "(no attempts)", "", "", passed, ""});
        for (size_t i = 0; i < t.modules.size(); ++i) {
            const auto& tm = t.modules[i];
            rows.push_back({i ? "" : who, i ? "" : t.venue, tm.module_id, res(tm.latest), res(tm.best), i ? "" : passed, why(tm)});
        }
    }
    table(out, {"trainee", "venue", "module", "latest", "best", "course passed", "why failed"}, rows);

    out += "\nVenues (certified when at least " + percent_text(m.threshold * 100) + " of staff passed" +
           (m.course.empty() ? std::string() : " course " + m.course) + "; staff from " +
           (m.roster.empty() ? std::string("the records") : "roster " + m.roster) + ")\n";
    rows.clear();
    for (const auto& v : m.venues)
        rows.push_back({v.venue, std::to_string(v.staff), std::to_string(v.passed), share_text(v.passed, v.staff), v.certified ? "CERTIFIED" : "not yet"});
    table(out, {"venue", "staff", "passed", "share", "certification"}, rows);

    out += "\nCertificates (valid " + std::to_string(m.valid_months) + " months)\n";
    rows.clear();
    for (const auto& t : m.trainees)
        for (const auto& p : t.passes)
            if (m.course.empty() || p.course == m.course)
                rows.push_back({t.name.empty() ? t.id : t.name, t.venue, p.course, day(p.date), p.expires, p.code, p.file});
    if (rows.empty()) out += "  none\n";
    else table(out, {"trainee", "venue", "course", "passed", "valid until", "code", "file"}, rows);

    if (!m.due_until.empty()) {
        out += "\nRefresher due by " + m.due_until + " (certificates that expire by then; overdue: already expired)\n";
        rows.clear();
        for (const auto& d : refreshers_due(m))
            rows.push_back({d.trainee->name.empty() ? d.trainee->id : d.trainee->name, d.trainee->venue, d.pass->course, d.pass->expires,
                            d.overdue ? "OVERDUE" : "due"});
        if (rows.empty()) out += "  none\n";
        else table(out, {"trainee", "venue", "course", "valid until", "status"}, rows);
    }

    for (const auto& ms : m.modules) {
        out += "\nModule " + ms.id + " — " + ms.title + ": " + std::to_string(ms.attempts) + " attempt(s), " +
               std::to_string(ms.finished) + " finished, " + std::to_string(ms.passed) + " passed\n";
        for (const auto& q : ms.questions) {
            out += "  " + q.scene + " (" + q.kind + ", answered " + std::to_string(q.answered) + "x)" +
                   (q.prompt.empty() ? "" : ": " + q.prompt) + "\n";
            rows.clear();
            for (const auto& o : q.options)
                rows.push_back({(o.correct ? "* " : "  ") + o.id, std::to_string(o.count),
                                q.answered ? percent(static_cast<double>(o.count) / q.answered) : "-", o.label});
            table(out, {"option", "chosen", "share", "label"}, rows);
        }
        if (!ms.missed.empty()) {
            out += "  Signals most often missed:\n";
            rows.clear();
            for (const auto& s : ms.missed)
                rows.push_back({s.id, std::to_string(s.misses) + " of " + std::to_string(s.hits + s.misses),
                                percent_text(share_percent(s.misses, s.hits + s.misses)), s.label});
            table(out, {"signal", "missed", "rate", "label"}, rows);
        }
        if (!ms.critical.empty()) {
            out += "  Most common critical errors:\n";
            rows.clear();
            for (const auto& c : ms.critical) rows.push_back({c.scene + "/" + c.choice, std::to_string(c.count), c.label});
            table(out, {"scene/choice", "times", "label"}, rows);
        }
    }

    out += "\nClass sessions (classroom mode; they never count toward a certificate)\n";
    if (m.classes.empty()) out += "  none\n";
    for (const auto& k : m.classes)
        out += "  " + k.date + "  " + k.class_name + (k.teacher.empty() ? "" : " (" + k.teacher + ")") + "  " + k.module + ": " +
               std::to_string(k.decisions) + " decisions, " + std::to_string(k.overridden) + " overridden, " +
               std::to_string(k.votes) + " votes" + (k.finished ? ", ending " + k.ending : ", unfinished") + "\n";
    for (const auto& k : m.classes)
        for (size_t i = 0; i < k.questions.size(); ++i) {
            const ClassQuestion& q = k.questions[i];
            std::string chose;
            for (const auto& o : q.options)
                if (o.chosen) chose += (chose.empty() ? "" : ", ") + o.id + " (" + std::to_string(o.hands) + ")";
            out += "    " + k.class_name + " #" + std::to_string(i + 1) + " " + q.scene + ": " + (chose.empty() ? "nothing" : chose) +
                   (q.overridden ? " by the teacher" : "") + (q.best ? ", the best answer" : ", not the best answer") + "\n";
        }

    out += "\nSkipped files (never counted)\n";
    if (m.failures_elsewhere) out += "  (" + std::to_string(m.failures_elsewhere) + " more of other venues or unreadable, not shown here)\n";
    if (m.failures.empty()) out += "  none\n";
    for (const auto& f : m.failures)
        for (const auto& r : f.reasons)
            out += "  " + f.file + (f.trainee.empty() ? "" : " [" + f.trainee + "]") + ": " + f.kind + ": " + r + "\n";
}

}  // namespace signaal::report
