// A module that does not load: its problems, one per line as file:line:col,
// so an author can find them. The rest of the catalogue stays usable.
#include <imgui.h>

#include "screens.h"
#include "ui.h"

namespace signaal::app {

Action draw_load_error(const State& s, const Words& w) {
    using K = Action::Kind;
    ui::heading(w("Deze module kan niet worden geladen", "This module could not be loaded"));
    ui::field(w("Bestand:", "File:"), s.error_file);
    if (s.watching)
        ui::muted(w("Het bestand wordt in de gaten gehouden: sla het verbeterd op en het venster laadt het opnieuw.",
                    "The file is being watched: save it fixed and the window reloads it."));
    ImGui::Spacing();
    for (const auto& d : s.error_diagnostics) {
        if (d.severity == Severity::Error) ui::text_bad(d.str());
        else ui::muted(d.str());
    }
    if (s.error_diagnostics.empty()) ui::wrapped(w("Geen details bekend.", "No details known."));
    ImGui::Spacing();
    Action a;
    if (!s.watching && (ui::button(w("Terug (Esc)", "Back (Esc)")) || ui::pressed(ui::Key::Escape) || ui::pressed(ui::Key::Enter)))
        a = Action::make(K::Back);
    return a;
}

}  // namespace signaal::app
