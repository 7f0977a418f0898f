#include "graph.h"

#include <algorithm>
#include <climits>
#include <queue>
#include <span>

namespace signaal {

namespace {

void add_routes(const std::vector<Route>& rs, std::vector<int>& out) {
    for (const auto& r : rs)
        if (r.to >= 0) out.push_back(r.to);
}

}  // namespace

// Iterative Tarjan: module graphs can be long chains (10,000 scenes), so no recursion.
void tarjan(const Edges& next, std::vector<int>& comp, int& ncomp) {
    const int n = static_cast<int>(next.size());
    std::vector<int> index(static_cast<size_t>(n), -1), low(static_cast<size_t>(n), 0);
    std::vector<bool> on(static_cast<size_t>(n), false);
    std::vector<int> stack;
    comp.assign(static_cast<size_t>(n), -1);
    int counter = 0;
    struct Frame {
        int v;
        size_t edge;
    };
    for (int root = 0; root < n; ++root) {
        if (index[static_cast<size_t>(root)] >= 0) continue;
        std::vector<Frame> call{{root, 0}};
        index[static_cast<size_t>(root)] = low[static_cast<size_t>(root)] = counter++;
        stack.push_back(root);
        on[static_cast<size_t>(root)] = true;
        while (!call.empty()) {
            Frame& f = call.back();
            const auto edges = next.of(static_cast<size_t>(f.v));
            if (f.edge < edges.size()) {
                int w = edges[f.edge++];
                if (index[static_cast<size_t>(w)] < 0) {
                    index[static_cast<size_t>(w)] = low[static_cast<size_t>(w)] = counter++;
                    stack.push_back(w);
                    on[static_cast<size_t>(w)] = true;
                    call.push_back({w, 0});
                } else if (on[static_cast<size_t>(w)]) {
                    low[static_cast<size_t>(f.v)] = std::min(low[static_cast<size_t>(f.v)], index[static_cast<size_t>(w)]);
                }
                continue;
            }
            int v = f.v;
            if (low[static_cast<size_t>(v)] == index[static_cast<size_t>(v)]) {
                while (true) {
                    int w = stack.back();
                    stack.pop_back();
                    on[static_cast<size_t>(w)] = false;
                    comp[static_cast<size_t>(w)] = ncomp;
                    if (w == v) break;
                }
                ++ncomp;
            }
            call.pop_back();
            if (!call.empty())
                low[static_cast<size_t>(call.back().v)] = std::min(low[static_cast<size_t>(call.back().v)], low[static_cast<size_t>(v)]);
        }
    }
}

SceneGraph::SceneGraph(const Module& m) {
    const size_t n = m.scenes.size();
    ending_.resize(n);
    edges_.from.reserve(n + 1);
    edges_.to.reserve(2 * n);
    for (size_t i = 0; i < n; ++i) {
        const Scene& s = m.scenes[i];
        const auto first = static_cast<std::ptrdiff_t>(edges_.to.size());
        add_routes(s.routes, edges_.to);
        for (const auto& c : s.choices) add_routes(c.routes, edges_.to);
        std::sort(edges_.to.begin() + first, edges_.to.end());
        edges_.to.erase(std::unique(edges_.to.begin() + first, edges_.to.end()), edges_.to.end());
        edges_.from.push_back(static_cast<int>(edges_.to.size()));
        ending_[i] = s.kind == Interaction::Ending;
    }
    tarjan(edges_, component, components);
}

namespace {

// Tarjan numbers components in reverse topological order: every edge goes from
// a higher-numbered component to a lower (or the same) one. So processing
// components 0..n-1 sees every successor component first.
// The scenes of each component, as one array sorted by component (c's scenes
// are order[start[c]] .. order[start[c+1]-1]): two allocations, not one per component.
struct Members {
    std::vector<int> order, start;
    std::span<const int> of(int c) const {
        const auto b = static_cast<size_t>(start[static_cast<size_t>(c)]);
        const auto e = static_cast<size_t>(start[static_cast<size_t>(c) + 1]);
        return {order.data() + b, e - b};
    }
};
Members members(const SceneGraph& g) {
    Members m;
    m.start.assign(static_cast<size_t>(g.components) + 1, 0);
    for (int c : g.component) ++m.start[static_cast<size_t>(c) + 1];
    for (size_t c = 1; c < m.start.size(); ++c) m.start[c] += m.start[c - 1];
    m.order.resize(g.component.size());
    std::vector<int> fill(m.start.begin(), m.start.end() - 1);
    for (size_t s = 0; s < g.component.size(); ++s)
        m.order[static_cast<size_t>(fill[static_cast<size_t>(g.component[s])]++)] = static_cast<int>(s);
    return m;
}

// Best total from each component to an ending. `value(scene)` is the scene's
// contribution, `edge_ok(scene, target)` filters edges; INT_MIN means "no ending reachable".
template <class Value, class EdgeOk>
std::vector<long long> best_to_end(const SceneGraph& g, Value value, EdgeOk edge_ok, bool maximise) {
    const long long none = maximise ? LLONG_MIN : LLONG_MAX;
    auto mem = members(g);
    std::vector<long long> best(static_cast<size_t>(g.components), none);
    for (int c = 0; c < g.components; ++c) {
        long long own = 0;
        bool ends = false;
        long long out = none;
        for (int s : mem.of(c)) {
            own += value(s);
            ends = ends || g.is_ending(s);
            for (int t : g.next(s)) {
                if (!edge_ok(s, t)) continue;
                int tc = g.component[static_cast<size_t>(t)];
                if (tc == c) continue;
                long long b = best[static_cast<size_t>(tc)];
                if (b == none) continue;
                out = (out == none) ? b : (maximise ? std::max(out, b) : std::min(out, b));
            }
        }
        if (ends) out = (out == none) ? 0 : (maximise ? std::max(out, 0LL) : std::min(out, 0LL));
        // A single scene can loop to itself or be alone: min counts a component once too.
        if (out != none) best[static_cast<size_t>(c)] = own + out;
    }
    return best;
}

}  // namespace

namespace {

enum class Mode { Max, Min, MaxSafe };

struct Move {
    int points;
    int target;
};

// The ways on from a scene with the points each gives. MaxSafe leaves out
// critical choices; Min takes a question's lowest score (0 for select/highlight).
void moves(const Scene& s, Mode mode, std::vector<Move>& out) {
    out.clear();
    auto add = [&](int points, const std::vector<Route>& rs) {
        for (const auto& r : rs)
            if (r.to >= 0) out.push_back({points, r.to});
    };
    if (s.kind == Interaction::Choices) {
        for (const auto& c : s.choices)
            if (!(mode == Mode::MaxSafe && c.critical)) add(c.points, c.routes);
    } else {
        add(mode == Mode::Min ? 0 : s.max_points(), s.routes);
    }
}

// Best total from each scene to an ending, per component in reverse topological
// order. A single scene takes its best move exactly; a loop (several scenes)
// counts every scene in it once at its own best or worst, then its best exit:
// an upper bound for the maximum, as docs/module-format.md says.
std::vector<long long> best_by_component(const Module& m, const SceneGraph& g, const Members& mem, Mode mode) {
    const bool maximise = mode != Mode::Min;
    const long long none = maximise ? LLONG_MIN : LLONG_MAX;
    auto better = [&](long long a, long long b) {
        if (a == none) return b;
        if (b == none) return a;
        return maximise ? std::max(a, b) : std::min(a, b);
    };
    std::vector<long long> best(static_cast<size_t>(g.components), none);
    std::vector<Move> ways;
    for (int c = 0; c < g.components; ++c) {
        const auto ms = mem.of(c);
        long long result = none;
        const auto own_next = g.next(ms[0]);
        const bool loop = ms.size() > 1 || std::count(own_next.begin(), own_next.end(), ms[0]) > 0;
        if (!loop) {
            const Scene& s = m.scenes[static_cast<size_t>(ms[0])];
            if (s.kind == Interaction::Ending) result = 0;
            moves(s, mode, ways);
            for (const Move& mv : ways) {
                long long b = best[static_cast<size_t>(g.component[static_cast<size_t>(mv.target)])];
                if (b != none) result = better(result, mv.points + b);
            }
        } else {
            long long own = 0, exit = none;
            for (int sidx : ms) {
                const Scene& s = m.scenes[static_cast<size_t>(sidx)];
                long long node = none;
                moves(s, mode, ways);
                for (const Move& mv : ways) {
                    node = better(node, mv.points);
                    int tc = g.component[static_cast<size_t>(mv.target)];
                    if (tc != c && best[static_cast<size_t>(tc)] != none) exit = better(exit, best[static_cast<size_t>(tc)]);
                }
                own += node == none ? 0 : node;
            }
            if (exit != none) result = own + exit;
        }
        best[static_cast<size_t>(c)] = result;
    }
    return best;
}

}  // namespace

ScoreBounds score_bounds(const Module& m, const SceneGraph& g) {
    ScoreBounds b;
    int start = m.scene_index(m.start);
    if (start < 0) return b;
    const size_t sc = static_cast<size_t>(g.component[static_cast<size_t>(start)]);
    auto clamp = [](long long v) { return static_cast<int>(std::clamp<long long>(v, INT_MIN / 2, INT_MAX / 2)); };
    const Members mem = members(g);
    auto mx = best_by_component(m, g, mem, Mode::Max)[sc];
    auto mn = best_by_component(m, g, mem, Mode::Min)[sc];
    auto safe = best_by_component(m, g, mem, Mode::MaxSafe)[sc];
    b.max = mx == LLONG_MIN ? 0 : clamp(mx);
    b.min = mn == LLONG_MAX ? 0 : clamp(mn);
    b.max_no_critical = safe == LLONG_MIN ? -1 : clamp(safe);
    return b;
}

std::vector<int> steps_to_end(const Module& m, const SceneGraph& g) {
    auto all = [](int, int) { return true; };
    auto per = best_to_end(g, [](int) { return 1; }, all, true);
    std::vector<int> out(m.scenes.size(), 0);
    for (size_t s = 0; s < out.size(); ++s) {
        long long v = per[static_cast<size_t>(g.component[s])];
        out[s] = v == LLONG_MIN ? 0 : static_cast<int>(std::min<long long>(v, INT_MAX));
    }
    return out;
}

std::vector<bool> reachable(const Module& m, const SceneGraph& g) {
    std::vector<bool> seen(m.scenes.size(), false);
    int start = m.scene_index(m.start);
    if (start < 0) return seen;
    std::queue<int> q;
    q.push(start);
    seen[static_cast<size_t>(start)] = true;
    while (!q.empty()) {
        int s = q.front();
        q.pop();
        for (int t : g.next(s))
            if (!seen[static_cast<size_t>(t)]) {
                seen[static_cast<size_t>(t)] = true;
                q.push(t);
            }
    }
    return seen;
}

std::vector<bool> can_finish(const Module& m, const SceneGraph& g) {
    // Predecessors, as one array like the graph's own edges.
    Edges prev;
    prev.from.assign(g.size() + 1, 0);
    for (size_t s = 0; s < g.size(); ++s)
        for (int t : g.next(static_cast<int>(s))) ++prev.from[static_cast<size_t>(t) + 1];
    for (size_t s = 1; s < prev.from.size(); ++s) prev.from[s] += prev.from[s - 1];
    prev.to.resize(static_cast<size_t>(prev.from.back()));
    std::vector<int> fill(prev.from.begin(), prev.from.end() - 1);
    for (size_t s = 0; s < g.size(); ++s)
        for (int t : g.next(static_cast<int>(s))) prev.to[static_cast<size_t>(fill[static_cast<size_t>(t)]++)] = static_cast<int>(s);
    std::vector<bool> ok(m.scenes.size(), false);
    std::queue<int> q;
    for (size_t s = 0; s < ok.size(); ++s)
        if (g.is_ending(static_cast<int>(s))) {
            ok[s] = true;
            q.push(static_cast<int>(s));
        }
    while (!q.empty()) {
        int s = q.front();
        q.pop();
        for (int p : prev.of(static_cast<size_t>(s)))
            if (!ok[static_cast<size_t>(p)]) {
                ok[static_cast<size_t>(p)] = true;
                q.push(p);
            }
    }
    return ok;
}

}  // namespace signaal
