// `signaal`: the window player. `signaal --text` (or no display) plays in the
// terminal with exactly the terminal player's options and behaviour.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "catalogue.h"
#include "text_player.h"
#include "window.h"
#include "platform.h"

namespace {

// CLI::ExistingFile/ExistingDirectory, for UTF-8 names: CLI11 2.1 makes a path
// of the narrow string, which Windows reads in the ANSI code page ("Zoë" fails).
CLI::Validator existing(bool folder) {
    return CLI::Validator(
        [folder](std::string& name) -> std::string {
            auto kind = signaal::platform::path_kind(name);
            if (kind == (folder ? signaal::platform::PathKind::folder : signaal::platform::PathKind::file)) return "";
            return (folder ? "Directory does not exist: " : "File does not exist: ") + name;
        },
        folder ? "DIR" : "FILE");
}

// Without a module the terminal player lists the catalogue to choose from.
int text_fallback(const signaal::TextOptions& o) {
    return signaal::run_text_player(o, std::cin, std::cout, std::cerr, signaal::platform::stdin_is_terminal());
}
}  // namespace

int main(int argc, char** argv) {
    signaal::platform::Args args(argc, argv);  // UTF-8 arguments and console on every OS
    signaal::app::WindowOptions o;
    bool text = false;
    CLI::App app{"Signaal: scenario training player (window; --text for the terminal)"};
    app.add_flag("--text", text, "Play in the terminal instead of a window");
    app.add_option("module", o.text.module, "Module file or module id (the window opens it at once)");
    signaal::add_text_options(app, o.text);
    app.add_option("--watch", o.watch, "Author mode: play this module file and reload it whenever it changes")->check(existing(false));
    app.add_option("--class", o.class_module, "Classroom mode: present this module (file or module id) to a class (docs/gui.md)");
    auto* trainer = app.add_option("--trainer", o.trainer_dirs, "Trainer view: the report on these record folders (default: the records folder)")
                        ->expected(0, -1);
    app.add_option("--script", o.script, "Drive the window from a script of key presses (docs/gui.md)")->check(existing(false));
    app.add_option("--screenshot-dir", o.screenshot_dir, "Folder for the script's screenshots")->check(existing(true));
    app.add_option("--settings", o.settings_path, "Settings file (default: " + signaal::default_settings_path() + ")");
    app.add_option("--font-step", o.font_step, "Text size for this run, 0 (small) to 5 (largest)")->check(CLI::Range(0, 5));
    app.add_option("--theme", o.theme, "Colours for this run")->check(CLI::IsMember({"light", "dark", "high-contrast"}));
    app.add_option("--phone-bind", o.phone_bind, "Classroom mode: the IPv4 address phone voting listens on (default 0.0.0.0, every interface)");
    app.add_option("--phone-port", o.phone_port, "Classroom mode: the first port phone voting tries (default 8700; 0: any free port)")->check(CLI::Range(0, 65535));
    app.add_flag("--first-frame-time", o.first_frame_time, "Print the time from start to the first frame on stderr");
    CLI11_PARSE(app, args.argc(), args.argv());
    o.lang_given = app.count("--lang") > 0;
    o.trainer = trainer->count() > 0;

    if (text) return signaal::run_text_player(o.text, std::cin, std::cout, std::cerr, signaal::platform::stdin_is_terminal());
    if (!signaal::platform::display_available()) {
        std::cerr << "signaal: no display (DISPLAY and WAYLAND_DISPLAY are unset); playing in the terminal.\n";
        return text_fallback(o.text);
    }
    int rc = signaal::app::run_window(o);
    if (rc == signaal::app::kNoWindow) {
        std::cerr << "signaal: cannot open a window (no usable display or OpenGL 3.3); playing in the terminal.\n";
        return text_fallback(o.text);
    }
    return rc;
}
