// Applies the trainer's actions in the trainer view: starts report builds on
// the TrainerJob, takes finished ones into the state, and writes CSV exports.
// Like controller.cpp, one of the few places that call into the core (here the
// report library); the view only draws.
#pragma once
#include "controller.h"
#include "state.h"
#include "trainer_job.h"

namespace signaal::app {

class TrainerController {
public:
    TrainerController(State& s, TrainerJob& job) : s_(s), job_(job) {}

    // The trainer view on `dirs` (empty: the records folder); builds at once.
    void open(const std::vector<std::string>& dirs);
    Effects apply(const TrainerAction& a);
    // Called every frame: copies the job's progress, takes a finished report.
    // Returns true when something changed that should be drawn.
    bool poll();

private:
    State& s_;
    TrainerJob& job_;
    void use_configured_lrs();
    void build();
    void export_csv();
    void say(std::string message, bool bad);
};

// The modules a typed module filter names: the one with that exact id, else
// every module whose id or title contains it (case and accents ignored).
struct ModuleMatch {
    std::vector<std::string> ids;
    bool assessment = false;  // of the last one found (meaningful when there is one)
};
ModuleMatch match_module(const Catalogue& catalogue, const std::string& typed);

// "60", "60%" or "0.6" -> 0.6; nullopt when it is not a share between 0 and 100%.
std::optional<double> parse_threshold(const std::string& text);
// True for "" and for a real YYYY-MM-DD day.
bool valid_day(const std::string& text);

}  // namespace signaal::app
