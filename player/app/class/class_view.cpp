// Classroom mode's layout: the projector view fills the window (full screen
// with F11); with one screen the presenter panel (P) takes the right part of
// the same window when the teacher wants it. With two screens the presenter
// view has a window of its own on the laptop (draw_presenter_view,
// presenter_window.h) and the projector window never draws the panel.
#ifndef GLFW_INCLUDE_NONE
#define GLFW_INCLUDE_NONE
#endif
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

#include "class_screens.h"
#include "ui.h"

namespace signaal::app {

namespace {
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// Dark blue, not the projector's black: the teacher sees at a glance where the class's view ends.
const ImVec4 kPanelColour(0.05f, 0.08f, 0.20f, 1);

ImFont* projector_font() {
    ImGuiIO& io = ImGui::GetIO();
    return io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : io.Fonts->Fonts[0];
}
}  // namespace

ClassAction draw_class(const State& s, const Words& w) {
    using CK = ClassAction::Kind;
    const ClassState& c = s.klass;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const bool setup = s.screen == Screen::ClassSetup;
    const bool panel = !setup && (c.panel || c.list) && !c.screens.two_windows;
    const float panel_w = panel ? std::clamp(vp->Size.x * 0.38f, std::min(vp->Size.x * 0.5f, s.font_px * 20), s.font_px * 40) : 0;
    ClassAction a = class_keys(s);

    // Projector.
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x - panel_w, vp->Size.y));
    ImGui::PushFont(projector_font());
    const float px = ImGui::GetFontSize();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px * 0.9f, px * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px * 0.4f, px * 0.25f));
    if (c.blank) ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 1));
    ImGui::Begin("##projector", nullptr, kFixed | (setup ? 0 : ImGuiWindowFlags_NoNavInputs));
    static int seen_generation = -1;  // scroll to the top when the projector shows something new
    if (seen_generation != c.generation) {
        ImGui::SetScrollY(0);
        seen_generation = c.generation;
    }
    if (setup) {
        if (ClassAction f = draw_class_setup(s, w); f.kind != CK::None) a = f;
    } else if (!c.blank) {
        if (c.timer_running) {  // the class sees the discussion time running, on a line of its own above the story
            const std::string t = (c.time_up() ? std::string(w("Tijd! ", "Time! ")) : std::string()) + clock_text(c.timer_shown());
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(t.c_str()).x);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(c.time_up() ? ImGuiCol_PlotLines : ImGuiCol_NavHighlight));
            ImGui::TextUnformatted(t.c_str());
            ImGui::PopStyleColor();
        }
        draw_projector(s, w);
        if (!s.speech_problem.empty()) {  // read aloud (F3) could not speak: say why, not silence
            const ui::Quiet quiet;
            ui::text_bad(s.speech_problem.in(s.settings.language));
        }
    }
    // The clicker's PageDown first scrolls a scene longer than the screen, then goes on.
    if (!setup && a.kind == CK::None && !ImGui::GetIO().WantTextInput && !c.entering && !c.list &&
        ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN, false)) {
        // Less than a line left below is padding, not text: a PageDown spent on it looks like a dead clicker.
        if (!c.blank && ImGui::GetScrollY() < ImGui::GetScrollMaxY() - px)
            ImGui::SetScrollY(std::min(ImGui::GetScrollMaxY(), ImGui::GetScrollY() + ImGui::GetWindowHeight() * 0.8f));
        else
            a = ClassAction::make(CK::Next);
    }
    ImGui::End();
    if (c.blank) ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::PopFont();

    // Presenter panel.
    if (panel) {
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - panel_w, vp->Pos.y));
        ImGui::SetNextWindowSize(ImVec2(panel_w, vp->Size.y));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, kPanelColour);
        ImGui::Begin("##presenter", nullptr, kFixed | ImGuiWindowFlags_NoNavInputs);
        ImGui::GetWindowDrawList()->AddLine(ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x, ImGui::GetWindowPos().y + vp->Size.y),
                                            ImGui::GetColorU32(ImGuiCol_Text), 2.0f);
        const ui::Quiet quiet;  // the teacher's notes and points are never read aloud
        if (ClassAction p = draw_presenter(s, w); p.kind != CK::None) a = p;
        ImGui::End();
        ImGui::PopStyleColor();
    }
    return a;
}

ClassAction draw_presenter_view(const State& s, const Words& w) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kPanelColour);
    ImGui::Begin("##presenter-view", nullptr, kFixed | ImGuiWindowFlags_NoNavInputs);
    if (!s.klass.screens.projector.empty())
        ui::muted(std::string(w("Projectie op ", "Projector view on ")) + s.klass.screens.projector +
                  w(" \xC2\xB7 F9 wisselt de schermen", " \xC2\xB7 F9 swaps the screens"));
    const ui::Quiet quiet;  // the teacher's notes and points are never read aloud
    const ClassAction a = draw_presenter(s, w);
    ImGui::End();
    ImGui::PopStyleColor();
    return a;
}

}  // namespace signaal::app
