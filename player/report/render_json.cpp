#include <algorithm>

#include "render.h"

namespace signaal::report {

using nlohmann::json;

namespace {
json attempt(const AttemptSummary& a) {
    return {{"registration", a.registration}, {"date", a.date}, {"day", day(a.date)}, {"scaled", a.scaled},
            {"pass_mark", a.pass_mark}, {"finished", a.finished}, {"passed", a.passed}, {"critical", a.critical},
            {"reason", fail_reason(a)}, {"file", a.file}};
}
}  // namespace

namespace {
json trainee_json(const TraineeRow& t) {
    json mods = json::array(), passes = json::array();
    for (const auto& tm : t.modules)
        mods.push_back({{"module", tm.module_id}, {"course", tm.course}, {"attempts", tm.attempts},
                        {"latest", attempt(tm.latest)}, {"best", attempt(tm.best)}});
    for (const auto& p : t.passes)
        passes.push_back({{"course", p.course}, {"module", p.module_id}, {"registration", p.registration},
                          {"date", p.date}, {"day", day(p.date)}, {"scaled", p.scaled}, {"code", p.code},
                          {"expires", p.expires}, {"file", p.file}});
    return {{"id", t.id}, {"name", t.name}, {"venue", t.venue}, {"role", t.role},
            {"on_roster", t.on_roster}, {"has_records", t.has_records}, {"course_passed", t.course_passed()},
            {"last_activity", t.last_activity}, {"modules", mods}, {"passes", passes}};
}

json venue_json(const VenueRow& v) {
    return {{"venue", v.venue},     {"staff", v.staff},
            {"passed", v.passed},   {"share", v.share},
            {"share_percent", share_percent(v.passed, v.staff)},  // cut to one decimal, never rounded up
            {"share_text", share_text(v.passed, v.staff)}, {"certified", v.certified}};
}

json module_json(const ModuleStats& ms) {
    json qs = json::array(), missed = json::array(), crit = json::array();
    for (const auto& q : ms.questions) {
        json opts = json::array();
        for (const auto& o : q.options)
            opts.push_back({{"id", o.id}, {"label", o.label}, {"correct", o.correct}, {"count", o.count}});
        qs.push_back({{"scene", q.scene}, {"prompt", q.prompt}, {"kind", q.kind}, {"answered", q.answered}, {"options", opts}});
    }
    for (const auto& s : ms.missed)
        missed.push_back({{"signal", s.id}, {"label", s.label}, {"hits", s.hits}, {"misses", s.misses},
                          {"miss_rate_percent", share_percent(s.misses, s.hits + s.misses)}});
    for (const auto& c : ms.critical)
        crit.push_back({{"scene", c.scene}, {"choice", c.choice}, {"label", c.label}, {"count", c.count}});
    return {{"id", ms.id}, {"title", ms.title}, {"course", ms.course}, {"assessment", ms.assessment},
            {"attempts", ms.attempts}, {"finished", ms.finished}, {"passed", ms.passed},
            {"questions", qs}, {"signals_missed", missed}, {"critical_errors", crit}};
}

json failure_json(const Failure& f) { return {{"file", f.file}, {"kind", f.kind}, {"reasons", f.reasons}, {"trainee", f.trainee}}; }

json ids(const std::vector<const TraineeRow*>& rows) {
    json a = json::array();
    for (const auto* t : rows) a.push_back({{"id", t->id}, {"name", t->name}, {"venue", t->venue}});
    return a;
}

json head_json(const ReportModel& m) {
    json due = json::array();
    for (const auto& d : refreshers_due(m))
        due.push_back({{"id", d.trainee->id}, {"name", d.trainee->name}, {"venue", d.trainee->venue}, {"course", d.pass->course},
                       {"expires", d.pass->expires}, {"overdue", d.overdue}});
    return {{"signaal_report", 1},
            {"generated", m.generated},
            {"timezone", m.timezone},
            {"today", m.today},
            {"dirs", m.dirs},
            {"roster", m.roster},
            {"course", m.course},
            {"filter", m.filter},
            {"threshold", m.threshold},
            {"valid_months", m.valid_months},
            {"due_until", m.due_until},
            {"refreshers_due", due},
            {"roster_without_records", ids(roster_without_records(m))},
            {"not_on_roster", ids(not_on_roster(m))},
            {"files", m.files},
            {"counted", m.counted},
            {"failures_elsewhere", m.failures_elsewhere}};
}

template <class T, class F>
json list(const std::vector<T>& items, F f) {
    json a = json::array();
    for (const auto& x : items) a.push_back(f(x));
    return a;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// `write(text, item)` appends one element's JSON text.
template <class T, class W>
void stream_list(Sink& out, const char* key, const std::vector<T>& items, W write, bool last) {
    out += std::string(" \"") + key + "\": [";
    std::string text;
    for (size_t i = 0; i < items.size(); ++i) {
        text = i ? ",\n  " : "\n  ";
        write(text, items[i]);
        out += text;
    }
    out += items.empty() ? "]" : "\n ]";
    out += last ? "\n" : ",\n";
}

template <class T>
auto dumped(json (*f)(const T&)) {
    return [f](std::string& text, const T& x) { text += dump(f(x)); };
}

// The trainees are most of a report (a row per trainee and module), so they are
// written straight out instead of built as nlohmann::json and dumped — the same
// bytes: keys in sorted order, no spaces, and any string that is not plain
// printable ASCII still escaped by nlohmann::json.
struct TraineeWriter {
    std::string& o;

    void str(const std::string& s) {
        if (std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; }))
            o.append("\"").append(s).append("\"");
        else
            o += dump(json(s));
    }
    // Each member but an object's first is preceded by a comma.
    void key(const char* k, bool first = false) { o.append(first ? "\"" : ",\"").append(k).append("\":"); }
    void field(const char* k, const std::string& v, bool first = false) { key(k, first), str(v); }
    void field(const char* k, long v) { key(k), o += std::to_string(v); }
    void flag(const char* k, bool v, bool first = false) { key(k, first), o += v ? "true" : "false"; }

    void attempt(const AttemptSummary& a) {  // keys in nlohmann::json's order (sorted)
        o += "{";
        field("critical", a.critical, true);
        field("date", a.date);
        field("day", day(a.date));
        field("file", a.file);
        flag("finished", a.finished);
        field("pass_mark", a.pass_mark);
        flag("passed", a.passed);
        field("reason", fail_reason(a));
        field("registration", a.registration);
        field("scaled", a.scaled);
        o += "}";
    }
    void module(const TraineeModule& tm) {
        o += "{";
        key("attempts", true);
        o += std::to_string(tm.attempts);
        key("best"), attempt(tm.best);
        field("course", tm.course);
        key("latest"), attempt(tm.latest);
        field("module", tm.module_id);
        o += "}";
    }
    void pass(const CoursePass& p) {
        o += "{";
        field("code", p.code, true);
        field("course", p.course);
        field("date", p.date);
        field("day", day(p.date));
        field("expires", p.expires);
        field("file", p.file);
        field("module", p.module_id);
        field("registration", p.registration);
        field("scaled", p.scaled);
        o += "}";
    }
    void trainee(const TraineeRow& t) {
        o += "{";
        flag("course_passed", t.course_passed(), true);
        flag("has_records", t.has_records);
        field("id", t.id);
        field("last_activity", t.last_activity);
        key("modules"), o += "[";
        for (size_t i = 0; i < t.modules.size(); ++i) {
            if (i) o += ",";
            module(t.modules[i]);
        }
        o += "]";
        field("name", t.name);
        flag("on_roster", t.on_roster);
        key("passes"), o += "[";
        for (size_t i = 0; i < t.passes.size(); ++i) {
            if (i) o += ",";
            pass(t.passes[i]);
        }
        o += "]";
        field("role", t.role);
        field("venue", t.venue);
        o += "}";
    }
};

json class_question_json(const ClassQuestion& q) {
    json options = json::array();
    for (const auto& o : q.options) options.push_back({{"id", o.id}, {"label", o.label}, {"hands", o.hands}, {"chosen", o.chosen}, {"best", o.best}});
    return {{"scene", q.scene}, {"question", q.question}, {"overridden", q.overridden}, {"class_right", q.best}, {"options", options}};
}

json class_json(const ClassRow& k) {
    return {{"file", k.file},       {"class", k.class_name},       {"teacher", k.teacher},     {"module", k.module},
            {"date", k.date},       {"decisions", k.decisions},    {"overridden", k.overridden}, {"votes", k.votes},
            {"finished", k.finished}, {"ending", k.ending},        {"questions", list(k.questions, class_question_json)}};
}
}  // namespace

json report_json(const ReportModel& m) {
    json j = head_json(m);
    j["trainees"] = list(m.trainees, trainee_json);
    j["venues"] = list(m.venues, venue_json);
    j["modules"] = list(m.modules, module_json);
    j["classes"] = list(m.classes, class_json);
    j["failures"] = list(m.failures, failure_json);
    return j;
}

// Built element by element rather than as one DOM: a report over thousands of
// trainees would otherwise cost several times its own size in memory.
// Invalid UTF-8 in a name (a damaged roster) is replaced rather than throwing.
void render_json(const ReportModel& m, Sink& out) {
    json head = head_json(m);
    out += "{\n";
    for (auto it = head.begin(); it != head.end(); ++it) out += " \"" + it.key() + "\": " + dump(it.value()) + ",\n";
    stream_list(out, "trainees", m.trainees, [](std::string& text, const TraineeRow& t) { TraineeWriter{text}.trainee(t); }, false);
    stream_list(out, "venues", m.venues, dumped(venue_json), false);
    stream_list(out, "modules", m.modules, dumped(module_json), false);
    stream_list(out, "classes", m.classes, dumped(class_json), false);
    stream_list(out, "failures", m.failures, dumped(failure_json), true);
    out += "}\n";
}

}  // namespace signaal::report
