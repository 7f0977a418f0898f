// The start of a class session, shown on the projector: the case's title, its
// content note (the class must hear it before the story starts) and the class
// and teacher names that go into the class record.
#include <imgui.h>

#include <cstdio>

#include "class_screens.h"
#include "ui.h"

namespace signaal::app {

namespace {
using CK = ClassAction::Kind;

ClassAction name_field(const char* label, const char* id, const std::string& value, CK kind, float label_w, bool focus) {
    if (auto text = ui::input_field(label, id, value, label_w, focus)) return ClassAction::with_text(kind, *text);
    return {};
}
}  // namespace

ClassAction draw_class_setup(const State& s, const Words& w) {
    ClassAction a;
    const ClassState& c = s.klass;
    static const void* focused_for = nullptr;  // focus the class name once per setup screen
    const bool focus = focused_for != c.module.get();
    focused_for = c.module.get();
    ui::muted(w("Klassikaal spelen", "Class session"));
    ui::heading(ctext(s, c.module->title));
    if (c.resumable) {
        const ClassRecord& r = c.resumable->second;
        ui::wrapped(std::string(w("Onderbroken les: ", "Interrupted lesson: ")) + r.class_name + " \xC2\xB7 " + std::to_string(r.decisions.size()) +
                    w(" besluiten \xC2\xB7 begonnen ", " decisions \xC2\xB7 started ") + r.started.substr(0, 10) + " " + r.started.substr(11, 5) + " UTC");
        if (ImGui::Button(w("Verder met die les (F5)", "Continue that lesson (F5)"))) a = ClassAction::make(CK::Resume);
        ImGui::Spacing();
    }
    const float label_w = ImGui::CalcTextSize(w("Docent (mag leeg) ", "Teacher (optional) ")).x + ImGui::GetStyle().ItemSpacing.x * 2;
    if (ClassAction f = name_field(w("Klas", "Class"), "##class", c.record.class_name, CK::SetClassName, label_w, focus); f.kind != CK::None) a = f;
    if (ClassAction f = name_field(w("Docent (mag leeg)", "Teacher (optional)"), "##teacher", c.record.teacher, CK::SetTeacher, label_w, false); f.kind != CK::None) a = f;
    const std::string size = c.record.class_size > 0 ? std::to_string(c.record.class_size) : "";
    if (ClassAction f = name_field(w("Leerlingen", "Pupils"), "##size", size, CK::SetClassSize, label_w, false); f.kind != CK::None) a = f;
    ui::muted(w("Aantal leerlingen (mag leeg): bij een vraag met meer goede antwoorden telt een antwoord als de helft van de klas het kiest.",
                "Number of pupils (optional): in a multiple-answer question an option counts when half the class picks it."));
    if (!c.message.empty()) ui::text_bad(c.message);
    ImGui::Spacing();
    if (ImGui::Button(w("Beginnen (Enter)", "Begin (Enter)"))) a = ClassAction::make(CK::Begin);
    ImGui::SameLine();
    if (ImGui::Button(w("Terug (Esc)", "Back (Esc)"))) a = ClassAction::make(CK::Leave);
    // Which screen will show what, before the session puts it there (presenter_window.h).
    const ClassState::Screens& sc = c.screens;
    if (sc.count >= 2 && !sc.projector.empty()) {
        ui::wrapped(std::string(w("Twee schermen: de projectie komt volledig op ", "Two screens: the projector view goes full screen on ")) + sc.projector +
                    w(", het docentenscherm (notities, punten, stemmen, timer) op ", ", the presenter view (notes, points, votes, timer) on ") +
                    sc.presenter + ".");
        if (ImGui::Button(w("Schermen wisselen (F9)", "Swap screens (F9)"))) a = ClassAction::make(CK::SwapScreens);
    } else {
        ui::muted(w("E\xC3\xA9n scherm: alles in dit venster; het docentenpaneel (P) is verborgen tot u het opent.",
                    "One screen: everything in this window; the presenter panel (P) stays hidden until you open it."));
    }
    ImGui::Spacing();
    ImGui::Separator();
    ui::paragraphs(ctext(s, c.module->content_note));
    return a;
}

}  // namespace signaal::app
