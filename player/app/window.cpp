#include "window.h"

#include <imgui.h>
#include <imgui_internal.h>  // GImGui->LogBuffer: the text a frame drew, for expect-text
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <chrono>
#include <iostream>
#include <optional>
#include <utility>

#include "class_controller.h"
#include "class_phones.h"
#include "class_screens.h"
#include "controller.h"
#include "fonts.h"
#include "lrs_worker.h"
#include "gl.h"
#include "presenter_window.h"
#include "screens.h"
#include "script.h"
#include "texture.h"
#include "theme.h"
#include "trainer_controller.h"
#include "trainer_screens.h"
#include "ui.h"
#include "platform.h"
#include "speech.h"

namespace signaal::app {

namespace {

// Set by every GLFW input callback: something happened, render a few frames.
bool g_event = false;
void on_key(GLFWwindow*, int, int, int, int) { g_event = true; }
void on_char(GLFWwindow*, unsigned int) { g_event = true; }
void on_mouse(GLFWwindow*, int, int, int) { g_event = true; }
void on_scroll(GLFWwindow*, double, double) { g_event = true; }
void on_cursor(GLFWwindow*, double, double) { g_event = true; }
void on_enter(GLFWwindow*, int) { g_event = true; }
void on_focus(GLFWwindow*, int) { g_event = true; }
void on_size(GLFWwindow*, int, int) { g_event = true; }
void on_refresh(GLFWwindow*) { g_event = true; }
void on_scale(GLFWwindow*, float, float) { g_event = true; }
// A monitor came or went: the loop wakes, and classroom mode re-plans its screens (sync_screens).
void on_monitor(GLFWmonitor*, int) { g_event = true; }

// ImGui settles layout and hover state over a couple of frames after an input.
constexpr int kSettleFrames = 3;

std::optional<std::filesystem::file_time_type> mtime(const std::string& path) {
    std::error_code ec;
    auto t = std::filesystem::last_write_time(platform::to_path(path), ec);
    if (ec) return std::nullopt;
    return t;
}

// Author mode: each reload is also reported in the terminal the author started
// the window from, with the problems as file:line:col an editor can jump to.
void report_reload(const std::string& path, const LoadResult& lr) {
    int errors = 0;
    for (const auto& d : lr.diagnostics) {
        if (d.severity == Severity::Error) ++errors;
        std::cerr << d.str() << "\n";
    }
    if (lr.module) std::cerr << "signaal: reloaded " << path << "\n";
    else std::cerr << "signaal: " << path << " has " << errors << (errors == 1 ? " error" : " errors") << "; the window shows them\n";
}

// Feeds script steps into the GLFW backend's callbacks, exactly as real key
// presses arrive, one step at a time with frames in between.
class ScriptRunner {
public:
    // What wait-speech sees of read-aloud: still speaking, done, or done with a problem.
    enum class Speaking { Busy, Done, Problem };
    // `option_number`: 1-based number of the option with this id on the class question shown, 0: none.
    ScriptRunner(std::vector<ScriptStep> steps, GLFWwindow* win, std::function<int(const std::string&)> option_number,
                 std::function<Speaking()> speaking)
        : steps_(std::move(steps)), win_(win), speaking_(std::move(speaking)), option_number_(std::move(option_number)) {}
    bool active() const {
        return next_ < steps_.size() || !held_.empty() || wait_ > 0 || waiting_for_reload() || waiting_for_speech() || waiting_for_monitors() ||
               waiting_for_votes();
    }
    bool waiting_for_monitors() const { return monitors_line_ > 0; }
    // `window presenter` sends keys to (and screenshots) the presenter's own window.
    void set_presenter(PresenterWindow* p) { presenter_ = p; }
    // The screenshot just asked for is of the presenter window.
    bool presenter_shot() const { return to_presenter_; }
    bool waiting_for_reload() const { return reloads_ < reloads_wanted_; }
    bool waiting_for_speech() const { return speech_line_ > 0; }
    bool waiting_for_votes() const { return votes_line_ > 0; }
    // How many phones voted on the open question (wait-votes), set by the shell.
    void on_votes(std::function<int()> voters) { voters_ = std::move(voters); }
    void reloaded() { ++reloads_; }
    // "LINE: what went wrong" when a step could not be carried out (a wait-reload
    // that timed out, a wait-speech that did not end as expected).
    const std::string& failure() const { return failure_; }

    // Called once before each frame. Returns a screenshot file to take after
    // this frame, if the step asks for one.
    std::string before_frame(bool& quit) {
        if (!failure_.empty()) {  // an expect-text that did not match
            quit = true;
            return "";
        }
        if (waiting_for_reload()) {
            if (std::chrono::steady_clock::now() > reload_deadline_) {
                failure_ = std::to_string(steps_[next_ - 1].line) + ": wait-reload: the watched file did not change within 30 s";
                quit = true;
            }
            return "";
        }
        if (waiting_for_speech()) {
            check_speech(quit);
            return "";
        }
        if (waiting_for_monitors()) {
            check_monitors(quit);
            return "";
        }
        if (waiting_for_votes()) {
            if ((voters_ ? voters_() : 0) >= votes_wanted_) {
                votes_line_ = 0;
                wait_ = 1;  // one frame to draw the count
            } else if (std::chrono::steady_clock::now() > votes_deadline_) {
                failure_ = std::to_string(votes_line_) + ": wait-votes: " + std::to_string(voters_ ? voters_() : 0) + " of " +
                           std::to_string(votes_wanted_) + " phones voted within 60 s";
                quit = true;
            }
            return "";
        }
        if (!held_.empty()) {
            for (auto it = held_.rbegin(); it != held_.rend(); ++it) press(*it, GLFW_RELEASE);
            held_.clear();
            wait_ = 1;  // one frame for the screen the key led to
            return "";
        }
        if (wait_ > 0) {
            --wait_;
            return "";
        }
        if (next_ >= steps_.size()) return "";
        const ScriptStep& st = steps_[next_++];
        if (to_presenter_ && (!presenter_ || !presenter_->is_open()) &&
            (st.kind == ScriptStep::Kind::Key || st.kind == ScriptStep::Kind::Text || st.kind == ScriptStep::Kind::Screenshot)) {
            failure_ = std::to_string(st.line) + ": window presenter: there is no presenter window (one screen, or no class session)";
            quit = true;
            return "";
        }
        switch (st.kind) {
            case ScriptStep::Kind::Key:
                for (int k : st.keys) press(k, GLFW_PRESS);
                held_ = st.keys;
                break;
            case ScriptStep::Kind::Text:
                for (char32_t c : utf8(st.text)) {
                    if (to_presenter_) presenter_->character(static_cast<unsigned int>(c));
                    else ImGui_ImplGlfw_CharCallback(win_, static_cast<unsigned int>(c));
                }
                wait_ = 1;
                break;
            case ScriptStep::Kind::Window:
                to_presenter_ = st.text == "presenter";
                break;
            case ScriptStep::Kind::WaitMonitors:
                // Bounded like wait-reload. The line on stderr tells a test when to plug or unplug.
                monitors_line_ = st.line;
                monitors_wanted_ = st.frames;
                monitors_deadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(30);
                std::cerr << "signaal: script: waiting for " << st.frames << " monitor(s)" << std::endl;
                break;
            case ScriptStep::Kind::Screenshot:
                return st.text;
            case ScriptStep::Kind::WaitFrames:
                wait_ = st.frames;
                break;
            case ScriptStep::Kind::WaitReload:
                // Bounded, so a test whose file never changes fails instead of hanging.
                // The n-th wait-reload waits for the n-th reload, so a save that
                // lands before the script gets here is not missed.
                reloads_wanted_ = ++wait_reload_steps_;
                reload_deadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(30);
                break;
            case ScriptStep::Kind::WaitSpeech:
                // Bounded like wait-reload: speech that never ends fails the test.
                speech_line_ = st.line;
                speech_expect_ = st.text;
                speech_deadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(60);
                break;
            case ScriptStep::Kind::KeyOption: {
                const int n = option_number_ ? option_number_(st.text) : 0;
                if (n < 1 || n > 9) {
                    failure_ = std::to_string(st.line) + ": key-option: no option '" + st.text + "' among the first nine of the question shown";
                    quit = true;
                    break;
                }
                ImGui_ImplGlfw_KeyCallback(win_, GLFW_KEY_0 + n, 0, GLFW_PRESS, 0);
                held_ = {GLFW_KEY_0 + n};
                break;
            }
            case ScriptStep::Kind::ExpectText:
                expect_line_ = st.line;
                expect_ = st.text;
                break;
            case ScriptStep::Kind::WaitVotes:
                // Bounded: a test whose voters never come fails instead of hanging.
                votes_line_ = st.line;
                votes_wanted_ = st.frames;
                votes_deadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(60);
                break;
            case ScriptStep::Kind::Quit:
                quit = true;
                break;
        }
        return "";
    }
    // The text of the coming frame is wanted (an expect-text step).
    bool wants_text() const { return expect_line_ > 0; }
    // What that frame drew; a failure (and the end of the script) unless it holds the text.
    void drawn(const std::string& text) {
        if (text.find(expect_) == std::string::npos)
            failure_ = std::to_string(expect_line_) + ": expect-text: \"" + expect_ + "\" is not on the screen; it shows:\n" + text;
        expect_line_ = 0;
    }

private:
    std::vector<ScriptStep> steps_;
    GLFWwindow* win_;
    std::function<Speaking()> speaking_;
    int speech_line_ = 0;  // the wait-speech step being waited on
    int expect_line_ = 0;  // the expect-text step whose frame is coming
    std::string expect_;
    std::string speech_expect_;
    std::chrono::steady_clock::time_point speech_deadline_;
    std::function<int()> voters_;
    int votes_line_ = 0, votes_wanted_ = 0;  // the wait-votes step being waited on
    std::chrono::steady_clock::time_point votes_deadline_;
    size_t next_ = 0;

    void check_speech(bool& quit) {
        const Speaking now = speaking_();
        std::string why;
        if (now == Speaking::Busy) {
            if (std::chrono::steady_clock::now() < speech_deadline_) return;
            why = "still speaking after 60 s";
        } else if (speech_expect_ == "ok" && now == Speaking::Problem) {
            why = "read aloud reported a problem (shown in the window)";
        } else if (speech_expect_ == "problem" && now == Speaking::Done) {
            why = "read aloud spoke, but a problem was expected";
        }
        if (!why.empty()) {
            failure_ = std::to_string(speech_line_) + ": wait-speech: " + why;
            quit = true;
        }
        speech_line_ = 0;
        wait_ = 1;  // one frame to draw the result
    }
    std::vector<int> held_;
    int wait_ = 0;
    PresenterWindow* presenter_ = nullptr;
    bool to_presenter_ = false;
    int monitors_line_ = 0, monitors_wanted_ = 0;
    std::chrono::steady_clock::time_point monitors_deadline_;

    // A key press or release in the window the script is talking to.
    void press(int key, int action) {
        if (to_presenter_ && presenter_ && presenter_->is_open()) presenter_->key(key, action);
        else ImGui_ImplGlfw_KeyCallback(win_, key, 0, action, 0);
    }

    void check_monitors(bool& quit) {
        int n = 0;
        glfwGetMonitors(&n);
        if (n != monitors_wanted_) {
            if (std::chrono::steady_clock::now() < monitors_deadline_) return;
            failure_ = std::to_string(monitors_line_) + ": wait-monitors: still " + std::to_string(n) + " monitor(s) after 30 s";
            quit = true;
        }
        monitors_line_ = 0;
        wait_ = 2;  // frames for the windows to settle on their monitors
    }
    std::function<int(const std::string&)> option_number_;
    int reloads_ = 0, reloads_wanted_ = 0, wait_reload_steps_ = 0;
    std::string failure_;
    std::chrono::steady_clock::time_point reload_deadline_;

    static std::u32string utf8(const std::string& s) {
        std::u32string out;
        for (size_t i = 0; i < s.size();) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
            char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
            for (int k = 1; k < n && i + static_cast<size_t>(k) < s.size(); ++k)
                cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
            out.push_back(cp);
            i += static_cast<size_t>(n);
        }
        return out;
    }
};

class Shell {
public:
    // The trainer view's worker wakes the idle loop with an empty event (thread-safe in GLFW).
    Shell(const WindowOptions& o, GLFWwindow* win, State& s) : o_(o), win_(win), s_(s), ctl_(s), job_([] { glfwPostEmptyEvent(); }) {}

    int run() {
        font_file_ = find_font_file();
        if (font_file_.empty()) std::cerr << "signaal: no Noto Sans or DejaVu Sans found; using ImGui's built-in font\n";
        rebuild_fonts();
        std::optional<ScriptRunner> script;
        if (!o_.script.empty()) {
            auto r = load_script(o_.script);
            if (auto* e = std::get_if<std::string>(&r)) {
                std::cerr << *e << "\n";
                return 2;
            }
            script.emplace(
                std::move(std::get<std::vector<ScriptStep>>(r)), win_,
                [this](const std::string& id) {
                    const Shown sh = shown(s_);
                    for (size_t i = 0; i < sh.options.size(); ++i)
                        if (sh.options[i].id == id) return static_cast<int>(i) + 1;
                    return 0;
                },
                [this] {
                    if (speech_.busy()) return ScriptRunner::Speaking::Busy;
                    return speech_.problem().empty() ? ScriptRunner::Speaking::Done : ScriptRunner::Speaking::Problem;
                });
            script->on_votes([this] { return s_.klass.phones ? s_.klass.phones->counts.voters : 0; });
        }
        if (script) script->set_presenter(&presenter_);
        std::optional<std::filesystem::file_time_type> watched;
        if (!o_.watch.empty()) watched = mtime(o_.watch);

        int frames_left = kSettleFrames;
        bool first = true;
        while (!glfwWindowShouldClose(win_)) {
            // While a trainer report builds the script waits for it (so a test can
            // filter and export what was built); the loop idles until the worker wakes it.
            const bool scripted = script && script->active() && !s_.trainer.building;
            if (scripted && (script->waiting_for_reload() || script->waiting_for_speech() || script->waiting_for_monitors() ||
                             script->waiting_for_votes()))
                glfwWaitEventsTimeout(0.05);  // the file or the speech thread, not a busy loop
            else if (scripted || frames_left > 0) glfwPollEvents();
            else if (!o_.watch.empty()) glfwWaitEventsTimeout(0.5);  // poll the file twice a second
            else if (s_.klass.active && s_.klass.timer_running) {
                glfwWaitEventsTimeout(1.0);  // the discussion timer: one frame a second, only while it runs
                frames_left = std::max(frames_left, 1);
            }
            else glfwWaitEvents();
            if (presenter_.take_event()) g_event = true;
            if (presenter_.is_open() && glfwWindowShouldClose(presenter_.window())) declined_ = true;  // closed by hand: one window
            if (sync_screens()) g_event = true;
            if (g_event) {
                g_event = false;
                frames_left = kSettleFrames;
            }
            if (sync_speech()) frames_left = std::max(frames_left, kSettleFrames);  // the button and any problem
            if (phones_poll(s_)) frames_left = std::max(frames_left, kSettleFrames);  // a phone voted: "23 of 28 voted"
            if (s_.lrs_worker && s_.lrs_worker->waiting() != s_.lrs_waiting) {  // the sender woke us: redraw the status line
                s_.lrs_waiting = s_.lrs_worker->waiting();
                frames_left = std::max(frames_left, kSettleFrames);
            }
            // One frame per wake-up from the worker: the progress bar moves, then the loop idles again.
            if (TrainerController(s_, job_).poll()) frames_left = std::max(frames_left, s_.trainer.building ? 1 : kSettleFrames);
            if (!o_.watch.empty()) {
                auto now = mtime(o_.watch);
                if (now != watched) {
                    watched = now;
                    LoadResult lr = load_module_file(o_.watch);
                    report_reload(o_.watch, lr);
                    ctl_.reloaded(o_.watch, lr);
                    update_image();
                    frames_left = kSettleFrames;
                    if (script) script->reloaded();
                }
            }
            if (!scripted && frames_left <= 0) continue;

            std::string shot;
            if (scripted) {
                bool quit = false;
                shot = script->before_frame(quit);
                if (quit) break;
                if (script->presenter_shot() && !shot.empty()) presenter_shot_ = std::exchange(shot, "");
            }
            if (s_.klass.active != (s_.projector_px > 0) || (s_.klass.active && std::abs(projector_pixels() - s_.projector_px) > 1))
                fonts_dirty_ = true;  // classroom mode began or ended, or the window's height changed
            if (fonts_dirty_) rebuild_fonts();  // between frames, never inside one
            captured_.clear();
            capture_text_ = scripted && script->wants_text();
            frame(shot);
            if (capture_text_) script->drawn(captured_);
            capture_text_ = false;
            --frames_left;
            if (first) {
                first = false;
                if (o_.first_frame_time) {
                    glFinish();
                    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - o_.started);
                    std::cerr << "signaal: first frame after " << ms.count() << " ms\n";
                }
            }
        }
        if (script && !script->failure().empty()) {
            std::cerr << o_.script << ":" << script->failure() << "\n";
            return 1;
        }
        if (presenter_.is_open()) {  // remember the teacher's own window, not the projector's size
            presenter_.close();
            leave_projector();
        }
        int w = 0, h = 0;
        glfwGetWindowSize(win_, &w, &h);
        if (w > 0 && h > 0) {
            s_.settings.window_width = w;
            s_.settings.window_height = h;
        }
        ctl_.save_settings_now();
        phones_stop(s_);  // the server stops with the window, its QR texture while GL is still there
        free_texture(s_.image);
        return 0;
    }

    Controller& controller() { return ctl_; }
    void open_trainer(const std::vector<std::string>& dirs) { TrainerController(s_, job_).open(dirs); }
    void update_image() {
        std::string key;
        if (s_.session && (s_.screen == Screen::Scene || s_.screen == Screen::Class || s_.screen == Screen::Result || s_.screen == Screen::Feedback) &&
            !s_.session->scene().image.empty())
            key = s_.session->module().dir + "/" + s_.session->scene().image;
        if (key == image_key_) return;
        free_texture(s_.image);
        image_key_ = key;
        if (!key.empty()) s_.image = load_texture(key);
    }

private:
    const WindowOptions& o_;
    GLFWwindow* win_;
    State& s_;
    Controller ctl_;
    TrainerJob job_;
    // expect-text: the frame's labels and messages, through ImGui's log. The log
    // ends at every top-level window's End(), so it is begun after each Begin()
    // and read before each End() (the bar, the screen, the trainer view).
    bool capture_text_ = false;
    std::string captured_;
    void log_begin() {
        if (capture_text_) ImGui::LogToBuffer();
    }
    void log_end() {
        if (capture_text_) captured_ += std::string(GImGui->LogBuffer.c_str()) + "\n";
    }
    std::string font_file_;
    bool fonts_dirty_ = false;
    std::string image_key_;
    float bar_height_ = 0;
    Screen last_screen_ = Screen::LoadError;
    size_t last_answers_ = static_cast<size_t>(-1);
    int windowed_[4] = {0, 0, 1280, 800};  // position and size before full screen
    // Classroom mode on two screens: the presenter's own window (presenter_window.h).
    PresenterWindow presenter_;
    bool declined_ = false;       // the teacher closed it: one window until the session ends
    std::string presenter_shot_;  // the script's next screenshot is of the presenter window
    GLFWmonitor* projector_on_ = nullptr;  // where the projector view was put

    // Opens, moves and closes the presenter window as the session, the monitors
    // and F9 change; true when it did something (draw the result).
    bool sync_screens() {
        ClassState& c = s_.klass;
        const ScreenPlan plan = plan_screens(s_.settings.class_swap_screens);
        c.screens.count = plan.count;
        c.screens.projector = monitor_label(plan.projector);
        c.screens.presenter = monitor_label(plan.presenter);
        const bool session = c.active && s_.screen == Screen::Class;
        if (!session) declined_ = false;
        const bool want = session && plan.two() && !declined_;
        bool changed = false;
        if (presenter_.is_open() && !want) {
            presenter_.close();
            // A monitor went away or the window was closed: the one window left may
            // be on the projector, so the panel stays hidden until the teacher opens it.
            if (session) c.panel = false;
            leave_projector();
            std::cerr << "signaal: classroom: one window again (" << plan.count << " monitor(s))\n";
            changed = true;
        } else if (want && (!presenter_.is_open() || projector_on_ != plan.projector)) {
            place(plan);
            changed = true;
        }
        c.screens.two_windows = presenter_.is_open();
        return changed;
    }

    // The projector view full screen on its monitor, the presenter view on the other.
    void place(const ScreenPlan& plan) {
        const GLFWvidmode* mode = glfwGetVideoMode(plan.projector);
        if (!mode) return;
        if (!glfwGetWindowMonitor(win_)) {
            glfwGetWindowPos(win_, &windowed_[0], &windowed_[1]);
            glfwGetWindowSize(win_, &windowed_[2], &windowed_[3]);
        }
        // Full screen windows minimise themselves when they lose the focus; the
        // projector must stay up while the teacher works in the presenter window.
        glfwSetWindowAttrib(win_, GLFW_AUTO_ICONIFY, GLFW_FALSE);
        glfwSetWindowMonitor(win_, plan.projector, 0, 0, mode->width, mode->height, mode->refreshRate);
        projector_on_ = plan.projector;
        if (presenter_.is_open()) {
            presenter_.move_to(plan.presenter);
        } else if (!presenter_.open(win_, plan.presenter, [this] { style_current(); })) {
            std::cerr << "signaal: classroom: cannot open the presenter window; one window, the panel hidden\n";
            declined_ = true;  // not again at every event
            s_.klass.panel = false;
            leave_projector();
            return;
        }
        std::cerr << "signaal: classroom: projector view on " << monitor_label(plan.projector) << ", presenter view on "
                  << monitor_label(plan.presenter) << "\n";
    }

    // Back to one window where the main window was before the session.
    void leave_projector() {
        projector_on_ = nullptr;
        // Also after an unplug, which GLFW answers with a window of the lost monitor's size.
        glfwSetWindowMonitor(win_, nullptr, windowed_[0], windowed_[1], windowed_[2], windowed_[3], GLFW_DONT_CARE);
    }
    // Read aloud: the engine's thread wakes the idle loop when an utterance ends.
    speech::Speech speech_{[] { glfwPostEmptyEvent(); }};
    std::string spoken_key_;  // which screen the speech belongs to: moving on stops it
    // This screen's reading was asked for and not stopped. The engine may still be
    // busy winding down a stopped utterance; that must not make F3 on the next
    // screen a "stop".
    bool reading_ = false;

    void stop_reading() {
        reading_ = false;
        speech_.stop();
    }

    // Copies the engine's state into State for drawing; true when it changed.
    bool sync_speech() {
        const bool busy = reading_ && speech_.busy();
        const speech::Problem p = speech_.problem();
        if (busy == s_.speaking && p.nl == s_.speech_problem.nl && p.en == s_.speech_problem.en) return false;
        if (!p.empty() && p.en != s_.speech_problem.en) std::cerr << "signaal: " << p.en << "\n";
        s_.speaking = busy;
        s_.speech_problem = {p.nl, p.en};
        return true;
    }

    // After a frame: stops reading when the screen changed (and reads the new one
    // when the learner asked for that), and answers F3 / the button / Esc.
    // `spoken` is what this frame's screen drew, `readable` whether it may be read.
    void speech_after_frame(const std::string& key, bool readable, bool asked, const std::vector<std::string>& spoken) {
        if (!s_.settings.read_aloud) readable = false;
        bool start = false;
        if (key != spoken_key_) {
            spoken_key_ = key;
            stop_reading();
            start = readable && s_.settings.read_auto;
        }
        if (asked) {
            if (reading_ && speech_.busy()) stop_reading();
            else start = readable;
        }
        if (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) stop_reading();
        if (start && !spoken.empty()) {
            speech_.speak({s_.settings.language, static_cast<speech::Rate>(s_.settings.speech_rate), spoken});
            reading_ = true;
        }
        if (sync_speech()) g_event = true;
    }

    float scale() const {
        if (s_.settings.ui_scale > 0) return s_.settings.ui_scale;
        float x = 1, y = 1;
        glfwGetWindowContentScale(win_, &x, &y);
        return std::clamp(std::max(x, y), 0.5f, 4.0f);
    }

    // Classroom mode always projects in high contrast, whatever the teacher's own setting.
    Theme theme() const { return s_.klass.active ? Theme::HighContrast : s_.settings.theme; }

    // The projector font follows the window's height: about 17 lines of text
    // fill the screen, readable from the back of a classroom.
    float projector_pixels() const {
        int w = 0, h = 0;
        glfwGetWindowSize(win_, &w, &h);
        return std::clamp(static_cast<float>(h) / 17.0f, 28.0f, 140.0f);
    }

    void rebuild_fonts() {
        fonts_dirty_ = false;
        s_.font_px = font_pixels(s_.settings.font_step, scale());
        s_.projector_px = s_.klass.active ? projector_pixels() : 0;
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        build_fonts(font_file_, s_.font_px, s_.projector_px);
        ImGui_ImplOpenGL3_CreateFontsTexture();
        style();
    }

    // Colours and sizes, in the presenter's window too.
    void style() {
        style_current();
        presenter_.in_context([this] { style_current(); });
    }
    void style_current() { apply_theme(theme(), s_.font_px / font_pixels(1, 1.0f)); }

    // F11 in classroom mode: the projector view on the whole monitor, and back.
    void toggle_fullscreen() {
        if (glfwGetWindowMonitor(win_)) {
            glfwSetWindowMonitor(win_, nullptr, windowed_[0], windowed_[1], windowed_[2], windowed_[3], GLFW_DONT_CARE);
            return;
        }
        // With two screens the projector's monitor, not the laptop's.
        GLFWmonitor* mon = projector_on_ ? projector_on_ : glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = mon ? glfwGetVideoMode(mon) : nullptr;
        if (!mode) return;
        glfwGetWindowPos(win_, &windowed_[0], &windowed_[1]);
        glfwGetWindowSize(win_, &windowed_[2], &windowed_[3]);
        glfwSetWindowMonitor(win_, mon, 0, 0, mode->width, mode->height, mode->refreshRate);
    }

    // Screens where the arrow keys scroll the text (there is nothing to move between).
    bool arrows_scroll() const {
        switch (s_.screen) {
            case Screen::ContentNote: case Screen::Feedback: case Screen::Result: case Screen::LoadError: return true;
            case Screen::Scene: return s_.session && !s_.session->scene().is_question();
            default: return false;
        }
    }

    void frame(const std::string& shot) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        const Words w = words_for(s_.settings.language);
        if (s_.screen == Screen::ClassSetup || s_.screen == Screen::Class) {
            class_frame(shot, w);
            return;
        }
        if (s_.screen == Screen::Trainer) {
            trainer_frame(shot, w);
            return;
        }
        const ImGuiViewport* vp = ImGui::GetMainViewport();

        // The reading column: centred, about 70 characters wide.
        const float pad = ImGui::GetStyle().WindowPadding.x;
        const float col = std::min(vp->WorkSize.x, s_.font_px * 40.0f + 2 * pad);
        const float x0 = vp->WorkPos.x + (vp->WorkSize.x - col) * 0.5f;
        // Not NoDecoration: that would also hide the scroll bar, the only visible sign of more text below.
        const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

        // The safety bar stays put while the content scrolls: pausing and help are always in view.
        ImGui::SetNextWindowPos(ImVec2(x0, vp->WorkPos.y));
        // The column's width, the height of what it holds: at large text sizes its
        // buttons wrap onto a second line (ui::same_line_if_fits) instead of widening it.
        ImGui::SetNextWindowSizeConstraints(ImVec2(col, 0), ImVec2(col, FLT_MAX));
        ImGui::Begin("##bar", nullptr, fixed | ImGuiWindowFlags_NoNavInputs | ImGuiWindowFlags_NoNavFocus | ImGuiWindowFlags_AlwaysAutoResize);
        log_begin();
        Action bar = ui::safety_bar(s_, w);
        bar_height_ = ImGui::GetWindowHeight();
        log_end();
        ImGui::End();

        const bool changed = s_.screen != last_screen_ || (s_.session && s_.session->answers().size() != last_answers_);
        ImGui::SetNextWindowPos(ImVec2(x0, vp->WorkPos.y + bar_height_));
        ImGui::SetNextWindowSize(ImVec2(col, std::max(1.0f, vp->WorkSize.y - bar_height_)));
        if (changed) ImGui::SetNextWindowFocus();
        ImGuiWindowFlags flags = fixed;
        // On the learner's screens our own keys answer; ImGui's navigation would
        // otherwise also act on Space and the arrows.
        if (s_.screen == Screen::ContentNote || s_.screen == Screen::Scene || s_.screen == Screen::Feedback ||
            s_.screen == Screen::Result || s_.screen == Screen::LoadError)
            flags |= ImGuiWindowFlags_NoNavInputs;
        ImGui::Begin("##screen", nullptr, flags);
        if (changed) ImGui::SetScrollY(0);
        last_screen_ = s_.screen;
        last_answers_ = s_.session ? s_.session->answers().size() : static_cast<size_t>(-1);
        scroll_keys();
        log_begin();

        Action a;
        std::vector<std::string> spoken;
        ui::begin_transcript(&spoken);
        switch (s_.screen) {
            case Screen::Catalogue: a = draw_catalogue(s_, w); break;
            case Screen::ContentNote: a = s_.session ? draw_content_note(s_, w) : Action{}; break;
            case Screen::Scene: a = s_.session ? (s_.session->finished() ? draw_result(s_, w) : draw_scene(s_, w)) : Action{}; break;
            case Screen::Feedback: a = s_.session && s_.outcome ? draw_feedback(s_, w) : Action{}; break;
            case Screen::Result: a = s_.session ? draw_result(s_, w) : Action{}; break;
            case Screen::Settings: a = draw_settings(s_, w); break;
            case Screen::LoadError: a = draw_load_error(s_, w); break;
            case Screen::ClassSetup: case Screen::Class: case Screen::Trainer: break;  // class_frame() / trainer_frame() draw these
        }
        ui::begin_transcript(nullptr);
        log_end();
        ImGui::End();
        if (a.kind == Action::Kind::None) a = bar;
        s_.scroll_to_cursor = false;

        present(shot);
        {
            const bool readable = s_.session && (s_.screen == Screen::ContentNote || s_.screen == Screen::Scene ||
                                                 s_.screen == Screen::Feedback || s_.screen == Screen::Result);
            const std::string key = std::to_string(static_cast<int>(s_.screen)) + "/" + s_.settings.language + "/" +
                                    (s_.session ? s_.session->scene().id + "/" + std::to_string(s_.session->answers().size()) : "");
            speech_after_frame(key, readable, a.kind == Action::Kind::ReadAloud, spoken);
        }

        // Apply the action after the frame, so every frame draws one consistent state.
        if (a.kind == Action::Kind::OpenTrainer) {
            save_settings_now_and_open_trainer();
        } else if (a.kind != Action::Kind::None) {
            Effects fx = ctl_.apply(a);
            after(fx);
        }
        update_image();
    }

    void save_settings_now_and_open_trainer() {
        ctl_.save_settings_now();
        open_trainer({});
        g_event = true;
    }

    // The trainer view uses the whole window: its tables need the width, not a reading column.
    void trainer_frame(const std::string& shot, const Words& w) {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(vp->WorkPos);
        ImGui::SetNextWindowSize(vp->WorkSize);
        ImGui::Begin("##trainer", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                               ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
        scroll_keys();
        log_begin();
        TrainerAction a = draw_trainer(s_, w);
        log_end();
        ImGui::End();
        present(shot);
        if (a.kind != TrainerAction::Kind::None) after(TrainerController(s_, job_).apply(a));
    }

    // Classroom mode draws its own windows (class_view.cpp) and has its own actions.
    // F3 reads the projector view aloud, never the presenter panel (class_view.cpp keeps it quiet).
    void class_frame(const std::string& shot, const Words& w) {
        std::vector<std::string> spoken;
        ui::begin_transcript(&spoken);
        ClassAction a = draw_class(s_, w);
        ui::begin_transcript(nullptr);
        present(shot);
        // Two screens: the presenter view in its own window, its clicks and fields acting as the panel's do.
        ClassAction p;
        if (presenter_.is_open()) {
            presenter_.begin();
            p = draw_presenter_view(s_, w);
            presenter_.end(shot_path(std::exchange(presenter_shot_, "")));
        }
        const ClassState& c = s_.klass;
        const bool readable = s_.screen == Screen::Class && !c.blank;
        const bool asked = readable && !ImGui::GetIO().WantTextInput && !c.entering && ImGui::IsKeyPressed(GLFW_KEY_F3, false);
        speech_after_frame("class/" + s_.settings.language + "/" + std::to_string(c.generation) + (c.blank ? "/blank" : ""), readable,
                           asked, spoken);
        if (a.kind == ClassAction::Kind::None) a = p;
        if (a.kind != ClassAction::Kind::None) after(ClassController(s_).apply(a));
        update_image();
    }

    void after(const Effects& fx) {
        if (fx.fonts) fonts_dirty_ = true;
        if (fx.theme) style();
        if (fx.fullscreen) toggle_fullscreen();
        if (fx.screens) ctl_.save_settings_now();  // the next lesson in this room starts the right way round; sync_screens moves the windows
        g_event = true;  // the state changed: draw it
    }

    void present(const std::string& shot) { present_window(win_, shot_path(shot)); }
    std::string shot_path(const std::string& shot) const {
        return shot.empty() ? "" : platform::from_path(platform::to_path(o_.screenshot_dir) / shot);
    }

    void scroll_keys() {
        if (ImGui::GetIO().WantTextInput) return;
        const float page = ImGui::GetWindowHeight() * 0.8f, line = ImGui::GetTextLineHeightWithSpacing() * 2;
        float y = ImGui::GetScrollY();
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN)) y += page;
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP)) y -= page;
        if (ImGui::IsKeyPressed(GLFW_KEY_HOME, false)) y = 0;
        if (ImGui::IsKeyPressed(GLFW_KEY_END, false)) y = ImGui::GetScrollMaxY();
        if (arrows_scroll()) {
            if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) y += line;
            if (ImGui::IsKeyPressed(GLFW_KEY_UP)) y -= line;
        }
        if (y != ImGui::GetScrollY()) ImGui::SetScrollY(std::clamp(y, 0.0f, ImGui::GetScrollMaxY()));
    }
};

}  // namespace

int run_window(const WindowOptions& o) {
    // Why a window could not be opened is worth a line: the fallback to the
    // terminal otherwise hides it.
    glfwSetErrorCallback([](int, const char* what) { std::cerr << "signaal: GLFW: " << what << "\n"; });
    if (!glfwInit()) return kNoWindow;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // The X11 class ties the window to its desktop entry (assets/linux/, StartupWMClass),
    // so docks and task switchers show Signaal's name and icon; elsewhere it is ignored.
    glfwWindowHintString(GLFW_X11_CLASS_NAME, "nl.signaal.Signaal");
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "signaal");

    State s;
    s.settings_path = o.settings_path.empty() ? default_settings_path() : o.settings_path;
    s.settings = load_settings(s.settings_path);
    if (o.lang_given) s.settings.language = o.text.lang;
    if (!o.text.trainee.empty()) s.settings.name = o.text.trainee;
    if (!o.text.venue.empty()) s.settings.venue = o.text.venue;
    if (!o.text.role.empty()) s.settings.role = o.text.role;
    if (o.font_step >= 0) s.settings.font_step = std::min(o.font_step, kFontSteps - 1);
    if (o.theme == "dark") s.settings.theme = Theme::Dark;
    if (o.theme == "light") s.settings.theme = Theme::Light;
    if (o.theme == "high-contrast") s.settings.theme = Theme::HighContrast;
    s.records_dir = o.text.records_dir.empty() ? default_records_dir() : o.text.records_dir;
    s.phone_bind = o.phone_bind;
    s.phone_port = o.phone_port;

    // A first window fills most of the screen; after that it keeps the size the learner gave it.
    int ww = s.settings.window_width, wh = s.settings.window_height;
    if (ww <= 0 || wh <= 0) {
        int mx = 0, my = 0, mw = 1280, mh = 800;
        if (GLFWmonitor* mon = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(mon, &mx, &my, &mw, &mh);
        ww = std::max(640, static_cast<int>(static_cast<float>(mw) * 0.9f));
        wh = std::max(480, static_cast<int>(static_cast<float>(mh) * 0.9f));
    }
    GLFWwindow* win = glfwCreateWindow(ww, wh, "Signaal", nullptr, nullptr);
    if (!win) {
        glfwTerminate();
        return kNoWindow;
    }
    glfwMakeContextCurrent(win);
    if (!gladLoadGL(glfwGetProcAddress)) {
        glfwDestroyWindow(win);
        glfwTerminate();
        return kNoWindow;
    }
    glfwSwapInterval(1);
    // Ours first: ImGui's backend chains to them, so every input also wakes the loop.
    glfwSetKeyCallback(win, on_key);
    glfwSetCharCallback(win, on_char);
    glfwSetMouseButtonCallback(win, on_mouse);
    glfwSetScrollCallback(win, on_scroll);
    glfwSetCursorPosCallback(win, on_cursor);
    glfwSetCursorEnterCallback(win, on_enter);
    glfwSetWindowFocusCallback(win, on_focus);
    glfwSetFramebufferSizeCallback(win, on_size);
    glfwSetWindowRefreshCallback(win, on_refresh);
    glfwSetWindowContentScaleCallback(win, on_scale);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // our own settings file remembers what matters
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need frames while idle
    ImGui_ImplGlfw_InitForOpenGL(win, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    // PageUp/PageDown scroll the screen (scroll_keys, class_view.cpp). Left to
    // ImGui's navigation they would also move the focus a page down, and on the
    // start screen the selected module follows the focus (to Case 7).
    io.KeyMap[ImGuiKey_PageUp] = -1;
    io.KeyMap[ImGuiKey_PageDown] = -1;
    // After the backend's (which does nothing with it in 1.86): a projector plugged in or out.
    glfwSetMonitorCallback(on_monitor);

    int rc = 0;
    {
        // The LRS sender (lrs.json): a thread that sleeps until there is something to send.
        LrsSync lrs(o.text.outbox_dir.empty() ? default_outbox_dir() : o.text.outbox_dir,
                    o.text.content_dirs.empty() ? default_content_dirs() : o.text.content_dirs);
        if (!lrs.config_error().empty()) std::cerr << "signaal: " << lrs.config_error() << "\n";
        LrsWorker sender(lrs, [] { glfwPostEmptyEvent(); });
        if (lrs.configured()) s.lrs = &lrs, s.lrs_worker = &sender;
        Shell shell(o, win, s);
        Controller& ctl = shell.controller();
        if (!o.watch.empty()) {
            s.watching = true;
            ctl.reloaded(o.watch, load_module_file(o.watch));
        } else {
            s.catalogue = load_catalogue(o.text.content_dirs.empty() ? default_content_dirs() : o.text.content_dirs);
            ctl.refresh_status();
            const std::string& named = o.class_module.empty() ? o.text.module : o.class_module;
            if (!named.empty()) {
                // `signaal MODULE`: open that module at once, as `signaal --text MODULE` does;
                // `signaal --class MODULE`: the same, in classroom mode.
                const auto& es = s.catalogue.entries;
                int found = -1;
                std::error_code ec;
                for (size_t i = 0; i < es.size() && found < 0; ++i) {
                    if (es[i].module && es[i].module->id == named) found = static_cast<int>(i);
                    else if (std::filesystem::equivalent(platform::to_path(es[i].path), platform::to_path(named), ec)) found = static_cast<int>(i);
                }
                if (found < 0 && std::filesystem::is_regular_file(platform::to_path(named))) {
                    LoadResult lr = load_module_file(named);
                    s.catalogue.entries.push_back({named, lr.module, lr.diagnostics});
                    ctl.refresh_status();
                    found = static_cast<int>(s.catalogue.entries.size()) - 1;
                }
                if (found >= 0) {
                    s.selected = found;
                    const auto kind = !o.class_module.empty() ? Action::Kind::StartClass
                                      : o.text.fresh        ? Action::Kind::StartFresh
                                                            : Action::Kind::Start;
                    ctl.apply(Action::make(kind, found));
                } else {
                    s.notice = {State::Notice::as_is(named), State::Notice::say(": geen modulebestand en geen module-id in de inhoudsmappen",
                                                                                 ": not a module file, nor a module id in the content folders")};
                }
            }
        }
        if (o.trainer) {
            std::vector<std::string> dirs;
            for (const auto& d : o.trainer_dirs)
                if (!d.empty()) dirs.push_back(d);
            shell.open_trainer(dirs);
        }
        shell.update_image();
        rc = shell.run();
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(win);
    glfwTerminate();
    return rc;
}

}  // namespace signaal::app
