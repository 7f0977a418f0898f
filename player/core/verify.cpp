#include "verify.h"

#include <simdjson.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>

#include "file_read.h"
#include "input_limits.h"
#include "platform.h"

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
        v.module_missing = r.module_id;
        v.problems.push_back("module '" + r.module_id + "' is not in the content folders");
        return;
    }
    v.module = e->module;
    if (e->module->sha256 != r.module_sha256) {
        v.problems.push_back("module '" + r.module_id + "' has changed since the class session (SHA-256 differs)");
        return;
    }
    auto replayed = replay_class(e->module, r);
    if (auto* err = std::get_if<std::string>(&replayed)) {
        v.problems.push_back(*err);
        return;
    }
    Session& s = std::get<Session>(replayed);
    while (!s.finished() && s.scene().kind == Interaction::Continue) (void)s.answer({s.scene().id, {}, r.started});
    if (r.finished != s.finished()) v.problems.push_back(std::string("finished: record says ") + (r.finished ? "true" : "false") + ", replay gives " + (s.finished() ? "true" : "false"));
    else if (r.finished && r.ending != s.scene().id) v.problems.push_back("ending: record says " + r.ending + ", replay gives " + s.scene().id);
}

bool contains(const std::string& text, std::string_view needle) { return platform::contains_bytes(text, needle); }

using FactsByModule = std::unordered_map<const Module*, std::shared_ptr<const SessionFacts>>;

// Checks the parsed record `v.record` against the module it names; `stored` is
// its result as parsed. Returns whether that result is exactly the replay's
// (and then it may be left unconverted). `facts` (may be null) holds session
// facts worked out in advance; a module missing from it gets them from the replay.
bool check(Verification& v, const simdjson::dom::element& stored, const Catalogue& catalogue, const FactsByModule* facts) {
    StoredRecord& r = *v.record;
    if (r.info.trainee.id != pseudonymous_id(r.info.trainee.name, r.info.trainee.venue))
        v.problems.push_back("trainee id does not belong to the trainee's name and venue");
    const CatalogueEntry* e = catalogue.find(r.module_id);
    if (!e) {
        v.module_missing = r.module_id;
        v.problems.push_back("module '" + r.module_id + "' is not in the content folders");
        return false;
    }
    v.module = e->module;
    if (e->module->sha256 != r.module_sha256) {
        v.problems.push_back("module '" + r.module_id + "' has changed since the attempt (SHA-256 differs; record " +
                             r.module_version + ", content folder " + e->module->version + ")");
        return false;
    }
    for (size_t i = 1; i < r.answers.size(); ++i)
        if (r.answers[i].time < r.answers[i - 1].time)
            v.problems.push_back("answer " + std::to_string(i + 1) + " is timed before the answer it follows");
    std::shared_ptr<const SessionFacts> known;
    if (facts)
        if (auto f = facts->find(e->module.get()); f != facts->end()) known = f->second;
    auto rep = replay(e->module, r.started, r.answers, std::move(known));
    if (auto* err = std::get_if<std::string>(&rep)) {
        v.problems.push_back("the module does not allow " + *err);
        return false;
    }
    v.replayed = std::get<Session>(rep).result();
    // The quick check only ever says "identical"; anything else takes the full
    // comparison, which names each difference.
    const bool same = result_matches(stored, *v.replayed, *e->module);
    if (!same) {
        r.result = result_to_json(stored);
        compare(r.result, result_json(*v.replayed, *e->module), "", v.problems);
    }
    std::string last = r.answers.empty() ? r.started : r.answers.back().time;
    if (r.updated != last) v.problems.push_back("updated: record says " + r.updated + ", last answer was at " + last);
    return same;
}

// `keep_result`: always fill record->result; otherwise it stays null when the
// record verified and its result is exactly the replay's (see Verifier).
Verification verify_text(const std::string& text, const Catalogue& catalogue, const FactsByModule* facts, bool keep_result) {
    Verification v;
    if (contains(text, "\"signaal_class_record\"") && !contains(text, "\"signaal_record\"")) {
        verify_class(text, catalogue, v);
        return v;
    }
    simdjson::dom::element stored;  // valid until this thread parses again: used up here
    auto parsed = parse_record_unconverted(text, stored);
    if (auto* err = std::get_if<std::string>(&parsed)) {
        v.problems.push_back(*err);
        return v;
    }
    v.record = std::move(std::get<StoredRecord>(parsed));
    const bool same = check(v, stored, catalogue, facts);
    if ((keep_result || !same || !v.ok()) && v.record->result.is_null()) v.record->result = result_to_json(stored);
    return v;
}
}  // namespace

Verification verify_record(const std::string& text, const Catalogue& catalogue) {
    return verify_text(text, catalogue, nullptr, true);
}

Verifier::Verifier(const Catalogue& catalogue) : catalogue_(catalogue) {
    for (const auto& e : catalogue.entries)
        if (e.module) facts_.emplace(e.module.get(), std::make_shared<const SessionFacts>(session_facts(*e.module)));
}

Verification Verifier::verify(const std::string& text) const { return verify_text(text, catalogue_, &facts_, false); }

std::string stored_result_text(const Verification& v) {
    if (!v.record) return "";
    if (v.record->result.is_null() && v.replayed && v.module) return result_text(*v.replayed, *v.module);
    return v.record->result.dump();
}

namespace {
// Reads `path` and verifies its text with `verify`; a file that cannot be read is a problem.
template <class Verify>
Verification verify_file(const std::string& path, Verify verify) {
    FileText f = read_file_limited(path, kMaxRecordBytes, "a score record");
    if (!f.ok) {
        Verification v;
        v.problems.push_back(f.error);
        return v;
    }
    return verify(f.text);
}
}  // namespace

Verification verify_record_file(const std::string& path, const Catalogue& catalogue) {
    return verify_file(path, [&](const std::string& text) { return verify_record(text, catalogue); });
}

Verification Verifier::verify_file(const std::string& path) const {
    return signaal::verify_file(path, [this](const std::string& text) { return verify(text); });
}

}  // namespace signaal
