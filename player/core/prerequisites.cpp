#include "prerequisites.h"

#include <algorithm>
#include <map>
#include <set>

#include "nearest.h"

namespace signaal {

namespace {
std::string course_name(const std::string& course) { return course.empty() ? "no course" : "course '" + course + "'"; }

// Depth-first search for cycles; each cycle is reported once, at the module
// where the search first closes it.
struct CycleFinder {
    const std::map<std::string, const Module*>& by_id;
    Diagnostics& out;
    std::map<std::string, int> state;  // 1: on the current path, 2: done
    std::vector<const Module*> path;

    void visit(const Module* m) {
        state[m->id] = 1;
        path.push_back(m);
        for (const auto& p : m->prerequisites) {
            auto it = by_id.find(p.id);
            if (it == by_id.end()) continue;
            const int st = state[p.id];
            if (st == 1) {
                std::string names;
                auto from = std::find_if(path.begin(), path.end(), [&](const Module* x) { return x->id == p.id; });
                for (auto k = from; k != path.end(); ++k) names += "'" + (*k)->id + "' requires ";
                names += "'" + p.id + "'";
                out.push_back({m->file, p.pos.line, p.pos.col, Severity::Error,
                               "the modules require each other in a cycle (" + names + "): none of them can ever open"});
            } else if (st == 0) {
                visit(it->second);
            }
        }
        path.pop_back();
        state[m->id] = 2;
    }
};
}  // namespace

void check_prerequisites(const std::vector<const Module*>& modules, bool complete, Diagnostics& out) {
    std::map<std::string, const Module*> by_id;
    std::vector<std::string> ids;
    for (const Module* m : modules)
        if (by_id.emplace(m->id, m).second) ids.push_back(m->id);
    for (const Module* m : modules)
        for (const auto& p : m->prerequisites) {
            auto add = [&](Severity s, std::string msg) { out.push_back({m->file, p.pos.line, p.pos.col, s, std::move(msg)}); };
            auto it = by_id.find(p.id);
            if (it == by_id.end()) {
                if (complete)
                    add(Severity::Error, "requires module '" + p.id + "', which is in none of the folders checked" + did_you_mean(p.id, ids));
                else
                    add(Severity::Note, "could not check the required module '" + p.id +
                                            "': it is not among the files checked (check the content folder to see it)");
            } else if (it->second->course != m->course) {
                add(Severity::Error, "requires module '" + p.id + "' of " + course_name(it->second->course) +
                                         ", but this module is in " + course_name(m->course) +
                                         ": a module can only require modules of its own course");
            }
        }
    CycleFinder f{by_id, out, {}, {}};
    for (const Module* m : modules)
        if (by_id.at(m->id) == m && f.state[m->id] == 0) f.visit(m);
}

std::vector<std::string> unmet_prerequisites(const Module& m, const std::function<bool(const std::string&)>& passed) {
    std::vector<std::string> out;
    for (const auto& p : m.prerequisites)
        if (!passed(p.id)) out.push_back(p.id);
    return out;
}

std::string module_titles(const Catalogue& c, const std::vector<std::string>& ids, const std::string& lang) {
    std::string out;
    for (const auto& id : ids) {
        const CatalogueEntry* e = c.find(id);
        out += (out.empty() ? "" : ", ") + (e ? e->module->title.get(lang, e->module->fallback_language()) : id);
    }
    return out;
}

std::vector<std::string> course_modules(const std::vector<const Module*>& modules, const std::string& course) {
    std::map<std::string, const Module*> by_id;
    const Module* assessment = nullptr;
    std::vector<std::string> all;
    for (const Module* m : modules) {
        if (m->course != course || !by_id.emplace(m->id, m).second) continue;
        all.push_back(m->id);
        if (m->assessment && !assessment) assessment = m;
    }
    if (!assessment) return all;
    // Prerequisites first, each once, the assessment last; a cycle (an error
    // signaal-check reports) stops at a module already met.
    std::vector<std::string> out;
    std::set<std::string> met;
    std::function<void(const Module&)> add = [&](const Module& m) {
        if (!met.insert(m.id).second) return;
        for (const auto& p : m.prerequisites)
            if (auto it = by_id.find(p.id); it != by_id.end()) add(*it->second);
        out.push_back(m.id);
    };
    add(*assessment);
    return out;
}

}  // namespace signaal
