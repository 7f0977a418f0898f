#include "records.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include <simdjson.h>

#include "file_read.h"
#include "hash.h"
#include "input_limits.h"
#include "platform.h"

namespace signaal {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
std::string lower_trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    std::string t = a == std::string::npos ? "" : s.substr(a, b - a + 1);
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return t;
}

const char* outcome_name(Outcome o) {
    switch (o) {
        case Outcome::Good: return "good";
        case Outcome::Mixed: return "mixed";
        case Outcome::Bad: return "bad";
        case Outcome::None: break;
    }
    return "";
}
}  // namespace

std::string pseudonymous_id(const std::string& name, const std::string& venue) {
    return sha256_hex("signaal-trainee\n" + lower_trim(name) + "\n" + lower_trim(venue)).substr(0, 16);
}

json result_json(const Result& r, const Module& m) {
    json signals = json::object();
    for (const auto& [id, st] : r.signals)
        signals[id] = {{"hits", st.hits}, {"misses", st.misses}, {"false_alarms", st.false_alarms}};
    json critical = json::array();
    for (const auto& c : r.critical) critical.push_back({{"scene", c.scene}, {"choice", c.choice}});
    return {{"finished", r.finished},
            {"passed", r.passed},
            {"course_passed", r.passed && m.assessment},
            {"raw", r.raw},
            {"max", r.max},
            {"scaled", r.scaled},
            {"pass_mark", r.pass_mark},
            {"ending", r.ending},
            {"outcome", outcome_name(r.outcome)},
            {"critical", critical},
            {"signals", signals},
            {"false_alarms", r.false_alarms},
            {"seconds", r.seconds}};
}

namespace {
// A string nlohmann::json dumps as is, between quotes: printable ASCII without
// '"' and '\\'. Module ids are; anything else is left to nlohmann::json.
bool plain(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; });
}
}  // namespace

std::string result_text(const Result& r, const Module& m) {
    const char* outcome = outcome_name(r.outcome);
    bool simple = plain(r.ending) && plain(outcome);
    for (const auto& c : r.critical) simple = simple && plain(c.scene) && plain(c.choice);
    for (const auto& [id, st] : r.signals) simple = simple && plain(id);
    if (!simple) return result_json(r, m).dump();
    auto q = [](const std::string& s) { return "\"" + s + "\""; };
    auto b = [](bool v) { return v ? "true" : "false"; };
    using std::to_string;
    std::string o = "{\"course_passed\":" + std::string(b(r.passed && m.assessment)) + ",\"critical\":[";
    for (size_t i = 0; i < r.critical.size(); ++i)
        o += (i ? ",{\"choice\":" : "{\"choice\":") + q(r.critical[i].choice) + ",\"scene\":" + q(r.critical[i].scene) + "}";
    o += "],\"ending\":" + q(r.ending) + ",\"false_alarms\":" + to_string(r.false_alarms) + ",\"finished\":" + b(r.finished) +
         ",\"max\":" + to_string(r.max) + ",\"outcome\":" + q(outcome) + ",\"pass_mark\":" + to_string(r.pass_mark) +
         ",\"passed\":" + b(r.passed) + ",\"raw\":" + to_string(r.raw) + ",\"scaled\":" + to_string(r.scaled) +
         ",\"seconds\":" + to_string(r.seconds) + ",\"signals\":{";
    bool first = true;
    for (const auto& [id, st] : r.signals) {
        o += (first ? "" : ",") + q(id) + ":{\"false_alarms\":" + to_string(st.false_alarms) + ",\"hits\":" + to_string(st.hits) +
             ",\"misses\":" + to_string(st.misses) + "}";
        first = false;
    }
    return o + "}}";
}

json record_json(const Session& s, const AttemptInfo& info, const InProgress* pending) {
    const Module& m = s.module();
    json answers = json::array();
    for (const auto& a : s.answers()) answers.push_back({{"scene", a.scene}, {"response", a.response}, {"time", a.time}});
    std::string updated = s.answers().empty() ? s.started() : s.answers().back().time;
    json out = {{"signaal_record", 1},
            {"software", info.software},
            {"registration", info.registration},
            {"trainee", {{"id", info.trainee.id}, {"name", info.trainee.name}, {"venue", info.trainee.venue}, {"role", info.trainee.role}}},
            {"module", {{"id", m.id}, {"version", m.version}, {"sha256", m.sha256}, {"course", m.course}, {"assessment", m.assessment}}},
            {"language", info.language},
            {"started", s.started()},
            {"updated", updated},
            {"answers", answers},
            {"result", result_json(s.result(), m)}};
    if (pending && !pending->scene.empty()) out["in_progress"] = {{"scene", pending->scene}, {"marks", pending->marks}};
    return out;
}

namespace {
// Records are parsed with simdjson: a report reads hundreds of thousands of
// them and parsing was most of its time with nlohmann::json. The small result
// object becomes nlohmann::json (StoredRecord::result) only when asked for.
using simdjson::dom::element;

json to_json(element e) {
    simdjson::dom::object obj;
    simdjson::dom::array arr;
    std::string_view str;
    int64_t i = 0;
    uint64_t u = 0;
    double d = 0;
    bool b = false;
    if (!e.get(obj)) {
        json o = json::object();
        for (auto field : obj) o[std::string(field.key)] = to_json(field.value);
        return o;
    }
    if (!e.get(arr)) {
        json a = json::array();
        for (element v : arr) a.push_back(to_json(v));
        return a;
    }
    if (!e.get(str)) return std::string(str);
    if (!e.get(i)) return i;
    if (!e.get(u)) return u;
    if (!e.get(d)) return d;
    if (!e.get(b)) return b;
    return nullptr;
}
}  // namespace

// result_matches reads the parsed record in place: converting the stored
// result to nlohmann::json cost a third of verifying a record.
namespace {
using simdjson::dom::element_type;

// Exact types only: a number stored as 5.0 (equal in nlohmann::json) takes the full comparison.
bool same_bool(element e, bool v) {
    bool b = false;
    return e.type() == element_type::BOOL && !e.get(b) && b == v;
}
bool same_int(element e, long long v) {
    int64_t i = 0;
    return e.type() == element_type::INT64 && !e.get(i) && i == v;
}
bool same_str(element e, std::string_view v) {
    std::string_view s;
    return e.type() == element_type::STRING && !e.get(s) && s == v;
}

// Walks an object's members in the order they were written, which has to be
// key order (nlohmann::json writes them sorted; a rising order also rules out a
// repeated key, which the full comparison would settle differently).
struct Members {
    simdjson::dom::object::iterator it, end;
    explicit Members(simdjson::dom::object o) : it(o.begin()), end(o.end()) {}
    bool next(std::string_view key, element& out) {
        if (!(it != end) || it.key() != key) return false;
        out = it.value();
        ++it;
        return true;
    }
};

bool same_critical(element j, const std::vector<CriticalError>& v) {
    simdjson::dom::array a;
    if (j.get(a) || a.size() != v.size()) return false;
    size_t i = 0;
    for (element e : a) {
        simdjson::dom::object o;
        if (e.get(o) || o.size() != 2) return false;
        Members m(o);
        element f;
        if (!(m.next("choice", f) && same_str(f, v[i].choice) && m.next("scene", f) && same_str(f, v[i].scene))) return false;
        ++i;
    }
    return true;
}

bool same_signals(element j, const std::map<std::string, SignalStats>& v) {
    simdjson::dom::object o;
    if (j.get(o) || o.size() != v.size()) return false;
    Members sigs(o);
    for (const auto& [id, st] : v) {  // in key order, as written
        element e;
        simdjson::dom::object so;
        if (!sigs.next(id, e) || e.get(so) || so.size() != 3) return false;
        Members m(so);
        element f;
        if (!(m.next("false_alarms", f) && same_int(f, st.false_alarms) && m.next("hits", f) && same_int(f, st.hits) &&
              m.next("misses", f) && same_int(f, st.misses)))
            return false;
    }
    return true;
}
}  // namespace

bool result_matches(const element& stored, const Result& r, const Module& m) {
    simdjson::dom::object o;
    if (stored.get(o) || o.size() != 13) return false;  // result_json's 13 keys, met below in key order
    Members k(o);
    element f;
    return k.next("course_passed", f) && same_bool(f, r.passed && m.assessment) &&
           k.next("critical", f) && same_critical(f, r.critical) &&
           k.next("ending", f) && same_str(f, r.ending) &&
           k.next("false_alarms", f) && same_int(f, r.false_alarms) &&
           k.next("finished", f) && same_bool(f, r.finished) &&
           k.next("max", f) && same_int(f, r.max) &&
           k.next("outcome", f) && same_str(f, outcome_name(r.outcome)) &&
           k.next("pass_mark", f) && same_int(f, r.pass_mark) &&
           k.next("passed", f) && same_bool(f, r.passed) &&
           k.next("raw", f) && same_int(f, r.raw) &&
           k.next("scaled", f) && same_int(f, r.scaled) &&
           k.next("seconds", f) && same_int(f, r.seconds) &&
           k.next("signals", f) && same_signals(f, r.signals);
}

namespace {
// Reads one required field, or says which one is missing or of the wrong type.
// The field's path ("trainee.name", "answers[3].time") is only spelt out for a
// message: building it for every answer of every record cost more than reading it.
struct Fields {
    simdjson::dom::object obj;
    const char* where;  // prefix of the keys, e.g. "trainee."
    long answer;        // or the index in answers (when not -1)
    std::string err;

    explicit Fields(simdjson::dom::object o, const char* prefix = "", long answer_index = -1)
        : obj(o), where(prefix), answer(answer_index) {}

    std::string path(const char* key) const {
        return (answer < 0 ? std::string(where) : "answers[" + std::to_string(answer) + "].") + key;
    }
    element get(const char* key) {
        element e;
        if (err.empty() && obj[key].get(e)) err = "missing field " + path(key);
        return e;
    }
    bool str(const char* key, std::string& out) {
        element e = get(key);
        std::string_view v;
        if (err.empty() && e.get(v)) err = "field " + path(key) + " has the wrong type";
        if (err.empty()) out.assign(v);
        return err.empty();
    }
    bool boolean(const char* key, bool& out) {
        element e = get(key);
        if (err.empty() && e.get(out)) err = "field " + path(key) + " has the wrong type";
        return err.empty();
    }
    bool object(const char* key, simdjson::dom::object& out) {
        element e = get(key);
        if (err.empty() && e.get(out)) err = "field " + path(key) + " has the wrong type";
        return err.empty();
    }
    bool array(const char* key, simdjson::dom::array& out) {
        element e = get(key);
        if (err.empty() && e.get(out)) err = "field " + path(key) + " is not a list";
        return err.empty();
    }
};
}  // namespace

std::variant<StoredRecord, std::string> parse_record_unconverted(const std::string& text, element& result_element) {
    thread_local simdjson::dom::parser parser;  // its document holds `result_element` until the next parse
    element root;
    if (parser.parse(text).get(root)) return std::string("not valid JSON (corrupt or truncated file)");
    simdjson::dom::object top;
    if (root.get(top) || top["signaal_record"].error()) return std::string("not a Signaal score record");
    int64_t version = 0;
    if (top["signaal_record"].get(version) || version != 1) return std::string("unsupported score record version");
    StoredRecord r;
    Fields f(top);
    simdjson::dom::object tr, mod, result;
    simdjson::dom::array answers;
    f.str("software", r.info.software) && f.str("registration", r.info.registration) && f.object("trainee", tr) &&
        f.object("module", mod) && f.str("language", r.info.language) && f.str("started", r.started) &&
        f.str("updated", r.updated) && f.array("answers", answers) && f.object("result", result);
    if (!f.err.empty()) return f.err;
    result_element = top["result"].value_unsafe();
    Fields t(tr, "trainee.");
    t.str("id", r.info.trainee.id) && t.str("name", r.info.trainee.name) && t.str("venue", r.info.trainee.venue) &&
        t.str("role", r.info.trainee.role);
    if (!t.err.empty()) return t.err;
    Fields m(mod, "module.");
    m.str("id", r.module_id) && m.str("version", r.module_version) && m.str("sha256", r.module_sha256) &&
        m.str("course", r.module_course) && m.boolean("assessment", r.module_assessment);
    if (!m.err.empty()) return m.err;
    if (!is_uuid(r.info.registration)) return std::string("registration is not a UUID");
    long i = 0;
    r.answers.reserve(answers.size());
    for (element e : answers) {
        Fields af({}, "", i++);
        if (e.get(af.obj)) return af.path("") + " is not an object";
        Answer a;
        simdjson::dom::array resp;
        af.str("scene", a.scene) && af.array("response", resp) && af.str("time", a.time);
        if (!af.err.empty()) return af.err;
        a.response.reserve(resp.size());
        for (element x : resp) {
            std::string_view v;
            if (x.get(v)) return "field " + af.path("response") + " has the wrong type";
            a.response.emplace_back(v);
        }
        r.answers.push_back(std::move(a));
    }
    // Optional (docs/score-records.md): marks of a paused question.
    if (simdjson::dom::object ip; !top["in_progress"].get(ip)) {
        Fields pf(ip, "in_progress.");
        simdjson::dom::array marks;
        pf.str("scene", r.in_progress.scene) && pf.array("marks", marks);
        if (!pf.err.empty()) return pf.err;
        for (element x : marks) {
            std::string_view v;
            if (x.get(v)) return std::string("field in_progress.marks has the wrong type");
            r.in_progress.marks.emplace_back(v);
        }
    }
    return r;
}

json result_to_json(const element& result) { return to_json(result); }

std::variant<StoredRecord, std::string> parse_record(const std::string& text) {
    element result;
    auto parsed = parse_record_unconverted(text, result);
    if (auto* r = std::get_if<StoredRecord>(&parsed)) r->result = to_json(result);
    return parsed;
}

std::variant<StoredRecord, std::string> read_record(const std::string& path) {
    FileText f = read_file_limited(path, kMaxRecordBytes, "a score record");
    if (!f.ok) return f.error;
    return parse_record(f.text);
}

std::optional<std::string> write_file_atomic(const std::string& path, const std::string& content) {
    return platform::replace_file(path, content);
}

std::string record_file_name(const std::string& module_id, const std::string& trainee_id, const std::string& registration) {
    return module_id + "_" + trainee_id + "_" + registration + ".json";
}

Saved save_record(const std::string& dir, const Session& s, const AttemptInfo& info, const InProgress* pending) {
    std::error_code ec;
    fs::create_directories(platform::to_path(dir), ec);
    if (ec) return {"", "cannot create " + dir + ": " + ec.message()};
    std::string path = platform::from_path(platform::to_path(dir) / record_file_name(s.module().id, info.trainee.id, info.registration));
    if (auto err = write_file_atomic(path, record_json(s, info, pending).dump(1) + "\n")) return {path, *err};
    return {path, ""};
}

std::optional<std::pair<std::string, StoredRecord>> find_unfinished(const std::string& dir, const std::string& module_id,
                                                                    const std::string& trainee_id) {
    std::optional<std::pair<std::string, StoredRecord>> best;
    std::error_code ec;
    std::string prefix = module_id + "_" + trainee_id + "_";
    for (fs::directory_iterator it(platform::to_path(dir), ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = platform::from_path(it->path().filename());
        if (name.rfind(prefix, 0) != 0 || it->path().extension() != ".json") continue;
        auto r = read_record(platform::from_path(it->path()));
        auto* rec = std::get_if<StoredRecord>(&r);
        if (!rec || rec->module_id != module_id || rec->info.trainee.id != trainee_id) continue;
        if (rec->result.value("finished", true)) continue;
        if (!best || rec->updated > best->second.updated) best = std::make_pair(platform::from_path(it->path()), std::move(*rec));
    }
    return best;
}

}  // namespace signaal
