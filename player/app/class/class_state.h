// Classroom mode (`signaal --class MODULE`, docs/gui.md "Classroom mode"):
// what the projector and the presenter panel draw, and the one thing they may
// return, a ClassAction. Kept apart from the learner's State fields so that a
// class session can never touch a person's score record.
#pragma once
#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "class_record.h"
#include "session.h"

namespace signaal::app {

struct PhoneVoting;  // class_phones.h

struct ClassState {
    bool active = false;       // the Class / ClassSetup screens are showing
    ModulePtr module;
    ClassRecord record;
    std::string record_path, record_error;
    // An unfinished session of this module in the records folder (a laptop that
    // died mid-lesson): the setup screen offers to continue it (F5).
    std::optional<std::pair<std::string, ClassRecord>> resumable;

    // The session lives in State::session (so the scene picture loads as for a
    // learner); `before` is a copy from just before the last decision, used to
    // draw the decided question with the feedback.
    std::optional<Session> before;
    std::optional<AnswerOutcome> outcome;  // set: the feedback of the last decision shows

    std::map<std::string, int> votes;  // hands per choice / option / phrase at the current question
    std::vector<bool> teacher_marks;   // select / highlight: the teacher's own pick (for O), in shown order
    // Selected option (arrows, 1–9); -1 when a question opens, so the
    // projector does not single out one option before the teacher does.
    int cursor = -1;
    bool entering = false;             // N pressed: digits type the selected option's votes
    std::string typed;

    // Presenter panel (P). Hidden when a session starts: on a mirrored
    // projector the class would otherwise read the answer key and the notes.
    bool panel = false;
    bool blank = false;    // projector blanked (B or .)
    bool reveal = false;   // every option's feedback on the projector (R)
    bool full = false;     // Home: the decided scene's whole text again, above its feedback
    int preview = -1;      // scene index shown for discussion, -1: the session's own scene
    bool list = false;     // scene list open in the panel (L)
    int list_cursor = 0;
    int slide = -1;        // debrief slide (points, the partner diagram, the class's choices), -1: not in the debrief
    // The help and reporting contacts on the projector: at the start and the
    // end of every session (the subject can touch a pupil), and on F1.
    enum class Support { None, Opening, Closing, Asked };
    Support support = Support::None;
    // Who settled the last decision, so its feedback names the right one.
    enum class DecidedBy { Class, Teacher, TieBreak };
    DecidedBy decided_by = DecidedBy::Class;
    bool few_hands_warned = false;  // Enter on too few hands warns once; Enter again decides
    int reveal_generation = 0;      // bumped on R: the projector scrolls to what it revealed
    int generation = 0;    // bumped whenever the projector should scroll back to the top

    bool timer_running = false;
    double timer_base = 0;  // seconds counted before the last start
    std::chrono::steady_clock::time_point timer_since;
    double timer_seconds() const {
        if (!timer_running) return timer_base;
        return timer_base + std::chrono::duration<double>(std::chrono::steady_clock::now() - timer_since).count();
    }
    // C: a countdown instead of a count up (seconds; 0: count up). The clock then
    // shows the time left and stops at 00:00, so "two minutes to discuss" is kept
    // without the teacher watching the clock.
    int countdown = 0;
    double timer_shown() const { return countdown > 0 ? std::max(0.0, countdown - timer_seconds()) : timer_seconds(); }
    bool time_up() const { return countdown > 0 && timer_seconds() >= countdown; }

    // Votes from phones (V), null while off. Shared, so a ClassState stays
    // copyable; reset when the class ends, which stops the server.
    std::shared_ptr<PhoneVoting> phones;

    std::string message;  // one line for the teacher (tie, saved, …)
    // One line the class may see too (a tie, too few hands): without it, with
    // the panel hidden, Enter on a tie would seem to do nothing.
    std::string projector_message;

    // Filled by the window (presenter_window.h) before each frame: the monitors
    // and which view each gets. With two windows the presenter view has a window
    // of its own on the laptop, and the projector window never draws the panel.
    struct Screens {
        int count = 1;
        std::string projector, presenter;  // monitor names, when there are two
        bool two_windows = false;
    } screens;
};

struct ClassAction {
    enum class Kind {
        None,
        SetClassName, SetTeacher, SetClassSize,  // text
        Begin,                     // setup done: start the session
        Resume,                    // continue the unfinished session (F5 on the setup screen)
        Next, Prev,                // clicker: PageDown / PageUp (and Enter)
        Back,                      // undo the last decision
        Cursor,                    // index: select option
        AddVotes,                  // index: delta for the selected option
        SetVotes,                  // index: option, value: count
        StartEntry, EntryDigit, EntryErase, EntryDone, EntryCancel,  // N, digits, Backspace, Enter, Esc
        Decide,                    // go with the majority
        Override,                  // go with the selected option / the teacher's marks
        ToggleTeacherMark,         // index
        TogglePanel, ToggleBlank, Reveal, Replay, ToggleSupport,
        TimerToggle, TimerReset, Countdown,
        ToggleList, ListCursor, Preview,  // index: scene
        EndPreview,
        Fullscreen,
        SwapScreens,               // F9: the projector view on the other monitor (two screens)
        TogglePhones,              // V: votes from phones on / off
        Leave,
    };
    Kind kind = Kind::None;
    int index = 0;
    int value = 0;
    std::string text;

    static ClassAction make(Kind k, int i = 0, int v = 0) { return {k, i, v, {}}; }
    static ClassAction with_text(Kind k, std::string t) { return {k, 0, 0, std::move(t)}; }
};

}  // namespace signaal::app
