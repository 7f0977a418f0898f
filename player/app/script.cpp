#include "script.h"

#include <cctype>
#include <fstream>
#include <map>

#include "gl.h"
#include "platform.h"

namespace signaal::app {

namespace {
int key_code(std::string name) {
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const std::map<std::string, int> named = {
        {"enter", GLFW_KEY_ENTER},       {"return", GLFW_KEY_ENTER},     {"tab", GLFW_KEY_TAB},
        {"space", GLFW_KEY_SPACE},       {"escape", GLFW_KEY_ESCAPE},    {"esc", GLFW_KEY_ESCAPE},
        {"up", GLFW_KEY_UP},             {"down", GLFW_KEY_DOWN},        {"left", GLFW_KEY_LEFT},
        {"right", GLFW_KEY_RIGHT},       {"pageup", GLFW_KEY_PAGE_UP},   {"pagedown", GLFW_KEY_PAGE_DOWN},
        {"home", GLFW_KEY_HOME},         {"end", GLFW_KEY_END},          {"backspace", GLFW_KEY_BACKSPACE},
        {"delete", GLFW_KEY_DELETE},     {"shift", GLFW_KEY_LEFT_SHIFT}, {"ctrl", GLFW_KEY_LEFT_CONTROL},
        {"alt", GLFW_KEY_LEFT_ALT},      {"minus", GLFW_KEY_MINUS},      {"equal", GLFW_KEY_EQUAL},
        {"plus", GLFW_KEY_KP_ADD},       {"period", GLFW_KEY_PERIOD},
    };
    if (auto it = named.find(name); it != named.end()) return it->second;
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') return GLFW_KEY_0 + (name[0] - '0');
    if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return GLFW_KEY_A + (name[0] - 'a');
    if (name.size() >= 2 && name[0] == 'f') {
        int n = 0;
        for (size_t i = 1; i < name.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(name[i]))) return -1;
            n = n * 10 + (name[i] - '0');
        }
        if (n >= 1 && n <= 12) return GLFW_KEY_F1 + n - 1;
    }
    return -1;
}

// A whole number from 0 to `max`.
bool number(const std::string& s, int max, int& out) {
    try {
        size_t used = 0;
        out = std::stoi(s, &used);
        return used == s.size() && out >= 0 && out <= max;
    } catch (...) {
        return false;
    }
}
}  // namespace

std::variant<std::vector<ScriptStep>, std::string> load_script(const std::string& path) {
    std::ifstream in(platform::to_path(path));
    if (!in) return path + ":1: cannot read the script";
    std::vector<ScriptStep> out;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos || line[b] == '#') continue;
        line = line.substr(b);
        size_t sp = line.find(' ');
        std::string cmd = line.substr(0, sp);
        std::string arg = sp == std::string::npos ? "" : line.substr(sp + 1);
        auto err = [&](const std::string& m) { return path + ":" + std::to_string(n) + ": " + m; };
        ScriptStep st{ScriptStep::Kind::Quit, {}, {}, 0, n};
        if (cmd == "key") {
            st.kind = ScriptStep::Kind::Key;
            size_t start = 0;
            while (true) {
                size_t plus = arg.find('+', start);
                // A lone "+" is not a separator (there is no "+" key binding here anyway).
                std::string part = arg.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
                int k = key_code(part);
                if (k < 0) return err("unknown key '" + part + "'");
                st.keys.push_back(k);
                if (plus == std::string::npos) break;
                start = plus + 1;
            }
        } else if (cmd == "text") {
            st.kind = ScriptStep::Kind::Text;
            st.text = arg;
        } else if (cmd == "screenshot") {
            if (arg.empty()) return err("screenshot needs a file name");
            st.kind = ScriptStep::Kind::Screenshot;
            st.text = arg;
        } else if (cmd == "wait-frames") {
            st.kind = ScriptStep::Kind::WaitFrames;
            if (!number(arg, 100000, st.frames)) return err("wait-frames needs a number from 0 to 100000");
        } else if (cmd == "wait-reload") {
            st.kind = ScriptStep::Kind::WaitReload;
        } else if (cmd == "wait-speech") {
            if (!arg.empty() && arg != "ok" && arg != "problem") return err("wait-speech takes nothing, ok or problem");
            st.kind = ScriptStep::Kind::WaitSpeech;
            st.text = arg;
        } else if (cmd == "key-option") {
            if (arg.empty()) return err("key-option needs an option id");
            st.kind = ScriptStep::Kind::KeyOption;
            st.text = arg;
        } else if (cmd == "expect-text") {
            if (arg.empty()) return err("expect-text needs the text to look for");
            st.kind = ScriptStep::Kind::ExpectText;
            st.text = arg;
        } else if (cmd == "window") {
            if (arg != "presenter" && arg != "projector") return err("window takes presenter or projector");
            st.kind = ScriptStep::Kind::Window;
            st.text = arg;
        } else if (cmd == "wait-monitors") {
            st.kind = ScriptStep::Kind::WaitMonitors;
            if (!number(arg, 16, st.frames)) return err("wait-monitors needs a number from 0 to 16");
        } else if (cmd == "wait-votes") {
            st.kind = ScriptStep::Kind::WaitVotes;
            if (!number(arg, 1000, st.frames) || st.frames < 1) return err("wait-votes needs a number from 1 to 1000");
        } else if (cmd == "quit") {
            st.kind = ScriptStep::Kind::Quit;
        } else {
            return err("unknown command '" + cmd + "' (key, text, screenshot, wait-frames, wait-reload, wait-speech, key-option, expect-text, window, wait-monitors, wait-votes, quit)");
        }
        out.push_back(std::move(st));
    }
    return out;
}

}  // namespace signaal::app
