// Applies the teacher's actions in classroom mode. Like controller.cpp, this is
// a place that talks to the core: it sends the class's decisions to the
// Session and writes the class record (never a score record) after each one.
#pragma once
#include "controller.h"
#include "state.h"

namespace signaal::app {

class ClassController {
public:
    explicit ClassController(State& s) : s_(s) {}

    // The class setup screen for `m` (class name, teacher, content note).
    void open(const ModulePtr& m);
    Effects apply(const ClassAction& a);

private:
    bool close_overlay();
    State& s_;
    void begin();
    void next();
    void prev();
    void back();
    void decide(bool override_majority);
    void commit(std::vector<std::string> response, bool overridden, ClassState::DecidedBy by);
    bool set_hands(const std::string& id, int n);  // false (and a message) when it makes more hands than pupils
    void tell(const std::string& both);            // the same line in the panel and on the projector
    bool answer(Answer a);
    void save();
    void new_question();
    void leave();
    std::vector<int> mark_order() const;      // marks in the order shown (a select's is shuffled)
    int options() const;                      // options at the current question
    std::string option_id(int i) const;       // id of option i ("" when none)
};

}  // namespace signaal::app
