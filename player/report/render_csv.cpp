// CSV for spreadsheets: one table per file, so every file is a plain grid a
// spreadsheet opens as it is (one file with seven tables of different widths
// could only be read by filtering on a column). Numbers are numbers (a share is
// 59.6, not the text "59.6%"), dates are local YYYY-MM-DD, and each file starts
// with a UTF-8 byte-order mark so Excel reads "Chloë" as UTF-8. When the
// figures are filtered, every row carries the filter in a last column.
#include "render.h"

namespace signaal::report {

namespace {
struct Csv {
    Sink& out;
    const std::string& filter;
    void row(std::initializer_list<std::string> fields, bool header = false) {
        bool first = true;
        for (const auto& f : fields) out += (first ? "" : ",") + csv_field(f), first = false;
        if (!filter.empty()) out += "," + csv_field(header ? std::string("filter") : filter);
        out += "\r\n";
    }
    void header(std::initializer_list<std::string> fields) { row(fields, true); }
};
std::string yes(bool b) { return b ? "yes" : "no"; }
std::string num(long n) { return std::to_string(n); }
std::string dec(double d) {  // 59.6, 60 (a number, with a decimal point)
    std::string s = percent_text(d);
    return s.substr(0, s.size() - 1);
}
std::string result(const AttemptSummary& a) { return a.finished ? (a.passed ? "passed" : "failed") : "unfinished"; }
std::string who(const TraineeRow& t) { return t.name; }

void trainees(const ReportModel& m, Csv& c) {
    c.header({"name", "id", "venue", "role", "on_roster", "module", "course", "attempts", "latest_date", "latest_score",
              "latest_pass_mark", "latest_result", "latest_reason", "best_date", "best_score", "best_pass_mark", "best_result",
              "best_reason", "course_passed", "passed_date", "valid_until", "code"});
    for (const auto& t : m.trainees) {
        const CoursePass* p = t.passes.empty() ? nullptr : &t.passes.back();
        std::string pd = p ? day(p->date) : "", until = p ? p->expires : "", code = p ? p->code : "";
        std::string on = m.roster.empty() ? "" : yes(t.on_roster);
        if (t.modules.empty())
            c.row({who(t), t.id, t.venue, t.role, on, "", "", "0", "", "", "", "", "", "", "", "", "", "", yes(t.course_passed()), pd, until,
                   code});
        for (const auto& tm : t.modules)
            c.row({who(t), t.id, t.venue, t.role, on, tm.module_id, tm.course, num(tm.attempts), day(tm.latest.date), num(tm.latest.scaled),
                   num(tm.latest.pass_mark), result(tm.latest), fail_reason(tm.latest), day(tm.best.date), num(tm.best.scaled),
                   num(tm.best.pass_mark), result(tm.best), fail_reason(tm.best), yes(t.course_passed()), pd, until, code});
    }
}

void venues(const ReportModel& m, Csv& c) {
    c.header({"venue", "staff", "passed", "share_percent", "threshold_percent", "certified"});
    for (const auto& v : m.venues)
        c.row({v.venue, num(v.staff), num(v.passed), dec(share_percent(v.passed, v.staff)), dec(m.threshold * 100), yes(v.certified)});
}

void roster(const ReportModel& m, Csv& c) {
    c.header({"check", "name", "id", "venue", "role"});
    for (const auto* t : roster_without_records(m)) c.row({"on roster, no records", t->name, t->id, t->venue, t->role});
    for (const auto* t : not_on_roster(m)) c.row({"records, not on roster", t->name, t->id, t->venue, t->role});
}

void certificates(const ReportModel& m, Csv& c) {
    c.header({"name", "id", "venue", "role", "course", "passed_date", "score", "valid_until", "code", "file"});
    for (const auto& t : m.trainees)
        for (const auto& p : t.passes)
            if (m.course.empty() || p.course == m.course)
                c.row({who(t), t.id, t.venue, t.role, p.course, day(p.date), num(p.scaled), p.expires, p.code, p.file});
}

void due(const ReportModel& m, Csv& c) {
    c.header({"name", "id", "venue", "course", "valid_until", "status", "due_until"});
    for (const auto& d : refreshers_due(m))
        c.row({who(*d.trainee), d.trainee->id, d.trainee->venue, d.pass->course, d.pass->expires, d.overdue ? "overdue" : "due", m.due_until});
}

void options(const ReportModel& m, Csv& c) {
    c.header({"module", "scene", "kind", "answered", "option", "label", "correct", "count", "share_percent"});
    for (const auto& ms : m.modules)
        for (const auto& q : ms.questions)
            for (const auto& o : q.options)
                c.row({ms.id, q.scene, q.kind, num(q.answered), o.id, o.label, yes(o.correct), num(o.count), dec(share_percent(o.count, q.answered))});
}

void signals(const ReportModel& m, Csv& c) {
    c.header({"module", "signal", "label", "hits", "misses", "miss_rate_percent"});
    for (const auto& ms : m.modules)
        for (const auto& s : ms.missed) c.row({ms.id, s.id, s.label, num(s.hits), num(s.misses), dec(share_percent(s.misses, s.hits + s.misses))});
}

void critical(const ReportModel& m, Csv& c) {
    c.header({"module", "scene", "choice", "label", "count"});
    for (const auto& ms : m.modules)
        for (const auto& e : ms.critical) c.row({ms.id, e.scene, e.choice, e.label, num(e.count)});
}

void classes(const ReportModel& m, Csv& c) {
    c.header({"file", "class", "teacher", "module", "date", "decisions", "overridden", "votes", "finished", "ending"});
    for (const auto& k : m.classes)
        c.row({k.file, k.class_name, k.teacher, k.module, k.date, num(k.decisions), num(k.overridden), num(k.votes), yes(k.finished), k.ending});
}

// One row per option per decision, so a spreadsheet can chart how a class voted.
void class_questions(const ReportModel& m, Csv& c) {
    c.header({"file", "class", "module", "date", "decision", "scene", "question", "overridden", "class_right", "option", "label", "hands", "chosen", "best"});
    for (const auto& k : m.classes)
        for (size_t i = 0; i < k.questions.size(); ++i) {
            const ClassQuestion& q = k.questions[i];
            for (const auto& o : q.options)
                c.row({k.file, k.class_name, k.module, k.date, num(static_cast<long>(i + 1)), q.scene, q.question, yes(q.overridden), yes(q.best), o.id,
                       o.label, num(o.hands), yes(o.chosen), yes(o.best)});
        }
}

void skipped(const ReportModel& m, Csv& c) {
    c.header({"file", "kind", "trainee", "reason"});
    for (const auto& f : m.failures)
        for (const auto& r : f.reasons) c.row({f.file, f.kind, f.trainee, r});
}

using Writer = void (*)(const ReportModel&, Csv&);
const std::vector<std::pair<std::string, Writer>>& writers() {
    static const std::vector<std::pair<std::string, Writer>> w = {
        {"trainees", trainees}, {"venues", venues},   {"roster", roster},     {"certificates", certificates}, {"due", due},
        {"options", options},   {"signals", signals}, {"critical", critical}, {"classes", classes},           {"class_questions", class_questions}, {"skipped", skipped}};
    return w;
}
}  // namespace

std::vector<std::string> csv_tables() {
    std::vector<std::string> names;
    for (const auto& [n, w] : writers()) names.push_back(n);
    return names;
}

bool render_csv_table(const ReportModel& m, const std::string& table, Sink& out) {
    for (const auto& [n, w] : writers())
        if (n == table) {
            out += "\xEF\xBB\xBF";
            Csv c{out, m.filter};
            w(m, c);
            return true;
        }
    return false;
}

void render_csv(const ReportModel& m, Sink& out) { render_csv_table(m, "trainees", out); }

}  // namespace signaal::report
