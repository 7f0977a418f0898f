// The presenter panel (P): what only the teacher should see. Teacher notes and
// discussion questions, each option's points and where it leads, the votes as
// editable numbers, the discussion timer, the scene list for previews, and the
// keys. It uses the normal reading font: it sits next to the projector view.
#include <imgui.h>

#include <cstdio>

#include <algorithm>

#include "class_phones.h"
#include "class_screens.h"
#include "ui.h"

namespace signaal::app {

namespace {
using CK = ClassAction::Kind;

ClassAction timer(const State& s, const Words& w) {
    ClassAction a;
    const ClassState& c = s.klass;
    ui::heading(std::string(w("Discussietimer  ", "Discussion timer  ")) + clock_text(c.timer_shown()) +
                (c.countdown > 0 ? std::string(w("  (aftellen van ", "  (counting down from ")) + clock_text(c.countdown) + ")" : ""));
    if (ImGui::Button(c.timer_running ? w("Stop (T)", "Stop (T)") : w("Start (T)", "Start (T)"))) a = ClassAction::make(CK::TimerToggle);
    ImGui::SameLine();
    if (ImGui::Button(w("Op nul (Shift+T)", "Reset (Shift+T)"))) a = ClassAction::make(CK::TimerReset);
    ImGui::SameLine();
    if (ImGui::Button(w("Aftellen (C)", "Countdown (C)"))) a = ClassAction::make(CK::Countdown);
    return a;
}

ClassAction scene_list(const State& s, const Words& w) {
    ClassAction a;
    ui::heading(w("Scènes (pijltjes, Enter toont, Esc sluit)", "Scenes (arrows, Enter shows, Esc closes)"));
    const auto& scenes = s.klass.module->scenes;
    for (size_t i = 0; i < scenes.size(); ++i) {
        const bool here = s.session && scenes[i].id == s.session->scene().id;
        std::string label = scenes[i].id + "  \xE2\x80\x93  " + scene_title(s, scenes[i].id) + (here ? w("  (nu)", "  (now)") : "");
        if (ImGui::Selectable((label + "##sc" + std::to_string(i)).c_str(), static_cast<int>(i) == s.klass.list_cursor))
            a = ClassAction::make(CK::Preview, static_cast<int>(i));
        if (static_cast<int>(i) == s.klass.list_cursor) ImGui::SetScrollHereY(0.5f);
    }
    return a;
}

ClassAction options(const State& s, const Words& w, const Shown& sh) {
    ClassAction a;
    const Scene& sc = *sh.scene;
    const bool editable = !sh.feedback && !sh.preview && sc.is_question();
    if (!ImGui::BeginTable("##popts", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) return a;
    ImGui::TableSetupColumn(w("optie \xC2\xB7 punten \xC2\xB7 leidt naar", "option \xC2\xB7 points \xC2\xB7 leads to"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(w("handen", "hands"));
    // High contrast paints every unset colour white; the header row keeps the panel's background.
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, ImVec4(0.10f, 0.16f, 0.35f, 1));
    ImGui::TableHeadersRow();
    ImGui::PopStyleColor();
    for (size_t i = 0; i < sh.options.size(); ++i) {
        const ShownOption& o = sh.options[i];
        ImGui::TableNextRow();
        if (editable && static_cast<int>(i) == s.klass.cursor)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_FrameBgHovered));
        ImGui::TableNextColumn();
        ui::wrapped(std::to_string(i + 1) + ". " + o.label + (sc.is_question() && sc.kind != Interaction::Choices ? (o.correct ? w(" [verdacht]", " [suspicious]") : w(" [niet verdacht]", " [not suspicious]")) : ""));
        if (o.critical) ui::text_bad(w("Kritieke fout: hier loopt het kind gevaar.", "Critical error: this puts the child at risk."));
        std::string to;
        for (const auto& t : o.targets) to += (to.empty() ? "" : " / ") + scene_title(s, t) + " (" + t + ")";
        char pts[32];
        std::snprintf(pts, sizeof pts, "%+d", o.points);
        ui::muted(std::string(pts) + w(" punten \xC2\xB7 naar ", " points \xC2\xB7 to ") + to);
        ImGui::TableNextColumn();
        auto it = sh.votes.find(o.id);
        int n = it == sh.votes.end() ? 0 : it->second;
        if (editable) {
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
            if (ImGui::InputInt(("##v" + std::to_string(i)).c_str(), &n)) a = ClassAction::make(CK::SetVotes, static_cast<int>(i), n);
        } else {
            ImGui::Text("%d", n);
        }
    }
    ImGui::EndTable();
    if (editable) {
        const std::vector<std::string> maj = majority(*s.session, s.klass.votes, s.klass.record.class_size);
        std::string m;
        for (const auto& id : maj)
            for (size_t i = 0; i < sh.options.size(); ++i)
                if (sh.options[i].id == id) m += (m.empty() ? "" : ", ") + std::to_string(i + 1);
        if (sc.kind == Interaction::Choices && maj.empty()) ui::text_bad(w("Meerderheid: gelijke stand \xE2\x80\x93 kies zelf (O)", "Majority: a tie \xE2\x80\x93 pick one (O)"));
        else ui::field(w("Meerderheid:", "Majority:"), m.empty() ? w("niets markeren", "mark nothing") : m);
        const int size = s.klass.record.class_size;
        const HandCount h = count_hands(sc, s.klass.votes, size);
        const std::string counted = std::to_string(h.hands) + (size > 0 ? std::string(w(" van ", " of ")) + std::to_string(size) : "");
        if (sc.kind == Interaction::Choices) {
            if (h.too_few) ui::text_bad(std::string(w("Handen: ", "Hands: ")) + counted + w(" \xE2\x80\x93 te weinig om te besluiten", " \xE2\x80\x93 too few to decide"));
            else ui::field(w("Handen:", "Hands:"), counted);
        }
    }
    return a;
}

const char* keys_help(const Words& w) {
    return w("PageDown/Enter volgende \xC2\xB7 PageUp/Backspace terug (besluit ongedaan) \xC2\xB7 pijltjes of 1\xE2\x80\x93" "9 optie \xC2\xB7 +/- handen \xC2\xB7 "
             "N getal typen \xC2\xB7 Enter meerderheid \xC2\xB7 O docent kiest (Spatie markeert) \xC2\xB7 R alle feedback \xC2\xB7 Home opnieuw tonen \xC2\xB7 "
             "V telefoons \xC2\xB7 L scènelijst \xC2\xB7 B of . zwart scherm \xC2\xB7 P dit paneel \xC2\xB7 T timer \xC2\xB7 C aftellen 1/2/3/5 min \xC2\xB7 F1 hulp en melden \xC2\xB7 F3 voorlezen \xC2\xB7 F11 volledig scherm \xC2\xB7 Esc stoppen",
             "PageDown/Enter next \xC2\xB7 PageUp/Backspace back (undo decision) \xC2\xB7 arrows or 1\xE2\x80\x93" "9 option \xC2\xB7 +/- hands \xC2\xB7 "
             "N type a number \xC2\xB7 Enter majority \xC2\xB7 O teacher picks (Space marks) \xC2\xB7 R all feedback \xC2\xB7 Home show again \xC2\xB7 "
             "V phones \xC2\xB7 L scene list \xC2\xB7 B or . blank screen \xC2\xB7 P this panel \xC2\xB7 T timer \xC2\xB7 C countdown 1/2/3/5 min \xC2\xB7 F1 help and reporting \xC2\xB7 F3 read aloud \xC2\xB7 F11 full screen \xC2\xB7 Esc stop");
}
}  // namespace

ClassAction draw_presenter(const State& s, const Words& w) {
    ClassAction a;
    const ClassState& c = s.klass;
    ui::muted(std::string(w("Docentenpaneel (P) \xE2\x80\x93 ", "Presenter panel (P) \xE2\x80\x93 ")) + c.record.class_name +
              (c.record.teacher.empty() ? "" : " \xC2\xB7 " + c.record.teacher) + " \xC2\xB7 " + std::to_string(c.record.decisions.size()) +
              w(" besluiten", " decisions"));
    if (!c.message.empty()) ui::wrapped(c.message);
    if (c.blank) ui::text_bad(w("Projectie staat op zwart (B of .)", "Projector blanked (B or .)"));
    if (ClassAction t = timer(s, w); t.kind != CK::None) a = t;
    ImGui::Separator();
    if (c.list) {
        if (ClassAction l = scene_list(s, w); l.kind != CK::None) a = l;
        return a;
    }
    if (c.support != ClassState::Support::None) {
        ui::wrapped(w("Op de projectie: hulp en melden.", "On the projector: help and reporting."));
    } else if (c.slide >= 0) {
        ui::wrapped(w("Nabespreking: PageDown volgende dia, PageUp vorige.", "Debrief: PageDown next slide, PageUp previous."));
    } else if (const Shown sh = shown(s); sh.scene) {
        const Scene& sc = *sh.scene;
        const std::string title = scene_title(s, sc.id);
        ui::heading(title == sc.id ? title : title + "  (" + sc.id + ")");
        if (!sc.teacher_note.empty()) {
            ui::field(w("Docentnotitie:", "Teacher note:"), "");
            ui::paragraphs(ctext(s, sc.teacher_note));
        }
        if (!sc.discuss.empty()) {
            ui::field(w("Bespreek:", "Discuss:"), "");
            for (const auto& q : sc.discuss) ui::paragraphs("- " + ctext(s, q));
        }
        if (sc.kind == Interaction::Continue && !sc.routes.empty())
            ui::field(w("Volgende:", "Next:"), scene_title(s, sc.routes.front().target));
        if (!sh.options.empty())
            if (ClassAction o = options(s, w, sh); o.kind != CK::None) a = o;
        if (sc.is_question()) draw_phone_panel(s, w);
    }
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::wrapped(keys_help(w));
    ImGui::PopStyleColor();
    if (!c.record_path.empty()) ui::muted(std::string(w("Klasbestand: ", "Class record: ")) + c.record_path);
    return a;
}

}  // namespace signaal::app
