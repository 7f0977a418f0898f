// Help and reporting on the projector. The subject can touch a pupil, and the
// opening text promises "the helplines below": so every class session opens
// and ends with the contacts, and F1 brings them up at any moment.
#include <imgui.h>

#include "class_screens.h"
#include "ui.h"

namespace signaal::app {

void draw_class_support(const State& s, const Words& w) {
    const ClassState& c = s.klass;
    const Module& m = *c.module;
    using S = ClassState::Support;
    if (c.support == S::Opening) {
        ui::muted(ctext(s, m.title));
        ui::heading(w("Voordat we beginnen", "Before we start"));
        ui::paragraphs(ctext(s, m.content_note));
    } else if (c.support == S::Closing) {
        ui::heading(w("Einde van de les", "End of the lesson"));
        ui::wrapped(w("Heeft het onderwerp je geraakt, of herken je er iets in? Praat erover met iemand die je vertrouwt, of neem contact op:",
                      "Did the subject affect you, or do you recognise something in it? Talk to someone you trust, or get in touch:"));
    }
    ImGui::Spacing();
    ui::heading(w("Hulp en melden", "Help and reporting"));
    for (const auto& contact : m.support) ui::field(ctext(s, contact.label) + ":", ctext(s, contact.detail));
    ImGui::Spacing();
    ui::muted(c.support == S::Opening   ? w("PageDown: de casus begint.", "PageDown: the case begins.")
              : c.support == S::Closing ? w("Esc: de klassessie sluiten \xC2\xB7 PageUp: terug.", "Esc: close the class session \xC2\xB7 PageUp: back.")
                                        : w("F1 of PageDown: terug naar de les.", "F1 or PageDown: back to the lesson."));
}

}  // namespace signaal::app
