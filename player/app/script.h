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
//   expect-text SOME TEXT                fail unless the next frame draws a line
//                                        containing SOME TEXT (labels, messages,
//                                        fields; never a password field)
//   window presenter | window projector  (classroom mode, two screens) send the
//                                        following keys, text and screenshots to the
//                                        presenter's own window, or back to the main one
//   wait-monitors N                      wait until N monitors are connected (30 s at
//                                        most); says so on stderr, so a test can plug or
//                                        unplug one then
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
    enum class Kind { Key, Text, Screenshot, WaitFrames, WaitReload, WaitSpeech, KeyOption, ExpectText, Window, WaitMonitors, WaitVotes, Quit } kind;
    std::vector<int> keys;  // Key: GLFW key codes, modifiers first
    std::string text;       // Text, Screenshot, KeyOption (the option's id), ExpectText, Window; WaitSpeech: "", "ok" or "problem"
    int frames = 0;         // WaitFrames; WaitMonitors: how many; WaitVotes: the phones to wait for
    int line = 0;
};

// Parses a script; on the first bad line returns "FILE:LINE: message".
std::variant<std::vector<ScriptStep>, std::string> load_script(const std::string& path);

}  // namespace signaal::app
