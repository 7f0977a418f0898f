// Read aloud: one small interface between the window and a speech engine.
// The window hands over what a screen shows (Utterance) and never waits: the
// engine speaks on its own thread and wakes the window when it is done.
// A platform plugs in its engine as a Backend (speech_espeak.cpp on Linux,
// speech_sapi.cpp on Windows); nothing here or in the screens knows which.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace signaal::app::speech {

enum class Rate { Slower = 0, Normal = 1, Faster = 2 };
const char* rate_name(Rate r);

// What one screen says, in screen order: one part per heading, paragraph,
// question or option, exactly as drawn.
struct Utterance {
    std::string language;  // "nl" / "en"
    Rate rate = Rate::Normal;
    std::vector<std::string> parts;
};

// Why read-aloud could not speak, in both languages so it follows a language switch.
struct Problem {
    std::string nl, en;
    bool empty() const { return nl.empty() && en.empty(); }
};

// A speech engine as the worker thread drives it. Created, used and destroyed
// on that thread only (espeak-ng keeps global state; SAPI wants its own COM
// apartment), so a backend needs no locking of its own.
class Backend {
public:
    virtual ~Backend() = default;
    // Speaks one utterance to the end, or until `stopped()` becomes true.
    // Returns the problem that kept it from speaking, or an empty Problem.
    virtual Problem say(const Utterance& u, const std::function<bool()>& stopped) = 0;
};
// The platform's engine; called on the worker thread.
std::unique_ptr<Backend> make_backend();

// The window's side: non-blocking, safe to call every frame.
class Speech {
public:
    // `wake` is called on the worker thread whenever an utterance ends or
    // fails, so an idle window (glfwWaitEvents) draws the change.
    explicit Speech(std::function<void()> wake);
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    // Stops whatever is being spoken and speaks `u` instead.
    void speak(Utterance u);
    void stop();
    // An utterance is waiting, being synthesised or being played.
    bool busy() const;
    // The last utterance's problem (empty once one was spoken well).
    Problem problem() const;

private:
    void run();

    std::function<void()> wake_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::optional<Utterance> next_;
    bool quit_ = false, working_ = false;
    std::atomic<unsigned> generation_{0};  // bumped by speak() and stop(): the running utterance stops
    Problem problem_;
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace signaal::app::speech
