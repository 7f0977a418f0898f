// The scene graph of a module: edges from every route of every interaction,
// conditions ignored. Used by the checker (reachability, loops, score bounds)
// and by sessions (maximum score, progress).
#pragma once
#include <vector>

#include "model.h"

namespace signaal {

struct SceneGraph {
    std::vector<std::vector<int>> next;  // successors per scene index (deduplicated)
    std::vector<int> component;          // strongly connected component per scene
    int components = 0;                  // components are numbered in reverse topological order

    explicit SceneGraph(const Module& m);
    bool is_ending(int s) const { return ending_[static_cast<size_t>(s)]; }

private:
    std::vector<bool> ending_;
};

struct ScoreBounds {
    int max = 0;              // best total from start to an ending (upper bound, see docs)
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
