// Classroom mode on two screens (a laptop and a projector as an extended
// desktop, docs/gui.md): the presenter view gets a second GLFW window on the
// laptop while the main window shows the projector view full screen on the
// other monitor, as PowerPoint's presenter view does.
//
// Dear ImGui 1.86 has no multi-viewport, so the second window has a Dear ImGui
// context of its own that shares the main context's font atlas, and a GL
// context shared with the main window's (the atlas texture is one texture).
// The 1.86 GLFW backend's callbacks write into the *current* ImGui context, so
// this window's callbacks make its own context current around them; its key
// presses also go to the main context, where class_keys() reads them, so keys
// act on the session in either window (docs/architecture.md).
#pragma once
#include <functional>
#include <string>

#include "gl.h"

struct ImGuiContext;

namespace signaal::app {

// Which monitor shows what. With fewer than two monitors both are null: one
// window, the presenter panel toggled with P as before.
struct ScreenPlan {
    GLFWmonitor* projector = nullptr;
    GLFWmonitor* presenter = nullptr;
    int count = 0;  // monitors connected
    bool two() const { return projector && presenter; }
};
// The presenter view goes to the primary monitor (the laptop's own screen on
// an extended desktop), the projector view to the first other one; `swap`
// (F9, remembered in the settings) exchanges them.
ScreenPlan plan_screens(bool swap);
std::string monitor_label(GLFWmonitor* m);  // "DP-1 (1920×1080)"

// Renders the current ImGui context's frame into `win` (its GL context
// current), saves it as a PNG when `shot` is a path, and swaps.
void present_window(GLFWwindow* win, const std::string& shot);

class PresenterWindow {
public:
    PresenterWindow() = default;
    PresenterWindow(const PresenterWindow&) = delete;
    PresenterWindow& operator=(const PresenterWindow&) = delete;
    ~PresenterWindow() { close(); }

    // Opens the window on `monitor`'s work area. `main` is the projector
    // window, whose GL context and (current) ImGui context's font atlas are
    // shared; `style` sets up the new context's colours and sizes.
    bool open(GLFWwindow* main, GLFWmonitor* monitor, const std::function<void()>& style);
    // Closes the window; the main window's context and font texture are current afterwards.
    void close();
    bool is_open() const { return win_ != nullptr; }
    GLFWwindow* window() const { return win_; }
    void move_to(GLFWmonitor* monitor);
    // Runs `f` with this window's ImGui context current (the theme after a change).
    void in_context(const std::function<void()>& f);

    // A frame: begin() makes this window's GL and ImGui contexts current and
    // starts an ImGui frame; end() renders it, takes `shot` (a path, or ""),
    // swaps and makes the main window's contexts current again.
    void begin();
    void end(const std::string& shot);

    // Input arrived in this window since the last call: render a few frames.
    bool take_event() {
        const bool e = event_;
        event_ = false;
        return e;
    }
    // What a key press or typed character in this window does; the script
    // runner uses it to press keys "in" the presenter window.
    void key(int key, int action, int mods = 0);
    void character(unsigned int c);

private:
    GLFWwindow* main_ = nullptr;
    GLFWwindow* win_ = nullptr;
    ImGuiContext* main_ctx_ = nullptr;
    ImGuiContext* ctx_ = nullptr;
    bool event_ = false;

    static PresenterWindow* of(GLFWwindow* w) { return static_cast<PresenterWindow*>(glfwGetWindowUserPointer(w)); }
    void install_callbacks();
};

}  // namespace signaal::app
