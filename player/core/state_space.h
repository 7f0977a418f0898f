// The reachable states of a module: scene × the values of its variables (and,
// for scenes on a loop, whether they have been answered yet, since a scene
// scores only once). Conditions make some choices, texts and routes depend on
// earlier decisions, so the scene graph alone over-estimates what a trainee can
// do; exploring the states makes the checker's figures exact. Modules are small:
// a few hundred states. A module whose states pass `limit` is reported as such
// (`complete` false) and the callers fall back to the scene graph.
#pragma once
#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include "model.h"

namespace signaal {

struct StateEdge {
    int to = 0;
    int max_points = 0;  // best the answer can score (0 when the scene was answered before)
    int min_points = 0;  // worst it can score
    bool critical = false;
};

struct StateSpace {
    static constexpr size_t kDefaultLimit = 200000;

    bool complete = false;   // false: more than `limit` states, or see `why_incomplete`
    std::string why_incomplete;
    size_t limit = kDefaultLimit;

    // Per state: its scene and the variables' values as conditions see them
    // (an int that only grows is held at one past the largest number any
    // condition compares it with: beyond that, every condition reads the same).
    std::vector<int> scene;
    std::vector<VarValues> values;
    // Outgoing edges of state s: edges[first[s]] .. edges[first[s+1]-1].
    std::vector<int> first{0};
    std::vector<StateEdge> edges;
    // Variables some condition reads (only these are tracked; the others keep
    // their initial value here).
    std::vector<bool> read;
    // Per variable: an int that only grows is held at `held` (+1 here), one that
    // only shrinks at `held` (-1 here); 0: not held.
    std::vector<int> hold, held;

    // What conditions allowed on at least one path.
    std::unordered_set<const Choice*> offered;
    std::unordered_set<const ConditionalText*> shown;
    std::unordered_set<const Route*> taken;

    size_t size() const { return scene.size(); }
    // "confronted=true, trust>=3" for the variables conditions read; "" when none.
    std::string describe(const Module& m, int state) const;
};

// Explores every state reachable from the start scene, breadth first.
StateSpace explore(const Module& m, size_t limit = StateSpace::kDefaultLimit);

}  // namespace signaal
