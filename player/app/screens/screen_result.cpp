// The result: score against the pass mark, why it failed if a critical error
// decided it, the signals missed and the debrief, and where the record is.
#include <imgui.h>

#include "screens.h"
#include "ui.h"

namespace signaal::app {

Action draw_result(const State& s, const Words& w) {
    using K = Action::Kind;
    const Module& m = s.session->module();
    const Result r = s.session->result();
    draw_scene_header(s, w);
    ImGui::Separator();
    ui::heading(w("Resultaat", "Result"));
    ui::field(w("Score:", "Score:"), std::to_string(r.raw) + " / " + std::to_string(r.max) + " (" + std::to_string(r.scaled) +
                                         "%) \xC2\xB7 " + w("slaaggrens ", "pass mark ") + std::to_string(r.pass_mark) + "%");
    if (r.passed) {
        ui::text_good(w("Geslaagd", "Passed"));
        if (m.assessment) ui::text_good(w("Je hebt hiermee de cursus gehaald.", "With this you have passed the course."));
    } else {
        ui::text_bad(w("Niet geslaagd", "Not passed"));
        if (!r.critical.empty())
            ui::wrapped(w("Je hebt een kritieke fout gemaakt; dan slaag je niet, wat je score ook is:",
                          "You made a critical error; that means not passing, whatever the score:"));
        else if (r.scaled < r.pass_mark)
            ui::wrapped(w("Je score ligt onder de slaaggrens.", "Your score is below the pass mark."));
    }
    for (const auto& c : r.critical) {
        const Scene* sc = m.find_scene(c.scene);
        const Choice* ch = sc ? sc->find_choice(c.choice) : nullptr;
        ui::text_bad(std::string("\xE2\x80\xA2 ") + (ch ? ui::T(s, ch->label) : c.choice));
    }
    std::vector<std::string> missed;
    for (const auto& [id, st] : r.signals)
        if (st.misses > 0)
            if (const Labelled* sig = m.find_signal(id)) missed.push_back(ui::T(s, sig->label));
    if (!missed.empty()) {
        ImGui::Spacing();
        ui::heading(w("Signalen die je miste", "Signals you missed"));
        for (const auto& x : missed) ui::wrapped("\xE2\x80\xA2 " + x);
    }
    if (r.false_alarms > 0)
        ui::wrapped(std::string(w("Onterecht als signaal aangemerkt: ", "Marked as a signal wrongly: ")) + std::to_string(r.false_alarms));
    if (!m.debrief.empty()) {
        ImGui::Spacing();
        ui::heading(w("Nabespreking", "Debrief"));
        for (const auto& p : m.debrief) {
            ui::wrapped(std::to_string(p.n) + ".");
            ImGui::SameLine(s.font_px * 1.5f + ImGui::GetStyle().WindowPadding.x);
            ImGui::BeginGroup();
            // Muted to look secondary, but read aloud: without them the two texts run together.
            const char* wrong = w("Wat ging er mis:", "What went wrong:");
            ui::muted(wrong);
            ui::say(wrong);
            ui::paragraphs(ui::T(s, p.went_wrong));
            ImGui::EndGroup();
            ImGui::Indent(s.font_px * 1.5f);
            const char* should = w("Wat had moeten gebeuren:", "What should have happened:");
            ui::muted(should);
            ui::say(should);
            ui::paragraphs(ui::T(s, p.should_have));
            ImGui::Unindent(s.font_px * 1.5f);
            ImGui::Spacing();
        }
    }
    if (!m.partners.empty()) {
        ui::heading(w("Ketenpartners", "Chain partners"));
        for (const auto& p : m.partners) ui::wrapped("\xE2\x80\xA2 " + ui::T(s, p.label));
    }
    ImGui::Spacing();
    if (!s.record_error.empty()) ui::text_bad(std::string(w("Scorebestand niet opgeslagen: ", "Score record not saved: ")) + s.record_error);
    else {
        const ui::Quiet quiet;  // a file path read aloud is noise to a learner
        ui::field(w("Scorebestand:", "Score record:"), s.record_path);
    }
    lrs_status(s, w);
    ImGui::Spacing();
    Action a;
    if (ui::big_button("##back", w("Terug naar de cursussen (Enter)", "Back to the courses (Enter)"), true) ||
        ui::pressed(ui::Key::Enter) || ui::pressed(ui::Key::Escape))
        a = Action::make(K::Back);
    return a;
}

}  // namespace signaal::app
