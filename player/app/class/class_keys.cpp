// Classroom mode's keyboard: a presentation clicker sends PageDown / PageUp
// (and often B or . to blank), so those carry the whole lesson; every other
// action has a key too, because a teacher at a projector rarely has a mouse.
#ifndef GLFW_INCLUDE_NONE
#define GLFW_INCLUDE_NONE
#endif
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "class_screens.h"

namespace signaal::app {

namespace {
using CK = ClassAction::Kind;
bool key(int k, bool repeat = false) { return ImGui::IsKeyPressed(k, repeat); }
int digit(bool with_zero) {
    for (int d = with_zero ? 0 : 1; d <= 9; ++d)
        if (key(GLFW_KEY_0 + d) || key(GLFW_KEY_KP_0 + d)) return d;
    return -1;
}
bool enter() { return key(GLFW_KEY_ENTER) || key(GLFW_KEY_KP_ENTER); }
}  // namespace

ClassAction class_keys(const State& s) {
    using A = ClassAction;
    const ImGuiIO& io = ImGui::GetIO();
    // F11 works everywhere, also while the class name field has the keyboard.
    if (key(GLFW_KEY_F11)) return A::make(CK::Fullscreen);
    if (key(GLFW_KEY_F9)) return A::make(CK::SwapScreens);  // teachers' set-ups differ: which monitor is the projector
    if (s.screen == Screen::ClassSetup && s.klass.resumable && key(GLFW_KEY_F5)) return A::make(CK::Resume);
    if (io.WantTextInput) return {};  // typing a name or a number in a field
    const ClassState& c = s.klass;
    if (s.screen == Screen::ClassSetup) {
        if (enter()) return A::make(CK::Begin);
        if (key(GLFW_KEY_ESCAPE)) return A::make(CK::Leave);
        return {};
    }
    if (c.entering) {  // N: the digits type the selected option's hands
        if (int d = digit(true); d >= 0) return A::make(CK::EntryDigit, d);
        if (key(GLFW_KEY_BACKSPACE, true)) return A::make(CK::EntryErase);
        if (enter()) return A::make(CK::EntryDone);
        if (key(GLFW_KEY_ESCAPE)) return A::make(CK::EntryCancel);
        return {};
    }
    if (c.list) {
        if (key(GLFW_KEY_UP, true)) return A::make(CK::ListCursor, c.list_cursor - 1);
        if (key(GLFW_KEY_DOWN, true)) return A::make(CK::ListCursor, c.list_cursor + 1);
        if (enter()) return A::make(CK::Preview, c.list_cursor);
        if (key(GLFW_KEY_ESCAPE) || key(GLFW_KEY_L)) return A::make(CK::ToggleList);
        return {};
    }
    if (key(GLFW_KEY_B) || key(GLFW_KEY_PERIOD)) return A::make(CK::ToggleBlank);
    if (key(GLFW_KEY_P)) return A::make(CK::TogglePanel);
    if (key(GLFW_KEY_T)) return A::make(io.KeyShift ? CK::TimerReset : CK::TimerToggle);
    if (key(GLFW_KEY_C)) return A::make(CK::Countdown);
    if (key(GLFW_KEY_F1)) return A::make(CK::ToggleSupport);
    if (c.support == ClassState::Support::Asked && key(GLFW_KEY_ESCAPE)) return A::make(CK::ToggleSupport);
    if (key(GLFW_KEY_L)) return A::make(CK::ToggleList);
    if (key(GLFW_KEY_V)) return A::make(CK::TogglePhones);
    if (key(GLFW_KEY_ESCAPE)) return A::make(c.preview >= 0 ? CK::EndPreview : CK::Leave);
    // PageDown is read by class_view.cpp: it first scrolls a long scene.
    if (enter() || key(GLFW_KEY_RIGHT)) return A::make(CK::Next);
    if (key(GLFW_KEY_PAGE_UP) || key(GLFW_KEY_LEFT)) return A::make(CK::Prev);
    if (key(GLFW_KEY_BACKSPACE)) return A::make(CK::Back);
    if (key(GLFW_KEY_R)) return A::make(CK::Reveal);
    if (key(GLFW_KEY_HOME)) return A::make(CK::Replay);
    if (key(GLFW_KEY_O)) return A::make(CK::Override);
    if (key(GLFW_KEY_N)) return A::make(CK::StartEntry);
    if (key(GLFW_KEY_UP, true)) return A::make(CK::Cursor, c.cursor - 1);
    if (key(GLFW_KEY_DOWN, true)) return A::make(CK::Cursor, c.cursor + 1);
    if (int d = digit(false); d > 0) return A::make(CK::Cursor, d - 1);
    // "+" is Shift+= on most layouts, so = counts as + too; the keypad has both.
    if (key(GLFW_KEY_EQUAL, true) || key(GLFW_KEY_KP_ADD, true)) return A::make(CK::AddVotes, 1);
    if (key(GLFW_KEY_MINUS, true) || key(GLFW_KEY_KP_SUBTRACT, true)) return A::make(CK::AddVotes, -1);
    if (key(GLFW_KEY_SPACE)) return A::make(CK::ToggleTeacherMark, c.cursor);
    return {};
}

}  // namespace signaal::app
