#include "class_controller.h"

#include <algorithm>
#include <iterator>

#include "class_phones.h"
#include "hash.h"
#include "words.h"

namespace signaal::app {

using CK = ClassAction::Kind;

void ClassController::open(const ModulePtr& m) {
    ClassState& c = s_.klass;
    const std::string class_name = c.record.class_name, teacher = c.record.teacher;  // kept for the next case
    const int class_size = c.record.class_size;
    phones_stop(s_);
    c = ClassState{};
    c.active = true;
    c.module = m;
    c.record.class_name = class_name;
    c.record.teacher = teacher;
    c.record.class_size = class_size;
    s_.session.reset();
    s_.outcome.reset();
    s_.notice.clear();
    c.resumable = find_unfinished_class(s_.records_dir, *m);
    s_.screen = Screen::ClassSetup;
}

// The interrupted session again, from its record: every decision replayed, the
// class back at the scene after the last one, and the same file written on.
void ClassController::resume() {
    ClassState& c = s_.klass;
    if (!c.resumable) return;
    auto rep = replay_class(c.module, c.resumable->second);
    if (auto* err = std::get_if<std::string>(&rep)) {
        c.message = std::string(words_for(s_.settings.language)("Kan de les niet voortzetten: ", "Cannot continue the lesson: ")) + *err;
        c.resumable.reset();
        return;
    }
    c.record = std::move(c.resumable->second);
    c.resumable.reset();
    s_.session.emplace(std::move(std::get<Session>(rep)));
    s_.session->set_order_key(order_key_for(c.record.session));
    c.message.clear();
    c.support = ClassState::Support::Opening;
    s_.screen = Screen::Class;
    new_question();
    save();
}

void ClassController::save() {
    ClassState& c = s_.klass;
    c.record_error = save_class_record(s_.records_dir, c.record, &c.record_path);
    if (!c.record_error.empty())
        c.message = std::string(words_for(s_.settings.language)("Kan het klasbestand niet opslaan: ", "Cannot save the class record: ")) + c.record_error;
}

void ClassController::begin() {
    ClassState& c = s_.klass;
    const Words w = words_for(s_.settings.language);
    if (c.record.class_name.empty()) {
        c.message = w("Vul eerst de naam van de klas in.", "Enter the class name first.");
        return;
    }
    ClassRecord& r = c.record;
    r.session = random_uuid();
    r.language = s_.settings.language;
    r.module_id = c.module->id;
    r.module_version = c.module->version;
    r.module_sha256 = c.module->sha256;
    r.started = now_iso();
    r.decisions.clear();
    r.finished = false;
    r.ending.clear();
    s_.session.emplace(c.module, r.started);
    // Shuffled per session as for a learner: in the module's order the best
    // answer often comes first, and the class would learn to pick option 1.
    s_.session->set_order_key(order_key_for(r.session));
    c.message.clear();
    c.support = ClassState::Support::Opening;
    s_.screen = Screen::Class;
    new_question();
    save();
}

// Select options in the order the session shows them (shuffled); choices
// come shuffled from available_choices(), highlight phrases keep the passage's order.
std::vector<int> ClassController::mark_order() const {
    std::vector<int> order;
    if (!s_.session) return order;
    const Scene& sc = s_.session->scene();
    if (sc.kind == Interaction::Select) return s_.session->mark_order();
    for (size_t i = 0; i < sc.marks.size(); ++i) order.push_back(static_cast<int>(i));
    return order;
}

int ClassController::options() const {
    if (!s_.session) return 0;
    const Scene& sc = s_.session->scene();
    if (sc.kind == Interaction::Choices) return static_cast<int>(s_.session->available_choices().size());
    if (sc.kind == Interaction::Select || sc.kind == Interaction::Highlight) return static_cast<int>(sc.marks.size());
    return 0;
}

std::string ClassController::option_id(int i) const {
    if (!s_.session || i < 0 || i >= options()) return "";
    const Scene& sc = s_.session->scene();
    if (sc.kind == Interaction::Choices) return s_.session->available_choices()[static_cast<size_t>(i)]->id;
    return sc.marks[static_cast<size_t>(mark_order()[static_cast<size_t>(i)])].id;
}

// A fresh question: every option starts at 0 hands, so the record shows which were offered.
void ClassController::new_question() {
    ClassState& c = s_.klass;
    c.votes.clear();
    for (int i = 0; i < options(); ++i) c.votes[option_id(i)] = 0;
    c.teacher_marks.assign(s_.session ? s_.session->scene().marks.size() : 0, false);
    c.cursor = -1;
    c.entering = false;
    c.typed.clear();
    c.reveal = false;
    c.full = false;
    c.few_hands_warned = false;
    c.projector_message.clear();
    ++c.generation;
}

bool ClassController::answer(Answer a) {
    ClassState& c = s_.klass;
    auto r = s_.session->answer(a);
    if (auto* err = std::get_if<std::string>(&r)) {
        c.message = "internal error: " + *err;  // only allowed answers are offered; a bug shows instead of crashing
        return false;
    }
    if (s_.session->finished()) {
        c.record.finished = true;
        c.record.ending = s_.session->result().ending;
    }
    return true;
}

void ClassController::commit(std::vector<std::string> response, bool overridden, ClassState::DecidedBy by) {
    ClassState& c = s_.klass;
    Session before = *s_.session;
    Answer a{s_.session->scene().id, response, now_iso()};
    if (!answer(a)) return;
    c.before.emplace(std::move(before));
    c.outcome = s_.session->outcomes().back();
    c.record.decisions.push_back({a.scene, c.votes, std::move(response), overridden, a.time});
    save();  // after every decision, so closing the laptop loses nothing
    const Words w = words_for(s_.settings.language);
    c.message = overridden ? w("Besluit opgeslagen (door de docent gekozen, tegen de meerderheid in).",
                               "Decision saved (chosen by the teacher, against the majority).")
                           : w("Besluit opgeslagen.", "Decision saved.");
    c.decided_by = by;
    c.projector_message.clear();
    c.reveal = false;
    c.full = false;
    ++c.generation;
}

// Both lines say the same thing: the teacher's in the panel, the class's on the projector.
void ClassController::tell(const std::string& both) {
    s_.klass.message = both;
    s_.klass.projector_message = both;
}

void ClassController::decide(bool override_majority) {
    ClassState& c = s_.klass;
    const Words w = words_for(s_.settings.language);
    const Scene& sc = s_.session->scene();
    // Phone voting open: Enter first closes it and shows the chart (the counts
    // join the hands); the next Enter decides. O closes it and decides at once.
    if (phones_close(s_) && !override_majority) return;
    const std::vector<std::string> maj = majority(*s_.session, c.votes, c.record.class_size);
    if (!override_majority) {
        const HandCount h = count_hands(sc, c.votes, c.record.class_size);
        if (h.too_few && !c.few_hands_warned) {
            // Warn once: a class that really is half asleep can still be followed with a second Enter.
            c.few_hands_warned = true;
            const std::string of = c.record.class_size > 0 ? std::to_string(h.hands) + w(" van ", " of ") + std::to_string(c.record.class_size) : std::to_string(h.hands);
            tell(h.hands == 0 ? w("Nog geen handen geteld. Tel ze (N of +), of druk nogmaals op Enter om toch te besluiten.",
                                  "No hands counted yet. Count them (N or +), or press Enter again to decide anyway.")
                              : std::string(w("Pas ", "Only ")) + of + w(" handen geteld. Tel verder, of druk nogmaals op Enter om toch te besluiten.",
                                                                          " hands counted. Count on, or press Enter again to decide anyway."));
            return;
        }
        if (sc.kind == Interaction::Choices && maj.empty()) {
            tell(w("Gelijke stand: de docent kiest (optie met pijltjes of 1\xE2\x80\x93" "9, dan O).",
                   "A tie: the teacher decides (select an option with the arrows or 1\xE2\x80\x93" "9, then O)."));
            return;
        }
        commit(maj, false, ClassState::DecidedBy::Class);
        return;
    }
    std::vector<std::string> pick;
    if (sc.kind == Interaction::Choices) {
        pick = {option_id(c.cursor)};
        if (pick[0].empty()) {
            c.message = w("Kies eerst een optie (pijltjes of 1\xE2\x80\x93" "9), dan O.", "Select an option first (arrows or 1\xE2\x80\x93" "9), then O.");
            return;
        }
    } else {
        for (int i = 0; i < options() && static_cast<size_t>(i) < c.teacher_marks.size(); ++i)
            if (c.teacher_marks[static_cast<size_t>(i)]) pick.push_back(option_id(i));
        // The record keeps a response in the module's order, as a learner's answer is.
        std::vector<std::string> in_order;
        for (const auto& m : sc.marks)
            if (std::find(pick.begin(), pick.end(), m.id) != pick.end()) in_order.push_back(m.id);
        pick = std::move(in_order);
    }
    // A tie is no majority to go against: picking one then is not an override.
    const bool tie = sc.kind == Interaction::Choices && maj.empty();
    const bool overridden = tie ? false : pick != maj;
    commit(std::move(pick), overridden,
           tie ? ClassState::DecidedBy::TieBreak : overridden ? ClassState::DecidedBy::Teacher : ClassState::DecidedBy::Class);
}

// Too many hands is a typo (9999 for 9) or a double count: refused, so it cannot flip the majority.
bool ClassController::set_hands(const std::string& id, int n) {
    ClassState& c = s_.klass;
    const Words w = words_for(s_.settings.language);
    std::map<std::string, int> votes = c.votes;
    votes[id] = std::clamp(n, 0, 999);
    if (count_hands(s_.session->scene(), votes, c.record.class_size).too_many) {
        tell(std::string(w("Meer handen dan leerlingen (", "More hands than pupils (")) + std::to_string(c.record.class_size) +
             w("): tel opnieuw.", "): count again."));
        return false;
    }
    c.votes = std::move(votes);
    c.few_hands_warned = false;
    c.projector_message.clear();
    return true;
}

// Back: the session is replayed without the last decision (and the scenes
// after it), and that decision leaves the record; its votes come back on screen.
void ClassController::back() {
    ClassState& c = s_.klass;
    const Words w = words_for(s_.settings.language);
    std::vector<Answer> answers = s_.session->answers();
    if (answers.empty()) {
        c.message = w("Dit is het begin van de casus.", "This is the start of the case.");
        return;
    }
    const Module& m = *c.module;
    size_t cut = answers.size() - 1;  // without decisions: one step back
    for (size_t i = answers.size(); i-- > 0;)
        if (const Scene* sc = m.find_scene(answers[i].scene); sc && sc->is_question()) {
            cut = i;
            break;
        }
    const bool was_decision = m.find_scene(answers[cut].scene)->is_question();
    answers.resize(cut);
    auto rep = replay(c.module, c.record.started, answers);
    if (auto* err = std::get_if<std::string>(&rep)) {
        c.message = "internal error: " + *err;
        return;
    }
    s_.session.emplace(std::move(std::get<Session>(rep)));
    s_.session->set_order_key(order_key_for(c.record.session));
    std::map<std::string, int> votes;
    if (was_decision && !c.record.decisions.empty()) {
        votes = c.record.decisions.back().votes;
        c.record.decisions.pop_back();
    }
    c.record.finished = s_.session->finished();
    c.record.ending = c.record.finished ? s_.session->result().ending : "";
    c.outcome.reset();
    c.before.reset();
    c.slide = -1;
    new_question();
    // With phone voting on the class votes again on the phones: the undone
    // decision's hands (phone counts among them) would be counted twice.
    if (!c.phones)
        for (const auto& [id, n] : votes) c.votes[id] = n;
    save();
    c.message = was_decision ? w("Laatste besluit teruggedraaid en uit het klasbestand gehaald.",
                                 "Last decision undone and removed from the class record.")
                             : w("Een stap terug.", "One step back.");
}

// A blanked screen or a scene preview is closed first by either clicker key.
bool ClassController::close_overlay() {
    ClassState& c = s_.klass;
    if (c.support == ClassState::Support::Opening || c.support == ClassState::Support::Asked) {
        c.support = ClassState::Support::None;
        ++c.generation;
        return true;
    }
    if (c.blank) {
        c.blank = false;
        return true;
    }
    if (c.preview >= 0) {
        c.preview = -1;
        ++c.generation;
        return true;
    }
    return false;
}

void ClassController::next() {
    ClassState& c = s_.klass;
    const Words w = words_for(s_.settings.language);
    if (c.support == ClassState::Support::Closing) {
        c.message = w("Einde van de les. Esc sluit de klassessie.", "End of the lesson. Esc closes the class session.");
        return;
    }
    if (close_overlay()) return;
    if (c.slide >= 0) {
        // After the points: the partner diagram, then the class's choices next to the best ones, then the contacts.
        const int last = static_cast<int>(c.module->debrief.size()) + 1;
        if (c.slide < last) ++c.slide;
        else c.support = ClassState::Support::Closing;
        ++c.generation;
        return;
    }
    if (c.outcome) {
        c.outcome.reset();
        c.before.reset();
        new_question();
        return;
    }
    const Scene& sc = s_.session->scene();
    if (sc.kind == Interaction::Continue) {
        if (answer({sc.id, {}, now_iso()})) {
            save();
            new_question();
        }
    } else if (sc.is_question()) {
        decide(false);
    } else {  // an ending: on to the debrief slides
        c.slide = 0;
        ++c.generation;
    }
}

void ClassController::prev() {
    ClassState& c = s_.klass;
    if (c.support == ClassState::Support::Closing) {  // back to where the lesson was
        c.support = ClassState::Support::None;
        ++c.generation;
        return;
    }
    if (close_overlay()) return;
    if (c.slide >= 0) {
        --c.slide;  // from the first slide back to the ending
        ++c.generation;
        return;
    }
    back();
}

void ClassController::leave() {
    ClassState& c = s_.klass;
    // Esc in a session first shows the contacts on the projector, so no class
    // ends without them and none drops onto the small print of the start screen.
    if (s_.screen == Screen::Class && c.support != ClassState::Support::Closing) {
        c.support = ClassState::Support::Closing;
        c.blank = false;
        c.preview = -1;
        ++c.generation;
        return;
    }
    if (!c.record_path.empty()) s_.notice = {State::Notice::say("Klassessie bewaard in ", "Class session saved in "), State::Notice::as_is(c.record_path)};
    phones_stop(s_);  // the server listens no longer than the class lasts
    c.active = false;
    c.timer_running = false;
    s_.session.reset();
    s_.outcome.reset();
    s_.screen = Screen::Catalogue;
}

Effects ClassController::apply(const ClassAction& a) {
    Effects fx;
    ClassState& c = s_.klass;
    if (!c.active) return fx;
    const bool playing = s_.screen == Screen::Class && s_.session;
    const bool asking = playing && !c.outcome && c.preview < 0 && c.slide < 0 && s_.session->scene().is_question();
    switch (a.kind) {
        case CK::None: break;
        case CK::SetClassName: c.record.class_name = a.text; break;
        case CK::SetTeacher: c.record.teacher = a.text; break;
        case CK::SetClassSize: {
            // Digits only, at most three: the field is typed on a projector keyboard.
            std::string digits;
            for (char ch : a.text)
                if (ch >= '0' && ch <= '9' && digits.size() < 3) digits += ch;
            c.record.class_size = digits.empty() ? 0 : std::stoi(digits);
            break;
        }
        case CK::Begin:
            if (s_.screen == Screen::ClassSetup) {
                begin();
                fx.image = true;
            }
            break;
        case CK::Resume:
            if (s_.screen == Screen::ClassSetup) {
                resume();
                fx.image = true;
            }
            break;
        case CK::Next:
            if (playing) next();
            fx.image = true;
            break;
        case CK::Prev:
            if (playing) prev();
            fx.image = true;
            break;
        case CK::Back:
            if (playing) back();
            fx.image = true;
            break;
        case CK::Cursor:
            if (asking && a.index >= 0 && a.index < options()) {
                c.cursor = a.index;
                c.entering = false;
            }
            break;
        case CK::AddVotes:
            if (asking && c.cursor < 0) c.message = words_for(s_.settings.language)("Kies eerst een optie (pijltjes of 1\xE2\x80\x93" "9).", "Select an option first (arrows or 1\xE2\x80\x93" "9).");
            else if (asking) set_hands(option_id(c.cursor), c.votes[option_id(c.cursor)] + a.index);
            break;
        case CK::SetVotes:
            if (asking && a.index >= 0 && a.index < options()) set_hands(option_id(a.index), a.value);
            break;
        case CK::StartEntry:
            if (asking && c.cursor < 0) c.message = words_for(s_.settings.language)("Kies eerst een optie (pijltjes of 1\xE2\x80\x93" "9).", "Select an option first (arrows or 1\xE2\x80\x93" "9).");
            else if (asking) {
                c.entering = true;
                c.typed.clear();
            }
            break;
        case CK::EntryDigit:
            if (c.entering && c.typed.size() < 3) c.typed += static_cast<char>('0' + a.index);
            break;
        case CK::EntryErase:
            if (c.entering && !c.typed.empty()) c.typed.pop_back();
            break;
        case CK::EntryDone:
            if (c.entering && asking && !c.typed.empty()) set_hands(option_id(c.cursor), std::stoi(c.typed));
            c.entering = false;
            c.typed.clear();
            break;
        case CK::EntryCancel:
            c.entering = false;
            c.typed.clear();
            break;
        case CK::Decide:
            if (asking) decide(false);
            break;
        case CK::Override:
            if (asking) decide(true);
            fx.image = true;
            break;
        case CK::ToggleTeacherMark:
            if (asking && a.index >= 0 && static_cast<size_t>(a.index) < c.teacher_marks.size()) {
                c.teacher_marks[static_cast<size_t>(a.index)] = !c.teacher_marks[static_cast<size_t>(a.index)];
                c.cursor = a.index;
            }
            break;
        case CK::TogglePanel: c.panel = !c.panel; break;
        case CK::ToggleBlank: c.blank = !c.blank; break;
        case CK::Reveal:
            c.reveal = !c.reveal;
            if (c.reveal) ++c.reveal_generation;
            break;
        case CK::ToggleSupport:
            if (c.support == ClassState::Support::None) c.support = ClassState::Support::Asked;
            else if (c.support == ClassState::Support::Asked) c.support = ClassState::Support::None;
            ++c.generation;
            break;
        case CK::Replay:
            c.reveal = false;
            c.full = true;
            ++c.generation;
            break;
        case CK::TimerToggle:
            if (c.timer_running) c.timer_base = c.timer_seconds();
            else c.timer_since = std::chrono::steady_clock::now();
            c.timer_running = !c.timer_running;
            break;
        case CK::TimerReset:
            c.timer_base = 0;
            c.timer_since = std::chrono::steady_clock::now();
            break;
        case CK::Countdown: {
            // Off, then 1, 2, 3 and 5 minutes: the lengths a discussion in class takes.
            static const int steps[] = {0, 60, 120, 180, 300};
            size_t i = 0;
            while (i < std::size(steps) && steps[i] != c.countdown) ++i;
            c.countdown = steps[(i + 1) % std::size(steps)];
            c.timer_base = 0;
            c.timer_since = std::chrono::steady_clock::now();
            break;
        }
        case CK::ToggleList:
            c.list = !c.list;  // the panel shows while the list is open (class_view.cpp), then goes back as it was
            if (c.list && s_.session) c.list_cursor = std::max(0, c.module->scene_index(s_.session->scene().id));
            break;
        case CK::ListCursor:
            c.list_cursor = std::clamp(a.index, 0, static_cast<int>(c.module->scenes.size()) - 1);
            break;
        case CK::Preview:
            if (playing && a.index >= 0 && static_cast<size_t>(a.index) < c.module->scenes.size()) {
                c.preview = a.index;
                c.list = false;
                ++c.generation;
            }
            break;
        case CK::EndPreview:
            c.preview = -1;
            ++c.generation;
            break;
        case CK::Fullscreen: fx.fullscreen = true; break;
        case CK::SwapScreens:
            s_.settings.class_swap_screens = !s_.settings.class_swap_screens;
            fx.screens = true;
            break;
        case CK::TogglePhones:
            if (playing) phones_toggle(s_);
            break;
        case CK::Leave:
            leave();
            fx.fonts = fx.theme = fx.image = true;
            break;
    }
    return fx;
}

}  // namespace signaal::app
