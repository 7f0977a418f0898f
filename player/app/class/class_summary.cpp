// The closing slide: at each decision, what the class went with next to the
// best answer, so the lesson ends on what to remember rather than on a score.
// It names no points, as nothing on the projector does.
#include <imgui.h>

#include "class_screens.h"
#include "ui.h"

namespace signaal::app {

namespace {
std::string joined(const State& s, const Scene& sc, const std::vector<std::string>& ids, const Words& w) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : "  \xC2\xB7  ") + option_label(s, sc, id);
    return out.empty() ? w("niets", "nothing") : out;
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
        const bool right = is_best_response(*sc, d.response);
        ImGui::Spacing();
        ui::wrapped(std::to_string(i + 1) + ". " + (ctext(s, sc->prompt).empty() ? scene_title(s, sc->id) : ctext(s, sc->prompt)));
        ImGui::Indent();
        const std::string chose = std::string(d.overridden ? w("Gekozen (docent): ", "Chosen (teacher): ") : w("Gekozen: ", "Chosen: ")) +
                                  joined(s, *sc, d.response, w);
        if (right) {
            ui::text_good(chose + w("  \xE2\x80\x93 het beste antwoord", "  \xE2\x80\x93 the best answer"));
        } else {
            ui::text_bad(chose);
            ui::text_good(std::string(w("Het beste: ", "Best: ")) + joined(s, *sc, best_response(*sc), w));
        }
        ImGui::Unindent();
    }
    ImGui::Spacing();
    ui::muted(w("PageDown: hulp en melden, dan het einde.", "PageDown: help and reporting, then the end."));
}

}  // namespace signaal::app
