// Settings: language, text size, theme, scale and read aloud. Every control is reachable
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

    ui::wrapped(w("Voorlezen (F3)", "Read aloud (F3)"));
    if (ImGui::RadioButton(w("aan", "on"), s.settings.read_aloud)) a = Action::make(K::SetReadAloud, 1);
    ImGui::SameLine();
    if (ImGui::RadioButton(w("uit", "off"), !s.settings.read_aloud)) a = Action::make(K::SetReadAloud, 0);
    ImGui::SameLine();
    bool auto_read = s.settings.read_auto;
    if (ImGui::Checkbox(w("elk nieuw scherm vanzelf voorlezen", "read each new screen by itself"), &auto_read))
        a = Action::make(K::SetReadAuto, auto_read ? 1 : 0);
    const char* rates[] = {w("langzamer", "slower"), w("normaal", "normal"), w("sneller", "faster")};
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(w("Snelheid:", "Speed:"));
    for (int i = 0; i < 3; ++i) {
        ImGui::SameLine();
        std::string id = std::string(rates[i]) + "##rate";  // "normaal" is also a text size
        if (ImGui::RadioButton(id.c_str(), s.settings.speech_rate == i)) a = Action::make(K::SetSpeechRate, i);
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
