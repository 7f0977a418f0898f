// Everything a screen needs to draw, and the one thing a screen may return:
// an Action. Screens never change state and never call the core's scoring;
// the controller (controller.cpp) applies actions through Session and records.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalogue.h"
#include "lrs_sync.h"
#include "class_state.h"
#include "module_status.h"
#include "records.h"
#include "session.h"
#include "words.h"
#include "settings.h"
#include "trainer_state.h"

namespace signaal::app {

enum class Screen { Catalogue, ContentNote, Scene, Feedback, Result, Settings, LoadError, ClassSetup, Class, Trainer };

// A loaded scene image, as the shell uploaded it (0: none or not loadable).
struct Image {
    std::uintptr_t texture = 0;
    int width = 0, height = 0;
};

// The share of the attempt done: steps answered against those answered plus the
// fewest still to come.
inline float progress_share(const Session& s) {
    const auto [step, total] = s.progress();
    return total > 0 ? static_cast<float>(step - 1) / static_cast<float>(total) : 0.f;
}

class LrsWorker;

struct State {
    Settings settings;
    std::string settings_path, records_dir;

    // Sending to an LRS (lrs.json, lrs_worker.h); lrs is null when none is configured.
    const LrsSync* lrs = nullptr;
    LrsWorker* lrs_worker = nullptr;   // told when something new is in the outbox
    size_t lrs_statements = 0;         // statements of this attempt already queued
    size_t lrs_waiting = 0;            // attempts waiting to be sent: the status line

    // Start screen.
    Catalogue catalogue;
    std::vector<ModuleStatus> status;       // parallel to catalogue.entries
    std::vector<size_t> unfinished_answers; // answers kept in an unfinished attempt; 0: none
    std::vector<bool> has_unfinished;
    // Per entry, the required modules this trainee has not passed yet: while
    // any are left the module is locked (prerequisites.h). Parallel to entries.
    std::vector<std::vector<std::string>> unmet;
    // Per course section (sections(catalogue) order): modules passed of those
    // the course needs (course_modules); {0, 0} for other sections.
    std::vector<std::pair<int, int>> course_progress;
    bool locked(int entry) const {
        return entry >= 0 && static_cast<size_t>(entry) < unmet.size() && !unmet[static_cast<size_t>(entry)].empty();
    }
    int selected = 0;                       // catalogue entry with keyboard focus

    Screen screen = Screen::Catalogue;
    Screen before_settings = Screen::Catalogue;  // where Esc in settings goes back to

    // The attempt being played.
    std::optional<Session> session;
    AttemptInfo info;
    std::string record_path, record_error;
    std::optional<AnswerOutcome> outcome;  // the last answer's, for the feedback screen
    std::vector<bool> marks;               // pending select / highlight marks, per Mark
    int cursor = 0;                        // keyboard focus among choices / marks
    bool scroll_to_cursor = false;         // the cursor just moved: bring it into view once
    Image image;                           // the current scene's picture

    // Load-error screen.
    std::string error_file;
    Diagnostics error_diagnostics;
    Screen before_error = Screen::Catalogue;

    // One line shown at the top (resumed, reloaded, saved, …), in both languages so
    // it follows a language switch. It lasts until the next answer or screen of
    // modules: a "continuing where you stopped" must not stay for the whole module.
    // One line under the top bar, in the interface's language whichever it is
    // when drawn. Its words are pairs the catalogues translate (say: Polish
    // too); file names and counts go in as they are (as_is).
    struct Notice {
        struct Part {
            std::string nl, en;
            bool literal = false;
        };
        std::vector<Part> parts;
        static Part say(const char* dutch, const char* english) { return {dutch, english, false}; }
        static Part as_is(std::string text) { return {text, text, true}; }
        Notice() = default;
        Notice(std::initializer_list<Part> p) : parts(p) {}
        bool empty() const { return parts.empty(); }
        void clear() { parts.clear(); }
        std::string in(const std::string& language) const {
            const Words w = words_for(language);
            std::string out;
            for (const auto& p : parts) out += p.literal ? p.nl : std::string(w(p.nl.c_str(), p.en.c_str()));
            return out;
        }
    };
    Notice notice;
    // A message composed by a speech engine (with the engine's own status text):
    // Dutch and English only.
    struct Bilingual {
        std::string nl, en;
        bool empty() const { return nl.empty() && en.empty(); }
        const std::string& in(const std::string& language) const { return language == "nl" || language.empty() ? nl : en; }
    };
    float progress_high = 0;   // the progress bar's furthest point this attempt: it never moves back
    std::string best_offered;  // the answered question's best choice among those offered (feedback shows it)
    bool show_help = false; // support contacts panel open
    // Read aloud (speech/): an utterance is under way, and why the last one could
    // not be spoken (drawn under the top bar, and in the projector's corner).
    bool speaking = false;
    Bilingual speech_problem;
    bool watching = false;  // --watch: author mode

    float font_px = 18;     // current font size in pixels, for layout
    float projector_px = 0; // classroom mode: the projector font (io.Fonts->Fonts[1]); 0: not built

    // Where the phone voting server listens (--phone-bind, --phone-port): every
    // interface in a classroom, 127.0.0.1 in the tests.
    std::string phone_bind = "0.0.0.0";
    int phone_port = 8700;
    ClassState klass;       // classroom mode (class_*.cpp)
    TrainerState trainer;   // trainer view (trainer_*.cpp)
};

struct Action {
    enum class Kind {
        None,
        SetLanguage,   // text: a language tag the content has ("nl", "en", "pl")
        SetName, SetVenue, SetRole,  // text
        SelectEntry,   // index
        Start,         // index: catalogue entry; continues an unfinished attempt
        StartFresh,    // index: catalogue entry; always a new attempt
        StartClass,    // index: catalogue entry; classroom mode (class_controller.cpp)
        OpenTrainer,   // the trainer view on the records folder (trainer_controller.cpp)
        ShowErrors,    // index: catalogue entry that did not load
        BeginScenes,   // content note read
        Choose,        // index into Session::available_choices()
        ToggleMark,    // index into scene().marks
        MoveCursor,    // index: new cursor
        Submit,        // select / highlight answer with the pending marks
        Proceed,       // continue scene answered, or feedback read
        Leave,         // pause: back to the start screen, progress kept
        ToggleHelp,
        OpenSettings, CloseSettings,
        SetFontStep,   // index
        SetTheme,      // index (Theme)
        SetScale,      // value
        Back,          // from the load-error or result screen
        ReadAloud,     // read this screen aloud, or stop (F3); the shell's speech does it (window.cpp)
        SetReadAloud,  // index: 0 off, 1 on
        SetReadAuto,   // index: 0 off, 1 on
        SetSpeechRate, // index: 0 slower, 1 normal, 2 faster
    };
    Kind kind = Kind::None;
    int index = 0;
    float value = 0;
    std::string text;

    static Action make(Kind k, int i = 0) { return {k, i, 0, {}}; }
    static Action with_text(Kind k, std::string t) { return {k, 0, 0, std::move(t)}; }
};

}  // namespace signaal::app
