#include "state_bounds.h"

#include <algorithm>
#include <climits>
#include <queue>

namespace signaal {

namespace {

enum class Mode { Max, Min, MaxSafe };

// The best (or worst) total from every state to an ending, over the strongly
// connected components of the state graph in reverse topological order.
// Inside a component every edge scores 0: a state cycle comes back to the same
// variables and answered-flags, so every scoring scene on it was answered
// before (state_space.h tracks exactly the scenes that can come round). So a
// component's states share one value: the best of its exits and endings.
std::vector<long long> best_totals(const Module& m, const StateSpace& sp, Mode mode) {
    const bool maximise = mode != Mode::Min;
    const long long none = maximise ? LLONG_MIN : LLONG_MAX;
    auto keep = [&](const StateEdge& e) { return !(mode == Mode::MaxSafe && e.critical); };
    Edges g;
    g.from.reserve(sp.size() + 1);
    for (size_t s = 0; s < sp.size(); ++s) {
        for (int i = sp.first[s]; i < sp.first[s + 1]; ++i)
            if (keep(sp.edges[static_cast<size_t>(i)])) g.to.push_back(sp.edges[static_cast<size_t>(i)].to);
        g.from.push_back(static_cast<int>(g.to.size()));
    }
    std::vector<int> comp;
    int ncomp = 0;
    tarjan(g, comp, ncomp);
    std::vector<std::vector<int>> members(static_cast<size_t>(ncomp));
    for (size_t s = 0; s < comp.size(); ++s) members[static_cast<size_t>(comp[s])].push_back(static_cast<int>(s));

    std::vector<long long> best(static_cast<size_t>(ncomp), none);
    auto better = [&](long long a, long long b) {
        if (a == none) return b;
        return maximise ? std::max(a, b) : std::min(a, b);
    };
    for (int c = 0; c < ncomp; ++c) {
        long long v = none;
        for (int s : members[static_cast<size_t>(c)]) {
            if (m.scenes[static_cast<size_t>(sp.scene[static_cast<size_t>(s)])].kind == Interaction::Ending) v = better(v, 0);
            for (int i = sp.first[static_cast<size_t>(s)]; i < sp.first[static_cast<size_t>(s) + 1]; ++i) {
                const StateEdge& e = sp.edges[static_cast<size_t>(i)];
                if (!keep(e)) continue;
                const int tc = comp[static_cast<size_t>(e.to)];
                if (tc == c || best[static_cast<size_t>(tc)] == none) continue;
                v = better(v, (maximise ? e.max_points : e.min_points) + best[static_cast<size_t>(tc)]);
            }
        }
        best[static_cast<size_t>(c)] = v;
    }
    std::vector<long long> per_state(sp.size());
    for (size_t s = 0; s < sp.size(); ++s) per_state[s] = best[static_cast<size_t>(comp[s])];
    return per_state;
}

int clamp_total(long long v) { return static_cast<int>(std::clamp<long long>(v, INT_MIN / 2, INT_MAX / 2)); }

}  // namespace

ScoreBounds exact_bounds(const Module& m, const StateSpace& sp) {
    ScoreBounds b;
    if (!sp.complete || sp.size() == 0) return b;
    const long long mx = best_totals(m, sp, Mode::Max)[0];  // state 0 is the start
    const long long mn = best_totals(m, sp, Mode::Min)[0];
    const long long safe = best_totals(m, sp, Mode::MaxSafe)[0];
    b.max = mx == LLONG_MIN ? 0 : clamp_total(mx);
    b.min = mn == LLONG_MAX ? 0 : clamp_total(mn);
    b.max_no_critical = safe == LLONG_MIN ? -1 : clamp_total(safe);
    return b;
}

std::vector<bool> finishing_states(const Module& m, const StateSpace& sp) {
    std::vector<std::vector<int>> prev(sp.size());
    for (size_t s = 0; s < sp.size(); ++s)
        for (int i = sp.first[s]; i < sp.first[s + 1]; ++i) prev[static_cast<size_t>(sp.edges[static_cast<size_t>(i)].to)].push_back(static_cast<int>(s));
    std::vector<bool> ok(sp.size(), false);
    std::queue<int> q;
    for (size_t s = 0; s < sp.size(); ++s)
        if (m.scenes[static_cast<size_t>(sp.scene[s])].kind == Interaction::Ending) {
            ok[s] = true;
            q.push(static_cast<int>(s));
        }
    while (!q.empty()) {
        const int s = q.front();
        q.pop();
        for (int p : prev[static_cast<size_t>(s)])
            if (!ok[static_cast<size_t>(p)]) {
                ok[static_cast<size_t>(p)] = true;
                q.push(p);
            }
    }
    return ok;
}

ScoreBounds module_bounds(const Module& m, const StateSpace& sp, const SceneGraph& g) {
    return sp.complete ? exact_bounds(m, sp) : score_bounds(m, g);
}

}  // namespace signaal
