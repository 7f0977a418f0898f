#include "verify.h"

#include <fstream>
#include <sstream>

namespace signaal {

namespace {
void compare(const nlohmann::json& stored, const nlohmann::json& replayed, const std::string& path,
             std::vector<std::string>& problems) {
    if (stored.is_object() && replayed.is_object()) {
        for (auto it = replayed.begin(); it != replayed.end(); ++it) {
            if (!stored.contains(it.key())) problems.push_back(path + it.key() + ": missing from the record");
            else compare(stored[it.key()], it.value(), path + it.key() + ".", problems);
        }
        for (auto it = stored.begin(); it != stored.end(); ++it)
            if (!replayed.contains(it.key())) problems.push_back(path + it.key() + ": not something a replay gives");
        return;
    }
    if (stored != replayed) {
        std::string p = path.empty() ? "result" : path.substr(0, path.size() - 1);
        problems.push_back(p + ": record says " + stored.dump() + ", replay gives " + replayed.dump());
    }
}
// Replays a class session's decisions: narrative scenes in between are passed
// with Continue, as the classroom view does.
void verify_class(const std::string& text, const Catalogue& catalogue, Verification& v) {
    auto parsed = parse_class_record(text);
    if (auto* err = std::get_if<std::string>(&parsed)) {
        v.problems.push_back(*err);
        return;
    }
    v.class_record = std::move(std::get<ClassRecord>(parsed));
    const ClassRecord& r = *v.class_record;
    const CatalogueEntry* e = catalogue.find(r.module_id);
    if (!e) {
        v.problems.push_back("module '" + r.module_id + "' is not in the content folders");
        return;
    }
    v.module = e->module;
    if (e->module->sha256 != r.module_sha256) {
        v.problems.push_back("module '" + r.module_id + "' has changed since the class session (SHA-256 differs)");
        return;
    }
    Session s(e->module, r.started);
    for (size_t i = 0; i < r.decisions.size(); ++i) {
        const ClassDecision& d = r.decisions[i];
        while (!s.finished() && s.scene().kind == Interaction::Continue && s.scene().id != d.scene)
            (void)s.answer({s.scene().id, {}, d.time});
        auto out = s.answer({d.scene, d.response, d.time});
        if (auto* err = std::get_if<std::string>(&out)) {
            v.problems.push_back("the module does not allow decision " + std::to_string(i + 1) + ": " + *err);
            return;
        }
    }
    while (!s.finished() && s.scene().kind == Interaction::Continue) (void)s.answer({s.scene().id, {}, r.started});
    if (r.finished != s.finished()) v.problems.push_back(std::string("finished: record says ") + (r.finished ? "true" : "false") + ", replay gives " + (s.finished() ? "true" : "false"));
    else if (r.finished && r.ending != s.scene().id) v.problems.push_back("ending: record says " + r.ending + ", replay gives " + s.scene().id);
}
}  // namespace

Verification verify_record(const std::string& text, const Catalogue& catalogue) {
    Verification v;
    if (text.find("\"signaal_class_record\"") != std::string::npos && text.find("\"signaal_record\"") == std::string::npos) {
        verify_class(text, catalogue, v);
        return v;
    }
    auto parsed = parse_record(text);
    if (auto* err = std::get_if<std::string>(&parsed)) {
        v.problems.push_back(*err);
        return v;
    }
    v.record = std::move(std::get<StoredRecord>(parsed));
    const StoredRecord& r = *v.record;
    if (r.info.trainee.id != pseudonymous_id(r.info.trainee.name, r.info.trainee.venue))
        v.problems.push_back("trainee id does not belong to the trainee's name and venue");
    const CatalogueEntry* e = catalogue.find(r.module_id);
    if (!e) {
        v.problems.push_back("module '" + r.module_id + "' is not in the content folders");
        return v;
    }
    v.module = e->module;
    if (e->module->sha256 != r.module_sha256) {
        v.problems.push_back("module '" + r.module_id + "' has changed since the attempt (SHA-256 differs; record " +
                             r.module_version + ", content folder " + e->module->version + ")");
        return v;
    }
    for (size_t i = 1; i < r.answers.size(); ++i)
        if (r.answers[i].time < r.answers[i - 1].time)
            v.problems.push_back("answer " + std::to_string(i + 1) + " is timed before the answer it follows");
    auto rep = replay(e->module, r.started, r.answers);
    if (auto* err = std::get_if<std::string>(&rep)) {
        v.problems.push_back("the module does not allow " + *err);
        return v;
    }
    const Session& s = std::get<Session>(rep);
    v.replayed = s.result();
    compare(r.result, result_json(*v.replayed, *e->module), "", v.problems);
    std::string last = r.answers.empty() ? r.started : r.answers.back().time;
    if (r.updated != last) v.problems.push_back("updated: record says " + r.updated + ", last answer was at " + last);
    return v;
}

Verification verify_record_file(const std::string& path, const Catalogue& catalogue) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        Verification v;
        v.problems.push_back("cannot open the file");
        return v;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return verify_record(ss.str(), catalogue);
}

}  // namespace signaal
