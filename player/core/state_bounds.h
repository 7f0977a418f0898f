// Exact figures over a module's reachable states (state_space.h): the best and
// worst totals a trainee can reach, the best without a critical error, and
// which states can still reach an ending. The scene graph's score_bounds
// (graph.h) is the fallback when the states could not all be explored.
#pragma once
#include <vector>

#include "graph.h"
#include "state_space.h"

namespace signaal {

// Requires space.complete.
ScoreBounds exact_bounds(const Module& m, const StateSpace& space);
// Per state: whether some ending can be reached from it.
std::vector<bool> finishing_states(const Module& m, const StateSpace& space);
// The module's score bounds: exact when its states can be explored, else
// score_bounds on the scene graph (an upper bound).
ScoreBounds module_bounds(const Module& m, const StateSpace& space, const SceneGraph& g);

}  // namespace signaal
