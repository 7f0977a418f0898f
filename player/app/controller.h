// Applies the learner's actions to the state. This is the only place that
// sends answers to the Session and writes score records and settings; the
// screens only draw and the shell only runs the window.
#pragma once
#include "loader.h"
#include "state.h"

namespace signaal::app {

// What the shell must do after an action, between frames.
struct Effects {
    bool fonts = false;   // font size or scale changed: rebuild the atlas
    bool theme = false;   // colours changed
    bool image = false;   // another scene: load its picture
    bool fullscreen = false;  // classroom mode: toggle full screen (F11)
    bool screens = false;     // classroom mode: the projector and presenter swapped monitors (F9)
};

class Controller {
public:
    explicit Controller(State& s) : s_(s) {}

    Effects apply(const Action& a);
    // Reads every record's status again (after an attempt, or new trainee details).
    void refresh_status();
    // Starts (or, unless `fresh`, continues) an attempt at `m`.
    void begin_attempt(const ModulePtr& m, bool fresh);
    // --watch: the module file changed and was loaded again. Keeps the position
    // by replaying the answers; when some no longer fit, keeps as many as replay.
    void reloaded(const std::string& path, const LoadResult& lr);
    void save_settings_now();

private:
    State& s_;
    Trainee trainee() const;
    void answer(std::vector<std::string> response);
    void save_record_now();
    std::string save_marks_in_progress();  // the error, or ""
    void restore_marks(const InProgress& pending);
    void reset_question();
    void to_catalogue();
};

}  // namespace signaal::app
