// The closing slide: at each decision, what the class went with next to the
// best answer, so the lesson ends on what to remember rather than on a score.
// It names no points, as nothing on the projector does.
#include <imgui.h>

#include <algorithm>

#include "class_screens.h"
#include "ui.h"

namespace signaal::app {

namespace {
std::string joined(const State& s, const Scene& sc, const std::vector<std::string>& ids, const Words& w) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : "  \xC2\xB7  ") + option_label(s, sc, id);
    return out.empty() ? w("niets", "nothing") : out;
}

// The best answer: the choices with the most points, or every suspicious mark.
std::vector<std::string> best(const Scene& sc) {
    std::vector<std::string> out;
    if (sc.kind == Interaction::Choices) {
        int top = sc.max_points();
        for (const auto& ch : sc.choices)
            if (ch.points == top) out.push_back(ch.id);
    } else {
        for (const auto& m : sc.marks)
            if (m.correct) out.push_back(m.id);
    }
    return out;
}
}  // namespace

void draw_class_choices(const State& s, const Words& w) {
    const ClassState& c = s.klass;
    ui::heading(w("Wat de klas koos, en het beste antwoord", "What the class chose, and the best answer"));
    if (c.record.decisions.empty()) ui::muted(w("Deze les nam geen besluiten.", "This lesson took no decisions."));
    for (size_t i = 0; i < c.record.decisions.size(); ++i) {
        const ClassDecision& d = c.record.decisions[i];
        const Scene* sc = c.module->find_scene(d.scene);
        if (!sc) continue;
        const std::vector<std::string> top = best(*sc);
        // A choice is best when it is one of the best; marks are best when exactly the suspicious ones are marked.
        const bool right = sc->kind == Interaction::Choices
                               ? d.response.size() == 1 && std::find(top.begin(), top.end(), d.response[0]) != top.end()
                               : d.response == top;
        ImGui::Spacing();
        ui::wrapped(std::to_string(i + 1) + ". " + (ctext(s, sc->prompt).empty() ? scene_title(s, sc->id) : ctext(s, sc->prompt)));
        ImGui::Indent();
        const std::string chose = std::string(d.overridden ? w("Gekozen (docent): ", "Chosen (teacher): ") : w("Gekozen: ", "Chosen: ")) +
                                  joined(s, *sc, d.response, w);
        if (right) {
            ui::text_good(chose + w("  \xE2\x80\x93 het beste antwoord", "  \xE2\x80\x93 the best answer"));
        } else {
            ui::text_bad(chose);
            ui::text_good(std::string(w("Het beste: ", "Best: ")) + joined(s, *sc, top, w));
        }
        ImGui::Unindent();
    }
    ImGui::Spacing();
    ui::muted(w("PageDown: hulp en melden, dan het einde.", "PageDown: help and reporting, then the end."));
}

}  // namespace signaal::app
