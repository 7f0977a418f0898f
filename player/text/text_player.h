// The terminal player: plays one module on a text stream. Interactive on a
// terminal; otherwise it reads one answer per line (so `yes 1 | signaal --text M`
// reaches an ending) and writes the same score records as the window.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace signaal {

struct TextOptions {
    std::string module;  // a module file, or a module id from the content folders
    std::string lang = "nl";
    std::string trainee, venue, role;
    std::string records_dir;                // default: default_records_dir()
    std::vector<std::string> content_dirs;  // default: default_content_dirs()
    bool fresh = false;                     // ignore an unfinished attempt
    std::string outbox_dir;                 // default: default_outbox_dir()
    bool send_only = false;                 // --send: send the outbox to the LRS, play nothing
};

// Exit codes (also in README.md):
inline constexpr int kExitFinished = 0;    // an ending was reached (passed or failed)
inline constexpr int kExitLoadError = 2;   // the module did not load
inline constexpr int kExitStopped = 3;     // stopped before the end; progress kept
inline constexpr int kExitRecordError = 4; // the score record could not be written
inline constexpr int kExitNotSent = 5;     // --send: statements stay in the outbox (LRS down or refusing)
inline constexpr int kExitLocked = 6;      // the module's prerequisites are not passed yet

void add_text_options(CLI::App& app, TextOptions& o);
int run_text_player(const TextOptions& o, std::istream& in, std::ostream& out, std::ostream& err, bool interactive);

}  // namespace signaal
