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

// "86% niet geslaagd (norm 70%): kritieke fout “…”", so a high failed score explains itself.
std::string result(const report::AttemptSummary& a, const Words& w) {
    std::string r = std::to_string(a.scaled) + "% ";
    if (!a.finished) return r + w("niet af", "unfinished") + "  " + report::day(a.date);
    r += std::string(a.passed ? w("geslaagd", "passed") : w("niet geslaagd", "failed")) + w(" (norm ", " (pass mark ") + std::to_string(a.pass_mark) + "%)";
    if (!a.passed)
        r += a.critical.empty() ? std::string(w(": onder de norm", ": below the pass mark"))
                                : std::string(w(": kritieke fout \u201C", ": critical error \u201C")) + a.critical + "\u201D";
    return r + "  " + report::day(a.date);
}

std::string percent_of(long part, long whole, const Words& w) {
    return std::to_string(part) + w(" van ", " of ") + std::to_string(whole) + " = " + report::percent_text(report::share_percent(part, whole));
}

// Why a file does not count, in the screen's language (the verifier's own detail follows it).
const char* kind_text(const std::string& kind, const Words& w) {
    if (kind == "unreadable") return w("onleesbaar", "unreadable");
    if (kind == "corrupt") return w("beschadigd: geen geldig scorebestand", "damaged: not a valid score record");
    if (kind == "foreign") return w("geen Signaal-scorebestand (of een andere versie)", "not a Signaal score record (or another version)");
    if (kind == "tampered") return w("gewijzigd na het spelen: score, antwoorden of naam kloppen niet met de module",
                                     "changed after playing: score, answers or name do not match the module");
    if (kind == "unknown-module") return w("de module staat niet in de inhoudsmappen", "the module is not in the content folders");
    if (kind == "module-changed") return w("de module is gewijzigd sinds de poging", "the module has changed since the attempt");
    if (kind == "duplicate") return w("dezelfde poging staat al in een ander bestand (telt één keer)", "the same attempt is in another file (counts once)");
    return "";
}
}  // namespace

TrainerAction draw_venues_tab(const report::ReportModel& m, const Words& w) {
    TrainerAction a;
    if (m.venues.empty()) {
        ui::muted(w("Geen locaties in deze selectie.", "No venues in this selection."));
        return a;
    }
    ui::muted(std::string(w("Drempel voor certificering: ", "Certification threshold: ")) + report::percent_text(m.threshold * 100) +
              w(" van het personeel geslaagd (de lijn in de balk). Klik op een locatie om alleen die te tonen.",
                " of staff passed (the line across the bar). Click a venue to show only that one."));
    ui::muted(std::string(w("Datums zijn lokale datums (", "Dates are local dates (")) + m.timezone + ").");
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
        cell(report::share_text(v.passed, v.staff));  // cut, never rounded up across the threshold
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
            if (ImGui::BeginTable("##options", 2, kTable)) {
                ImGui::TableSetupColumn(w("Keuze (\xE2\x80\xA2 = juist)", "Option (\xE2\x80\xA2 = correct)"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
                ImGui::TableSetupColumn(w("Gekozen", "Chosen"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
                ImGui::TableHeadersRow();
                for (const auto& o : q.options) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s%s", o.correct ? "\xE2\x80\xA2 " : "   ", o.label.c_str());
                    ImGui::TableNextColumn();
                    count_bar(o.count, q.answered, o.correct, ImGui::GetContentRegionAvail().x, percent_of(o.count, q.answered, w));
                }
                ImGui::EndTable();
            }
            ImGui::PopID();
            ImGui::Spacing();
        }
        if (!ms.missed.empty() && ImGui::BeginTable("##missed", 2, kTable)) {
            ImGui::TableSetupColumn(w("Signalen die het vaakst gemist zijn", "Signals most often missed"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn(w("Gemist (van de keren dat het signaal voorkwam)", "Missed (of the times the signal came up)"),
                                    ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableHeadersRow();
            for (const auto& s : ms.missed) {
                ImGui::TableNextRow();
                cell(s.label);
                ImGui::TableNextColumn();
                count_bar(s.misses, s.hits + s.misses, false, ImGui::GetContentRegionAvail().x, percent_of(s.misses, s.hits + s.misses, w));
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
        // "All verified" only when every folder could be read: never next to "no such folder".
        if (errors.empty()) ui::text_good(w("Geen bestanden overgeslagen: alles is geverifieerd.", "No files skipped: everything verified."));
        return;
    }
    ui::muted(w("Deze bestanden tellen nergens mee (niet geverifieerd, onleesbaar of dubbel).",
                "These files count for nothing (not verified, unreadable or duplicates)."));
    if (!ImGui::BeginTable("##skipped", 3, kTable)) return;
    ImGui::TableSetupColumn(w("Cursist en bestand", "Trainee and file"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(w("Waarom het niet telt", "Why it does not count"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableSetupColumn(w("Details van de controle (Engels)", "Details of the check"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    for (const auto& f : m.failures) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", f.trainee.empty() ? w("(naam onleesbaar)", "(name unreadable)") : f.trainee.c_str());
        ImGui::TextDisabled("%s", f.file.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", kind_text(f.kind, w));
        ImGui::TableNextColumn();
        for (const auto& r : f.reasons) ImGui::TextDisabled("%s", r.c_str());
    }
    ImGui::EndTable();
}

void draw_due_tab(const report::ReportModel& m, const Words& w) {
    ui::muted(std::string(w("Certificaten zijn ", "Certificates are valid ")) + std::to_string(m.valid_months) +
              w(" maanden geldig. Herhaling nodig tot en met ", " months. Refresher due by ") + m.due_until +
              w(" (verlopen: al voorbij).", " (overdue: already expired)."));
    const auto due = report::refreshers_due(m);
    if (due.empty()) {
        ui::text_good(w("Niemand hoeft binnen drie maanden een herhaling te doen.", "Nobody needs a refresher within three months."));
        return;
    }
    if (!ImGui::BeginTable("##due", 5, kTable)) return;
    headers({w("Naam", "Name"), w("Locatie", "Venue"), w("Cursus", "Course"), w("Geldig tot", "Valid until"), w("Status", "Status")});
    for (const auto& d : due) {
        ImGui::TableNextRow();
        cell(d.trainee->name), cell(d.trainee->venue), cell(d.pass->course), cell(d.pass->expires);
        ImGui::TableNextColumn();
        if (d.overdue) ui::text_bad(w("verlopen", "overdue"));
        else ImGui::TextUnformatted(w("binnenkort", "due"));
    }
    ImGui::EndTable();
}

}  // namespace signaal::app
