// signaal-check's analyses: loader problems plus what only the whole graph
// shows (unreachable scenes, loops with no way out, score bounds, whether the
// pass mark can be reached without a critical error, signals never tested).
#pragma once
#include <string>

#include "diagnostics.h"
#include "graph.h"
#include "loader.h"
#include "model.h"

namespace signaal {

struct CheckFacts {
    int scenes = 0, decisions = 0, endings = 0, critical_choices = 0;
    ScoreBounds bounds;
    int pass_points = 0;  // points needed to pass
    bool pass_reachable_without_critical = false;
    bool exact = false;  // the states were all explored: conditions are taken into account
    int states = 0;      // reachable states (scene × variable values); 0 when not explored
};

struct CheckResult {
    ModulePtr module;  // null when the module did not load
    Diagnostics diagnostics;
    CheckFacts facts;
    // The module did not load, but its errors left the scene graph whole, so the
    // graph analyses ran on what was read (LoadResult::partial): `facts` and the
    // analyses' diagnostics are about that model. Null otherwise.
    ModulePtr analysed_despite_errors;
};

CheckResult check_file(const std::string& path);
// The same for a module already loaded (load_module_file / load_module_text).
CheckResult check_loaded(LoadResult lr);
// Adds the graph analyses of a loaded module to `out`.
CheckFacts analyse(const Module& m, Diagnostics& out);
// Graphviz DOT of the scene graph: scenes as nodes, choices as labelled edges.
std::string graph_dot(const Module& m, const std::string& lang);

}  // namespace signaal
