#include "class_record.h"

#include <algorithm>
#include <filesystem>

#include "hash.h"
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
