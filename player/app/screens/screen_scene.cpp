// A scene: what happens, whom the learner plays, and the question. Keys:
// 1–9 pick a choice (or toggle an option / phrase), Tab and the arrows move
// the focus, Space toggles, Enter answers, Esc pauses.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "screens.h"
#include "text_format.h"
#include "ui.h"

namespace signaal::app {

namespace {
using K = Action::Kind;

// Tab / Down / Right go forward, Shift+Tab / Up / Left back; wraps around.
int moved_cursor(int cursor, int n) {
    if (n <= 0) return cursor;
    int step = 0;
    if (ui::pressed(ui::Key::Tab)) step = ui::shift_down() ? -1 : 1;
    if (ui::pressed(ui::Key::Down) || ui::pressed(ui::Key::Right)) step = 1;
    if (ui::pressed(ui::Key::Up) || ui::pressed(ui::Key::Left)) step = -1;
    if (step == 0) return cursor;
    if (cursor < 0) return step > 0 ? 0 : n - 1;  // the first move from "nothing focused"
    return ((cursor + step) % n + n) % n;
}

const std::vector<PassageRun>& passage_runs(const State& s, const Scene& sc) {
    static const std::vector<PassageRun> none;
    auto it = sc.passage.find(s.settings.language);
    if (it == sc.passage.end()) it = sc.passage.find(s.session->module().fallback_language());
    if (it == sc.passage.end()) it = sc.passage.begin();
    return it == sc.passage.end() ? none : it->second;
}

int mark_index(const Scene& sc, const std::string& ref) {
    for (size_t i = 0; i < sc.marks.size(); ++i)
        if (sc.marks[i].id == ref) return static_cast<int>(i);
    return -1;
}

// The passage as flowing, wrapped text in which each markable phrase carries its
// number and is underlined; a marked phrase is filled, the focused one outlined.
// Laid out first, drawn second, so a phrase's fill spans its words and spaces.
// Returns the index of a phrase clicked with the mouse, or -1.
int draw_passage(const State& s, const Scene& sc, std::vector<bool>& mark_in_view) {
    struct Word {
        std::string text;
        float x, y, w;
        int mark;     // index into sc.marks, -1 for context text
        bool number;  // the "[n]" before a phrase
    };
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float right = origin.x + ImGui::GetContentRegionAvail().x;
    const float line_h = ImGui::GetTextLineHeightWithSpacing() * 1.35f;
    const float space = ImGui::CalcTextSize(" ").x;
    std::vector<Word> words;
    float x = origin.x, y = origin.y;
    for (const auto& run : passage_runs(s, sc)) {
        const int mi = run.ref.empty() ? -1 : mark_index(sc, run.ref);
        std::vector<std::string> parts;
        if (mi >= 0) parts.push_back("[" + std::to_string(mi + 1) + "]");
        for (size_t i = 0; i < run.text.size();) {
            while (i < run.text.size() && run.text[i] == ' ') ++i;
            size_t j = std::min(run.text.find(' ', i), run.text.size());
            if (j > i) parts.push_back(run.text.substr(i, j - i));
            i = j;
        }
        for (size_t k = 0; k < parts.size(); ++k) {
            const float wpx = ImGui::CalcTextSize(parts[k].c_str()).x;
            if (x > origin.x && x + wpx > right) {
                x = origin.x;
                y += line_h;
            }
            words.push_back({parts[k], x, y, wpx, mi, mi >= 0 && k == 0});
            x += wpx + space;
        }
    }

    std::string spoken;  // read aloud as shown: the words in order, each phrase with its number
    for (const Word& wd : words) spoken += (spoken.empty() ? "" : " ") + wd.text;
    ui::say(spoken);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float th = std::max(2.0f, ImGui::GetFontSize() * 0.12f);
    const float fh = ImGui::GetFontSize();
    int clicked = -1;
    mark_in_view.assign(sc.marks.size(), true);
    // One rectangle per phrase per line: consecutive words of a phrase on one line merge.
    for (size_t i = 0; i < words.size();) {
        const int mi = words[i].mark;
        size_t j = i + 1;
        while (j < words.size() && words[j].mark == mi && words[j].y == words[i].y) ++j;
        if (mi >= 0) {
            const ImVec2 a(words[i].x - space * 0.25f, words[i].y - fh * 0.08f);
            const ImVec2 b(words[j - 1].x + words[j - 1].w + space * 0.25f, words[i].y + fh * 1.12f);
            const bool marked = static_cast<size_t>(mi) < s.marks.size() && s.marks[static_cast<size_t>(mi)];
            if (marked) dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_TextSelectedBg), fh * 0.15f);
            else dl->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, b.y), ImGui::GetColorU32(ImGuiCol_PlotLines), th * 0.6f);
            if (mi == s.cursor) dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_NavHighlight), fh * 0.15f, 0, th);
            const bool seen = ui::in_view(a.y, b.y);
            if (static_cast<size_t>(mi) < mark_in_view.size() && !seen) mark_in_view[static_cast<size_t>(mi)] = false;
            if (mi == s.cursor && s.scroll_to_cursor && !seen) ImGui::SetScrollFromPosY(a.y - ImGui::GetWindowPos().y, 0.5f);
            if (ImGui::IsMouseHoveringRect(a, b) && ImGui::IsMouseClicked(0)) clicked = mi;
        }
        i = j;
    }
    for (const Word& wd : words)
        dl->AddText(ImVec2(wd.x, wd.y), ImGui::GetColorU32(wd.number ? ImGuiCol_TextDisabled : ImGuiCol_Text), wd.text.c_str());
    ImGui::Dummy(ImVec2(right - origin.x, y - origin.y + line_h));
    return clicked;
}

// A digit key acts on an option the learner can see. One out of sight (below
// the fold at large text sizes) is first scrolled into view and focused; the
// same key again then acts on it. `pos` is the shown position (the cursor).
Action by_digit(int pos, const std::vector<bool>& seen, Action::Kind act, int index) {
    if (static_cast<size_t>(pos) < seen.size() && !seen[static_cast<size_t>(pos)]) return Action::make(K::MoveCursor, pos);
    return Action::make(act, index);
}

Action draw_question(const State& s, const Words& w) {
    const Session& ses = *s.session;
    const Scene& sc = ses.scene();
    Action a;
    if (!sc.prompt.empty()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotLinesHovered));
        ui::wrapped(ui::T(s, sc.prompt));
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    switch (sc.kind) {
        case Interaction::Continue:
        case Interaction::Ending: {
            if (ui::big_button("##continue", w("Verder (Enter)", "Continue (Enter)"), true) || ui::pressed(ui::Key::Enter))
                a = Action::make(K::Proceed);
            break;
        }
        case Interaction::Choices: {
            auto offered = ses.available_choices();
            const int n = static_cast<int>(offered.size());
            std::vector<bool> seen(static_cast<size_t>(n), true);
            for (int i = 0; i < n; ++i) {
                std::string id = "##choice" + std::to_string(i);
                std::string label = std::to_string(i + 1) + ".  " + ui::T(s, offered[static_cast<size_t>(i)]->label);
                if (ui::big_button(id.c_str(), label, i == s.cursor, false, false, s.scroll_to_cursor)) a = Action::make(K::Choose, i);
                seen[static_cast<size_t>(i)] = ui::last_big_button_in_view();
            }
            ui::muted(w("Kies met 1–9 of met de pijltjes en Enter.", "Choose with 1–9, or with the arrow keys and Enter."));
            if (const int d = ui::digit_pressed(); d >= 1 && d <= n) a = by_digit(d - 1, seen, K::Choose, d - 1);
            if (ui::pressed(ui::Key::Enter) && s.cursor >= 0 && s.cursor < n) a = Action::make(K::Choose, s.cursor);
            int c = moved_cursor(s.cursor, n);
            if (c != s.cursor && a.kind == K::None) a = Action::make(K::MoveCursor, c);
            break;
        }
        case Interaction::Select:
        case Interaction::Highlight: {
            const int n = static_cast<int>(sc.marks.size());
            // Select options are shown in this attempt's order; the cursor and
            // the digit keys count shown positions, actions name marks.
            const std::vector<int> order = sc.kind == Interaction::Select ? ses.mark_order() : std::vector<int>{};
            auto mark_at = [&](int pos) { return order.empty() ? pos : order[static_cast<size_t>(pos)]; };
            std::vector<bool> seen(static_cast<size_t>(n), true);  // by shown position (select) or mark (highlight)
            if (sc.kind == Interaction::Select) {
                for (int i = 0; i < n; ++i) {
                    const int m = mark_at(i);
                    std::string id = "##option" + std::to_string(i);
                    std::string label = std::to_string(i + 1) + ".  " + ui::T(s, sc.marks[static_cast<size_t>(m)].label);
                    bool on = static_cast<size_t>(m) < s.marks.size() && s.marks[static_cast<size_t>(m)];
                    if (ui::big_button(id.c_str(), label, i == s.cursor, on, true, s.scroll_to_cursor)) a = Action::make(K::ToggleMark, m);
                    seen[static_cast<size_t>(i)] = ui::last_big_button_in_view();
                }
                ui::muted(w("Kies alles wat klopt: 1–9 of pijltjes en Spatie. Enter geeft je antwoord.",
                            "Choose everything that applies: 1–9, or arrows and Space. Enter gives your answer."));
            } else {
                int clicked = draw_passage(s, sc, seen);
                if (clicked >= 0) a = Action::make(K::ToggleMark, clicked);
                int count = 0;
                for (bool m : s.marks) count += m;
                ui::muted(std::string(w("Gemarkeerd: ", "Marked: ")) + std::to_string(count) + " \xC2\xB7 " +
                          w("Tab of pijltjes: volgende zin, Spatie: markeren, Enter: antwoord geven.",
                            "Tab or arrows: next phrase, Space: mark, Enter: give your answer."));
            }
            if (ui::big_button("##submit", w("Antwoord geven (Enter)", "Give my answer (Enter)"), false))
                a = Action::make(K::Submit);
            if (const int d = ui::digit_pressed(); d >= 1 && d <= n) a = by_digit(d - 1, seen, K::ToggleMark, mark_at(d - 1));
            if (ui::pressed(ui::Key::Space) && s.cursor >= 0 && s.cursor < n) a = Action::make(K::ToggleMark, mark_at(s.cursor));
            // Enter answers only once this screen has been worked on (a mark
            // set or the cursor moved), never straight after it opens.
            bool touched = s.cursor >= 0;
            for (bool m : s.marks) touched = touched || m;
            if (ui::pressed(ui::Key::Enter) && touched) a = Action::make(K::Submit);
            int c = moved_cursor(s.cursor, n);
            if (c != s.cursor && a.kind == K::None) a = Action::make(K::MoveCursor, c);
            break;
        }
    }
    return a;
}
}  // namespace

void draw_progress(const State& s, const Words& w, bool answered) {
    // The remaining steps follow the shortest way to an ending, which grows when
    // a choice leads the long way round: "Step 4 / 10" after "Step 3 / 11" read as
    // a mistake. So the label counts what is sure (this step, at least N more)
    // and the bar keeps its furthest point.
    // On feedback the session has already moved to the next scene: the step
    // answered is the one before it, and that next scene is still to come.
    auto [step, total] = s.session->progress();
    if (answered) --step;
    const int more = total - step;
    std::string text = std::string(w("Stap ", "Step ")) + std::to_string(step);
    if (answered) text += w(" beantwoord", " answered");
    if (more <= 0) text += w(" \xC2\xB7 de laatste", " \xC2\xB7 the last");
    else text += std::string(w(" \xC2\xB7 nog minstens ", " \xC2\xB7 at least ")) + std::to_string(more) +
                 w.plural(static_cast<unsigned long>(more), " stap", " stappen", " more step", " more steps");
    ui::progress(std::max(s.progress_high, progress_share(*s.session)), text);
}

void draw_scene_header(const State& s, const Words& w) {
    const Session& ses = *s.session;
    const Module& m = ses.module();
    const Scene& sc = ses.scene();
    draw_progress(s, w, false);
    ui::muted(ui::T(s, m.title));
    if (!sc.role.empty())
        if (const Labelled* r = m.find_role(sc.role)) ui::field(w("Jij bent:", "You are:"), ui::T(s, r->label));
    if (!sc.heading.empty()) ui::heading(ui::T(s, sc.heading));
    if (s.image.texture) {
        // Fit the picture to the reading column and to at most a third of the window height.
        float wmax = ImGui::GetContentRegionAvail().x, hmax = ImGui::GetIO().DisplaySize.y * 0.33f;
        float k = std::min(wmax / static_cast<float>(s.image.width), hmax / static_cast<float>(s.image.height));
        k = std::min(k, std::max(1.0f, s.font_px / 18.0f));  // small pictures grow with the text, no further
        ImGui::Image(reinterpret_cast<ImTextureID>(s.image.texture),
                     ImVec2(static_cast<float>(s.image.width) * k, static_cast<float>(s.image.height) * k));
    }
    ImGui::Spacing();
    for (const Text* t : ses.visible_texts()) {
        ui::paragraphs(ui::T(s, *t));
        ImGui::Spacing();
    }
}

namespace {
// At large text sizes a long story pushes the question below the window's edge,
// and nothing but the scroll bar said there was more. While the question's
// first lines are out of sight, a strip along the bottom says where it is and
// how to get there. Not clickable: an option could lie under it.
void question_below(const Words& w, float question_y) {
    const ImVec2 wp = ImGui::GetWindowPos();
    const float bottom = wp.y + ImGui::GetWindowHeight();
    if (question_y + ImGui::GetTextLineHeightWithSpacing() * 2 <= bottom) return;
    const std::string t = w("De vraag staat verderop: druk op de pijl omlaag of op PageDown.",
                            "The question is further down: press the Down arrow or PageDown.");
    const float pad = ImGui::GetFontSize() * 0.4f;
    const float x0 = wp.x + ImGui::GetWindowContentRegionMin().x, x1 = wp.x + ImGui::GetWindowContentRegionMax().x;
    const float h = ImGui::CalcTextSize(t.c_str(), nullptr, false, x1 - x0 - 2 * pad).y + 2 * pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(x0, bottom - h - pad), b(x1, bottom - pad);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_Button), ImGui::GetStyle().FrameRounding);
    dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border), ImGui::GetStyle().FrameRounding, 0,
                std::max(1.0f, ImGui::GetStyle().FrameBorderSize));
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + pad, a.y + pad), ImGui::GetColorU32(ImGuiCol_Text), t.c_str(),
                nullptr, x1 - x0 - 2 * pad);
}
}  // namespace

Action draw_scene(const State& s, const Words& w) {
    draw_scene_header(s, w);
    const float question_y = ImGui::GetCursorScreenPos().y;
    Action a = draw_question(s, w);
    if (s.session->scene().is_question()) question_below(w, question_y);
    if (ui::pressed(ui::Key::Escape)) a = Action::make(K::Leave);
    return a;
}

}  // namespace signaal::app
