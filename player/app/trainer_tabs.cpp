// The trainer view's four tabs, each a table of one part of the ReportModel
// (the same parts signaal-report prints): venues, trainees, modules, skipped files.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "render.h"
#include "trainer_screens.h"
#include "ui.h"

namespace signaal::app {

namespace {
constexpr ImGuiTableFlags kTable = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;

void cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text.c_str());
}

void headers(std::initializer_list<const char*> names) {
    for (const char* n : names) ImGui::TableSetupColumn(n);
    ImGui::TableHeadersRow();
}

std::string result(const report::AttemptSummary& a, const Words& w) {
    std::string r = a.finished ? (a.passed ? w("geslaagd", "passed") : w("niet geslaagd", "failed")) : w("niet af", "unfinished");
    return std::to_string(a.scaled) + "% " + r + "  " + report::day(a.date);
}
}  // namespace

TrainerAction draw_venues_tab(const report::ReportModel& m, const Words& w) {
    TrainerAction a;
    if (m.venues.empty()) {
        ui::muted(w("Geen locaties in deze selectie.", "No venues in this selection."));
        return a;
    }
    ui::muted(std::string(w("Drempel voor certificering: ", "Certification threshold: ")) + report::percent(m.threshold) +
              w(" van het personeel geslaagd (de lijn in de balk). Klik op een locatie om alleen die te tonen.",
                " of staff passed (the line across the bar). Click a venue to show only that one."));
    if (!ImGui::BeginTable("##venues", 6, kTable)) return a;
    ImGui::TableSetupColumn(w("Locatie", "Venue"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(w("Personeel", "Staff"), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn(w("Geslaagd", "Passed"), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn(w("Aandeel", "Share"), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn(w("Gecertificeerd", "Certified"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableHeadersRow();
    for (const auto& v : m.venues) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable((v.venue + "##venue").c_str())) a = TrainerAction::with_text(TrainerAction::Kind::FilterVenue, -1, v.venue);
        cell(std::to_string(v.staff));
        cell(std::to_string(v.passed));
        cell(report::percent(v.share));
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(v.certified ? ImGuiCol_PlotHistogram : ImGuiCol_PlotLines));
        ImGui::TextUnformatted(v.certified ? w("GECERTIFICEERD", "CERTIFIED") : w("nog niet", "not yet"));
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        share_bar(v.share, m.threshold, v.certified, ImGui::GetContentRegionAvail().x);
    }
    ImGui::EndTable();
    return a;
}

void draw_trainees_tab(const report::ReportModel& m, const Words& w) {
    if (m.trainees.empty()) {
        ui::muted(w("Geen cursisten in deze selectie.", "No trainees in this selection."));
        return;
    }
    if (!ImGui::BeginTable("##trainees", 7, kTable)) return;
    headers({w("Naam", "Name"), w("Locatie", "Venue"), w("Module", "Module"), w("Pogingen", "Attempts"), w("Laatste", "Latest"),
             w("Beste", "Best"), w("Cursus geslaagd", "Course passed")});
    for (const auto& t : m.trainees) {
        const std::string passed = t.course_passed() ? std::string(w("ja, ", "yes, ")) + report::day(t.passes.back().date) : w("nee", "no");
        if (t.modules.empty()) {
            ImGui::TableNextRow();
            cell(t.name), cell(t.venue), cell(w("(geen pogingen)", "(no attempts)")), cell("0"), cell(""), cell(""), cell(passed);
        }
        bool first = true;
        for (const auto& tm : t.modules) {
            ImGui::TableNextRow();
            // Name, venue and course result once per trainee: the table reads as groups.
            cell(first ? t.name : ""), cell(first ? t.venue : "");
            cell(tm.module_id), cell(std::to_string(tm.attempts)), cell(result(tm.latest, w)), cell(result(tm.best, w));
            cell(first ? passed : "");
            first = false;
        }
    }
    ImGui::EndTable();
}

void draw_modules_tab(const report::ReportModel& m, const Words& w) {
    if (m.modules.empty()) ui::muted(w("Geen modules in deze selectie.", "No modules in this selection."));
    for (const auto& ms : m.modules) {
        ImGui::PushID(ms.id.c_str());
        const std::string head = ms.title + "  (" + ms.id + ")  \xC2\xB7 " + std::to_string(ms.attempts) + w(" pogingen, ", " attempts, ") +
                                 std::to_string(ms.finished) + w(" af, ", " finished, ") + std::to_string(ms.passed) + w(" geslaagd", " passed");
        if (!ImGui::CollapsingHeader(head.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            ImGui::PopID();
            continue;
        }
        for (const auto& q : ms.questions) {
            ImGui::PushID(q.scene.c_str());
            ImGui::TextWrapped("%s  [%s, %ld %s]", q.prompt.c_str(), q.scene.c_str(), q.answered, w("antwoorden", "answers"));
            long largest = 1;
            for (const auto& o : q.options) largest = std::max(largest, o.count);
            if (ImGui::BeginTable("##options", 2, kTable)) {
                ImGui::TableSetupColumn(w("Keuze (\xE2\x80\xA2 = juist)", "Option (\xE2\x80\xA2 = correct)"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
                ImGui::TableSetupColumn(w("Gekozen", "Chosen"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
                ImGui::TableHeadersRow();
                for (const auto& o : q.options) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s%s", o.correct ? "\xE2\x80\xA2 " : "   ", o.label.c_str());
                    ImGui::TableNextColumn();
                    count_bar(o.count, largest, o.correct, ImGui::GetContentRegionAvail().x);
                }
                ImGui::EndTable();
            }
            ImGui::PopID();
            ImGui::Spacing();
        }
        if (!ms.missed.empty() && ImGui::BeginTable("##missed", 2, kTable)) {
            long largest = 1;
            for (const auto& s : ms.missed) largest = std::max(largest, s.misses);
            ImGui::TableSetupColumn(w("Signalen die het vaakst gemist zijn", "Signals most often missed"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn(w("Gemist", "Missed"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableHeadersRow();
            for (const auto& s : ms.missed) {
                ImGui::TableNextRow();
                cell(s.label);
                ImGui::TableNextColumn();
                count_bar(s.misses, largest, false, ImGui::GetContentRegionAvail().x);
            }
            ImGui::EndTable();
        }
        if (!ms.critical.empty() && ImGui::BeginTable("##critical", 2, kTable)) {
            long largest = 1;
            for (const auto& c : ms.critical) largest = std::max(largest, c.count);
            ImGui::TableSetupColumn(w("Meest gemaakte kritieke fouten", "Most common critical errors"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn(w("Aantal", "Count"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableHeadersRow();
            for (const auto& c : ms.critical) {
                ImGui::TableNextRow();
                cell(c.label + "  [" + c.scene + "]");
                ImGui::TableNextColumn();
                count_bar(c.count, largest, false, ImGui::GetContentRegionAvail().x);
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
        ImGui::Spacing();
    }
}

void draw_skipped_tab(const report::ReportModel& m, const std::vector<std::string>& errors, const Words& w) {
    for (const auto& e : errors) ui::text_bad(e);
    if (m.failures.empty()) {
        ui::text_good(w("Geen bestanden overgeslagen: alles is geverifieerd.", "No files skipped: everything verified."));
        return;
    }
    ui::muted(w("Deze bestanden tellen nergens mee (niet geverifieerd, onleesbaar of dubbel).",
                "These files count for nothing (not verified, unreadable or duplicates)."));
    if (!ImGui::BeginTable("##skipped", 3, kTable)) return;
    ImGui::TableSetupColumn(w("Bestand", "File"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(w("Soort", "Kind"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(w("Reden", "Reason"), ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableHeadersRow();
    for (const auto& f : m.failures) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", f.file.c_str());
        cell(f.kind);
        ImGui::TableNextColumn();
        for (const auto& r : f.reasons) ImGui::TextWrapped("%s", r.c_str());
    }
    ImGui::EndTable();
}

}  // namespace signaal::app
