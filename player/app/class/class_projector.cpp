// The projector view: what the whole class reads from the back of the room.
// Very large text (the projector font, Fonts[1]), the high-contrast colours,
// and never points or scores: only the story, the options, the hands counted
// and the feedback.
#include <imgui.h>

#include <algorithm>

#include "class_phones.h"
#include "class_screens.h"
#include "ui.h"

namespace signaal::app {

namespace {
bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// The highlight passage as one flowing text in which each phrase carries its
// number, so the class can say "number 3" when they raise hands.
void passage(const State& s, const Scene& sc) {
    auto it = sc.passage.find(s.settings.language);
    if (it == sc.passage.end()) it = sc.passage.find(s.klass.module->fallback_language());
    if (it == sc.passage.end()) return;
    // Phrases with nothing between them are all in the options table already.
    bool context = false;
    for (const auto& run : it->second)
        if (run.ref.empty() && run.text.find_first_not_of(" \n") != std::string::npos) context = true;
    if (!context) return;
    std::string text;
    for (const auto& run : it->second) {
        if (run.ref.empty()) {
            text += run.text;
            continue;
        }
        int n = 0;
        for (size_t i = 0; i < sc.marks.size(); ++i)
            if (sc.marks[i].id == run.ref) n = static_cast<int>(i) + 1;
        text += "[" + std::to_string(n) + "] " + run.text;
    }
    ui::wrapped(text);
}

// The options as a table: number, label, hands. The selected option (the
// teacher's cursor) is outlined; what the class went with is filled.
void options(const State& s, const Words& w, const Shown& sh) {
    if (sh.options.empty()) return;
    const ImU32 chosen_bg = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    const ImU32 cursor_bg = ImGui::GetColorU32(ImGuiCol_FrameBgHovered);
    // With phone voting on, the class sees how many voted, not the running counts (no bandwagon).
    const bool votes = !sh.preview && !(phones_on_question(s) && !sh.feedback);
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##options", votes ? 3 : 2, flags)) return;
    ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("99").x);
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch);
    if (votes) ImGui::TableSetupColumn("votes", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(" 999 ").x);
    for (size_t i = 0; i < sh.options.size(); ++i) {
        const ShownOption& o = sh.options[i];
        ImGui::TableNextRow();
        const bool picked = contains(sh.chosen, o.id);
        const bool cursor = !sh.feedback && !sh.preview && static_cast<int>(i) == s.klass.cursor;
        if (picked) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, chosen_bg);
        else if (cursor) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, cursor_bg);
        const bool teacher_mark = !sh.feedback && i < s.klass.teacher_marks.size() && s.klass.teacher_marks[i];
        ImGui::TableNextColumn();
        ImGui::Text("%zu", i + 1);
        ImGui::TableNextColumn();
        ui::say(std::to_string(i + 1) + ". " + o.label);  // read aloud with its number, as the two columns show it
        {
            const ui::Quiet quiet;  // said above; the teacher's mark is for the teacher
            ui::wrapped(teacher_mark ? "\xE2\x80\xA2 " + o.label : o.label);
        }
        if (votes) {
            ImGui::TableNextColumn();
            auto it = sh.votes.find(o.id);
            const bool typing = cursor && s.klass.entering;
            const std::string n = typing ? s.klass.typed + "_" : std::to_string(it == sh.votes.end() ? 0 : it->second);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(n.c_str()).x);
            ImGui::TextUnformatted(n.c_str());
        }
    }
    ImGui::EndTable();
    if (!votes || sh.feedback) return;
    const int size = s.klass.record.class_size;
    const HandCount h = count_hands(*sh.scene, sh.votes, size);
    std::string line = w("Rechts: aantal handen.", "Right: hands raised.");
    if (size > 0 && sh.scene->kind == Interaction::Choices)
        line += std::string(w(" Samen ", " Together ")) + std::to_string(h.hands) + w(" van ", " of ") + std::to_string(size) + w(" leerlingen.", " pupils.");
    ui::muted(line);
}

void feedback(const State& s, const Words& w, const Shown& sh) {
    const ClassState& c = s.klass;
    if (!sh.feedback || !c.outcome) return;
    ImGui::Spacing();
    ImGui::Separator();
    // One voice: who settled it is said once, in the heading, never "the teacher chose differently" and then "the class chose".
    using By = ClassState::DecidedBy;
    if (c.decided_by == By::Teacher) ui::muted(w("De meerderheid van de klas koos iets anders.", "Most of the class chose something else."));
    if (c.decided_by == By::TieBreak) ui::muted(w("De stemmen staakten.", "The vote was a tie."));
    if (sh.scene->kind == Interaction::Choices) {
        const char* who = c.decided_by == By::Class ? w("De klas koos: ", "The class chose: ") : w("De docent koos: ", "The teacher chose: ");
        for (const auto& o : sh.options)
            if (contains(sh.chosen, o.id)) {
                ui::heading(std::string(who) + o.label);
                ui::paragraphs(o.feedback);
            }
        return;
    }
    ui::heading(c.decided_by == By::Class ? w("Wat de klas markeerde", "What the class marked") : w("Wat de docent markeerde", "What the teacher marked"));
    for (size_t i = 0; i < sh.options.size(); ++i) {
        auto v_it = std::find_if(c.outcome->marks.begin(), c.outcome->marks.end(), [&](const MarkVerdict& m) { return m.id == sh.options[i].id; });
        if (v_it == c.outcome->marks.end()) continue;
        const MarkVerdict& v = *v_it;
        if (!v.selected && !sh.options[i].correct) continue;
        const std::string line = std::to_string(i + 1) + ". " + sh.options[i].label;
        if (v.selected && v.correct) ui::text_good(line + w("  \xE2\x80\x93 terecht", "  \xE2\x80\x93 right"));
        else if (v.selected) ui::text_bad(line + w("  \xE2\x80\x93 niet verdacht", "  \xE2\x80\x93 not suspicious"));
        else ui::text_bad(line + w("  \xE2\x80\x93 gemist", "  \xE2\x80\x93 missed"));
        ui::paragraphs(sh.options[i].feedback);
    }
}

void reveal(const State& s, const Words& w, const Shown& sh) {
    ImGui::Spacing();
    ImGui::Separator();
    // R brings what it reveals into view: below the fold nothing would seem to change.
    static int seen = 0;
    if (seen != s.klass.reveal_generation) {
        seen = s.klass.reveal_generation;
        ImGui::SetScrollHereY(0.0f);
    }
    ui::heading(w("Wat elke optie oplevert", "What each option leads to"));
    for (size_t i = 0; i < sh.options.size(); ++i) {
        ui::wrapped(std::to_string(i + 1) + ". " + sh.options[i].label);
        ImGui::Indent();
        ui::paragraphs(sh.options[i].feedback);
        ImGui::Unindent();
        ImGui::Spacing();
    }
}
}  // namespace

void draw_projector(const State& s, const Words& w) {
    const ClassState& c = s.klass;
    if (c.support != ClassState::Support::None) {
        draw_class_support(s, w);
        return;
    }
    if (c.slide >= 0) {
        const size_t points = c.module->debrief.size();
        if (static_cast<size_t>(c.slide) < points) draw_debrief_slide(s, w, c.slide);
        else if (static_cast<size_t>(c.slide) == points) draw_partner_diagram(s, w);
        else draw_class_choices(s, w);
        return;
    }
    const Shown sh = shown(s);
    if (!sh.scene) return;
    const Scene& sc = *sh.scene;
    if (sh.preview) ui::muted(w("Voorbeeld \xE2\x80\x93 de klassessie blijft waar ze was (Esc of PageDown: terug)",
                                "Preview \xE2\x80\x93 the class session stays where it was (Esc or PageDown: back)"));
    if (sc.is_question() && !sh.feedback && !sh.preview) draw_phone_join(s, w);
    if (!ctext(s, sc.heading).empty()) ui::heading(ctext(s, sc.heading));
    if (!sc.role.empty())
        if (const Labelled* r = c.module->find_role(sc.role)) ui::muted(ctext(s, r->label));
    if (s.image.texture && !sh.preview && !sh.feedback) {
        const float h = std::min(ImGui::GetContentRegionAvail().y * 0.35f, static_cast<float>(s.image.height));
        const float wd = h * static_cast<float>(s.image.width) / std::max(1.0f, static_cast<float>(s.image.height));
        ImGui::Image(reinterpret_cast<ImTextureID>(s.image.texture), ImVec2(wd, h));
    }
    // With the feedback showing, the story was read already: the options and
    // the feedback move up so the class sees them without scrolling (Home: all of it again).
    const bool compact = sh.feedback && !c.full;
    for (const Text* t : sh.texts) {
        if (compact) break;
        ui::paragraphs(ctext(s, *t));
        ImGui::Spacing();
    }
    if (sc.is_question()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotLinesHovered));
        ui::wrapped(ctext(s, sc.prompt));
        ImGui::PopStyleColor();
        if (sc.kind == Interaction::Highlight && !compact) passage(s, sc);
        ImGui::Spacing();
        options(s, w, sh);
        if (!sh.feedback && !sh.preview) draw_phone_chart(s, w);
        if (!c.projector_message.empty() && !sh.feedback && !sh.preview) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotLinesHovered));
            ui::wrapped(c.projector_message);
            ImGui::PopStyleColor();
        }
        feedback(s, w, sh);
        if (c.reveal) reveal(s, w, sh);
    } else if (sc.kind == Interaction::Ending && !sh.preview) {
        ImGui::Spacing();
        ui::muted(w("Einde van de casus. PageDown: nabespreking.", "End of the case. PageDown: debrief."));
    }
}

}  // namespace signaal::app
