#include "presenter_window.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <iostream>

#include "screenshot.h"

namespace signaal::app {

ScreenPlan plan_screens(bool swap) {
    ScreenPlan p;
    GLFWmonitor** all = glfwGetMonitors(&p.count);
    GLFWmonitor* primary = glfwGetPrimaryMonitor();
    if (p.count < 2 || !all || !primary) return p;
    GLFWmonitor* other = nullptr;
    for (int i = 0; i < p.count && !other; ++i)
        if (all[i] != primary) other = all[i];
    if (!other) return p;
    p.presenter = swap ? other : primary;
    p.projector = swap ? primary : other;
    return p;
}

std::string monitor_label(GLFWmonitor* m) {
    if (!m) return "";
    const char* name = glfwGetMonitorName(m);
    std::string out = name ? name : "?";
    if (const GLFWvidmode* v = glfwGetVideoMode(m))
        out += " (" + std::to_string(v->width) + "\xC3\x97" + std::to_string(v->height) + ")";
    return out;
}

void present_window(GLFWwindow* win, const std::string& shot) {
    ImGui::Render();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(win, &fw, &fh);
    glViewport(0, 0, fw, fh);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!shot.empty()) {
        std::string err = save_screenshot(shot, fw, fh);
        if (!err.empty()) std::cerr << "signaal: screenshot: " << err << "\n";
    }
    glfwSwapBuffers(win);
}

namespace {
// Runs one of the backend's callbacks with `ctx` current, as if that context's
// window were the only one.
template <class F>
void with_context(ImGuiContext* ctx, F f) {
    ImGuiContext* prev = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(ctx);
    f();
    ImGui::SetCurrentContext(prev);
}
}  // namespace

bool PresenterWindow::open(GLFWwindow* main, GLFWmonitor* monitor, const std::function<void()>& style) {
    close();
    int x = 0, y = 0, w = 1280, h = 800;
    glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once it stands on its monitor
    win_ = glfwCreateWindow(w, h, "Signaal \xE2\x80\x93 presenter", nullptr, main);  // shares the GL objects
    glfwWindowHint(GLFW_VISIBLE, GLFW_TRUE);
    if (!win_) return false;
    main_ = main;
    main_ctx_ = ImGui::GetCurrentContext();
    glfwSetWindowUserPointer(win_, this);
    glfwSetWindowPos(win_, x, y);
    glfwShowWindow(win_);

    glfwMakeContextCurrent(win_);
    glfwSwapInterval(0);  // the main window's swap already waits for the display
    ctx_ = ImGui::CreateContext(ImGui::GetIO().Fonts);  // one atlas: the fonts are built once
    ImGui::SetCurrentContext(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // no frames while idle
    // No keyboard navigation: the keys are the session's (forwarded to the main context).
    ImGui_ImplGlfw_InitForOpenGL(win_, false);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    // The OpenGL backend's first frame uploads the atlas again and points it at
    // its own texture; both live in the shared GL objects, so either serves.
    style();
    install_callbacks();
    ImGui::SetCurrentContext(main_ctx_);
    glfwMakeContextCurrent(main_);
    event_ = true;
    return true;
}

void PresenterWindow::close() {
    if (!win_) return;
    glfwMakeContextCurrent(win_);
    ImGui::SetCurrentContext(ctx_);
    ImGui_ImplOpenGL3_Shutdown();  // also deletes its font texture and clears the shared atlas's id
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(ctx_);  // the atlas is the main context's and stays
    glfwDestroyWindow(win_);
    win_ = nullptr;
    ctx_ = nullptr;
    glfwMakeContextCurrent(main_);
    ImGui::SetCurrentContext(main_ctx_);
    // The main context's texture may be the one just deleted: upload the atlas again.
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void PresenterWindow::move_to(GLFWmonitor* monitor) {
    if (!win_ || !monitor) return;
    int x = 0, y = 0, w = 1280, h = 800;
    glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
    glfwSetWindowMonitor(win_, nullptr, x, y, w, h, GLFW_DONT_CARE);
    event_ = true;
}

void PresenterWindow::in_context(const std::function<void()>& f) {
    if (win_) with_context(ctx_, f);
}

void PresenterWindow::begin() {
    glfwMakeContextCurrent(win_);
    ImGui::SetCurrentContext(ctx_);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void PresenterWindow::end(const std::string& shot) {
    present_window(win_, shot);
    ImGui::SetCurrentContext(main_ctx_);
    glfwMakeContextCurrent(main_);
}

void PresenterWindow::key(int key, int action, int mods) {
    if (!win_) return;
    event_ = true;
    bool typing = false;
    with_context(ctx_, [&] {
        typing = ImGui::GetIO().WantTextInput;
        ImGui_ImplGlfw_KeyCallback(win_, key, 0, action, mods);
    });
    // The session's keys (class_keys) are read in the main context: the teacher
    // at the laptop uses the same keys as at the projector. Not while a number
    // field here has the keyboard (its digits are not option numbers); a release
    // always goes, so no key stays down there.
    if (typing && action != GLFW_RELEASE) return;
    with_context(main_ctx_, [&] {
        ImGui::GetIO().AddFocusEvent(true);  // the main window lost the focus to this one: not a reason to drop the key
        ImGui_ImplGlfw_KeyCallback(main_, key, 0, action, mods);
    });
}

void PresenterWindow::character(unsigned int c) {
    if (!win_) return;
    event_ = true;
    with_context(ctx_, [&] { ImGui_ImplGlfw_CharCallback(win_, c); });
}

void PresenterWindow::install_callbacks() {
    glfwSetKeyCallback(win_, [](GLFWwindow* w, int k, int, int action, int mods) { of(w)->key(k, action, mods); });
    glfwSetCharCallback(win_, [](GLFWwindow* w, unsigned int c) { of(w)->character(c); });
    glfwSetMouseButtonCallback(win_, [](GLFWwindow* w, int b, int action, int mods) {
        of(w)->event_ = true;
        with_context(of(w)->ctx_, [&] { ImGui_ImplGlfw_MouseButtonCallback(w, b, action, mods); });
    });
    glfwSetScrollCallback(win_, [](GLFWwindow* w, double x, double y) {
        of(w)->event_ = true;
        with_context(of(w)->ctx_, [&] { ImGui_ImplGlfw_ScrollCallback(w, x, y); });
    });
    glfwSetWindowFocusCallback(win_, [](GLFWwindow* w, int focused) {
        of(w)->event_ = true;
        with_context(of(w)->ctx_, [&] { ImGui_ImplGlfw_WindowFocusCallback(w, focused); });
    });
    glfwSetCursorEnterCallback(win_, [](GLFWwindow* w, int entered) {
        of(w)->event_ = true;
        with_context(of(w)->ctx_, [&] { ImGui_ImplGlfw_CursorEnterCallback(w, entered); });
    });
    // The backend reads the cursor position itself each frame; these only ask for frames.
    glfwSetCursorPosCallback(win_, [](GLFWwindow* w, double, double) { of(w)->event_ = true; });
    glfwSetFramebufferSizeCallback(win_, [](GLFWwindow* w, int, int) { of(w)->event_ = true; });
    glfwSetWindowRefreshCallback(win_, [](GLFWwindow* w) { of(w)->event_ = true; });
}

}  // namespace signaal::app
