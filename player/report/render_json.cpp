#include "render.h"

namespace signaal::report {

using nlohmann::json;

namespace {
json attempt(const AttemptSummary& a) {
    return {{"registration", a.registration}, {"date", a.date}, {"scaled", a.scaled},
            {"finished", a.finished}, {"passed", a.passed}, {"file", a.file}};
}
}  // namespace

json report_json(const ReportModel& m) {
    json trainees = json::array();
    for (const auto& t : m.trainees) {
        json mods = json::array(), passes = json::array();
        for (const auto& tm : t.modules)
            mods.push_back({{"module", tm.module_id}, {"course", tm.course}, {"attempts", tm.attempts},
                            {"latest", attempt(tm.latest)}, {"best", attempt(tm.best)}});
        for (const auto& p : t.passes)
            passes.push_back({{"course", p.course}, {"module", p.module_id}, {"registration", p.registration},
                              {"date", p.date}, {"scaled", p.scaled}, {"code", p.code}});
        trainees.push_back({{"id", t.id}, {"name", t.name}, {"venue", t.venue}, {"role", t.role},
                            {"on_roster", t.on_roster}, {"has_records", t.has_records}, {"course_passed", t.course_passed()},
                            {"last_activity", t.last_activity}, {"modules", mods}, {"passes", passes}});
    }
    json venues = json::array();
    for (const auto& v : m.venues)
        venues.push_back({{"venue", v.venue}, {"staff", v.staff}, {"passed", v.passed}, {"share", v.share}, {"certified", v.certified}});
    json modules = json::array();
    for (const auto& ms : m.modules) {
        json qs = json::array(), missed = json::array(), crit = json::array();
        for (const auto& q : ms.questions) {
            json opts = json::array();
            for (const auto& o : q.options)
                opts.push_back({{"id", o.id}, {"label", o.label}, {"correct", o.correct}, {"count", o.count}});
            qs.push_back({{"scene", q.scene}, {"prompt", q.prompt}, {"kind", q.kind}, {"answered", q.answered}, {"options", opts}});
        }
        for (const auto& s : ms.missed)
            missed.push_back({{"signal", s.id}, {"label", s.label}, {"hits", s.hits}, {"misses", s.misses}});
        for (const auto& c : ms.critical)
            crit.push_back({{"scene", c.scene}, {"choice", c.choice}, {"label", c.label}, {"count", c.count}});
        modules.push_back({{"id", ms.id}, {"title", ms.title}, {"course", ms.course}, {"assessment", ms.assessment},
                           {"attempts", ms.attempts}, {"finished", ms.finished}, {"passed", ms.passed},
                           {"questions", qs}, {"signals_missed", missed}, {"critical_errors", crit}});
    }
    json failures = json::array();
    for (const auto& f : m.failures) failures.push_back({{"file", f.file}, {"kind", f.kind}, {"reasons", f.reasons}});
    return {{"signaal_report", 1},
            {"generated", m.generated},
            {"dirs", m.dirs},
            {"roster", m.roster},
            {"course", m.course},
            {"threshold", m.threshold},
            {"files", m.files},
            {"counted", m.counted},
            {"trainees", trainees},
            {"venues", venues},
            {"modules", modules},
            {"failures", failures}};
}

// Invalid UTF-8 in a name (a damaged roster) is replaced rather than throwing.
std::string render_json(const ReportModel& m) { return report_json(m).dump(1, ' ', false, json::error_handler_t::replace) + "\n"; }

}  // namespace signaal::report
