// The window shell: GLFW + OpenGL + Dear ImGui around the screens and the
// controller. It owns the frame loop, which idles (waits for events) whenever
// nothing changes.
#pragma once
#include <chrono>
#include <string>
#include <vector>

#include "text_player.h"

namespace signaal::app {

struct WindowOptions {
    TextOptions text;          // module, trainee, records, content, --new, --lang
    bool lang_given = false;   // --lang overrides the remembered language
    std::string watch;         // --watch MODULE
    std::string class_module;  // --class MODULE: classroom mode (file or module id)
    bool trainer = false;      // --trainer [DIR...]: the trainer view
    std::vector<std::string> trainer_dirs;  // empty: the records folder
    std::string script;        // --script FILE
    std::string screenshot_dir = ".";
    std::string settings_path; // default: default_settings_path()
    int font_step = -1;        // --font-step: override for this run
    std::string theme;         // --theme: override for this run
    bool first_frame_time = false;
    std::string phone_bind = "0.0.0.0";  // --phone-bind: where classroom mode's phone voting listens
    int phone_port = 8700;               // --phone-port (0: any free port)
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// Returned when no window could be opened (no display, no OpenGL 3.3): the
// caller falls back to the terminal player.
inline constexpr int kNoWindow = -1;

int run_window(const WindowOptions& o);

}  // namespace signaal::app
