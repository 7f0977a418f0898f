// Where an installation's Learning Record Store is configured: a small JSON
// file, lrs.json (docs/score-records.md, "Sending records to an LRS"):
//
//   {"endpoint": "https://lrs.example.org/xapi/", "user": "signaal-hotels",
//    "password": "…", "timeout_seconds": 30}
//
// Looked for, first found wins: $SIGNAAL_LRS_CONFIG (a file), the user's
// settings folder (next to settings.json), then each content folder in turn
// (where an organisation ships it with its course). The settings folder wins so
// that one computer can be pointed elsewhere without touching the shipped course.
// No file: the player keeps records on this computer only, as before.
//
// The password is read here and handed only to the HTTP client: it is never
// written into a record, a statement, the outbox or a message.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "lrs_post.h"

namespace signaal {

inline constexpr const char* kLrsConfigName = "lrs.json";

struct LrsConfig {
    LrsEndpoint endpoint;
    std::string path;  // the file it came from (for messages)
};

// Parses the text of an lrs.json; errors as file:line:col: message.
std::variant<LrsConfig, std::string> parse_lrs_config(const std::string& text, const std::string& path);
std::variant<LrsConfig, std::string> read_lrs_config(const std::string& path);

// The lrs.json that applies, by the order above; nothing when there is none.
std::optional<std::string> find_lrs_config(const std::vector<std::string>& content_dirs);

// The outbox folder: $SIGNAAL_OUTBOX, else "outbox" in the per-user data folder
// (beside "records").
std::string default_outbox_dir();

}  // namespace signaal
