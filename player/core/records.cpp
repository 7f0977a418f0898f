#include "records.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

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
// Reads a required field of the expected JSON type, or says which one is wrong.
template <class T>
bool field(const json& j, const char* key, T& out, std::string& err, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end()) {
        err = "missing field " + where + key;
        return false;
    }
    try {
        out = it->get<T>();
    } catch (const json::exception&) {
        err = "field " + where + key + " has the wrong type";
        return false;
    }
    return true;
}
}  // namespace

std::variant<StoredRecord, std::string> parse_record(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) return std::string("not valid JSON (corrupt or truncated file)");
    if (!j.is_object() || !j.contains("signaal_record")) return std::string("not a Signaal score record");
    if (j["signaal_record"] != 1) return std::string("unsupported score record version");
    StoredRecord r;
    std::string err;
    json tr, mod, answers;
    bool ok = field(j, "software", r.info.software, err, "") && field(j, "registration", r.info.registration, err, "") &&
              field(j, "trainee", tr, err, "") && field(j, "module", mod, err, "") &&
              field(j, "language", r.info.language, err, "") && field(j, "started", r.started, err, "") &&
              field(j, "updated", r.updated, err, "") && field(j, "answers", answers, err, "") &&
              field(j, "result", r.result, err, "");
    ok = ok && tr.is_object() && field(tr, "id", r.info.trainee.id, err, "trainee.") &&
         field(tr, "name", r.info.trainee.name, err, "trainee.") && field(tr, "venue", r.info.trainee.venue, err, "trainee.") &&
         field(tr, "role", r.info.trainee.role, err, "trainee.");
    ok = ok && mod.is_object() && field(mod, "id", r.module_id, err, "module.") &&
         field(mod, "version", r.module_version, err, "module.") && field(mod, "sha256", r.module_sha256, err, "module.") &&
         field(mod, "course", r.module_course, err, "module.") && field(mod, "assessment", r.module_assessment, err, "module.");
    if (!ok) return err.empty() ? std::string("malformed trainee or module") : err;
    if (!answers.is_array()) return std::string("field answers is not a list");
    if (!r.result.is_object()) return std::string("field result is not an object");
    if (!is_uuid(r.info.registration)) return std::string("registration is not a UUID");
    for (size_t i = 0; i < answers.size(); ++i) {
        Answer a;
        std::string where = "answers[" + std::to_string(i) + "].";
        if (!answers[i].is_object() || !field(answers[i], "scene", a.scene, err, where) ||
            !field(answers[i], "response", a.response, err, where) || !field(answers[i], "time", a.time, err, where))
            return err.empty() ? where + " is not an object" : err;
        r.answers.push_back(std::move(a));
    }
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
