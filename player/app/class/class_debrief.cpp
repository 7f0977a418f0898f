// The debrief as slides: one numbered point per slide, so the class talks
// about one thing at a time (what went wrong, what should have happened, the
// scene it is about, the chain partners involved).
#include <imgui.h>

#include "class_screens.h"
#include "ui.h"

namespace signaal::app {

void draw_debrief_slide(const State& s, const Words& w, int n) {
    const Module& m = *s.klass.module;
    const DebriefPoint& p = m.debrief[static_cast<size_t>(n)];
    ui::muted(std::string(w("Nabespreking \xE2\x80\x93 punt ", "Debrief \xE2\x80\x93 point ")) + std::to_string(n + 1) + " / " +
              std::to_string(m.debrief.size()));
    ui::heading(std::to_string(p.n) + ". " + scene_title(s, p.scene));
    ImGui::Spacing();
    if (!p.went_wrong.empty()) {
        ui::text_bad(w("Wat ging er mis", "What went wrong"));
        ui::paragraphs(ctext(s, p.went_wrong));
        ImGui::Spacing();
    }
    if (!p.should_have.empty()) {
        ui::text_good(w("Wat had er moeten gebeuren", "What should have happened"));
        ui::paragraphs(ctext(s, p.should_have));
        ImGui::Spacing();
    }
    if (!p.partners.empty()) {
        std::string names;
        for (const auto& id : p.partners) names += (names.empty() ? "" : ", ") + partner_name(s, id);
        ui::muted(std::string(w("Ketenpartners: ", "Chain partners: ")) + names);
    }
}

}  // namespace signaal::app
