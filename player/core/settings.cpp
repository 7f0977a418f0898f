#include "settings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "file_read.h"
#include "input_limits.h"
#include "text_format.h"
#include "records.h"
#include "platform.h"

namespace signaal {

using json = nlohmann::json;

const char* theme_name(Theme t) {
    switch (t) {
        case Theme::Dark: return "dark";
        case Theme::HighContrast: return "high-contrast";
        case Theme::Light: break;
    }
    return "light";
}

namespace {
template <class T>
void take(const json& j, const char* key, T& out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    try {
        out = it->get<T>();
    } catch (const json::exception&) {
        // A wrong type keeps the default: settings are a convenience, not data.
    }
}
}  // namespace

Settings load_settings(const std::string& path) {
    Settings s;
    // A settings file past its bound is ignored like a broken one: defaults.
    FileText f = read_file_limited(path, kMaxSettingsBytes, "a settings file");
    if (!f.ok) return s;
    json j = json::parse(f.text, nullptr, false);
    if (!j.is_object()) return s;
    take(j, "language", s.language);
    if (!valid_language_tag(s.language)) s.language = "nl";
    take(j, "name", s.name);
    take(j, "venue", s.venue);
    take(j, "role", s.role);
    take(j, "font_step", s.font_step);
    s.font_step = std::clamp(s.font_step, 0, kFontSteps - 1);
    std::string theme;
    take(j, "theme", theme);
    if (theme == "dark") s.theme = Theme::Dark;
    if (theme == "high-contrast") s.theme = Theme::HighContrast;
    take(j, "window_width", s.window_width);
    take(j, "window_height", s.window_height);
    take(j, "ui_scale", s.ui_scale);
    if (s.window_width < 0 || s.window_width > 20000) s.window_width = 0;
    if (s.window_height < 0 || s.window_height > 20000) s.window_height = 0;
    if (!(s.ui_scale >= 0 && s.ui_scale <= 8)) s.ui_scale = 0;
    take(j, "read_aloud", s.read_aloud);
    take(j, "read_auto", s.read_auto);
    take(j, "speech_rate", s.speech_rate);
    s.speech_rate = std::clamp(s.speech_rate, 0, 2);
    take(j, "class_swap_screens", s.class_swap_screens);
    return s;
}

std::optional<std::string> save_settings(const std::string& path, const Settings& s) {
    json j = {{"language", s.language},        {"name", s.name},
              {"venue", s.venue},              {"role", s.role},
              {"font_step", s.font_step},      {"theme", theme_name(s.theme)},
              {"window_width", s.window_width}, {"window_height", s.window_height},
              {"ui_scale", s.ui_scale},         {"read_aloud", s.read_aloud},
              {"read_auto", s.read_auto},       {"speech_rate", s.speech_rate},
              {"class_swap_screens", s.class_swap_screens}};
    std::error_code ec;
    std::filesystem::create_directories(platform::to_path(path).parent_path(), ec);
    return write_file_atomic(path, j.dump(2) + "\n");
}

}  // namespace signaal
