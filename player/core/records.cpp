#include "records.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <simdjson.h>

#include "hash.h"

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

json record_json(const Session& s, const AttemptInfo& info) {
    const Module& m = s.module();
    json answers = json::array();
    for (const auto& a : s.answers()) answers.push_back({{"scene", a.scene}, {"response", a.response}, {"time", a.time}});
    std::string updated = s.answers().empty() ? s.started() : s.answers().back().time;
    return {{"signaal_record", 1},
            {"software", info.software},
            {"registration", info.registration},
            {"trainee", {{"id", info.trainee.id}, {"name", info.trainee.name}, {"venue", info.trainee.venue}, {"role", info.trainee.role}}},
            {"module", {{"id", m.id}, {"version", m.version}, {"sha256", m.sha256}, {"course", m.course}, {"assessment", m.assessment}}},
            {"language", info.language},
            {"started", s.started()},
            {"updated", updated},
            {"answers", answers},
            {"result", result_json(s.result(), m)}};
}

namespace {
// Records are parsed with simdjson: a report reads hundreds of thousands of
// them and parsing was most of its time with nlohmann::json. The small result
// object is converted to nlohmann::json for comparison with a replay.
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

// Reads one required field, or says which one is missing or of the wrong type.
struct Fields {
    simdjson::dom::object obj;
    std::string where;
    std::string err;

    element get(const char* key) {
        element e;
        if (err.empty() && obj[key].get(e)) err = "missing field " + where + key;
        return e;
    }
    bool str(const char* key, std::string& out) {
        element e = get(key);
        std::string_view v;
        if (err.empty() && e.get(v)) err = "field " + where + key + " has the wrong type";
        if (err.empty()) out.assign(v);
        return err.empty();
    }
    bool boolean(const char* key, bool& out) {
        element e = get(key);
        if (err.empty() && e.get(out)) err = "field " + where + key + " has the wrong type";
        return err.empty();
    }
    bool object(const char* key, simdjson::dom::object& out) {
        element e = get(key);
        if (err.empty() && e.get(out)) err = "field " + where + key + " has the wrong type";
        return err.empty();
    }
    bool array(const char* key, simdjson::dom::array& out) {
        element e = get(key);
        if (err.empty() && e.get(out)) err = "field " + where + key + " is not a list";
        return err.empty();
    }
};
}  // namespace

std::variant<StoredRecord, std::string> parse_record(const std::string& text) {
    thread_local simdjson::dom::parser parser;
    element root;
    if (parser.parse(text).get(root)) return std::string("not valid JSON (corrupt or truncated file)");
    simdjson::dom::object top;
    if (root.get(top) || top["signaal_record"].error()) return std::string("not a Signaal score record");
    int64_t version = 0;
    if (top["signaal_record"].get(version) || version != 1) return std::string("unsupported score record version");
    StoredRecord r;
    Fields f{top, "", ""};
    simdjson::dom::object tr, mod, result;
    element result_element;
    simdjson::dom::array answers;
    f.str("software", r.info.software) && f.str("registration", r.info.registration) && f.object("trainee", tr) &&
        f.object("module", mod) && f.str("language", r.info.language) && f.str("started", r.started) &&
        f.str("updated", r.updated) && f.array("answers", answers) && f.object("result", result);
    if (!f.err.empty()) return f.err;
    result_element = top["result"].value_unsafe();
    Fields t{tr, "trainee.", ""};
    t.str("id", r.info.trainee.id) && t.str("name", r.info.trainee.name) && t.str("venue", r.info.trainee.venue) &&
        t.str("role", r.info.trainee.role);
    if (!t.err.empty()) return t.err;
    Fields m{mod, "module.", ""};
    m.str("id", r.module_id) && m.str("version", r.module_version) && m.str("sha256", r.module_sha256) &&
        m.str("course", r.module_course) && m.boolean("assessment", r.module_assessment);
    if (!m.err.empty()) return m.err;
    if (!is_uuid(r.info.registration)) return std::string("registration is not a UUID");
    size_t i = 0;
    for (element e : answers) {
        std::string where = "answers[" + std::to_string(i++) + "].";
        simdjson::dom::object ao;
        if (e.get(ao)) return where + " is not an object";
        Answer a;
        Fields af{ao, where, ""};
        simdjson::dom::array resp;
        af.str("scene", a.scene) && af.array("response", resp) && af.str("time", a.time);
        if (!af.err.empty()) return af.err;
        for (element x : resp) {
            std::string_view v;
            if (x.get(v)) return "field " + where + "response has the wrong type";
            a.response.emplace_back(v);
        }
        r.answers.push_back(std::move(a));
    }
    r.result = to_json(result_element);
    return r;
}

std::variant<StoredRecord, std::string> read_record(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::string("cannot open the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_record(ss.str());
}

std::optional<std::string> write_file_atomic(const std::string& path, const std::string& content) {
    fs::path p(path);
    fs::path tmp = p;
    tmp += ".tmp" + std::to_string(::getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return "cannot create " + tmp.string() + ": " + std::strerror(errno);
    const char* data = content.data();
    size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            std::string e = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return "cannot write " + tmp.string() + ": " + e;
        }
        data += n;
        left -= static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmp.c_str());
        return "cannot flush " + tmp.string() + " to disk";
    }
    if (::rename(tmp.c_str(), p.c_str()) != 0) {
        std::string e = std::strerror(errno);
        ::unlink(tmp.c_str());
        return "cannot rename to " + path + ": " + e;
    }
    // Make the rename itself durable.
    std::string dir = p.parent_path().empty() ? "." : p.parent_path().string();
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return std::nullopt;
}

std::string record_file_name(const std::string& module_id, const std::string& trainee_id, const std::string& registration) {
    return module_id + "_" + trainee_id + "_" + registration + ".json";
}

Saved save_record(const std::string& dir, const Session& s, const AttemptInfo& info) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return {"", "cannot create " + dir + ": " + ec.message()};
    std::string path = (fs::path(dir) / record_file_name(s.module().id, info.trainee.id, info.registration)).string();
    if (auto err = write_file_atomic(path, record_json(s, info).dump(1) + "\n")) return {path, *err};
    return {path, ""};
}

std::optional<std::pair<std::string, StoredRecord>> find_unfinished(const std::string& dir, const std::string& module_id,
                                                                    const std::string& trainee_id) {
    std::optional<std::pair<std::string, StoredRecord>> best;
    std::error_code ec;
    std::string prefix = module_id + "_" + trainee_id + "_";
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0 || it->path().extension() != ".json") continue;
        auto r = read_record(it->path().string());
        auto* rec = std::get_if<StoredRecord>(&r);
        if (!rec || rec->module_id != module_id || rec->info.trainee.id != trainee_id) continue;
        if (rec->result.value("finished", true)) continue;
        if (!best || rec->updated > best->second.updated) best = std::make_pair(it->path().string(), std::move(*rec));
    }
    return best;
}

}  // namespace signaal
