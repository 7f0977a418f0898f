// The content note: every module opens with it, so the learner knows what is
// coming and where to get support before the first scene.
#include <imgui.h>

#include "screens.h"
#include "ui.h"

namespace signaal::app {

Action draw_content_note(const State& s, const Words& w) {
    using K = Action::Kind;
    const Module& m = s.session->module();
    ui::heading(ui::T(s, m.title));
    ui::muted(std::string(w("Ongeveer ", "About ")) + std::to_string(m.minutes) + w(" minuten", " minutes") + " \xC2\xB7 " +
              w("slaaggrens ", "pass mark ") + std::to_string(m.pass_mark) + "%");
    ImGui::Spacing();
    ui::heading(w("Voordat je begint", "Before you start"));
    ui::paragraphs(ui::T(s, m.content_note));
    ImGui::Spacing();
    ui::heading(w("Hulp en melden", "Help and reporting"));
    for (const auto& c : m.support) ui::field(ui::T(s, c.label) + ":", ui::T(s, c.detail));
    ImGui::Spacing();
    if (!s.session->answers().empty())
        ui::muted(std::string(w("Je gaat verder waar je gestopt was (", "You continue where you stopped (")) +
                  std::to_string(s.session->answers().size()) + w(" antwoorden bewaard).", " answers kept)."));

    Action a;
    if (ui::big_button("##begin", w("Beginnen (Enter)", "Begin (Enter)"), true)) a = Action::make(K::BeginScenes);
    if (ui::big_button("##notnow", w("Nu niet: terug (Esc)", "Not now: go back (Esc)"), false)) a = Action::make(K::Leave);
    if (ui::pressed(ui::Key::Enter)) a = Action::make(K::BeginScenes);
    if (ui::pressed(ui::Key::Escape)) a = Action::make(K::Leave);
    return a;
}

}  // namespace signaal::app
