#include "checker.h"

#include <set>
#include <sstream>
#include <string_view>
#include <unordered_set>

#include "loader.h"

namespace signaal {

namespace {
void add(Diagnostics& out, const Module& m, Position p, Severity s, std::string msg) {
    out.push_back({m.file, p.line, p.col, s, std::move(msg)});
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

    auto seen = reachable(m, g);
    auto done = can_finish(m, g);
    std::set<int> loops_reported;
    for (size_t i = 0; i < m.scenes.size(); ++i) {
        const Scene& s = m.scenes[i];
        if (!seen[i]) {
            add(out, m, s.pos, Severity::Warning, "scene '" + s.id + "' cannot be reached from the start scene '" + m.start + "'");
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

    f.bounds = score_bounds(m, g);
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

CheckResult check_file(const std::string& path) {
    LoadResult lr = load_module_file(path);
    CheckResult r{lr.module, std::move(lr.diagnostics), {}};
    if (r.module) r.facts = analyse(*r.module, r.diagnostics);
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
            o << " [label=\"" << dot_escape(l, 60) << "\"";
            if (critical) o << ", color=red, fontcolor=red";
            o << "]";
        }
        o << ";\n";
    };
    for (const auto& s : m.scenes) {
        for (const auto& r : s.routes) edge(s.id, r, "", false);
        for (const auto& c : s.choices)
            for (const auto& r : c.routes)
                edge(s.id, r, c.id + " (" + std::to_string(c.points) + ")" + (c.critical ? " CRITICAL" : ""), c.critical);
    }
    o << "}\n";
    return o.str();
}

}  // namespace signaal
