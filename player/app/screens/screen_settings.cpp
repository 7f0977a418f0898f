// Settings: language, text size, theme and scale. Every control is reachable
// with the arrow keys (ImGui's keyboard navigation) and toggled with Space.
#include <imgui.h>

#include "screens.h"
#include "ui.h"

namespace signaal::app {

Action draw_settings(const State& s, const Words& w) {
    using K = Action::Kind;
    Action a;
    ui::heading(w("Instellingen", "Settings"));
    ui::muted(w("Pijltjes: naar een andere keuze, Spatie: kiezen, Esc: terug. Alles wordt op deze computer onthouden.",
                "Arrows: move to another option, Space: choose, Esc: back. Everything is remembered on this computer."));
    ImGui::Spacing();

    ui::wrapped(w("Taal", "Language"));
    if (Action l = ui::language_choice(s); l.kind != K::None) a = l;
    ImGui::Spacing();

    ui::wrapped(w("Tekstgrootte", "Text size"));
    const char* sizes[kFontSteps] = {w("klein", "small"),       w("normaal", "normal"),       w("groot", "large"),
                                     w("groter", "larger"),     w("heel groot", "very large"), w("grootst", "largest")};
    for (int i = 0; i < kFontSteps; ++i) {
        if (i > 0 && i != 3) ImGui::SameLine();
        if (ImGui::RadioButton(sizes[i], s.settings.font_step == i)) a = Action::make(K::SetFontStep, i);
    }
    ImGui::Spacing();

    ui::wrapped(w("Kleuren", "Colours"));
    const char* themes[] = {w("licht", "light"), w("donker", "dark"), w("hoog contrast", "high contrast")};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::RadioButton(themes[i], static_cast<int>(s.settings.theme) == i)) a = Action::make(K::SetTheme, i);
    }
    ImGui::Spacing();

    ui::wrapped(w("Schaal van het venster", "Window scale"));
    const float scales[] = {0.f, 1.f, 1.25f, 1.5f, 2.f, 3.f};
    const char* scale_names[] = {w("automatisch (scherm)", "automatic (screen)"), "100%", "125%", "150%", "200%", "300%"};
    for (int i = 0; i < 6; ++i) {
        if (i > 0 && i != 3) ImGui::SameLine();
        if (ImGui::RadioButton(scale_names[i], s.settings.ui_scale == scales[i])) {
            a = Action::make(K::SetScale);
            a.value = scales[i];
        }
    }
    ImGui::Spacing();
    // Shows at once whether the font has every glyph Dutch course text uses.
    ui::paragraphs(w("Voorbeeld: ‘Hij zei: “ik betaal contant” – € 120 …’ — reëel, geïdentificeerd, coördinatie, café • ĳs.",
                     "Sample: ‘He said: “I pay cash” – € 120 …’ — naïve, café, coöperate • Zürich."));
    ImGui::Spacing();
    if (ui::button(w("Terug (Esc)", "Back (Esc)")) || ui::pressed(ui::Key::Escape)) a = Action::make(K::CloseSettings);
    return a;
}

}  // namespace signaal::app
