// Classroom mode's views: each draws from the const State and returns what the
// teacher asked for as a ClassAction; class_controller.cpp applies it.
#pragma once
#include <string>
#include <vector>

#include "state.h"
#include "words.h"

namespace signaal::app {

// One option of the question on the projector: a choice, a select option or a
// highlight phrase, with what the presenter panel adds (points, where it leads).
struct ShownOption {
    std::string id, label, feedback;
    int points = 0;            // choices: points; marks: points if correct, else -penalty
    bool correct = false;      // marks only
    bool critical = false;     // choices only: a critical mistake (the panel marks it)
    std::vector<std::string> targets;  // scene ids it can lead to
};

// The scene the projector shows now: the session's scene, the decided
// question while its feedback shows, or a scene previewed from the list.
struct Shown {
    const Scene* scene = nullptr;
    std::vector<const Text*> texts;
    std::vector<ShownOption> options;
    std::map<std::string, int> votes;
    std::vector<std::string> chosen;  // what the class went with (feedback showing)
    bool preview = false;
    bool feedback = false;
};

Shown shown(const State& s);
// A module text in the session's language, with the module's fallback.
const std::string& ctext(const State& s, const Text& t);
std::string scene_title(const State& s, const std::string& scene_id);  // heading, or the id
std::string partner_name(const State& s, const std::string& id);
// What the projector calls an option of `sc`: a choice's or option's label, a phrase's words.
std::string option_label(const State& s, const Scene& sc, const std::string& id);

ClassAction draw_class(const State& s, const Words& w);          // class_view.cpp: both views and the keys
ClassAction draw_class_setup(const State& s, const Words& w);    // class_setup.cpp
void draw_projector(const State& s, const Words& w);             // class_projector.cpp
void draw_debrief_slide(const State& s, const Words& w, int n);  // class_debrief.cpp
void draw_partner_diagram(const State& s, const Words& w);       // class_diagram.cpp
void draw_class_choices(const State& s, const Words& w);         // class_summary.cpp: the closing slide
void draw_class_support(const State& s, const Words& w);         // class_support.cpp: help and reporting
ClassAction draw_presenter(const State& s, const Words& w);      // class_presenter.cpp
ClassAction draw_presenter_view(const State& s, const Words& w); // class_view.cpp: the presenter's own window (two screens)
ClassAction class_keys(const State& s);                          // class_keys.cpp
std::string clock_text(double seconds);                          // mm:ss

}  // namespace signaal::app
