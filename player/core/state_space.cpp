#include "state_space.h"

#include <algorithm>
#include <climits>
#include <deque>
#include <unordered_map>

#include "graph.h"

namespace signaal {

namespace {

// Which variables conditions read, and which numbers they compare them with.
struct Reads {
    std::vector<bool> read;
    std::vector<int> lowest, highest;  // of the numbers compared with (0 included: `x` means x != 0)
};

void note_condition(const Condition& c, Reads& r) {
    for (const auto& n : c.nodes) {
        if (n.op == Condition::Op::Not || n.op == Condition::Op::And || n.op == Condition::Op::Or) continue;
        if (n.var < 0 || static_cast<size_t>(n.var) >= r.read.size()) continue;
        const auto v = static_cast<size_t>(n.var);
        r.read[v] = true;
        const int k = n.op == Condition::Op::Var ? 0 : n.value;
        r.lowest[v] = std::min(r.lowest[v], k);
        r.highest[v] = std::max(r.highest[v], k);
    }
}

template <class F>
void each_assignment(const Module& m, F f) {
    for (const auto& s : m.scenes) {
        for (const auto& c : s.choices)
            for (const auto& a : c.sets) f(a);
        for (const auto& mk : s.marks)
            for (const auto& a : mk.sets) f(a);
    }
}

// A key: scene, then the tracked variables' values, then one 0/1 per scene on a loop.
struct KeyHash {
    size_t operator()(const std::vector<int>& k) const {
        size_t h = 1469598103934665603ull;
        for (int x : k) h = (h ^ static_cast<size_t>(static_cast<unsigned>(x))) * 1099511628211ull;
        return h;
    }
};

class Explorer {
public:
    Explorer(const Module& m, StateSpace& out) : m_(m), out_(out) {}

    void run() {
        const size_t nv = m_.variables.size();
        out_.read.assign(nv, false);
        out_.hold.assign(nv, 0);
        out_.held.assign(nv, 0);
        Reads r{std::vector<bool>(nv, false), std::vector<int>(nv, 0), std::vector<int>(nv, 0)};
        for (const auto& s : m_.scenes) {
            for (const auto& t : s.texts) note_condition(t.when, r);
            for (const auto& rt : s.routes) note_condition(rt.when, r);
            for (const auto& c : s.choices) {
                note_condition(c.when, r);
                for (const auto& rt : c.routes) note_condition(rt.when, r);
            }
        }
        out_.read = r.read;
        // An int that only grows behaves the same for every condition once it
        // passes the largest number compared with: hold it there (and the same
        // for one that only shrinks), so a counter does not multiply the states.
        std::vector<bool> up(nv, true), down(nv, true);
        each_assignment(m_, [&](const Assignment& a) {
            if (a.var < 0 || static_cast<size_t>(a.var) >= nv) return;
            const auto v = static_cast<size_t>(a.var);
            const int d = a.op == Assignment::Op::Add ? a.value : a.op == Assignment::Op::Sub ? -a.value : 0;
            if (d < 0) up[v] = false;
            if (d > 0) down[v] = false;
        });
        for (size_t v = 0; v < nv; ++v) {
            if (m_.variables[v].type != VarType::Int || !r.read[v]) continue;
            if (up[v]) out_.hold[v] = +1, out_.held[v] = r.highest[v] + 1;
            else if (down[v]) out_.hold[v] = -1, out_.held[v] = r.lowest[v] - 1;
        }

        // Scenes that can come round again and can score: whether they were
        // answered is part of the state (an answered scene scores nothing more).
        SceneGraph g(m_);
        std::vector<int> members(static_cast<size_t>(g.components), 0);
        for (int c : g.component) ++members[static_cast<size_t>(c)];
        flag_of_.assign(m_.scenes.size(), -1);
        for (size_t s = 0; s < m_.scenes.size(); ++s) {
            const auto own = g.next(static_cast<int>(s));
            const bool loop = members[static_cast<size_t>(g.component[s])] > 1 ||
                              std::find(own.begin(), own.end(), static_cast<int>(s)) != own.end();
            if (loop && m_.scenes[s].is_question() && m_.scenes[s].max_points() > 0) flag_of_[s] = flags_++;
        }

        const int start = m_.scene_index(m_.start);
        if (start < 0) {
            out_.why_incomplete = "the start scene is unknown";
            return;
        }
        std::vector<int> key(1 + nv + static_cast<size_t>(flags_), 0);
        key[0] = start;
        VarValues init = initial_values(m_.variables);
        for (size_t v = 0; v < nv; ++v) key[1 + v] = hold(v, init[v]);
        intern(std::move(key));
        for (size_t s = 0; s < keys_.size(); ++s) {
            expand(s);
            out_.first.push_back(static_cast<int>(out_.edges.size()));
            if (!out_.why_incomplete.empty()) return;
        }
        out_.complete = true;
    }

private:
    const Module& m_;
    StateSpace& out_;
    std::vector<int> flag_of_;
    int flags_ = 0;
    std::deque<std::vector<int>> keys_;
    std::unordered_map<std::vector<int>, int, KeyHash> index_;

    int hold(size_t v, int x) const {
        if (!out_.read[v]) return m_.variables[v].initial;
        if (out_.hold[v] > 0) return std::min(x, out_.held[v]);
        if (out_.hold[v] < 0) return std::max(x, out_.held[v]);
        return x;
    }

    int intern(std::vector<int> key) {
        auto it = index_.find(key);
        if (it != index_.end()) return it->second;
        const int id = static_cast<int>(keys_.size());
        if (keys_.size() >= out_.limit) {
            out_.why_incomplete = "it has more than " + std::to_string(out_.limit) + " states (scene × variable values)";
            return -1;
        }
        index_.emplace(key, id);
        out_.scene.push_back(key[0]);
        out_.values.emplace_back(key.begin() + 1, key.begin() + 1 + static_cast<std::ptrdiff_t>(m_.variables.size()));
        keys_.push_back(std::move(key));
        return id;
    }

    void apply(const std::vector<Assignment>& sets, VarValues& v) const {
        for (const auto& a : sets) {
            if (a.var < 0 || static_cast<size_t>(a.var) >= v.size() || !out_.read[static_cast<size_t>(a.var)]) continue;
            a.apply(v);
            v[static_cast<size_t>(a.var)] = hold(static_cast<size_t>(a.var), v[static_cast<size_t>(a.var)]);
        }
    }

    // The route the session would take (Session::route), noting a conditional one as taken.
    int route(const std::vector<Route>& rs, const VarValues& v) {
        for (const auto& r : rs)
            if (r.when.eval(v)) {
                if (!r.when.always()) out_.taken.insert(&r);
                return r.to;
            }
        return rs.empty() ? -1 : rs.back().to;
    }

    void edge(const std::vector<int>& from, int to_scene, const VarValues& v, int flag, int maxp, int minp, bool critical) {
        if (to_scene < 0) return;
        std::vector<int> key = from;
        key[0] = to_scene;
        std::copy(v.begin(), v.end(), key.begin() + 1);
        if (flag >= 0) key[1 + v.size() + static_cast<size_t>(flag)] = 1;
        const int to = intern(std::move(key));
        if (to >= 0) out_.edges.push_back({to, maxp, minp, critical});
    }

    void expand(size_t state) {
        const std::vector<int> key = keys_[state];  // a copy: interning may grow keys_
        const Scene& s = m_.scenes[static_cast<size_t>(key[0])];
        const VarValues v(key.begin() + 1, key.begin() + 1 + static_cast<std::ptrdiff_t>(m_.variables.size()));
        for (const auto& t : s.texts)
            if (t.when.eval(v)) out_.shown.insert(&t);
        const int flag = flag_of_[static_cast<size_t>(key[0])];
        const bool scores = flag < 0 || key[1 + v.size() + static_cast<size_t>(flag)] == 0;
        switch (s.kind) {
            case Interaction::Ending: return;
            case Interaction::Continue: edge(key, route(s.routes, v), v, -1, 0, 0, false); return;
            case Interaction::Choices:
                for (const auto& c : s.choices) {
                    if (!c.when.eval(v)) continue;
                    out_.offered.insert(&c);
                    VarValues after = v;
                    apply(c.sets, after);
                    const int p = scores ? c.points : 0;
                    edge(key, route(c.routes, after), after, flag, p, p, c.critical);
                }
                return;
            case Interaction::Select:
            case Interaction::Highlight: marks(s, key, v, flag, scores); return;
        }
    }

    // Every way to answer a select or highlight. Only the marks that set
    // variables can lead to different states, so only their subsets are
    // walked; the other marks only widen the points: all correct and no wrong
    // ones for the best, the reverse for the worst.
    void marks(const Scene& s, const std::vector<int>& key, const VarValues& v, int flag, bool scores) {
        std::vector<const Mark*> setting;
        int others_gain = 0, others_loss = 0;
        for (const auto& mk : s.marks) {
            bool tracked = std::any_of(mk.sets.begin(), mk.sets.end(), [&](const Assignment& a) {
                return a.var >= 0 && static_cast<size_t>(a.var) < v.size() && out_.read[static_cast<size_t>(a.var)];
            });
            if (tracked) setting.push_back(&mk);
            else if (mk.correct) others_gain += mk.points;
            else others_loss += mk.penalty;
        }
        if (setting.size() > 12) {
            out_.why_incomplete = "scene '" + s.id + "' has " + std::to_string(setting.size()) +
                                  " options or phrases that set variables (at most 12 are explored)";
            return;
        }
        for (unsigned subset = 0; subset < (1u << setting.size()); ++subset) {
            VarValues after = v;
            long long gain = 0, loss = 0;
            for (const auto& mk : s.marks) {  // module order, as the session applies them
                auto at = std::find(setting.begin(), setting.end(), &mk);
                if (at == setting.end() || !(subset & (1u << (at - setting.begin())))) continue;
                (mk.correct ? gain : loss) += mk.correct ? mk.points : mk.penalty;
                apply(mk.sets, after);
            }
            const int best = scores ? static_cast<int>(std::max(0LL, gain + others_gain - loss)) : 0;
            const int worst = scores ? static_cast<int>(std::max(0LL, gain - loss - others_loss)) : 0;
            edge(key, route(s.routes, after), after, flag, best, worst, false);
            if (!out_.why_incomplete.empty()) return;
        }
    }
};

}  // namespace

StateSpace explore(const Module& m, size_t limit) {
    StateSpace out;
    out.limit = limit;
    Explorer(m, out).run();
    if (!out.complete) {  // keep nothing half-built
        const std::string why = out.why_incomplete;
        out = StateSpace{};
        out.limit = limit;
        out.why_incomplete = why;
    }
    return out;
}

std::string StateSpace::describe(const Module& m, int state) const {
    std::string out;
    const VarValues& v = values[static_cast<size_t>(state)];
    for (size_t i = 0; i < v.size(); ++i) {
        if (!read[i]) continue;
        if (!out.empty()) out += ", ";
        out += m.variables[i].name;
        if (m.variables[i].type == VarType::Bool) out += v[i] ? "=true" : "=false";
        else if (hold[i] > 0 && v[i] == held[i]) out += ">=" + std::to_string(v[i]);
        else if (hold[i] < 0 && v[i] == held[i]) out += "<=" + std::to_string(v[i]);
        else out += "=" + std::to_string(v[i]);
    }
    return out;
}

}  // namespace signaal
