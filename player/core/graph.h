// The scene graph of a module: edges from every route of every interaction,
// conditions ignored. Used for progress, for the loops the state space must
// track (state_space.h), and as the fallback analyses when a module's state
// space is too large to explore.
#pragma once
#include <span>
#include <vector>

#include "model.h"

namespace signaal {

// Edges from each scene to the scenes after it, as one array (scene s's
// successors are to[from[s]] .. to[from[s+1]-1]): two allocations for the
// whole graph, not one per scene.
struct Edges {
    std::vector<int> from{0}, to;
    std::span<const int> of(size_t s) const { return {to.data() + from[s], to.data() + from[s + 1]}; }
    size_t size() const { return from.size() - 1; }
};

// Strongly connected components of `next` into `comp` (numbered from `ncomp`
// on, in reverse topological order: every edge goes to the same or a
// lower-numbered component); `ncomp` ends as one past the last number.
void tarjan(const Edges& next, std::vector<int>& comp, int& ncomp);

struct SceneGraph {
    std::vector<int> component;  // strongly connected component per scene
    int components = 0;          // components are numbered in reverse topological order

    explicit SceneGraph(const Module& m);
    // Successors of scene `s` (deduplicated, ascending).
    std::span<const int> next(int s) const { return edges_.of(static_cast<size_t>(s)); }
    size_t size() const { return edges_.size(); }
    bool is_ending(int s) const { return ending_[static_cast<size_t>(s)]; }

private:
    Edges edges_;
    std::vector<bool> ending_;
};

struct ScoreBounds {
    int max = 0;              // best total from start to an ending (score_bounds: an upper bound when conditions hide choices)
    int min = 0;              // lowest total from start to an ending
    int max_no_critical = 0;  // best total that avoids every critical choice; -1: no such path
};

ScoreBounds score_bounds(const Module& m, const SceneGraph& g);
// For every scene, the most scenes still to see before an ending (loops counted once).
std::vector<int> steps_to_end(const Module& m, const SceneGraph& g);
// Scenes reachable from the start.
std::vector<bool> reachable(const Module& m, const SceneGraph& g);
// Scenes from which some ending can be reached.
std::vector<bool> can_finish(const Module& m, const SceneGraph& g);

}  // namespace signaal
