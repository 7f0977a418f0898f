#include "controller.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "class_controller.h"
#include "hash.h"
#include "lrs_worker.h"
#include "prerequisites.h"
#include "text_format.h"
#include "words.h"

namespace signaal::app {

using N = State::Notice;  // a notice's parts: N::say (translated), N::as_is

using K = Action::Kind;

Trainee Controller::trainee() const {
    Trainee t;
    t.name = s_.settings.name.empty() ? "anonymous" : s_.settings.name;  // as the terminal player
    t.venue = s_.settings.venue;
    t.role = s_.settings.role;
    t.id = pseudonymous_id(t.name, t.venue);
    return t;
}

void Controller::refresh_status() {
    const Trainee t = trainee();
    const size_t n = s_.catalogue.entries.size();
    s_.status.assign(n, {});
    s_.has_unfinished.assign(n, false);
    s_.unfinished_answers.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
        const auto& e = s_.catalogue.entries[i];
        if (!e.module) continue;
        s_.status[i] = module_status(s_.records_dir, e.module->id, t.id);
        if (auto u = find_unfinished(s_.records_dir, e.module->id, t.id)) {
            s_.has_unfinished[i] = true;
            s_.unfinished_answers[i] = u->second.answers.size();
        }
    }
    // Passed as the list shows it: a passing record of this trainee here.
    std::map<std::string, bool> passed;
    for (size_t i = 0; i < n; ++i)
        if (const auto& e = s_.catalogue.entries[i]; e.module) passed[e.module->id] |= s_.status[i].standing == Standing::Passed;
    const auto is_passed = [&](const std::string& id) { return passed.count(id) && passed.at(id); };
    s_.unmet.assign(n, {});
    for (size_t i = 0; i < n; ++i)
        if (const auto& e = s_.catalogue.entries[i]; e.module) s_.unmet[i] = unmet_prerequisites(*e.module, is_passed);
    std::vector<const Module*> loaded;
    for (const auto& e : s_.catalogue.entries)
        if (e.module) loaded.push_back(e.module.get());
    s_.course_progress.clear();
    for (const auto& part : sections(s_.catalogue)) {
        std::pair<int, int> p{0, 0};
        if (part.kind == Section::Course)
            for (const auto& id : course_modules(loaded, part.course)) {
                ++p.second;
                p.first += is_passed(id);
            }
        s_.course_progress.push_back(p);
    }
}

void Controller::save_settings_now() {
    if (auto err = save_settings(s_.settings_path, s_.settings))
        s_.notice = {N::say("Instellingen niet opgeslagen: ", "Settings not saved: "), N::as_is(*err)};
}

void Controller::save_record_now() {
    Saved r = save_record(s_.records_dir, *s_.session, s_.info);
    s_.record_path = r.path;
    s_.record_error = r.error;
    if (!r.error.empty()) {
        s_.notice = {N::say("Kan het scorebestand niet opslaan: ", "Cannot save the score record: "), N::as_is(r.error)};
        return;
    }
    if (!s_.lrs) return;
    // The record is safe; an outbox that cannot be written only delays the LRS.
    if (auto e = s_.lrs->queue(*s_.session, s_.info, s_.lrs_statements); !e.empty())
        s_.notice = {N::say("Nog niet klaargezet voor verzending: ", "Not yet queued for sending: "), N::as_is(e)};
    if (s_.lrs_worker) s_.lrs_worker->queued();
}

// A pause on a select or highlight question keeps the marks made so far in
// the record (InProgress), so resuming shows them again; a crash loses at
// most them, the answer in progress.
std::string Controller::save_marks_in_progress() {
    const Scene& sc = s_.session->scene();
    if (s_.screen != Screen::Scene || (sc.kind != Interaction::Select && sc.kind != Interaction::Highlight)) return "";
    InProgress pending{sc.id, {}};
    for (size_t i = 0; i < sc.marks.size() && i < s_.marks.size(); ++i)
        if (s_.marks[i]) pending.marks.push_back(sc.marks[i].id);
    if (pending.marks.empty()) pending.scene.clear();  // none now: drop what an earlier pause kept
    return save_record(s_.records_dir, *s_.session, s_.info, &pending).error;
}

// The marks a paused question had, once it is shown again.
void Controller::restore_marks(const InProgress& pending) {
    const Scene& sc = s_.session->scene();
    if (pending.scene != sc.id) return;
    for (size_t i = 0; i < sc.marks.size() && i < s_.marks.size(); ++i)
        s_.marks[i] = std::find(pending.marks.begin(), pending.marks.end(), sc.marks[i].id) != pending.marks.end();
}

void Controller::reset_question() {
    s_.marks.assign(s_.session ? s_.session->scene().marks.size() : 0, false);
    // Nothing is focused or chosen when a question opens: Enter alone must not
    // answer it (an Enter pressed twice on the feedback before once answered
    // the next question unseen with option 1).
    s_.cursor = -1;
    s_.scroll_to_cursor = false;
}

void Controller::begin_attempt(const ModulePtr& m, bool fresh) {
    s_.session.reset();
    s_.outcome.reset();
    s_.notice.clear();
    s_.record_error.clear();
    s_.info = AttemptInfo{};
    s_.lrs_statements = 0;
    s_.info.trainee = trainee();
    s_.info.language = s_.settings.language;
    // The same resume rule as the terminal player: the newest unfinished record
    // of this trainee, only if it belongs to exactly this version of the module.
    InProgress pending;
    if (!fresh) {
        if (auto found = find_unfinished(s_.records_dir, m->id, s_.info.trainee.id)) {
            const StoredRecord& r = found->second;
            if (r.module_sha256 != m->sha256) {
                s_.notice = {N::say("Je onafgemaakte poging hoort bij een oudere versie van de module; je begint opnieuw.",
                                    "Your unfinished attempt belongs to an older version of the module; you start afresh.")};
            } else {
                auto rep = replay(m, r.started, r.answers);
                if (auto* ses = std::get_if<Session>(&rep)) {
                    s_.session.emplace(std::move(*ses));
                    pending = r.in_progress;
                    s_.info.registration = r.info.registration;
                    s_.record_path = found->first;
                    const std::string n = std::to_string(r.answers.size());
                    s_.notice = {N::say("Je gaat verder waar je gestopt was (", "Continuing where you stopped ("), N::as_is(n),
                                 N::say(" antwoorden bewaard).", " answers kept).")};
                }
            }
        }
    }
    if (!s_.session) {
        s_.info.registration = random_uuid();
        s_.session.emplace(m);
        save_record_now();
    }
    s_.session->set_order_key(order_key_for(s_.info.registration));
    s_.progress_high = progress_share(*s_.session);  // a resumed attempt starts where it was
    reset_question();
    restore_marks(pending);
    s_.screen = Screen::ContentNote;
}

void Controller::answer(std::vector<std::string> response) {
    Answer a;
    a.scene = s_.session->scene().id;
    a.response = std::move(response);
    a.time = now_iso();
    const Interaction kind = s_.session->scene().kind;
    // Before the answer moves the session on: the best of the choices this
    // trainee was offered (a choice behind a false when= was never theirs).
    s_.best_offered.clear();
    int best_points = -1;
    if (kind == Interaction::Choices)
        for (const Choice* c : s_.session->available_choices())
            if (c->points > best_points) best_points = c->points, s_.best_offered = c->id;
    auto r = s_.session->answer(a);
    if (auto* err = std::get_if<std::string>(&r)) {
        // The screens only offer allowed answers; if this happens it is a bug,
        // and the learner sees it instead of a crash.
        s_.notice = {N::say("interne fout: ", "internal error: "), N::as_is(*err)};
        return;
    }
    s_.outcome = std::get<AnswerOutcome>(r);
    s_.progress_high = std::max(s_.progress_high, progress_share(*s_.session));
    s_.notice.clear();      // what was said before this answer is over now
    save_record_now();  // after every answer: leaving at any moment loses nothing
    if (kind == Interaction::Continue) {
        s_.screen = s_.session->finished() ? Screen::Result : Screen::Scene;
        reset_question();
    } else {
        s_.screen = Screen::Feedback;
    }
}

void Controller::to_catalogue() {
    s_.notice.clear();
    s_.session.reset();
    s_.outcome.reset();
    s_.screen = Screen::Catalogue;
    refresh_status();
}

Effects Controller::apply(const Action& a) {
    Effects fx;
    const auto entry = [&](int i) -> const CatalogueEntry* {
        return i >= 0 && static_cast<size_t>(i) < s_.catalogue.entries.size() ? &s_.catalogue.entries[static_cast<size_t>(i)] : nullptr;
    };
    switch (a.kind) {
        case K::None: break;
        case K::SetLanguage:
            if (valid_language_tag(a.text)) s_.settings.language = a.text;
            s_.info.language = s_.settings.language;
            save_settings_now();
            break;
        case K::SetName: s_.settings.name = a.text; refresh_status(); break;
        case K::SetVenue: s_.settings.venue = a.text; refresh_status(); break;
        case K::SetRole: s_.settings.role = a.text; break;
        case K::SelectEntry:
            if (entry(a.index)) s_.selected = a.index;
            break;
        case K::Start:
        case K::StartFresh:
            if (const CatalogueEntry* e = entry(a.index)) {
                save_settings_now();  // the trainee details typed so far
                if (!e->module) {
                    s_.error_file = e->path;
                    s_.error_diagnostics = e->diagnostics;
                    s_.before_error = Screen::Catalogue;
                    s_.screen = Screen::LoadError;
                } else if (s_.locked(a.index)) {
                    // The screen disables Start; a key press must not get round it.
                    s_.notice = {N::say("Deze module gaat open als je eerst deze modules haalt: ",
                                        "This module opens once you have passed these modules first: "),
                                 N::as_is(module_titles(s_.catalogue, s_.unmet[static_cast<size_t>(a.index)], s_.settings.language))};
                } else {
                    begin_attempt(e->module, a.kind == K::StartFresh);
                    fx.image = true;
                }
            }
            break;
        case K::StartClass:
            // The projector font and high-contrast colours come with classroom mode.
            if (const CatalogueEntry* e = entry(a.index); e && e->module) {
                save_settings_now();
                ClassController(s_).open(e->module);
                fx.fonts = fx.theme = fx.image = true;
            }
            break;
        case K::OpenTrainer: break;  // the shell opens it: it owns the background job (window.cpp)
        case K::ShowErrors:
            if (const CatalogueEntry* e = entry(a.index)) {
                s_.error_file = e->path;
                s_.error_diagnostics = e->diagnostics;
                s_.before_error = Screen::Catalogue;
                s_.screen = Screen::LoadError;
            }
            break;
        case K::BeginScenes:
            if (s_.session) s_.screen = s_.session->finished() ? Screen::Result : Screen::Scene;
            break;
        case K::Choose:
            if (s_.session && s_.screen == Screen::Scene) {
                auto offered = s_.session->available_choices();
                if (a.index >= 0 && static_cast<size_t>(a.index) < offered.size()) answer({offered[static_cast<size_t>(a.index)]->id});
            }
            break;
        case K::ToggleMark:
            if (a.index >= 0 && static_cast<size_t>(a.index) < s_.marks.size()) {
                s_.marks[static_cast<size_t>(a.index)] = !s_.marks[static_cast<size_t>(a.index)];
                s_.cursor = a.index;  // a highlight's cursor is the mark; a select's the shown position
                if (s_.session && s_.session->scene().kind == Interaction::Select) {
                    const auto order = s_.session->mark_order();
                    s_.cursor = static_cast<int>(std::find(order.begin(), order.end(), a.index) - order.begin());
                }
            }
            break;
        case K::MoveCursor:
            s_.cursor = a.index;
            s_.scroll_to_cursor = true;
            break;
        case K::Submit:
            if (s_.session && s_.screen == Screen::Scene && s_.session->scene().is_question()) {
                std::vector<std::string> ids;
                const auto& marks = s_.session->scene().marks;
                for (size_t i = 0; i < marks.size() && i < s_.marks.size(); ++i)
                    if (s_.marks[i]) ids.push_back(marks[i].id);
                answer(std::move(ids));
            }
            break;
        case K::Proceed:
            if (!s_.session) break;
            if (s_.screen == Screen::Scene && s_.session->scene().kind == Interaction::Continue) {
                answer({});
                fx.image = true;
            } else if (s_.screen == Screen::Feedback) {
                s_.screen = s_.session->finished() ? Screen::Result : Screen::Scene;
                s_.outcome.reset();
                reset_question();
                fx.image = true;
            }
            break;
        case K::Leave:
            if (s_.session && s_.session->answers().empty() && !s_.record_path.empty()) {
                // "Not now" before any answer: nothing to continue later.
                std::error_code ec;
                std::filesystem::remove(s_.record_path, ec);
                s_.record_path.clear();
                to_catalogue();
            } else {
                const bool saved = s_.session && !s_.record_path.empty();
                const std::string error = saved ? save_marks_in_progress() : "";
                to_catalogue();
                if (!error.empty())
                    s_.notice = {N::say("Kan het scorebestand niet opslaan: ", "Cannot save the score record: "), N::as_is(error)};
                else if (saved)
                    s_.notice = {N::say("Gepauzeerd. Je voortgang is bewaard.", "Paused. Your progress is saved.")};
            }
            fx.image = true;
            break;
        case K::ToggleHelp: s_.show_help = !s_.show_help; break;
        case K::OpenSettings:
            s_.before_settings = s_.screen;
            s_.screen = Screen::Settings;
            break;
        case K::CloseSettings:
            s_.screen = s_.before_settings;
            save_settings_now();
            break;
        case K::SetFontStep:
            s_.settings.font_step = std::clamp(a.index, 0, kFontSteps - 1);
            fx.fonts = true;
            save_settings_now();
            break;
        case K::SetTheme:
            s_.settings.theme = static_cast<Theme>(std::clamp(a.index, 0, 2));
            fx.theme = true;
            save_settings_now();
            break;
        case K::SetScale:
            s_.settings.ui_scale = a.value;
            fx.fonts = true;
            save_settings_now();
            break;
        case K::Back:
            if (s_.screen == Screen::LoadError) s_.screen = s_.before_error;
            else to_catalogue();
            fx.image = true;
            break;
        case K::ReadAloud: break;  // the shell speaks: it owns the speech engine (window.cpp)
        case K::SetReadAloud:
            s_.settings.read_aloud = a.index != 0;
            save_settings_now();
            break;
        case K::SetReadAuto:
            s_.settings.read_auto = a.index != 0;
            save_settings_now();
            break;
        case K::SetSpeechRate:
            s_.settings.speech_rate = std::clamp(a.index, 0, 2);
            save_settings_now();
            break;
    }
    return fx;
}

void Controller::reloaded(const std::string& path, const LoadResult& lr) {
    if (!lr.module) {
        s_.notice.clear();  // an earlier "reloaded" would read as if this save had worked
        s_.error_file = path;
        s_.error_diagnostics = lr.diagnostics;
        if (s_.screen != Screen::LoadError) s_.before_error = s_.screen;
        s_.screen = Screen::LoadError;
        return;
    }
    if (!s_.session) {
        begin_attempt(lr.module, true);
        return;
    }
    const std::vector<Answer> answers = s_.session->answers();
    const std::string started = s_.session->started();
    // Keep the longest prefix of the answers that the changed module still accepts.
    for (size_t n = answers.size() + 1; n-- > 0;) {
        auto rep = replay(lr.module, started, std::vector<Answer>(answers.begin(), answers.begin() + static_cast<long>(n)));
        if (auto* ses = std::get_if<Session>(&rep)) {
            s_.session.emplace(std::move(*ses));
            s_.session->set_order_key(order_key_for(s_.info.registration));
            const std::string kept = std::to_string(n) + " / " + std::to_string(answers.size());
            s_.notice = {N::say("Module opnieuw geladen; ", "Module reloaded; "), N::as_is(kept), N::say(" antwoorden behouden.", " answers kept.")};
            break;
        }
    }
    s_.outcome.reset();
    reset_question();
    const Screen before = s_.screen == Screen::LoadError ? s_.before_error : s_.screen;
    if (before == Screen::ContentNote || before == Screen::Settings) s_.screen = before;
    else s_.screen = s_.session->finished() ? Screen::Result : Screen::Scene;
    save_record_now();
}

}  // namespace signaal::app
