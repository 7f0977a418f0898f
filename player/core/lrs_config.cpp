#include "lrs_config.h"

#include <nlohmann/json.hpp>

#include "platform.h"

namespace signaal {

namespace {
// Line and column (1-based, in bytes) of byte offset `at` in `text`.
std::string where(const std::string& path, const std::string& text, size_t at) {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < at && i < text.size(); ++i) {
        if (text[i] == '\n') ++line, col = 1;
        else ++col;
    }
    return path + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: ";
}
}  // namespace

std::variant<LrsConfig, std::string> parse_lrs_config(const std::string& text, const std::string& path) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is one past the offending byte. Not e.what(): it quotes the
        // text read last, which may be the password.
        return where(path, text, e.byte > 0 ? e.byte - 1 : 0) + "not JSON here (check quotes, commas and braces)";
    }
    const std::string at = path + ":1:1: error: ";
    if (!j.is_object()) return at + "an LRS configuration is a JSON object with \"endpoint\", \"user\" and \"password\"";
    LrsConfig c;
    c.path = path;
    for (const auto& [key, value] : j.items()) {
        if (key == "endpoint" || key == "user" || key == "password") {
            // Never echo the value: it may be the password.
            if (!value.is_string()) return at + "\"" + key + "\" must be a string";
        } else if (key == "timeout_seconds") {
            if (!value.is_number_integer() || value.get<long>() < 1 || value.get<long>() > 600)
                return at + "\"timeout_seconds\" must be a whole number from 1 to 600";
        } else {
            return at + "unknown key \"" + key + "\" (expected endpoint, user, password, timeout_seconds)";
        }
    }
    c.endpoint.url = j.value("endpoint", "");
    c.endpoint.user = j.value("user", "");
    c.endpoint.password = j.value("password", "");
    c.endpoint.timeout_seconds = j.value("timeout_seconds", 30L);
    if (c.endpoint.url.rfind("http://", 0) != 0 && c.endpoint.url.rfind("https://", 0) != 0)
        return at + "\"endpoint\" must be the LRS's http:// or https:// address (e.g. https://lrs.example.org/xapi/)";
    return c;
}

std::variant<LrsConfig, std::string> read_lrs_config(const std::string& path) {
    std::string text, error;
    std::uintmax_t size = 0;
    switch (platform::read_whole_file(path, 64 * 1024, text, size, error)) {
        case platform::ReadResult::ok: return parse_lrs_config(text, path);
        case platform::ReadResult::too_large: return path + ":1:1: error: too large for an LRS configuration (64 KB at most)";
        default: return path + ":1:1: error: cannot read: " + error;
    }
}

std::optional<std::string> find_lrs_config(const std::vector<std::string>& content_dirs) {
    if (auto env = platform::env("SIGNAAL_LRS_CONFIG")) return *env;
    std::vector<std::string> candidates{platform::from_path(platform::to_path(platform::user_config_dir()) / kLrsConfigName)};
    for (const auto& d : content_dirs) candidates.push_back(platform::from_path(platform::to_path(d) / kLrsConfigName));
    for (const auto& c : candidates)
        if (platform::path_kind(c) == platform::PathKind::file) return c;
    return std::nullopt;
}

std::string default_outbox_dir() {
    if (auto env = platform::env("SIGNAAL_OUTBOX")) return *env;
    return platform::from_path(platform::to_path(platform::user_data_dir()) / "outbox");
}

}  // namespace signaal
