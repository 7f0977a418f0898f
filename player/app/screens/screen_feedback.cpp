// Feedback after an answer: why the choice was right or wrong, per option or
// phrase for select and highlight questions, and the points it gave.
#include <imgui.h>

#include "screens.h"
#include "ui.h"

namespace signaal::app {

namespace {
// The answered scene; the session has already moved on to the next one.
const Scene* answered_scene(const State& s) {
    return s.outcome ? s.session->module().find_scene(s.outcome->scene) : nullptr;
}

std::string phrase(const State& s, const Scene& sc, const std::string& id) {
    auto it = sc.passage.find(s.settings.language);
    if (it == sc.passage.end()) it = sc.passage.find(s.session->module().fallback_language());
    if (it == sc.passage.end()) return id;
    for (const auto& r : it->second)
        if (r.ref == id) return r.text;
    return id;
}
// Says plainly how good the choice was and, when it was not the best, which
// choice was and why: "Points: 0 / 2" alone taught nothing.
void best_choice(const State& s, const Words& w, const Scene& sc, const AnswerOutcome& o) {
    ImGui::Spacing();
    const Choice* best = sc.find_choice(s.best_offered);
    if (!best || o.points >= best->points) {
        ui::text_good(w("Dit was de beste keuze.", "This was the best choice."));
        return;
    }
    if (o.points > 0) ui::text_bad(w("Een redelijke keuze, maar niet de beste.", "A fair choice, but not the best one."));
    else ui::text_bad(w("Dit was niet de beste keuze.", "This was not the best choice."));
    ImGui::Spacing();
    ui::field(w("De beste keuze:", "The best choice:"), ui::T(s, best->label));
    ImGui::Indent(s.font_px * 1.5f);
    ui::paragraphs(ui::T(s, best->feedback));
    ImGui::Unindent(s.font_px * 1.5f);
}
}  // namespace

Action draw_feedback(const State& s, const Words& w) {
    using K = Action::Kind;
    const Scene* sc = answered_scene(s);
    const AnswerOutcome& o = *s.outcome;
    if (!s.session->finished()) draw_progress(s, w, true);
    if (sc) {
        if (!sc->heading.empty()) ui::muted(ui::T(s, sc->heading));
        if (sc->kind == Interaction::Choices) {
            const Choice* c = sc->find_choice(o.choice);
            ui::field(w("Jouw keuze:", "Your choice:"), c ? ui::T(s, c->label) : o.choice);
            ImGui::Spacing();
            if (o.critical) ui::text_bad(w("Kritieke fout: hiermee breng je een kind of een onderzoek in gevaar.",
                                           "Critical error: this puts a child or an investigation at risk."));
            if (c) ui::paragraphs(ui::T(s, c->feedback));
            if (o.max_points > 0) best_choice(s, w, *sc, o);
        } else {
            // Numbered as the question showed them (a select's options are shuffled per attempt).
            const std::vector<int> order = s.session->mark_order(*sc);
            for (size_t i = 0; i < order.size() && static_cast<size_t>(order[i]) < o.marks.size(); ++i) {
                const Mark& m = sc->marks[static_cast<size_t>(order[i])];
                const MarkVerdict& v = o.marks[static_cast<size_t>(order[i])];
                std::string title = sc->kind == Interaction::Select ? ui::T(s, m.label) : "\xE2\x80\x9C" + phrase(s, *sc, m.id) + "\xE2\x80\x9D";
                const char* tag = v.selected ? (v.correct ? w("goed gekozen", "rightly chosen") : w("onterecht gekozen", "wrongly chosen"))
                                             : (v.correct ? w("gemist", "missed") : w("terecht niet gekozen", "rightly left"));
                std::string line = std::to_string(i + 1) + ". " + title + " \xE2\x80\x94 " + tag;
                if (v.selected == v.correct) ui::text_good(line); else ui::text_bad(line);
                ImGui::Indent(s.font_px * 1.5f);
                ui::paragraphs(ui::T(s, m.feedback));
                ImGui::Unindent(s.font_px * 1.5f);
                ImGui::Spacing();
            }
        }
    }
    if (o.max_points > 0) {
        std::string pts = std::string(w("Punten: ", "Points: ")) + std::to_string(o.points) + " / " + std::to_string(o.max_points);
        if (!o.scored) pts += w(" (al eerder beantwoord, telt niet opnieuw)", " (answered before, does not count again)");
        ui::muted(pts);
    }
    ImGui::Spacing();
    Action a;
    if (ui::big_button("##continue", w("Verder (Enter)", "Continue (Enter)"), true) || ui::pressed(ui::Key::Enter))
        a = Action::make(K::Proceed);
    if (ui::pressed(ui::Key::Escape)) a = Action::make(K::Leave);
    return a;
}

}  // namespace signaal::app
