// The trainer view's frame: where the records are (folders or an LRS, optional
// roster, threshold), the filters, the CSV export, the progress while a report builds,
// and the four tabs. Keys: Tab / Shift+Tab move between the fields, Enter in
// a field builds the report again (Enter in the export field saves the CSV).
// Outside a field: O and L read from folders / from an LRS and jump to their
// first field, F and E jump to the venue filter and export fields, 1–5 switch
// tabs and Esc goes back to the start screen. CSV export writes the shown
// tab's table, applying a filter typed but not yet applied.
#ifndef GLFW_INCLUDE_NONE
#define GLFW_INCLUDE_NONE
#endif
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>
#include <string>

#include "render.h"
#include "trainer_screens.h"
#include "ui.h"

namespace signaal::app {

namespace {
using K = TrainerAction::Kind;
using F = TrainerField;

// One text field. Edits come back as SetField; Enter leaves the field and
// builds (or exports), carrying the text so nothing typed is lost.
// `secret`: shown as dots (the LRS password).
TrainerAction text_field(const TrainerState& t, F f, const char* hint, float width, bool focus, bool secret = false) {
    char buf[1024];
    std::snprintf(buf, sizeof buf, "%s", t.field(f).c_str());
    ImGui::SetNextItemWidth(width);
    if (focus) ImGui::SetKeyboardFocusHere();
    const std::string id = "##field" + std::to_string(static_cast<int>(f));
    const bool edited = ImGui::InputTextWithHint(id.c_str(), hint, buf, sizeof buf, secret ? ImGuiInputTextFlags_Password : 0);
    const bool enter = ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false);
    if (ImGui::IsItemDeactivated() && enter)
        return TrainerAction::with_text(f == F::Export ? K::Export : K::Build, static_cast<int>(f), buf);
    if (edited) return TrainerAction::with_text(K::SetField, static_cast<int>(f), buf);
    return {};
}

void label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine();
}

// Keeps the first action of the frame: one action per frame, like the other screens.
void keep(TrainerAction& a, TrainerAction b) {
    if (a.kind == K::None) a = std::move(b);
}

// The filter the shown figures were built with, in the screen's language (the
// model's own description, written into CSV files, is English).
std::string shown_filter(const TrainerState& t, const Words& w) {
    if (t.applied.size() != static_cast<size_t>(F::Count)) return "";
    std::string out;
    auto add = [&](const char* what, F f) {
        const std::string& v = t.applied[static_cast<size_t>(f)];
        if (v.find_first_not_of(" \t") != std::string::npos) out += (out.empty() ? "" : ", ") + std::string(what) + v;
    };
    add(w("locatie ", "venue "), F::Venue);
    add(w("module ", "module "), F::Module);
    add(w("van ", "from "), F::From);
    add(w("tot en met ", "to "), F::To);
    return out.empty() ? w("alles (geen filter)", "everything (no filter)") : out;
}

// A button drawn pressed while `on` (the tabs and the source choice).
bool toggle(const std::string& text, bool on) {
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool clicked = ImGui::Button(text.c_str());
    if (on) ImGui::PopStyleColor();
    return clicked;
}

// Where the records come from: folders (one field) or an LRS (address, user, password).
void source_fields(const TrainerState& t, const Words& w, F focus, TrainerAction& a) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float em = ImGui::GetFontSize();
    label(w("Scores uit", "Records from"));
    if (toggle(w("mappen (O)", "folders (O)"), !t.from_lrs)) keep(a, TrainerAction::make(K::SetSource, 0));
    ImGui::SameLine();
    if (toggle(w("een LRS (L)", "an LRS (L)"), t.from_lrs)) keep(a, TrainerAction::make(K::SetSource, 1));
    ImGui::SameLine();
    if (!t.from_lrs) {
        keep(a, text_field(t, F::Folders, w("map; nog een map", "folder; another folder"), -(em * 9 + gap), focus == F::Folders));
    } else {
        const float fw = (ImGui::GetContentRegionAvail().x - em * 17) / 4;
        keep(a, text_field(t, F::LrsUrl, "https://lrs.example.org/xapi/", fw * 2, focus == F::LrsUrl));
        ImGui::SameLine();
        label(w("gebruiker", "user"));
        keep(a, text_field(t, F::LrsUser, "", fw, false));
        ImGui::SameLine();
        label(w("wachtwoord", "password"));
        keep(a, text_field(t, F::LrsPassword, "", -(em * 9 + gap), false, true));
    }
    ImGui::SameLine();
    if (ImGui::Button(w("Openen (Enter)", "Open (Enter)"), ImVec2(-1, 0))) keep(a, TrainerAction::make(K::Build));
}

std::string summary(const report::ReportModel& m, const Words& w) {
    std::string s = std::to_string(m.counted) + w(" pogingen geteld uit ", " attempts counted from ") + std::to_string(m.files) +
                    w(" bestanden", " files");
    if (m.filtered > 0) s += "; " + std::to_string(m.filtered) + w(" buiten het filter", " outside the filter");
    if (!m.failures.empty()) s += "; " + std::to_string(m.failures.size()) + w(" overgeslagen", " skipped");
    return s;
}
}  // namespace

TrainerAction draw_trainer(const State& s, const Words& w) {
    const TrainerState& t = s.trainer;
    TrainerAction a;
    // No field takes the keyboard on its own: then 1–4 and Esc work at once.
    F focus = F::Count;  // none
    if (!ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressed(GLFW_KEY_O, false)) {
            focus = F::Folders;
            if (t.from_lrs) keep(a, TrainerAction::make(K::SetSource, 0));
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_L, false)) {
            focus = F::LrsUrl;
            if (!t.from_lrs) keep(a, TrainerAction::make(K::SetSource, 1));
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_F, false)) focus = F::Venue;
        if (ImGui::IsKeyPressed(GLFW_KEY_E, false)) focus = F::Export;
    }

    if (ui::button(w("Terug naar het begin (Esc)", "Back to the start (Esc)"))) keep(a, TrainerAction::make(K::Leave));
    ImGui::SameLine();
    ui::heading(w("Trainersoverzicht", "Trainer view"));

    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float em = ImGui::GetFontSize();
    source_fields(t, w, focus, a);

    label(w("Personeelslijst (CSV, optioneel)", "Staff roster (CSV, optional)"));
    keep(a, text_field(t, F::Roster, w("naam,locatie,functie", "name,venue,role"), -(em * 12 + gap), false));
    ImGui::SameLine();
    label(w("Drempel", "Threshold"));
    keep(a, text_field(t, F::Threshold, "60%", -1, false));

    // Filters: narrow the attempts that count (ReportFilter in the report library).
    const float fw = (ImGui::GetContentRegionAvail().x - em * 22) / 4;
    label(w("Filter (F): locatie", "Filter (F): venue"));
    keep(a, text_field(t, F::Venue, w("alle", "all"), fw, focus == F::Venue));
    ImGui::SameLine();
    label(w("module", "module"));
    keep(a, text_field(t, F::Module, w("alle (module-id)", "all (module id)"), fw, false));
    ImGui::SameLine();
    label(w("van", "from"));
    keep(a, text_field(t, F::From, w("JJJJ-MM-DD", "YYYY-MM-DD"), fw * 0.75f, false));
    ImGui::SameLine();
    label(w("tot en met", "to"));
    keep(a, text_field(t, F::To, w("JJJJ-MM-DD", "YYYY-MM-DD"), fw * 0.75f, false));
    ImGui::SameLine();
    if (ImGui::Button(w("Filters wissen", "Clear filters"), ImVec2(-1, 0))) keep(a, TrainerAction::make(K::ClearFilters));

    label(w("CSV bewaren als (E)", "Export CSV to (E)"));
    keep(a, text_field(t, F::Export, w("bestand.csv", "file.csv"), -(em * 9 + gap), focus == F::Export));
    ImGui::SameLine();
    if (ImGui::Button(w("CSV bewaren", "Export CSV"), ImVec2(-1, 0))) keep(a, TrainerAction::make(K::Export));

    if (!t.message.empty()) (t.message_bad ? ui::text_bad(t.message) : ui::text_good(t.message));
    // What the figures below are: the filter they were built with, and a warning when the fields say otherwise.
    if (t.model && !t.building)
        ui::muted(std::string(w("Getoond: ", "Shown: ")) + shown_filter(t, w));
    if (t.typed_not_applied() && !t.building)
        ui::text_bad(w("Getypt maar nog niet toegepast: druk op Enter (CSV bewaren past het eerst toe).",
                       "Typed but not applied yet: press Enter (Export CSV applies it first)."));
    if (!t.module_note.empty() && !t.building) ImGui::TextWrapped("%s", t.module_note.c_str());
    for (const auto& e : t.errors) ui::text_bad(e);
    if (t.fetching) {
        // The LRS says nothing of how many there are until the last page: a count, not a bar.
        ui::muted(std::to_string(t.fetched) + w.plural(static_cast<unsigned long>(t.fetched), " afgeronde poging opgehaald uit de LRS…",
                                                       " afgeronde pogingen opgehaald uit de LRS…", " completed attempt fetched from the LRS…",
                                                       " completed attempts fetched from the LRS…"));
    } else if (t.building) {
        const float share = t.total ? static_cast<float>(t.done) / static_cast<float>(t.total) : 0.0f;
        const std::string over = std::to_string(t.done) + " / " + std::to_string(t.total) + w(" bestanden geverifieerd", " files verified");
        ui::progress(share, over);
    } else if (t.model) {
        ui::muted(summary(*t.model, w));
    }
    ImGui::Separator();

    // Tabs as buttons, so the keys 1–4 and a click set the same state field.
    const char* names[] = {w("1 Locaties", "1 Venues"), w("2 Cursisten", "2 Trainees"), w("3 Modules", "3 Modules"),
                           w("4 Overgeslagen", "4 Skipped files"), w("5 Herhaling nodig", "5 Refresher due")};
    for (int i = 0; i < 5; ++i) {
        std::string label_text = names[i];
        if (i == 3 && t.model && !t.model->failures.empty()) label_text += " (" + std::to_string(t.model->failures.size()) + ")";
        if (toggle(label_text, static_cast<int>(t.tab) == i)) keep(a, TrainerAction::make(K::SetTab, i));
        if (i < 4) ImGui::SameLine();
    }
    if (const int d = ui::digit_pressed(); d >= 1 && d <= 5) keep(a, TrainerAction::make(K::SetTab, d - 1));
    if (ui::pressed(ui::Key::Escape)) keep(a, TrainerAction::make(K::Leave));
    ImGui::Spacing();

    if (!t.model) {
        if (!t.building) ui::muted(w("Nog geen rapport: geef een map en druk op Enter.", "No report yet: give a folder and press Enter."));
        return a;
    }
    if (!t.errors.empty() && t.model->files == 0) {
        // A mistyped folder: no figures at all, rather than every venue at 0% "not yet".
        // From an LRS the one line above (refused, unreachable) says it all.
        if (!t.applied_lrs)
            ui::text_bad(w("Geen scorebestanden gelezen: controleer de map hierboven.", "No score records read: check the folder above."));
        return a;
    }
    switch (t.tab) {
        case TrainerTab::Venues: keep(a, draw_venues_tab(*t.model, w)); break;
        case TrainerTab::Trainees: draw_trainees_tab(*t.model, w); break;
        case TrainerTab::Modules: draw_modules_tab(*t.model, w); break;
        case TrainerTab::Skipped: draw_skipped_tab(*t.model, t.errors, w); break;
        case TrainerTab::Due: draw_due_tab(*t.model, w); break;
    }
    return a;
}

}  // namespace signaal::app
