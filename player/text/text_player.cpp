#include "text_player.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "catalogue.h"
#include "module_status.h"
#include "prerequisites.h"
#include "hash.h"
#include "language_option.h"
#include "loader.h"
#include "lrs_sync.h"
#include "records.h"
#include "session.h"
#include "text_format.h"
#include "platform.h"
#include "translate.h"

namespace signaal {

void add_text_options(CLI::App& app, TextOptions& o) {
    app.add_option("--trainee", o.trainee, "Trainee's name (asked when missing on a terminal)");
    app.add_option("--venue", o.venue, "Trainee's hotel, park, school or organisation");
    app.add_option("--role", o.role, "Trainee's job or role");
    app.add_option("--records", o.records_dir, "Folder for score records (default: " + default_records_dir() + ")");
    app.add_option("--lang", o.lang, "Language of the texts and the interface: nl, en, pl, ... (a BCP 47 tag)")
        ->check(language_tag_check());
    app.add_option("--content", o.content_dirs, "Content folder(s) to find modules in (repeatable)");
    app.add_flag("--new", o.fresh, "Start a new attempt even if an unfinished one exists");
    app.add_option("--outbox", o.outbox_dir, "Folder of statements waiting for the LRS (default: " + default_outbox_dir() + ")");
    app.add_flag("--send", o.send_only, "Send the statements waiting in the outbox to the LRS (lrs.json) and stop");
}

namespace {

// Wraps a paragraph at `width` code points. The first line starts with `first`,
// the others with as many spaces, so numbered items hang neatly.
std::string wrap(const std::string& text, size_t width, const std::string& first = "") {
    auto cps = [](const std::string& s) {
        size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
    };
    const std::string rest(cps(first), ' ');
    width = width > rest.size() + 20 ? width - rest.size() : 20;
    std::istringstream in(text);
    std::string out, line, word;
    size_t len = 0;
    bool first_line = true;
    auto flush = [&] {
        out += (first_line ? first : rest) + line + "\n";
        first_line = false;
        line.clear();
        len = 0;
    };
    while (in >> word) {
        size_t w = cps(word);
        if (len > 0 && len + 1 + w > width) flush();
        if (len > 0) {
            line += ' ';
            ++len;
        }
        line += word;
        len += w;
    }
    if (!line.empty()) flush();
    return out;
}

class TextPlayer {
public:
    TextPlayer(const TextOptions& o, std::istream& in, std::ostream& out, std::ostream& err, bool interactive)
        : o_(o), in_(in), out_(out), err_(err), interactive_(interactive), w_{o.lang},
          sync_(o.outbox_dir.empty() ? default_outbox_dir() : o.outbox_dir,
                o.content_dirs.empty() ? default_content_dirs() : o.content_dirs) {
        if (!sync_.config_error().empty()) err_ << sync_.config_error() << "\n";  // once; playing goes on without the LRS
    }

    // --send: one round, a short wait for the LRS at most.
    int send_only() {
        if (!sync_.configured()) {
            err_ << w_("Geen LRS ingesteld (lrs.json); niets verzonden.", "No LRS configured (lrs.json); nothing sent.") << "\n";
            return sync_.config_error().empty() ? kExitFinished : kExitNotSent;
        }
        return send() ? kExitFinished : kExitNotSent;
    }

    // At the end of an attempt and at exit: one round with a short timeout; what
    // does not get through stays in the outbox for the next run. True when the
    // outbox is empty.
    bool send() {
        if (!sync_.configured()) return true;
        SendRound r = sync_.send_round(kShortTimeoutSeconds);
        size_t waiting = sync_.outbox().waiting_attempts();
        if (r.state == PostState::stored && waiting == 0) return true;
        if (!r.message.empty()) err_ << r.message << "\n";
        err_ << waiting << w_(" poging(en) wachten op verzending in ", " attempt(s) waiting to be sent in ") << sync_.outbox().dir() << "\n";
        return false;
    }

    int run() {
        int rc = play();
        send();
        return rc;
    }

    int play() {
        std::string path = resolve_module();
        if (path.empty()) return kExitLoadError;
        LoadResult lr = load_module_file(path);
        for (const auto& d : lr.diagnostics)
            if (d.severity == Severity::Error) err_ << d.str() << "\n";
        if (!lr.module) {
            err_ << w_("De module kan niet worden geladen.", "The module could not be loaded.") << "\n";
            return kExitLoadError;
        }
        module_ = lr.module;
        const Module& m = *module_;
        records_ = o_.records_dir.empty() ? default_records_dir() : o_.records_dir;

        say_title();
        if (!ask_trainee()) return kExitStopped;
        if (locked()) return kExitLocked;
        std::optional<Session> session = resume();
        if (!session) {
            info_.registration = random_uuid();
            session.emplace(module_);
            if (!save(*session)) return kExitRecordError;
        }
        Session& s = *session;
        s.set_order_key(order_key_for(info_.registration));

        if (s.answers().empty() && !content_note()) return stopped();
        while (!s.finished()) {
            int rc = play_scene(s);
            if (rc >= 0) return rc;
        }
        show_result(s);
        (void)m;
        return kExitFinished;
    }

private:
    const TextOptions& o_;
    std::istream& in_;
    std::ostream& out_;
    std::ostream& err_;
    bool interactive_;
    Words w_;
    ModulePtr module_;
    std::string records_;
    AttemptInfo info_;
    std::string record_path_;
    LrsSync sync_;
    size_t queued_ = 0;  // statements of this attempt already in the outbox
    static constexpr long kShortTimeoutSeconds = 5;

    std::string T(const Text& t) const { return t.get(o_.lang, module_ ? module_->fallback_language() : "nl"); }
    // Paragraphs separated by blank lines; `indent` before every line.
    void para(const Text& t, const std::string& indent = "", bool blank_lines = true) {
        auto ps = paragraphs(T(t));
        for (size_t i = 0; i < ps.size(); ++i) {
            if (i > 0 && blank_lines) out_ << "\n";
            bool bullet = ps[i].rfind("- ", 0) == 0;
            out_ << wrap(bullet ? ps[i].substr(2) : ps[i], 76, indent + (bullet ? "• " : ""));
        }
    }

    // No module named: list the catalogue and let the learner pick one.
    std::string pick_module() {
        auto dirs = o_.content_dirs.empty() ? default_content_dirs() : o_.content_dirs;
        Catalogue c = load_catalogue(dirs);
        std::vector<const CatalogueEntry*> ok;
        out_ << w_("Modules in ", "Modules in ") << (dirs.empty() ? "" : dirs.front()) << ":\n";
        // The number each module gets in the list, so that a module that opens
        // only after others can say "opens after 1, 2": the trainee is asked
        // for after the pick, so the list cannot yet tell who has passed what.
        std::map<std::string, size_t> number_of;
        size_t listed = 0;  // counts as `ok` will below, a second module with the same id too
        for (const auto& e : c.entries)
            if (e.module) number_of.emplace(e.module->id, ++listed);
        const auto parts = sections(c);
        size_t part = 0;
        for (size_t i = 0; i < c.entries.size(); ++i) {
            const CatalogueEntry& e = c.entries[i];
            // A heading per course, as on the start screen; the authors' example comes last.
            if (part < parts.size() && parts[part].first == static_cast<int>(i)) {
                const CatalogueSection& p = parts[part++];
                out_ << "\n  "
                     << (p.kind == Section::Cases     ? std::string(w_("Casusverhalen", "Case stories"))
                         : p.kind == Section::Authors ? std::string(w_("Voor auteurs: de voorbeeldmodule", "For authors: the example module"))
                         : p.kind == Section::Broken  ? std::string(w_("Laden niet gelukt", "Could not be loaded"))
                         : !p.title.empty()           ? T(p.title)
                                                      : std::string(w_("Cursus ", "Course ")) + p.course)
                     << "\n";
            }
            if (!e.module) {
                out_ << "   -  " << e.path << w_(" (laadt niet: ", " (does not load: ")
                     << (e.diagnostics.empty() ? "?" : e.diagnostics.front().str()) << ")\n";
                continue;
            }
            ok.push_back(&e);
            // The languages the module is complete in, as tags with commas: "(5 min · nl, en, pl)";
            // with spaces only, "nl en pl" reads in Dutch as "nl and pl".
            std::string langs;
            for (const auto& l : e.module->complete_languages()) langs += (langs.empty() ? " " : ", ") + l;
            std::string after;
            for (const auto& r : e.module->prerequisites) {
                const auto n = number_of.find(r.id);
                after += (after.empty() ? "" : ", ") + (n == number_of.end() ? r.id : std::to_string(n->second));
            }
            if (!after.empty()) after = std::string(" \xC2\xB7 ") + w_("opent na ", "opens after ") + after;
            out_ << wrap(e.module->title.get(o_.lang, e.module->fallback_language()) + " (" + std::to_string(e.module->minutes) +
                             " min \xC2\xB7" + langs + after + ")",
                         74, "  " + std::to_string(ok.size()) + ". ");
        }
        if (ok.empty()) {
            err_ << w_("Geen modules gevonden.", "No modules found.") << "\n";
            return "";
        }
        if (!interactive_) {
            err_ << w_("Geef een module op: signaal --text MODULE", "Name a module: signaal --text MODULE") << "\n";
            return "";
        }
        out_ << w_("Kies een module (nummer), of q om te stoppen.", "Choose a module (number), or q to stop.") << "\n";
        std::string line;
        std::vector<size_t> pick;
        while (read(line) && !is_quit(line)) {
            pick.clear();
            if (numbers(line, ok.size(), pick) && pick.size() == 1) return ok[pick[0] - 1]->path;
            out_ << w_("Typ een nummer van 1 tot ", "Type a number from 1 to ") << ok.size() << "\n";
        }
        return "";
    }

    std::string resolve_module() {
        if (o_.module.empty()) return pick_module();
        if (std::filesystem::is_regular_file(platform::to_path(o_.module))) return o_.module;
        auto dirs = o_.content_dirs.empty() ? default_content_dirs() : o_.content_dirs;
        for (const auto& f : find_module_files(dirs)) {
            LoadResult r = load_module_file(f);
            if (r.module && r.module->id == o_.module) return f;
        }
        err_ << o_.module << ":1:1: error: " << w_("geen modulebestand en geen module-id in de inhoudsmappen", "not a module file, nor a module id in the content folders") << "\n";
        return "";
    }

    // A module whose prerequisites this trainee has not passed (on this
    // computer's records, as the window decides) does not start.
    bool locked() {
        if (module_->prerequisites.empty()) return false;
        const std::string trainee = info_.trainee.id;
        auto unmet = unmet_prerequisites(*module_, [&](const std::string& id) {
            return module_status(records_, id, trainee).standing == Standing::Passed;
        });
        if (unmet.empty()) return false;
        Catalogue c = load_catalogue(o_.content_dirs.empty() ? default_content_dirs() : o_.content_dirs);
        err_ << w_("Deze module gaat open als je eerst deze modules haalt: ",
                   "This module opens once you have passed these modules first: ")
             << module_titles(c, unmet, o_.lang) << "\n";
        return true;
    }

    // Reads one line; false at end of input. "q" means stop.
    bool read(std::string& line) {
        if (interactive_) out_ << "> " << std::flush;
        if (!std::getline(in_, line)) return false;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
    }
    static bool is_quit(const std::string& l) { return l == "q" || l == "Q" || l == "stop"; }

    int stopped() {
        out_ << "\n" << w_("Gestopt. Je voortgang is bewaard in ", "Stopped. Your progress is saved in ") << record_path_ << "\n"
             << w_("Start dezelfde opdracht opnieuw om verder te gaan.", "Run the same command again to continue.") << "\n";
        return kExitStopped;
    }

    void say_title() {
        const Module& m = *module_;
        out_ << "\n== " << T(m.title) << " ==\n";
        out_ << w_("Ongeveer ", "About ") << m.minutes << w_(" minuten · slaaggrens ", " minutes · pass mark ") << m.pass_mark << "%\n\n";
    }

    bool ask_trainee() {
        Trainee& t = info_.trainee;
        t.name = o_.trainee;
        t.venue = o_.venue;
        t.role = o_.role;
        if (interactive_) {
            std::string line;
            if (t.name.empty()) {
                out_ << w_("Je naam: ", "Your name: ");
                if (!read(line)) return false;
                t.name = line;
            }
            if (t.venue.empty() && o_.trainee.empty()) {
                out_ << w_("Je hotel, park of organisatie: ", "Your hotel, park or organisation: ");
                if (!read(line)) return false;
                t.venue = line;
            }
            if (t.role.empty() && o_.trainee.empty()) {
                out_ << w_("Je functie: ", "Your job: ");
                if (!read(line)) return false;
                t.role = line;
            }
        }
        if (t.name.empty()) t.name = "anonymous";
        t.id = pseudonymous_id(t.name, t.venue);
        info_.language = o_.lang;
        return true;
    }

    std::optional<Session> resume() {
        if (o_.fresh) return std::nullopt;
        auto found = find_unfinished(records_, module_->id, info_.trainee.id);
        if (!found) return std::nullopt;
        const StoredRecord& r = found->second;
        if (r.module_sha256 != module_->sha256) {
            out_ << w_("Je onafgemaakte poging hoort bij een oudere versie van de module; je begint opnieuw.",
                       "Your unfinished attempt belongs to an older version of the module; you start afresh.")
                 << "\n\n";
            return std::nullopt;
        }
        auto rep = replay(module_, r.started, r.answers);
        if (!std::holds_alternative<Session>(rep)) return std::nullopt;
        info_.registration = r.info.registration;
        record_path_ = found->first;
        out_ << w_("Je gaat verder waar je gestopt was (", "Continuing where you stopped (") << r.answers.size()
             << (r.answers.size() == 1 ? w_(" antwoord bewaard).", " answer kept).") : w_(" antwoorden bewaard).", " answers kept).")) << "\n\n";
        return std::move(std::get<Session>(rep));
    }

    bool save(const Session& s) {
        Saved r = save_record(records_, s, info_);
        record_path_ = r.path;
        if (!r.error.empty()) {
            err_ << w_("Kan het scorebestand niet opslaan: ", "Cannot save the score record: ") << r.error << "\n";
            return false;
        }
        // The record is safe; a full disk for the outbox must not stop the attempt.
        if (auto e = sync_.queue(s, info_, queued_); !e.empty()) err_ << "LRS: " << e << "\n";
        return true;
    }

    bool content_note() {
        out_ << w_("Voordat je begint", "Before you start") << "\n";
        para(module_->content_note, "  ");
        out_ << "\n" << w_("Hulp en melden:", "Help and reporting:") << "\n";
        for (const auto& c : module_->support) out_ << wrap(T(c.label) + ": " + T(c.detail), 76, "  - ");
        out_ << "\n";
        if (!interactive_) return true;
        out_ << w_("Druk op Enter om te beginnen, of q om te stoppen.", "Press Enter to start, or q to stop.") << "\n";
        std::string line;
        return read(line) && !is_quit(line);
    }

    void scene_header(const Session& s) {
        const Scene& sc = s.scene();
        auto [done, total] = s.progress();
        out_ << "---- [" << done << "/" << total << "]";
        if (!sc.role.empty())
            if (const Labelled* r = module_->find_role(sc.role)) out_ << " " << w_("Jij bent: ", "You are: ") << T(r->label);
        out_ << "\n";
        if (!sc.heading.empty()) out_ << "# " << T(sc.heading) << "\n";
        if (!sc.image.empty()) out_ << w_("[afbeelding: ", "[image: ") << sc.image << "]\n";
        for (const Text* t : s.visible_texts()) {
            para(*t);
            out_ << "\n";
        }
    }

    // Parses "1 3" / "1,3" into distinct 1-based numbers within [1, n]; false on anything else.
    static bool numbers(const std::string& line, size_t n, std::vector<size_t>& out) {
        std::string l = line;
        for (auto& c : l)
            if (c == ',' || c == ';') c = ' ';
        std::istringstream in(l);
        std::set<size_t> seen;
        for (std::string tok; in >> tok;) {
            size_t v = 0;
            for (char c : tok) {
                if (c < '0' || c > '9') return false;
                v = v * 10 + static_cast<size_t>(c - '0');
                if (v > 1000) return false;
            }
            if (v < 1 || v > n || !seen.insert(v).second) return false;
            out.push_back(v);
        }
        return true;
    }

    // Returns -1 to go on, or an exit code.
    int play_scene(Session& s) {
        const Scene& sc = s.scene();
        scene_header(s);
        Answer a;
        a.scene = sc.id;
        std::string line;
        switch (sc.kind) {
            case Interaction::Continue:
                out_ << w_("[Enter] verder", "[Enter] continue") << "\n";
                if (!read(line) || is_quit(line)) return stopped();
                break;
            case Interaction::Choices: {
                auto offered = s.available_choices();
                if (!sc.prompt.empty()) out_ << "\n" << T(sc.prompt) << "\n";
                for (size_t i = 0; i < offered.size(); ++i) out_ << wrap(T(offered[i]->label), 72, "  " + std::to_string(i + 1) + ". ");
                std::vector<size_t> pick;
                while (true) {
                    if (!read(line) || is_quit(line)) return stopped();
                    pick.clear();
                    if (numbers(line, offered.size(), pick) && pick.size() == 1) break;
                    out_ << w_("Typ een nummer van 1 tot ", "Type a number from 1 to ") << offered.size() << w_(" (of q om te stoppen).", " (or q to stop).") << "\n";
                }
                a.response = {offered[pick[0] - 1]->id};
                break;
            }
            case Interaction::Select:
            case Interaction::Highlight: {
                bool sel = sc.kind == Interaction::Select;
                if (!sc.prompt.empty()) out_ << "\n" << T(sc.prompt) << "\n";
                if (!sel) show_passage(sc);
                // Numbers count the options as shown (a select's are in this attempt's order).
                const std::vector<int> order = s.mark_order();
                for (size_t i = 0; i < order.size(); ++i) {
                    const Mark& m = sc.marks[static_cast<size_t>(order[i])];
                    out_ << wrap(sel ? T(m.label) : phrase(sc, m.id), 72, "  " + std::to_string(i + 1) + ". ");
                }
                out_ << (sel ? w_("Typ de nummers van alles wat je kiest, met spaties ertussen (Enter: geen).",
                                  "Type the numbers of everything you choose, separated by spaces (Enter: none).")
                             : w_("Typ de nummers van de verdachte zinnen, met spaties ertussen (Enter: geen).",
                                  "Type the numbers of the suspicious phrases, separated by spaces (Enter: none)."))
                     << "\n";
                std::vector<size_t> pick;
                while (true) {
                    if (!read(line) || is_quit(line)) return stopped();
                    pick.clear();
                    if (numbers(line, sc.marks.size(), pick)) break;
                    out_ << w_("Typ nummers van 1 tot ", "Type numbers from 1 to ") << sc.marks.size() << w_(", elk één keer.", ", each once.") << "\n";
                }
                for (size_t p : pick) a.response.push_back(sc.marks[static_cast<size_t>(order[p - 1])].id);
                break;
            }
            case Interaction::Ending:
                return -1;
        }
        a.time = now_iso();
        auto r = s.answer(a);
        if (auto* e = std::get_if<std::string>(&r)) {
            err_ << "internal error: " << *e << "\n";  // the player only offers allowed answers
            return kExitRecordError;
        }
        if (!save(s)) return kExitRecordError;
        feedback(sc, std::get<AnswerOutcome>(r), s.mark_order(sc));
        return -1;
    }

    std::string phrase(const Scene& sc, const std::string& id) const {
        auto it = sc.passage.find(o_.lang);
        if (it == sc.passage.end()) it = sc.passage.find(module_->fallback_language());
        if (it == sc.passage.end()) it = sc.passage.begin();
        for (const auto& r : it->second)
            if (r.ref == id) return r.text;
        return id;
    }

    void show_passage(const Scene& sc) {
        auto it = sc.passage.find(o_.lang);
        if (it == sc.passage.end()) it = sc.passage.find(module_->fallback_language());
        if (it == sc.passage.end()) it = sc.passage.begin();
        std::string text;
        for (const auto& r : it->second) {
            if (r.ref.empty()) {
                text += r.text;
                continue;
            }
            size_t n = 0;
            for (size_t i = 0; i < sc.marks.size(); ++i)
                if (sc.marks[i].id == r.ref) n = i + 1;
            text += "[" + std::to_string(n) + " " + r.text + "]";
        }
        out_ << "\n" << wrap(text, 76, "  ") << "\n";
    }

    // `order`: the marks' indices as the question numbered them, so that each
    // verdict carries the number the learner typed.
    void feedback(const Scene& sc, const AnswerOutcome& o, const std::vector<int>& order) {
        if (sc.kind == Interaction::Continue) return;
        out_ << "\n";
        if (sc.kind == Interaction::Choices) {
            const Choice* c = sc.find_choice(o.choice);
            out_ << (o.critical ? w_("!! Kritieke fout", "!! Critical error") : "") << (o.critical ? "\n" : "");
            para(c->feedback, "  ");
        } else {
            for (size_t i = 0; i < order.size(); ++i) {
                const Mark& m = sc.marks[static_cast<size_t>(order[i])];
                const MarkVerdict& v = o.marks[static_cast<size_t>(order[i])];
                const char* tag = v.selected ? (v.correct ? w_("goed gekozen", "rightly chosen") : w_("onterecht gekozen", "wrongly chosen"))
                                             : (v.correct ? w_("gemist", "missed") : w_("terecht niet gekozen", "rightly left"));
                std::string title = sc.kind == Interaction::Select ? T(m.label) : phrase(sc, m.id);
                out_ << wrap(title + " — " + tag, 74, "  " + std::to_string(i + 1) + ". ");
                para(m.feedback, "     ");
            }
        }
        if (o.max_points > 0)
            out_ << "  " << w_("Punten: ", "Points: ") << o.points << "/" << o.max_points
                 << (o.scored ? "" : w_(" (al eerder beantwoord, telt niet opnieuw)", " (answered before, does not count again)")) << "\n";
        if (interactive_) {
            out_ << w_("[Enter] verder", "[Enter] continue") << "\n";
            std::string line;
            read(line);
        }
        out_ << "\n";
    }

    void show_result(const Session& s) {
        const Module& m = *module_;
        Result r = s.result();
        scene_header(s);
        out_ << "\n==== " << w_("Resultaat", "Result") << " ====\n";
        // The ending's outcome, as the window colours its closing screen: how the story ended.
        if (r.outcome != Outcome::None)
            out_ << w_("Afloop: ", "Outcome: ")
                 << (r.outcome == Outcome::Good    ? w_("goed", "good")
                     : r.outcome == Outcome::Mixed ? w_("gemengd", "mixed")
                                                   : w_("slecht", "bad"))
                 << "\n";
        out_ << w_("Score: ", "Score: ") << r.raw << "/" << r.max << " (" << r.scaled << "%) · "
             << w_("slaaggrens ", "pass mark ") << r.pass_mark << "%\n";
        out_ << (r.passed ? w_("GESLAAGD", "PASSED") : w_("NIET GESLAAGD", "NOT PASSED")) << "\n";
        if (r.passed && m.assessment) out_ << w_("Je hebt hiermee de cursus gehaald.", "With this you have passed the course.") << "\n";
        for (const auto& c : r.critical) {
            const Scene* sc = m.find_scene(c.scene);
            const Choice* ch = sc ? sc->find_choice(c.choice) : nullptr;
            out_ << wrap(std::string(w_("Kritieke fout: ", "Critical error: ")) + (ch ? T(ch->label) : c.choice), 76);
        }
        std::vector<std::string> missed;
        for (const auto& [id, st] : r.signals)
            if (st.misses > 0)
                if (const Labelled* sig = m.find_signal(id)) missed.push_back(T(sig->label));
        if (!missed.empty()) {
            out_ << w_("Signalen die je miste:", "Signals you missed:") << "\n";
            for (const auto& x : missed) out_ << wrap(x, 76, "  - ");
        }
        if (r.false_alarms > 0) out_ << w_("Onterecht als signaal aangemerkt: ", "Marked as a signal wrongly: ") << r.false_alarms << "\n";
        if (!m.debrief.empty()) {
            out_ << "\n" << w_("Nabespreking", "Debrief") << "\n";
            for (const auto& p : m.debrief) {
                out_ << p.n << ". " << w_("Wat ging er mis:", "What went wrong:") << "\n";
                para(p.went_wrong, "     ");
                out_ << "   " << w_("Wat had moeten gebeuren:", "What should have happened:") << "\n";
                para(p.should_have, "     ");
            }
        }
        if (!m.partners.empty()) {
            out_ << "\n" << w_("Ketenpartners (organisaties die samen verantwoordelijk zijn):", "Chain partners (organisations that share the responsibility):") << "\n";
            for (const auto& p : m.partners) out_ << "  - " << T(p.label) << "\n";
        }
        out_ << "\n" << w_("Scorebestand: ", "Score record: ") << record_path_ << "\n";
    }
};

}  // namespace

int run_text_player(const TextOptions& o, std::istream& in, std::ostream& out, std::ostream& err, bool interactive) {
    TextPlayer p(o, in, out, err, interactive);
    return o.send_only ? p.send_only() : p.run();
}

}  // namespace signaal
