#include "xapi_rules.h"

#include <regex>
#include <set>

namespace rt {

using nlohmann::json;

bool is_uuid(const std::string& s) {
    static const std::regex re("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$");
    return std::regex_match(s, re);
}
bool is_iri(const std::string& s) {
    static const std::regex re("^[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]+$");
    return std::regex_match(s, re);
}
bool is_language_tag(const std::string& s) {
    static const std::regex re("^[a-zA-Z]{2,3}(-[a-zA-Z]{3}){0,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$");
    return std::regex_match(s, re);
}
bool is_iso_timestamp(const std::string& s) {
    static const std::regex re("^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
    return std::regex_match(s, re);
}
bool is_iso_duration(const std::string& s) {
    static const std::regex re("^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$");
    return std::regex_match(s, re);
}

namespace {
struct Checker {
    std::vector<std::string> out;
    void fail(const std::string& path, const std::string& why) { out.push_back(path + ": " + why); }

    void only(const json& j, const std::string& path, std::set<std::string> allowed) {
        for (auto it = j.begin(); it != j.end(); ++it)
            if (!allowed.count(it.key())) fail(path + "." + it.key(), "not an xAPI property here");
    }
    void lang_map(const json& j, const std::string& path) {
        if (!j.is_object() || j.empty()) return fail(path, "must be a non-empty language map");
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (!is_language_tag(it.key())) fail(path + "." + it.key(), "key is not an RFC 5646 language tag");
            if (!it.value().is_string()) fail(path + "." + it.key(), "value must be a string");
        }
    }
    void iri(const json& j, const std::string& path) {
        if (!j.is_string() || !is_iri(j.get<std::string>())) fail(path, "must be an IRI");
    }
    void actor(const json& a, const std::string& path) {
        if (!a.is_object()) return fail(path, "must be an object");
        only(a, path, {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"});
        if (a.contains("objectType") && a["objectType"] != "Agent") fail(path + ".objectType", "must be Agent");
        int ifis = 0;
        for (const char* k : {"mbox", "mbox_sha1sum", "openid", "account"}) ifis += a.contains(k);
        if (ifis != 1) fail(path, "must have exactly one inverse functional identifier, has " + std::to_string(ifis));
        if (a.contains("account")) {
            const json& acc = a["account"];
            if (!acc.is_object() || !acc.contains("homePage") || !acc.contains("name")) return fail(path + ".account", "needs homePage and name");
            iri(acc["homePage"], path + ".account.homePage");
            if (!acc["name"].is_string() || acc["name"].get<std::string>().empty()) fail(path + ".account.name", "must be a non-empty string");
        }
        if (a.contains("name") && !a["name"].is_string()) fail(path + ".name", "must be a string");
    }
    void activity(const json& o, const std::string& path) {
        if (!o.is_object()) return fail(path, "must be an object");
        only(o, path, {"objectType", "id", "definition"});
        if (o.contains("objectType") && o["objectType"] != "Activity") fail(path + ".objectType", "must be Activity");
        if (!o.contains("id")) return fail(path + ".id", "missing");
        iri(o["id"], path + ".id");
        if (!o.contains("definition")) return;
        const json& d = o["definition"];
        std::string dp = path + ".definition";
        only(d, dp, {"name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern", "choices",
                     "scale", "source", "target", "steps"});
        if (d.contains("name")) lang_map(d["name"], dp + ".name");
        if (d.contains("description")) lang_map(d["description"], dp + ".description");
        if (d.contains("type")) iri(d["type"], dp + ".type");
        bool components = d.contains("choices") || d.contains("scale") || d.contains("source") || d.contains("target") || d.contains("steps");
        if ((components || d.contains("correctResponsesPattern")) && !d.contains("interactionType"))
            fail(dp, "interaction components need an interactionType");
        if (d.contains("interactionType")) {
            static const std::set<std::string> kinds = {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance",
                                                        "sequencing", "likert", "numeric", "other"};
            if (!d["interactionType"].is_string() || !kinds.count(d["interactionType"].get<std::string>()))
                fail(dp + ".interactionType", "unknown interaction type");
            else if (d.contains("source") || d.contains("target") || d.contains("scale") || d.contains("steps"))
                if (d["interactionType"] == "choice") fail(dp, "a choice interaction has only choices");
        }
        if (d.contains("correctResponsesPattern")) {
            if (!d["correctResponsesPattern"].is_array()) fail(dp + ".correctResponsesPattern", "must be an array");
            else
                for (const auto& p : d["correctResponsesPattern"])
                    if (!p.is_string()) fail(dp + ".correctResponsesPattern", "items must be strings");
        }
        if (d.contains("choices")) {
            std::set<std::string> ids;
            for (const auto& c : d["choices"]) {
                if (!c.is_object() || !c.contains("id") || !c["id"].is_string() || c["id"].get<std::string>().empty())
                    fail(dp + ".choices", "each needs a non-empty id");
                else if (!ids.insert(c["id"].get<std::string>()).second) fail(dp + ".choices", "duplicate id " + c["id"].dump());
                if (c.contains("description")) lang_map(c["description"], dp + ".choices[" + c.value("id", "") + "].description");
            }
            // Every id in a correct response must be a listed choice.
            if (d.contains("correctResponsesPattern") && d["correctResponsesPattern"].is_array())
                for (const auto& p : d["correctResponsesPattern"]) {
                    std::string s = p.is_string() ? p.get<std::string>() : "";
                    for (size_t at = 0; !s.empty();) {
                        size_t next = s.find("[,]", at);
                        std::string id = s.substr(at, next == std::string::npos ? std::string::npos : next - at);
                        if (!ids.count(id)) fail(dp + ".correctResponsesPattern", "'" + id + "' is not a choice");
                        if (next == std::string::npos) break;
                        at = next + 3;
                    }
                }
        }
        if (d.contains("extensions"))
            for (auto it = d["extensions"].begin(); it != d["extensions"].end(); ++it)
                if (!is_iri(it.key())) fail(dp + ".extensions", "keys must be IRIs");
    }
    void result(const json& r, const std::string& path) {
        only(r, path, {"score", "success", "completion", "response", "duration", "extensions"});
        for (const char* b : {"success", "completion"})
            if (r.contains(b) && !r[b].is_boolean()) fail(path + "." + b, "must be a boolean");
        if (r.contains("response") && !r["response"].is_string()) fail(path + ".response", "must be a string");
        if (r.contains("duration") && !(r["duration"].is_string() && is_iso_duration(r["duration"].get<std::string>())))
            fail(path + ".duration", "must be an ISO 8601 duration");
        if (r.contains("score")) {
            const json& s = r["score"];
            only(s, path + ".score", {"scaled", "raw", "min", "max"});
            for (auto it = s.begin(); it != s.end(); ++it)
                if (!it.value().is_number()) fail(path + ".score." + it.key(), "must be a number");
            if (s.contains("scaled") && s["scaled"].is_number() && (s["scaled"].get<double>() < -1 || s["scaled"].get<double>() > 1))
                fail(path + ".score.scaled", "must be within -1..1");
            double mn = s.value("min", -1e300), mx = s.value("max", 1e300);
            if (mn > mx) fail(path + ".score", "min must not exceed max");
            if (s.contains("raw") && s["raw"].is_number() && (s["raw"].get<double>() < mn || s["raw"].get<double>() > mx))
                fail(path + ".score.raw", "must be within min..max");
        }
    }
    void context(const json& c, const std::string& path) {
        only(c, path, {"registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions"});
        if (c.contains("registration") && !(c["registration"].is_string() && is_uuid(c["registration"].get<std::string>())))
            fail(path + ".registration", "must be a UUID");
        if (c.contains("language") && !(c["language"].is_string() && is_language_tag(c["language"].get<std::string>())))
            fail(path + ".language", "must be an RFC 5646 language tag");
        if (c.contains("platform") && !c["platform"].is_string()) fail(path + ".platform", "must be a string");
        if (c.contains("extensions"))
            for (auto it = c["extensions"].begin(); it != c["extensions"].end(); ++it)
                if (!is_iri(it.key())) fail(path + ".extensions", "keys must be IRIs");
        if (c.contains("contextActivities")) {
            const json& ca = c["contextActivities"];
            only(ca, path + ".contextActivities", {"parent", "grouping", "category", "other"});
            for (auto it = ca.begin(); it != ca.end(); ++it) {
                const json& list = it.value();
                if (list.is_array())
                    for (const auto& a : list) activity(a, path + ".contextActivities." + it.key());
                else activity(list, path + ".contextActivities." + it.key());
            }
        }
    }
};
}  // namespace

std::vector<std::string> xapi_problems(const json& s) {
    Checker c;
    if (!s.is_object()) return {"statement: must be an object"};
    c.only(s, "statement", {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"});
    if (!s.contains("id") || !s["id"].is_string() || !is_uuid(s["id"].get<std::string>())) c.fail("statement.id", "must be a UUID");
    if (!s.contains("actor")) c.fail("statement.actor", "missing");
    else c.actor(s["actor"], "statement.actor");
    if (!s.contains("verb") || !s["verb"].is_object()) c.fail("statement.verb", "missing");
    else {
        c.only(s["verb"], "statement.verb", {"id", "display"});
        c.iri(s["verb"].value("id", json()), "statement.verb.id");
        if (s["verb"].contains("display")) c.lang_map(s["verb"]["display"], "statement.verb.display");
    }
    if (!s.contains("object")) c.fail("statement.object", "missing");
    else c.activity(s["object"], "statement.object");
    if (s.contains("result")) c.result(s["result"], "statement.result");
    if (s.contains("context")) c.context(s["context"], "statement.context");
    if (s.contains("timestamp") && !(s["timestamp"].is_string() && is_iso_timestamp(s["timestamp"].get<std::string>())))
        c.fail("statement.timestamp", "must be an ISO 8601 timestamp");
    if (s.contains("version") && !(s["version"].is_string() && s["version"].get<std::string>().rfind("1.0.", 0) == 0))
        c.fail("statement.version", "must be 1.0.x");
    return c.out;
}

}  // namespace rt
