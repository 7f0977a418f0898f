#include "xapi.h"

#include "hash.h"

namespace signaal {

using nlohmann::json;

namespace {
const char* kCmi5Category = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const char* kMoveOnCategory = "https://w3id.org/xapi/cmi5/context/categories/moveon";
const char* kSessionId = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
const char* kMasteryScore = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

json verb(const std::string& name) {
    return {{"id", "http://adlnet.gov/expapi/verbs/" + name}, {"display", {{"en-US", name}}}};
}

json lang_map(const Text& t) {
    json out = json::object();
    t.each([&](const std::string& lang, const std::string& s) { out[lang] = s; });
    return out;
}

json module_activity(const Module& m) {
    return {{"objectType", "Activity"},
            {"id", module_iri(m)},
            {"definition",
             {{"type", "https://w3id.org/xapi/cmi5/activitytype/course"}, {"name", lang_map(m.title)}}}};
}

json scene_activity(const Module& m, const Scene& s) {
    json choices = json::array();
    for (const auto& c : s.choices) choices.push_back({{"id", c.id}, {"description", lang_map(c.label)}});
    for (const auto& mk : s.marks) {
        Text label = mk.label;
        if (label.empty())  // a highlight target: its text is the marked phrase
            for (const auto& [lang, runs] : s.passage)
                for (const auto& r : runs)
                    if (r.ref == mk.id) label.set(lang, r.text);
        choices.push_back({{"id", mk.id}, {"description", lang_map(label)}});
    }
    json def = {{"type", "http://adlnet.gov/expapi/activities/cmi.interaction"}, {"interactionType", "choice"}, {"choices", choices}};
    Text name = !s.prompt.empty() ? s.prompt : !s.heading.empty() ? s.heading : Text{{{"en", s.id}}};
    def["name"] = lang_map(name);
    // The correct pattern lists what a full-score answer contains.
    std::string pattern;
    if (s.kind == Interaction::Choices) {
        for (const auto& c : s.choices)
            if (c.points == s.max_points()) {
                pattern = c.id;
                break;
            }
    } else {
        for (const auto& mk : s.marks)
            if (mk.correct) pattern += (pattern.empty() ? "" : "[,]") + mk.id;
    }
    def["correctResponsesPattern"] = json::array({pattern});
    return {{"objectType", "Activity"}, {"id", module_iri(m) + "/scenes/" + s.id}, {"definition", def}};
}
}  // namespace

std::string module_iri(const Module& m) { return std::string(kXapiBase) + "modules/" + m.id; }

json xapi_actor(const Trainee& t) {
    json a = {{"objectType", "Agent"}, {"account", {{"homePage", std::string(kXapiBase) + "trainees"}, {"name", t.id}}}};
    if (!t.name.empty()) a["name"] = t.name;
    return a;
}

std::string iso_duration(long long seconds) { return "PT" + std::to_string(seconds < 0 ? 0 : seconds) + "S"; }

json xapi_statements(const Session& s, const AttemptInfo& info) {
    const Module& m = s.module();
    json out = json::array();
    json actor = xapi_actor(info.trainee);
    auto context = [&](bool cmi5, bool moveon) {
        json ctx = {{"registration", info.registration},
                    {"language", info.language},
                    {"platform", info.software},
                    {"extensions", {{kSessionId, info.registration}}}};
        json cats = json::array();
        if (cmi5) cats.push_back({{"id", kCmi5Category}});
        if (moveon) cats.push_back({{"id", kMoveOnCategory}});
        if (!cats.empty()) ctx["contextActivities"]["category"] = cats;
        return ctx;
    };
    auto statement = [&](const std::string& key, const std::string& v, json object, json ctx, const std::string& time) {
        return json{{"id", uuid_v5(info.registration, key)},
                    {"actor", actor},
                    {"verb", verb(v)},
                    {"object", std::move(object)},
                    {"context", std::move(ctx)},
                    {"timestamp", time},
                    {"version", "1.0.3"}};
    };

    json init_ctx = context(true, false);
    init_ctx["extensions"][kMasteryScore] = m.pass_mark / 100.0;
    out.push_back(statement("initialized", "initialized", module_activity(m), init_ctx, s.started()));

    for (size_t i = 0; i < s.answers().size(); ++i) {
        const Answer& a = s.answers()[i];
        const AnswerOutcome& o = s.outcomes()[i];
        const Scene* scene = m.find_scene(a.scene);
        if (!scene || !scene->is_question()) continue;
        std::string response;
        for (const auto& r : a.response) response += (response.empty() ? "" : "[,]") + r;
        json result = {{"response", response}, {"success", o.points == o.max_points && o.false_alarms == 0 && !o.critical}};
        if (o.max_points > 0) result["score"] = {{"raw", o.points}, {"min", 0}, {"max", o.max_points}};
        json ctx = context(false, false);
        ctx["contextActivities"]["parent"] = json::array({{{"id", module_iri(m)}}});
        out.push_back(statement("answered:" + std::to_string(i + 1), "answered", scene_activity(m, *scene), ctx, a.time));
        out.back()["result"] = std::move(result);
    }

    if (s.finished()) {
        Result r = s.result();
        const std::string& end = s.answers().empty() ? s.started() : s.answers().back().time;
        std::string dur = iso_duration(r.seconds);
        json completed_ctx = context(true, true);
        completed_ctx["extensions"][kScoreRecordExtension] = record_json(s, info);
        out.push_back(statement("completed", "completed", module_activity(m), std::move(completed_ctx), end));
        out.back()["result"] = {{"completion", true}, {"duration", dur}};
        json judged = context(true, true);
        judged["extensions"][kMasteryScore] = m.pass_mark / 100.0;
        out.push_back(statement(r.passed ? "passed" : "failed", r.passed ? "passed" : "failed", module_activity(m), judged, end));
        double scaled = r.max > 0 ? static_cast<double>(r.raw) / r.max : 1.0;
        out.back()["result"] = {{"success", r.passed},
                                {"duration", dur},
                                {"score", {{"scaled", scaled}, {"raw", r.raw}, {"min", 0}, {"max", r.max}}}};
        out.push_back(statement("terminated", "terminated", module_activity(m), context(true, false), end));
        out.back()["result"] = {{"duration", dur}};
    }
    return out;
}

}  // namespace signaal
