// What the window remembers on this computer between runs: the learner's
// language and details, and how the window looks. Kept in one small JSON file
// (default_settings_path()); a missing or unreadable file just means defaults,
// because losing a preference must never stop someone from training.
#pragma once
#include <optional>
#include <string>

namespace signaal {

enum class Theme { Light, Dark, HighContrast };

struct Settings {
    std::string language = "nl";  // also the interface language
    std::string name, venue, role;
    int font_step = 1;            // index into the window's font sizes (0 = small)
    Theme theme = Theme::Light;
    int window_width = 0, window_height = 0;  // 0: pick from the monitor
    float ui_scale = 0;           // 0: follow the monitor's content scale
    bool read_aloud = true;       // the read-aloud button and key (F3)
    bool read_auto = false;       // read each new screen aloud by itself
    int speech_rate = 1;          // 0 slower, 1 normal, 2 faster
    bool class_swap_screens = false;  // classroom mode on two screens: projector on the primary monitor (F9)
};

inline constexpr int kFontSteps = 6;  // small, normal, large, larger, very large, huge

const char* theme_name(Theme t);
// Reads `path`; anything missing or malformed keeps its default.
Settings load_settings(const std::string& path);
// Writes atomically (write_file_atomic); returns an error message on failure.
std::optional<std::string> save_settings(const std::string& path, const Settings& s);

}  // namespace signaal
