#include "class_record.h"

#include <algorithm>
#include <filesystem>

#include "file_read.h"
#include "hash.h"
#include "input_limits.h"
#include "records.h"
#include "platform.h"

namespace signaal {

using nlohmann::json;

std::vector<std::string> majority(const Session& s, const std::map<std::string, int>& votes, int class_size) {
    auto count = [&](const std::string& id) {
        auto it = votes.find(id);
        return it == votes.end() ? 0 : it->second;
    };
    const Scene& sc = s.scene();
    if (sc.kind == Interaction::Choices) {
        std::string best;
        int top = -1;
        bool tie = false;
        for (const Choice* c : s.available_choices()) {
            int n = count(c->id);
            if (n > top) {
                top = n;
                best = c->id;
                tie = false;
            } else if (n == top) {
                tie = true;
            }
        }
        if (tie || top <= 0) return {};
        return {best};
    }
    if (sc.kind == Interaction::Select || sc.kind == Interaction::Highlight) {
        int base = class_size;
        if (base <= 0)
            for (const auto& m : sc.marks) base = std::max(base, count(m.id));
        std::vector<std::string> out;
        for (const auto& m : sc.marks)
            if (base > 0 && count(m.id) * 2 >= base) out.push_back(m.id);
        return out;
    }
    return {};
}

std::vector<std::string> best_response(const Scene& sc) {
    std::vector<std::string> out;
    if (sc.kind == Interaction::Choices) {
        const int top = sc.max_points();
        for (const auto& ch : sc.choices)
            if (ch.points == top) out.push_back(ch.id);
    } else {
        for (const auto& m : sc.marks)
            if (m.correct) out.push_back(m.id);
    }
    return out;
}

bool is_best_response(const Scene& sc, const std::vector<std::string>& response) {
    const std::vector<std::string> best = best_response(sc);
    if (sc.kind == Interaction::Choices)
        return response.size() == 1 && std::find(best.begin(), best.end(), response[0]) != best.end();
    std::vector<std::string> marked;  // in the module's order, whatever order the response has
    for (const auto& m : sc.marks)
        if (std::find(response.begin(), response.end(), m.id) != response.end()) marked.push_back(m.id);
    return marked == best && marked.size() == response.size();
}

HandCount count_hands(const Scene& sc, const std::map<std::string, int>& votes, int class_size) {
    HandCount h;
    int most = 0;
    for (const auto& [id, n] : votes) {
        h.hands = sc.kind == Interaction::Choices ? h.hands + n : std::max(h.hands, n);
        most = std::max(most, n);
    }
    h.too_many = class_size > 0 && (sc.kind == Interaction::Choices ? h.hands : most) > class_size;
    h.too_few = h.hands == 0 || (sc.kind == Interaction::Choices && class_size > 0 && h.hands * 2 < class_size);
    return h;
}

bool is_class_record(const json& j) { return j.is_object() && j.contains("signaal_class_record"); }

json class_record_json(const ClassRecord& r) {
    json decisions = json::array();
    for (const auto& d : r.decisions)
        decisions.push_back({{"scene", d.scene}, {"votes", d.votes}, {"response", d.response}, {"overridden", d.overridden}, {"time", d.time}});
    return {{"signaal_class_record", 1},
            {"software", r.software},
            {"session", r.session},
            {"class", r.class_name},
            {"teacher", r.teacher},
            {"class_size", r.class_size},
            {"language", r.language},
            {"module", {{"id", r.module_id}, {"version", r.module_version}, {"sha256", r.module_sha256}}},
            {"started", r.started},
            {"decisions", decisions},
            {"finished", r.finished},
            {"ending", r.ending}};
}

std::variant<ClassRecord, std::string> parse_class_record(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) return std::string("not valid JSON (corrupt or truncated file)");
    if (!is_class_record(j)) return std::string("not a Signaal class record");
    if (j["signaal_class_record"] != 1) return std::string("unsupported class record version");
    try {
        ClassRecord r;
        r.software = j.at("software").get<std::string>();
        r.session = j.at("session").get<std::string>();
        r.class_name = j.at("class").get<std::string>();
        r.teacher = j.at("teacher").get<std::string>();
        r.class_size = j.value("class_size", 0);  // absent in records made before it was asked
        if (r.class_size < 0) return std::string("class_size is negative");
        r.language = j.at("language").get<std::string>();
        r.module_id = j.at("module").at("id").get<std::string>();
        r.module_version = j.at("module").at("version").get<std::string>();
        r.module_sha256 = j.at("module").at("sha256").get<std::string>();
        r.started = j.at("started").get<std::string>();
        r.finished = j.at("finished").get<bool>();
        r.ending = j.at("ending").get<std::string>();
        for (const auto& d : j.at("decisions")) {
            ClassDecision cd;
            cd.scene = d.at("scene").get<std::string>();
            cd.votes = d.at("votes").get<std::map<std::string, int>>();
            cd.response = d.at("response").get<std::vector<std::string>>();
            cd.overridden = d.at("overridden").get<bool>();
            cd.time = d.at("time").get<std::string>();
            r.decisions.push_back(std::move(cd));
        }
        if (!is_uuid(r.session)) return std::string("session is not a UUID");
        return r;
    } catch (const json::exception& e) {
        return std::string("malformed class record: ") + e.what();
    }
}

std::variant<Session, std::string> replay_class(const ModulePtr& module, const ClassRecord& r) {
    Session s(module, r.started);
    for (size_t i = 0; i < r.decisions.size(); ++i) {
        const ClassDecision& d = r.decisions[i];
        while (!s.finished() && s.scene().kind == Interaction::Continue && s.scene().id != d.scene)
            if (auto err = s.apply({s.scene().id, {}, d.time})) return "decision " + std::to_string(i + 1) + ": " + *err;
        if (auto err = s.apply({d.scene, d.response, d.time})) return "the module does not allow decision " + std::to_string(i + 1) + ": " + *err;
    }
    return s;
}

std::optional<std::pair<std::string, ClassRecord>> find_unfinished_class(const std::string& dir, const Module& module) {
    std::optional<std::pair<std::string, ClassRecord>> best;
    std::error_code ec;
    const std::string prefix = "class_" + module.id + "_";
    for (std::filesystem::directory_iterator it(platform::to_path(dir), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = platform::from_path(it->path().filename());
        if (name.rfind(prefix, 0) != 0 || it->path().extension() != ".json") continue;
        FileText f = read_file_limited(platform::from_path(it->path()), kMaxRecordBytes, "a class record");
        if (!f.ok) continue;
        auto parsed = parse_class_record(f.text);
        auto* r = std::get_if<ClassRecord>(&parsed);
        if (!r || r->finished || r->module_id != module.id || r->module_sha256 != module.sha256) continue;
        // The newest by its last decision (or start): ISO 8601 UTC strings sort as times.
        auto last = [](const ClassRecord& c) { return c.decisions.empty() ? c.started : c.decisions.back().time; };
        if (!best || last(*r) > last(best->second)) best = std::make_pair(platform::from_path(it->path()), std::move(*r));
    }
    return best;
}

std::string save_class_record(const std::string& dir, const ClassRecord& r, std::string* path) {
    std::error_code ec;
    std::filesystem::create_directories(platform::to_path(dir), ec);
    if (ec) return "cannot create " + dir + ": " + ec.message();
    std::string p = platform::from_path(platform::to_path(dir) / ("class_" + r.module_id + "_" + r.session + ".json"));
    if (path) *path = p;
    if (auto err = write_file_atomic(p, class_record_json(r).dump(1) + "\n")) return *err;
    return "";
}

}  // namespace signaal
