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

std::string res(const AttemptSummary& a) {
    return std::to_string(a.scaled) + "% " + (a.finished ? (a.passed ? "passed" : "failed") : "unfinished") + " " + day(a.date);
}
}  // namespace

void render_table(const ReportModel& m, Sink& out) {
    out += "Signaal trainer's review, " + day(m.generated) + "\n";
    out += std::to_string(m.counted) + " attempt(s) counted from " + std::to_string(m.files) + " file(s); " +
           std::to_string(m.failures.size()) + " skipped (see the end).\n";

    out += "\nTrainees\n";
    std::vector<Row> rows;
    for (const auto& t : m.trainees) {
        std::string passed = t.course_passed() ? "yes " + day(t.passes.back().date) : "no";
        std::string who = t.name.empty() ? t.id : t.name;
        if (!t.has_records) rows.push_back({who, t.venue, "(no attempts)", "", "", passed});
        for (size_t i = 0; i < t.modules.size(); ++i) {
            const auto& tm = t.modules[i];
            rows.push_back({i ? "" : who, i ? "" : t.venue, tm.module_id, res(tm.latest), res(tm.best), i ? "" : passed});
        }
    }
    table(out, {"trainee", "venue", "module", "latest", "best", "course passed"}, rows);

    out += "\nVenues (certified when at least " + percent(m.threshold) + " of staff passed" +
           (m.course.empty() ? std::string() : " course " + m.course) + "; staff from " +
           (m.roster.empty() ? std::string("the records") : "roster " + m.roster) + ")\n";
    rows.clear();
    for (const auto& v : m.venues)
        rows.push_back({v.venue, std::to_string(v.staff), std::to_string(v.passed), percent(v.share), v.certified ? "CERTIFIED" : "not yet"});
    table(out, {"venue", "staff", "passed", "share", "certification"}, rows);

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
            for (const auto& s : ms.missed) rows.push_back({s.id, std::to_string(s.misses), std::to_string(s.hits), s.label});
            table(out, {"signal", "missed", "hit", "label"}, rows);
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

    out += "\nSkipped files (never counted)\n";
    if (m.failures.empty()) out += "  none\n";
    for (const auto& f : m.failures)
        for (const auto& r : f.reasons) out += "  " + f.file + ": " + f.kind + ": " + r + "\n";
}

}  // namespace signaal::report
