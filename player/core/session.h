// One attempt at a module: the answers in order, and the state they lead to.
// A session is a pure function of (module, answers): replaying the same answers
// always gives the same state and result. Front ends only read it and send it
// answers; they never compute a score or pick a branch themselves.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model.h"

namespace signaal {

// What the learner answered at one scene. `response` holds the chosen choice id
// (choices), the selected option ids (select), the marked target ids
// (highlight), or nothing (continue). `time` is ISO 8601 UTC.
struct Answer {
    std::string scene;
    std::vector<std::string> response;
    std::string time;
};

struct MarkVerdict {
    std::string id;
    bool selected = false;
    bool correct = false;
};

// What one answer gave, for feedback and for the score record.
struct AnswerOutcome {
    std::string scene;
    Interaction kind = Interaction::Continue;
    std::string choice;               // Choices
    std::vector<MarkVerdict> marks;   // Select / Highlight, in the module's order
    int points = 0;
    int max_points = 0;
    bool scored = true;    // false when the scene had been answered before
    bool critical = false;
    int false_alarms = 0;  // wrong options or innocent phrases marked
    std::string next;      // the scene the answer leads to
};

struct SignalStats {
    int hits = 0, misses = 0, false_alarms = 0;
};

struct CriticalError {
    std::string scene, choice;
};

struct Result {
    int raw = 0;
    int max = 0;     // from the graph (see docs/module-format.md)
    int scaled = 0;  // whole percent of max
    int pass_mark = 0;
    bool finished = false;  // an ending was reached
    bool passed = false;
    std::string ending;
    Outcome outcome = Outcome::None;
    std::vector<CriticalError> critical;
    std::map<std::string, SignalStats> signals;
    int false_alarms = 0;
    long long seconds = 0;  // time on task: start to last answer
};

// What a session takes from the module's scene graph. It is the same for every
// session over one module, and building the graph costs more than replaying a
// whole attempt, so whoever replays many records computes it once per module.
struct SessionFacts {
    int max = 0;                    // best total from start to an ending (module_bounds: exact over the states)
    std::vector<int> steps_to_end;  // per scene index
};
SessionFacts session_facts(const Module& m);

class Session {
public:
    // `facts` must be session_facts(*module); computed here when not given.
    explicit Session(ModulePtr module, std::string started = "", std::shared_ptr<const SessionFacts> facts = nullptr);

    const Module& module() const { return *module_; }
    const ModulePtr& module_ptr() const { return module_; }
    const Scene& scene() const { return module_->scenes[static_cast<size_t>(current_)]; }
    bool finished() const { return scene().kind == Interaction::Ending; }
    const std::string& started() const { return started_; }

    // The choices offered now (their when= holds), in this attempt's order:
    // shuffled per scene from the order key unless the scene fixes its order
    // or no key is set (replays and checks need no order: answers are ids).
    std::vector<const Choice*> available_choices() const;
    // Indices into scene().marks in the order a select shows its options
    // (highlight targets keep theirs: they are phrases in the passage).
    std::vector<int> mark_order() const { return mark_order(scene()); }
    // The same for any scene of the module, e.g. the one just answered, whose
    // feedback numbers the options as its question did.
    std::vector<int> mark_order(const Scene& sc) const;
    // The key the display order is drawn from: the attempt's registration, so
    // the same attempt always shows the same order (after a resume too) and the
    // record, which keeps the registration, says which order was shown.
    void set_order_key(std::string key) { order_key_ = std::move(key); }
    const std::string& order_key() const { return order_key_; }
    // The scene's texts whose when= holds.
    std::vector<const Text*> visible_texts() const;

    // Checks the answer against the current scene and applies it. On an answer
    // the module does not allow, returns a message and changes nothing.
    std::variant<AnswerOutcome, std::string> answer(const Answer& a);
    // answer() without handing back a copy of the outcome (outcomes().back()): for replays.
    std::optional<std::string> apply(const Answer& a);

    const std::vector<Answer>& answers() const { return answers_; }
    const std::vector<AnswerOutcome>& outcomes() const { return outcomes_; }
    const VarValues& variables() const { return vars_; }
    Result result() const;
    // Progress as (scenes seen, scenes seen + most scenes still to come).
    std::pair<int, int> progress() const;

private:
    ModulePtr module_;
    std::string started_;
    std::string order_key_;
    int current_ = 0;
    VarValues vars_;
    std::vector<bool> answered_;
    std::vector<Answer> answers_;
    std::vector<AnswerOutcome> outcomes_;
    std::shared_ptr<const SessionFacts> facts_;
    int raw_ = 0;
    std::vector<CriticalError> critical_;
    std::map<std::string, SignalStats> signals_;
    int false_alarms_ = 0;

    std::string route(const std::vector<Route>& rs, const VarValues& vars) const;
};

// The order key for an attempt with this registration: the registration, or
// "" (the module's order) when SIGNAAL_FIXED_ORDER=1 is set, for scripted demos
// and tests that answer by position (docs/gui.md).
std::string order_key_for(const std::string& registration);

// Replays `answers` from the start; stops at the first one the module does not
// allow and says which (1-based) and why.
std::variant<Session, std::string> replay(ModulePtr module, const std::string& started,
                                          const std::vector<Answer>& answers,
                                          std::shared_ptr<const SessionFacts> facts = nullptr);

// Seconds between two ISO 8601 UTC timestamps (b - a); 0 when either is unreadable.
long long seconds_between(const std::string& a, const std::string& b);
// Now as ISO 8601 UTC with milliseconds, e.g. 2026-11-28T11:21:36.123Z.
std::string now_iso();

}  // namespace signaal
