// One CSV file holding every table: the first column names the table, so a
// spreadsheet can filter on it; each table's header row has table "header:NAME".
#include "render.h"

namespace signaal::report {

namespace {
struct Csv {
    Sink& out;
    void row(std::initializer_list<std::string> fields) {
        bool first = true;
        for (const auto& f : fields) out += (first ? "" : ",") + csv_field(f), first = false;
        out += "\r\n";
    }
};
std::string yes(bool b) { return b ? "yes" : "no"; }
std::string num(long n) { return std::to_string(n); }
}  // namespace

void render_csv(const ReportModel& m, Sink& out) {
    Csv c{out};
    c.row({"header:trainee", "name", "id", "venue", "role", "module", "course", "attempts", "latest_date", "latest_score",
           "latest_result", "best_date", "best_score", "best_result", "course_passed", "passed_date", "code"});
    auto result = [](const AttemptSummary& a) { return a.finished ? (a.passed ? "passed" : "failed") : "unfinished"; };
    for (const auto& t : m.trainees) {
        std::string pd = t.passes.empty() ? "" : day(t.passes.back().date), code = t.passes.empty() ? "" : t.passes.back().code;
        if (t.modules.empty())
            c.row({"trainee", t.name, t.id, t.venue, t.role, "", "", "0", "", "", "", "", "", "", yes(t.course_passed()), pd, code});
        for (const auto& tm : t.modules)
            c.row({"trainee", t.name, t.id, t.venue, t.role, tm.module_id, tm.course, num(tm.attempts), day(tm.latest.date),
                   num(tm.latest.scaled), result(tm.latest), day(tm.best.date), num(tm.best.scaled), result(tm.best),
                   yes(t.course_passed()), pd, code});
    }
    c.row({"header:venue", "venue", "staff", "passed", "share", "certified"});
    for (const auto& v : m.venues) c.row({"venue", v.venue, num(v.staff), num(v.passed), percent(v.share), yes(v.certified)});
    c.row({"header:option", "module", "scene", "kind", "answered", "option", "label", "correct", "count"});
    for (const auto& ms : m.modules)
        for (const auto& q : ms.questions)
            for (const auto& o : q.options)
                c.row({"option", ms.id, q.scene, q.kind, num(q.answered), o.id, o.label, yes(o.correct), num(o.count)});
    c.row({"header:signal", "module", "signal", "label", "hits", "misses"});
    for (const auto& ms : m.modules)
        for (const auto& s : ms.missed) c.row({"signal", ms.id, s.id, s.label, num(s.hits), num(s.misses)});
    c.row({"header:critical", "module", "scene", "choice", "label", "count"});
    for (const auto& ms : m.modules)
        for (const auto& e : ms.critical) c.row({"critical", ms.id, e.scene, e.choice, e.label, num(e.count)});
    c.row({"header:class", "file", "class", "teacher", "module", "date", "decisions", "overridden", "votes", "finished", "ending"});
    for (const auto& k : m.classes)
        c.row({"class", k.file, k.class_name, k.teacher, k.module, k.date, num(k.decisions), num(k.overridden), num(k.votes),
               yes(k.finished), k.ending});
    c.row({"header:skipped", "file", "kind", "reason"});
    for (const auto& f : m.failures)
        for (const auto& r : f.reasons) c.row({"skipped", f.file, f.kind, r});
}

}  // namespace signaal::report
