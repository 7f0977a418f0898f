// The start screen: language, who is training, and the course catalogue with
// each module's status and best score, and "continue where I stopped". A
// module whose prerequisites this trainee has not passed is locked: it says
// which to pass first, and Start is disabled.
// Keys: Tab goes to the name fields, arrows move through everything (ImGui's
// keyboard navigation), Enter starts or continues the selected module, N
// starts it afresh.
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "prerequisites.h"
#include "screens.h"
#include "text_format.h"
#include "ui.h"

namespace signaal::app {

namespace {
using K = Action::Kind;

// An input field for one trainee detail. The field shows the state's value and
// reports an edit as an action; ImGui keeps the text being typed meanwhile.
Action detail_field(const char* label, const char* id, const std::string& value, K kind, float label_w) {
    if (auto text = ui::input_field(label, id, value, label_w)) return Action::with_text(kind, *text);
    return {};
}

const char* standing_name(const Words& w, Standing st) {
    switch (st) {
        case Standing::InProgress: return w("bezig", "in progress");
        case Standing::Passed: return w("geslaagd", "passed");
        case Standing::Failed: return w("niet geslaagd", "failed");
        case Standing::NotStarted: break;
    }
    return w("niet begonnen", "not started");
}

std::string section_title(const State& s, const Words& w, const CatalogueSection& part) {
    switch (part.kind) {
        case Section::Cases: return w("Casusverhalen", "Case stories");
        case Section::Authors: return w("Voor auteurs: de voorbeeldmodule", "For authors: the example module");
        case Section::Broken: return w("Laden niet gelukt", "Could not be loaded");
        case Section::Course: break;
    }
    if (!part.title.empty()) return ui::T(s, part.title);
    return w("Cursus ", "Course ") + part.course;
}
}  // namespace

namespace {
// `text` with a line break before each word that would pass `width`.
std::string wrap_words(const std::string& text, float width) {
    std::string out, line;
    for (size_t i = 0; i < text.size();) {
        const size_t j = std::min(text.find(' ', i), text.size());
        const std::string word = text.substr(i, j - i);
        const std::string longer = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
            out += line + "\n";
            line = word;
        } else {
            line = longer;
        }
        i = j + 1;
    }
    return out + line;
}

// A module's row: title and details on one line when they fit; at large text
// sizes the details go on a line of their own and long titles wrap, so no
// status or best score is cut off at the window's edge.
std::string row_label(const std::string& title, const std::string& details, float width) {
    const std::string one = title + "   \xC2\xB7 " + details;
    if (ImGui::CalcTextSize(one.c_str()).x <= width) return one;
    return wrap_words(title, width) + "\n   " + wrap_words(details, width - ImGui::CalcTextSize("   ").x);
}
}  // namespace

Action draw_catalogue(const State& s, const Words& w) {
    Action a;
    ui::heading(w("Signaal \xE2\x80\x93 training signalen herkennen", "Signaal \xE2\x80\x93 recognising signals training"));

    if (Action l = ui::language_choice(s); l.kind != K::None) a = l;
    ImGui::Spacing();

    ui::wrapped(w("Over jou (wordt op deze computer onthouden; Tab gaat naar het volgende veld):",
                  "About you (remembered on this computer; Tab goes to the next field):"));
    const float label_w = ImGui::CalcTextSize(w("Hotel, park of organisatie ", "Hotel, park or organisation ")).x + ImGui::GetStyle().ItemSpacing.x * 2;
    if (Action f = detail_field(w("Naam", "Name"), "##name", s.settings.name, K::SetName, label_w); f.kind != K::None) a = f;
    if (Action f = detail_field(w("Hotel, park of organisatie", "Hotel, park or organisation"), "##venue", s.settings.venue, K::SetVenue, label_w); f.kind != K::None) a = f;
    if (Action f = detail_field(w("Functie", "Job"), "##role", s.settings.role, K::SetRole, label_w); f.kind != K::None) a = f;
    ImGui::Spacing();
    ImGui::Separator();

    ui::heading(w("Modules", "Modules"));
    // A first-time trainee was not told what to do, and the Begin button sits
    // below a long list: Enter works from anywhere on this screen.
    if (!s.catalogue.entries.empty())
        ui::muted(w("Kies een module met de pijltjes of de muis en druk op Enter om te beginnen.",
                    "Choose a module with the arrow keys or the mouse, then press Enter to begin."));
    if (s.catalogue.entries.empty())
        ui::text_bad(w("Geen modules gevonden in de inhoudsmappen.", "No modules found in the content folders."));
    const int n = static_cast<int>(s.catalogue.entries.size());
    const auto parts = sections(s.catalogue);
    size_t part = 0;
    for (int i = 0; i < n; ++i) {
        // A heading per course, so trainees find theirs; the authors' example comes last.
        if (part < parts.size() && parts[part].first == i) {
            if (i > 0) ImGui::Spacing();
            ui::wrapped(section_title(s, w, parts[part]));
            // How far this trainee is with the course: the modules it needs.
            if (part < s.course_progress.size() && s.course_progress[part].second > 0) {
                const auto [done, total] = s.course_progress[part];
                ui::muted(std::string(w("Gehaalde modules: ", "Modules passed: ")) + std::to_string(done) + w(" van ", " of ") +
                          std::to_string(total));
            }
            ImGui::Separator();
            ++part;
        }
        const CatalogueEntry& e = s.catalogue.entries[static_cast<size_t>(i)];
        std::string title, details;
        if (e.module) {
            const ModuleStatus& st = s.status[static_cast<size_t>(i)];
            title = e.module->title.get(s.settings.language, e.module->fallback_language());
            details = std::to_string(e.module->minutes) + " min \xC2\xB7 " +
                      (s.locked(i) ? w("op slot", "locked") : standing_name(w, st.standing));
            if (st.best_scaled >= 0) details += std::string(" \xC2\xB7 ") + w("beste score ", "best score ") + std::to_string(st.best_scaled) + "%";
        } else {
            title = e.path;
            details = w("kan niet worden geladen", "does not load");
        }
        std::string line = row_label(title, details, ImGui::GetContentRegionAvail().x);
        line += "##entry" + std::to_string(i);
        if (!e.module) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotLines));
        // The selected row keeps its colour under the mouse too.
        ImGui::PushStyleColor(ImGuiCol_HeaderHovered, ImGui::GetStyleColorVec4(s.selected == i ? ImGuiCol_Header : ImGuiCol_HeaderHovered));
        if (ImGui::Selectable(line.c_str(), s.selected == i)) a = Action::make(K::SelectEntry, i);
        ImGui::PopStyleColor();
        if (!e.module) ImGui::PopStyleColor();
        // Arrow keys move ImGui's focus; the focused row becomes the selection.
        if (ImGui::IsItemFocused() && s.selected != i && a.kind == K::None) a = Action::make(K::SelectEntry, i);
        if (s.selected == i && s.scroll_to_cursor) ImGui::SetScrollHereY(0.5f);
    }
    ImGui::Separator();
    ImGui::Spacing();

    if (s.selected >= 0 && s.selected < n) {
        const CatalogueEntry& e = s.catalogue.entries[static_cast<size_t>(s.selected)];
        if (e.module) {
            ui::heading(e.module->title.get(s.settings.language, e.module->fallback_language()));
            ui::paragraphs(e.module->audience.get(s.settings.language, e.module->fallback_language()));
            // Which languages the module is whole in, and what a learner reading another one will see.
            std::string complete;
            for (const std::string& l : e.module->complete_languages()) complete += (complete.empty() ? "" : ", ") + language_endonym(l);
            ui::muted(std::string(w("Volledig in: ", "Complete in: ")) + complete);
            const auto& langs = e.module->complete_languages();
            if (std::find(langs.begin(), langs.end(), s.settings.language) == langs.end())
                ui::muted(std::string(w("Niet alles staat in jouw taal; wat ontbreekt staat in het ",
                                        "Not everything is in your language; what is missing shows in ")) +
                          language_endonym(e.module->fallback_language()) + ".");
            ImGui::Spacing();
            const size_t kept = s.unfinished_answers[static_cast<size_t>(s.selected)];
            const bool closed = s.locked(s.selected);
            // A locked module says what opens it; Start stays visible, disabled.
            if (closed)
                ui::text_bad(std::string(w("Op slot. Haal eerst: ", "Locked. Pass these modules first: ")) +
                             module_titles(s.catalogue, s.unmet[static_cast<size_t>(s.selected)], s.settings.language));
            ImGui::BeginDisabled(closed);
            if (s.has_unfinished[static_cast<size_t>(s.selected)]) {
                std::string label = std::string(w("Verdergaan waar ik gestopt was (", "Continue where I stopped (")) +
                                    std::to_string(kept) + w(" antwoorden) \xE2\x80\x93 Enter", " answers) \xE2\x80\x93 Enter");
                if (ImGui::Button(label.c_str())) a = Action::make(K::Start, s.selected);
                ImGui::SameLine();
                if (ImGui::Button(w("Opnieuw beginnen (N)", "Start again (N)"))) a = Action::make(K::StartFresh, s.selected);
            } else {
                if (ImGui::Button(w("Beginnen (Enter)", "Start (Enter)"))) a = Action::make(K::Start, s.selected);
            }
            ImGui::EndDisabled();
            // Classroom mode: a teacher presents this module and the class decides together.
            if (ImGui::Button(w("Klassikaal spelen (K)", "Play with a class (K)")) ||
                ui::pressed(ui::Key::K))
                a = Action::make(K::StartClass, s.selected);
            if (!closed && ui::pressed(ui::Key::Enter)) a = Action::make(K::Start, s.selected);
            if (!closed && ui::pressed(ui::Key::N)) a = Action::make(K::StartFresh, s.selected);
        } else {
            if (ImGui::Button(w("Problemen bekijken (Enter)", "Show the problems (Enter)")) || ui::pressed(ui::Key::Enter))
                a = Action::make(K::ShowErrors, s.selected);
        }
    }
    ImGui::Spacing();
    ui::muted(std::string(w("Scorebestanden: ", "Score records: ")) + s.records_dir);
    lrs_status(s, w);
    // For trainers: the review of everyone's records (signaal-report's tables, in the window).
    if (ImGui::Button(w("Trainersoverzicht (T)", "Trainer view (T)")) || ui::pressed(ui::Key::T)) a = Action::make(K::OpenTrainer);
    return a;
}

}  // namespace signaal::app
