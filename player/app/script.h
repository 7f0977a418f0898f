// --script FILE: drives the window like a learner at the keyboard, one action
// per line (docs/gui.md). Used by the Xvfb tests and for README screenshots.
//
//   key Enter | key 1 | key Shift+Tab    press and release a key
//   text Anna de Vries                   type the rest of the line
//   screenshot NAME.png                  save the window (into --screenshot-dir)
//   wait-frames N                        render N frames doing nothing
//   wait-reload                          (with --watch) the n-th wait-reload waits until
//                                        the watched file has been reloaded n times;
//                                        fails after 30 s
//   wait-speech [ok|problem]             wait until read-aloud is done (60 s at most);
//                                        with ok / problem, fail unless it ended so
//   key-option ID                        (classroom mode) press the number key of the
//                                        option with this id on the current question:
//                                        options are shuffled per session
//   wait-votes N                         (classroom mode, phone voting on) wait until N
//                                        phones voted on the open question; fails after 60 s
//   quit                                 close the window
//   # comment, blank lines ignored
#pragma once
#include <string>
#include <variant>
#include <vector>

namespace signaal::app {

struct ScriptStep {
    enum class Kind { Key, Text, Screenshot, WaitFrames, WaitReload, WaitSpeech, KeyOption, WaitVotes, Quit } kind;
    std::vector<int> keys;  // Key: GLFW key codes, modifiers first
    std::string text;       // Text, Screenshot, KeyOption (the option's id); WaitSpeech: "", "ok" or "problem"
    int frames = 0;         // WaitFrames; WaitVotes: the phones to wait for
    int line = 0;
};

// Parses a script; on the first bad line returns "FILE:LINE: message".
std::variant<std::vector<ScriptStep>, std::string> load_script(const std::string& path);

}  // namespace signaal::app
