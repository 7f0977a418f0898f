#include "checker.h"

#include <set>
#include <sstream>
#include <string_view>
#include <unordered_set>

#include "loader.h"
#include "state_bounds.h"

namespace signaal {

namespace {
void add(Diagnostics& out, const Module& m, Position p, Severity s, std::string msg) {
    out.push_back({m.file, p.line, p.col, s, std::move(msg)});
}

std::vector<bool> scenes_reached(const Module& m, const StateSpace& sp) {
    std::vector<bool> seen(m.scenes.size(), false);
    for (int s : sp.scene) seen[static_cast<size_t>(s)] = true;
    return seen;
}

// Dead ends that only conditions make: states with no way to an ending at
// scenes the scene graph says can finish. Reported once per trap: a state
// with no way on at all (every choice's condition is false), or else the loop
// of states it leads into, whose every way out is shut by a condition.
void condition_dead_ends(const Module& m, const StateSpace& sp, const std::vector<bool>& graph_done, Diagnostics& out) {
    const auto ok = finishing_states(m, sp);
    std::set<int> reported_scenes;
    std::vector<bool> walked(sp.size(), false);  // each dead region is walked once
    for (size_t st = 0; st < sp.size(); ++st) {
        const auto sc = static_cast<size_t>(sp.scene[st]);
        if (ok[st] || !graph_done[sc] || reported_scenes.count(static_cast<int>(sc))) continue;
        if (walked[st] && sp.first[st] != sp.first[st + 1]) continue;
        const Scene& s = m.scenes[sc];
        const std::string when = sp.describe(m, static_cast<int>(st));
        if (sp.first[st] == sp.first[st + 1]) {
            add(out, m, s.pos, Severity::Error,
                "scene '" + s.id + "' offers no choice when " + (when.empty() ? "reached" : when) +
                    ": the condition of every choice is false, so the attempt cannot go on");
            reported_scenes.insert(static_cast<int>(sc));
        } else {
            // Dead states that all have a way on go round in a loop: name its scenes once.
            std::set<int> loop_scenes{static_cast<int>(sc)};
            std::vector<size_t> todo{st};
            std::set<size_t> visited{st};
            while (!todo.empty()) {
                size_t x = todo.back();
                todo.pop_back();
                for (int i = sp.first[x]; i < sp.first[x + 1]; ++i) {
                    auto t = static_cast<size_t>(sp.edges[static_cast<size_t>(i)].to);
                    if (visited.insert(t).second) {
                        todo.push_back(t);
                        loop_scenes.insert(sp.scene[t]);
                    }
                }
            }
            // Stuck states further on are reported at their own scene.
            bool has_stuck = false;
            for (size_t x : visited) {
                has_stuck = has_stuck || sp.first[x] == sp.first[x + 1];
                walked[x] = true;
            }
            if (has_stuck) continue;
            std::string names;
            for (int n : loop_scenes) names += (names.empty() ? "'" : ", '") + m.scenes[static_cast<size_t>(n)].id + "'";
            add(out, m, s.pos, Severity::Error,
                "no way to an ending from scene '" + s.id + "' when " + (when.empty() ? "reached" : when) + ": scenes " + names +
                    " form a loop whose ways out all need a condition that is false there");
            reported_scenes.insert(loop_scenes.begin(), loop_scenes.end());
        }
    }
}

// Conditions that are false every time they are looked at, on every path: a
// choice never offered, a text never shown, a route never taken.
void never_true(const Module& m, const StateSpace& sp, const std::vector<bool>& seen, Diagnostics& out) {
    for (size_t i = 0; i < m.scenes.size(); ++i) {
        if (!seen[i]) continue;  // already reported as unreachable
        const Scene& s = m.scenes[i];
        auto at = [&](Position p) { return p.line > 0 ? p : s.pos; };
        for (size_t t = 0; t < s.texts.size(); ++t)
            if (!s.texts[t].when.always() && !sp.shown.count(&s.texts[t]))
                add(out, m, s.pos, Severity::Warning,
                    "text " + std::to_string(t + 1) + " of scene '" + s.id + "' is never shown: its condition '" +
                        s.texts[t].when.source + "' is false on every path");
        auto routes = [&](const std::vector<Route>& rs, const std::string& whose) {
            for (const auto& r : rs)
                if (!r.when.always() && !sp.taken.count(&r))
                    add(out, m, s.pos, Severity::Warning,
                        "the route " + whose + "to '" + r.target + "' in scene '" + s.id + "' is never taken: its condition '" +
                            r.when.source + "' is false on every path (or an earlier route is always taken)");
        };
        routes(s.routes, "");
        for (const auto& c : s.choices) {
            if (!c.when.always() && !sp.offered.count(&c)) {
                add(out, m, at(c.pos), Severity::Warning,
                    "choice '" + c.id + "' of scene '" + s.id + "' is never offered: its condition '" + c.when.source +
                        "' is false on every path");
                continue;
            }
            routes(c.routes, "of choice '" + c.id + "' ");
        }
    }
}
}  // namespace

CheckFacts analyse(const Module& m, Diagnostics& out) {
    CheckFacts f;
    SceneGraph g(m);
    f.scenes = static_cast<int>(m.scenes.size());
    for (const auto& s : m.scenes) {
        f.decisions += s.is_question() ? 1 : 0;
        f.endings += s.kind == Interaction::Ending ? 1 : 0;
        for (const auto& c : s.choices) f.critical_choices += c.critical ? 1 : 0;
    }
    Position top{1, 1};
    if (!m.scenes.empty()) top = m.scenes.front().pos;
    if (f.endings == 0) add(out, m, top, Severity::Error, "the module has no <ending>: no attempt can finish");

    const StateSpace space = explore(m);
    f.exact = space.complete;
    f.states = static_cast<int>(space.size());
    auto graph_seen = reachable(m, g);
    auto seen = space.complete ? scenes_reached(m, space) : graph_seen;
    auto done = can_finish(m, g);
    std::set<int> loops_reported;
    for (size_t i = 0; i < m.scenes.size(); ++i) {
        const Scene& s = m.scenes[i];
        if (!seen[i]) {
            add(out, m, s.pos, Severity::Warning,
                "scene '" + s.id + "' cannot be reached from the start scene '" + m.start + "'" +
                    (graph_seen[i] ? ": every way to it needs a condition that no path makes true" : ""));
            continue;
        }
        if (done[i] || f.endings == 0) continue;
        int c = g.component[i];
        std::vector<std::string> loop;
        for (size_t j = 0; j < m.scenes.size(); ++j)
            if (g.component[j] == c) loop.push_back(m.scenes[j].id);
        if (loop.size() > 1 || !g.next(static_cast<int>(i)).empty()) {
            if (!loops_reported.insert(c).second) continue;
            std::string names;
            for (const auto& n : loop) names += (names.empty() ? "'" : ", '") + n + "'";
            add(out, m, s.pos, Severity::Error, "no way to an ending from scene '" + s.id + "'" +
                                                    (loop.size() > 1 ? ": scenes " + names + " form a loop with no way out" : ""));
        }
    }
    if (space.complete) {
        if (f.endings > 0) condition_dead_ends(m, space, done, out);
        never_true(m, space, seen, out);
    } else {
        add(out, m, top, Severity::Warning,
            "the graph analyses ignore conditions for this module: " + space.why_incomplete +
                ", too many to explore; the maximum is an upper bound, and scenes, choices and texts that conditions shut off are not found");
    }

    f.bounds = module_bounds(m, space, g);
    f.pass_points = (f.bounds.max * m.pass_mark + 99) / 100;
    f.pass_reachable_without_critical = f.bounds.max_no_critical >= 0 && f.bounds.max_no_critical >= f.pass_points;
    if (f.endings > 0 && !f.pass_reachable_without_critical)
        add(out, m, top, Severity::Error,
            "the pass mark (" + std::to_string(m.pass_mark) + "% = " + std::to_string(f.pass_points) + " of " +
                std::to_string(f.bounds.max) + " points) cannot be reached without a critical error (best without: " +
                std::to_string(std::max(0, f.bounds.max_no_critical)) + ")");

    std::unordered_set<std::string_view> tested;
    for (const auto& s : m.scenes) {
        for (const auto& c : s.choices) tested.insert(c.tests.begin(), c.tests.end());
        for (const auto& mk : s.marks) tested.insert(mk.signals.begin(), mk.signals.end());
    }
    for (const auto& sig : m.signals)
        if (!tested.count(sig.id))
            add(out, m, sig.pos, Severity::Warning, "signal '" + sig.id + "' is taught but never tested by a choice, option or target");
    return f;
}

CheckResult check_file(const std::string& path) { return check_loaded(load_module_file(path)); }

CheckResult check_loaded(LoadResult lr) {
    CheckResult r{lr.module, std::move(lr.diagnostics), {}, nullptr};
    if (r.module) r.facts = analyse(*r.module, r.diagnostics);
    else if (lr.partial) {
        r.analysed_despite_errors = lr.partial;
        r.facts = analyse(*lr.partial, r.diagnostics);
    }
    return r;
}

namespace {
std::string dot_escape(const std::string& s, size_t limit = 40) {
    std::string out;
    size_t n = 0;
    for (char c : s) {
        if (n >= limit && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            out += "…";
            break;
        }
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    }
    return out;
}
}  // namespace

std::string graph_dot(const Module& m, const std::string& lang) {
    const std::string& fb = m.fallback_language();
    std::ostringstream o;
    o << "digraph \"" << dot_escape(m.id) << "\" {\n  rankdir=TB;\n  node [shape=box, fontname=\"sans\"];\n";
    for (const auto& s : m.scenes) {
        std::string shape = s.kind == Interaction::Ending ? "doubleoctagon" : s.is_question() ? "box" : "note";
        std::string label = s.id;
        if (!s.heading.empty()) label += "\n" + s.heading.get(lang, fb);
        if (s.is_question()) label += "\n(max " + std::to_string(s.max_points()) + ")";
        o << "  \"" << dot_escape(s.id) << "\" [shape=" << shape << ", label=\"" << dot_escape(label, 80) << "\"";
        if (s.id == m.start) o << ", style=bold";
        o << "];\n";
    }
    auto edge = [&](const std::string& from, const Route& r, const std::string& label, bool critical) {
        o << "  \"" << dot_escape(from) << "\" -> \"" << dot_escape(r.target) << "\"";
        std::string l = label;
        if (!r.when.always()) l += (l.empty() ? "" : "\n") + std::string("if ") + r.when.source;
        if (!l.empty() || critical) {
            o << " [label=\"" << dot_escape(l, 100) << "\"";
            if (critical) o << ", color=red, fontcolor=red";
            o << "]";
        }
        o << ";\n";
    };
    for (const auto& s : m.scenes) {
        for (const auto& r : s.routes) edge(s.id, r, "", false);
        for (const auto& c : s.choices)
            for (const auto& r : c.routes)
                edge(s.id, r,
                     c.id + " (" + std::to_string(c.points) + ")" + (c.critical ? " CRITICAL" : "") +
                         (c.when.always() ? "" : "\noffered when " + c.when.source) +
                         (c.label.empty() ? "" : "\n" + c.label.get(lang, fb)),
                     c.critical);
    }
    o << "}\n";
    return o.str();
}

}  // namespace signaal
