// One function per screen. Each draws the state and returns what the learner
// asked for; none of them changes the state or talks to the core's scoring.
#pragma once
#include "state.h"
#include "words.h"

namespace signaal::app {

Action draw_catalogue(const State& s, const Words& w);
Action draw_content_note(const State& s, const Words& w);
Action draw_scene(const State& s, const Words& w);
Action draw_feedback(const State& s, const Words& w);
Action draw_result(const State& s, const Words& w);
Action draw_settings(const State& s, const Words& w);
Action draw_load_error(const State& s, const Words& w);

// Shared by the scene and result screens: heading, role, image and texts.
void draw_scene_header(const State& s, const Words& w);
// "Step 4 · at least 6 more" and a bar that never moves back (scene and feedback).
void draw_progress(const State& s, const Words& w, bool answered);
// One calm line when attempts wait to be sent to the LRS; nothing otherwise.
void lrs_status(const State& s, const Words& w);

}  // namespace signaal::app
