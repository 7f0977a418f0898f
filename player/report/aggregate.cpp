#include "aggregate.h"

#include <algorithm>
#include <tuple>
#include <cctype>

#include "cert_code.h"
#include "certificate.h"
#include "local_time.h"
#include "text_fold.h"

namespace signaal::report {

namespace {
// Venues and names compare as a person reads them: "Stadshotel Elst" is "Stadshotel Ëlst".
std::string key(const std::string& s) { return fold_key(s); }
std::string person_key(const std::string& name, const std::string& venue) { return fold_key(name) + "\n" + fold_key(venue); }

// Best attempt: passed beats not passed, then finished, then score, then the earlier one.
bool better(const Result& a, const std::string& a_date, const AttemptSummary& b) {
    if (a.passed != b.passed) return a.passed;
    if (a.finished != b.finished) return a.finished;
    if (a.scaled != b.scaled) return a.scaled > b.scaled;
    return a_date < b.date;
}

// Where an answer's option is counted: the first of the scene's choices, then
// marks, with that id (-1: none).
long option_slot(const Scene& s, const std::string& id) {
    for (size_t i = 0; i < s.choices.size(); ++i)
        if (s.choices[i].id == id) return static_cast<long>(i);
    for (size_t i = 0; i < s.marks.size(); ++i)
        if (s.marks[i].id == id) return static_cast<long>(s.choices.size() + i);
    return -1;
}

bool starts(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

const char* kind_name(Interaction k) {
    switch (k) {
        case Interaction::Choices: return "choices";
        case Interaction::Select: return "select";
        case Interaction::Highlight: return "highlight";
        default: return "";
    }
}
}  // namespace

std::string failure_kind(const Verification& v) {
    const std::string& p = v.problems.empty() ? std::string() : v.problems.front();
    if (!v.record) {
        if (starts(p, "cannot")) return "unreadable";
        if (starts(p, "the file is") && p.find("larger than") != std::string::npos) return "too-large";
        if (starts(p, "not a Signaal") || starts(p, "unsupported")) return "foreign";
        return "corrupt";
    }
    if (p.find("is not in the content folders") != std::string::npos) return "unknown-module";
    if (p.find("has changed since the attempt") != std::string::npos) return "module-changed";
    return "tampered";
}

bool ReportFilter::venue_matches(const std::string& venue_name) const {
    if (venues.empty()) return true;
    const std::string k = key(venue_name);
    return std::any_of(venues.begin(), venues.end(), [&](const std::string& v) { return key(v) == k; });
}

bool ReportFilter::matches(const std::string& venue_name, const std::string& module_id, const std::string& updated) const {
    if (!module.empty() && module != module_id) return false;
    if (!from.empty() || !to.empty()) {
        const std::string d = local_day(updated);  // the day the trainer sees
        if (!from.empty() && d < from) return false;
        if (!to.empty() && d > to) return false;
    }
    return venue_matches(venue_name);
}

std::string ReportFilter::describe() const {
    std::string out;
    auto add = [&](const std::string& s) { out += (out.empty() ? "" : ", ") + s; };
    std::string vs;
    for (const auto& v : venues) vs += (vs.empty() ? "" : " / ") + v;
    if (!vs.empty()) add((venues.size() > 1 ? "venues " : "venue ") + vs);
    if (!module.empty()) add("module " + module);
    if (!from.empty()) add("from " + from);
    if (!to.empty()) add("to " + to);
    return out;
}

namespace {
// A class decision as the trainer reads it: every option offered (the record
// keeps 0 hands for those nobody chose) in the module's order.
ClassQuestion class_question(const Module& m, const Scene& sc, const ClassDecision& d, const std::string& lang) {
    ClassQuestion q{sc.id, sc.prompt.get(lang, m.fallback_language()), d.overridden, false, {}};
    auto hands = [&](const std::string& id) {
        auto it = d.votes.find(id);
        return it == d.votes.end() ? 0L : static_cast<long>(it->second);
    };
    auto chosen = [&](const std::string& id) { return std::find(d.response.begin(), d.response.end(), id) != d.response.end(); };
    const std::vector<std::string> best = best_response(sc);
    auto is_best = [&](const std::string& id) { return std::find(best.begin(), best.end(), id) != best.end(); };
    if (sc.kind == Interaction::Choices) {
        for (const auto& ch : sc.choices)
            if (d.votes.count(ch.id) || chosen(ch.id))
                q.options.push_back({ch.id, ch.label.get(lang, m.fallback_language()), hands(ch.id), chosen(ch.id), is_best(ch.id)});
    } else {
        for (const auto& mk : sc.marks) {
            // A highlight phrase has no label: its id stands for it.
            const std::string label = mk.label.empty() ? mk.id : mk.label.get(lang, m.fallback_language());
            q.options.push_back({mk.id, label, hands(mk.id), chosen(mk.id), is_best(mk.id)});
        }
    }
    q.best = is_best_response(sc, d.response);
    return q;
}
}  // namespace

Aggregator::Aggregator(const Catalogue& catalogue, AggregateOptions options) : catalogue_(catalogue), opt_(std::move(options)) {}

void Aggregator::add_unreadable(const std::string& path, const std::string& reason) {
    ++files_;
    failures_.push_back({path, "unreadable", {reason}, "", ""});
}

Counted Aggregator::add(const std::string& path, const Verification& v) {
    ++files_;
    if (v.ok() && v.class_record) {  // a class session: listed apart, counts for no one
        const ClassRecord& c = *v.class_record;
        ClassRow row{path, c.class_name, c.teacher, c.module_id, c.started.substr(0, 10), static_cast<long>(c.decisions.size()),
                     0, 0, c.finished, c.ending, {}};
        for (const auto& d : c.decisions) {
            row.overridden += d.overridden ? 1 : 0;
            for (const auto& [id, n] : d.votes) row.votes += n;
            if (const Scene* sc = v.module ? v.module->find_scene(d.scene) : nullptr) row.questions.push_back(class_question(*v.module, *sc, d, c.language));
        }
        classes_.push_back(std::move(row));
        return Counted::ClassSession;
    }
    if (!v.ok() || !v.record || !v.replayed || !v.module) {
        Failure f{path, failure_kind(v), v.problems, v.record ? v.record->info.trainee.name + " (" + v.record->info.trainee.venue + ")" : "",
                  v.record ? v.record->info.trainee.venue : ""};
        if (f.reasons.empty()) f.reasons.push_back("could not be verified");
        failures_.push_back(std::move(f));
        return Counted::Failed;
    }
    const std::string& reg = v.record->info.registration;  // a UUID: parse_record checked it
    const RegistrationKey key = registration_key(reg);
    if (uint32_t first = seen_.insert(key, static_cast<uint32_t>(files_))) {
        duplicates_.push_back({failures_.size(), first, key});
        failures_.push_back({path, "duplicate", {"same attempt (registration " + reg + ") as "},
                             v.record->info.trainee.name + " (" + v.record->info.trainee.venue + ")", v.record->info.trainee.venue});
        return Counted::Duplicate;
    }
    // Whatever the filter: a course passed in the filter's dates may rest on
    // modules passed before them.
    if (v.replayed->passed) passed_[v.record->info.trainee.id].insert(v.record->module_id);
    // After the duplicate check, so a second copy is reported whatever the filter.
    if (!opt_.filter.matches(v.record->info.trainee.venue, v.record->module_id, v.record->updated)) {
        ++filtered_;
        return Counted::Filtered;
    }
    ++counted_;
    fold(path, v);
    return Counted::Yes;
}

void Aggregator::fold(const std::string& path, const Verification& v) {
    const StoredRecord& r = *v.record;
    const Result& res = *v.replayed;
    const ModulePtr& m = v.module;
    // Per trainee.
    TraineeAcc& t = trainees_[r.info.trainee.id];
    if (t.name.empty()) t.name = r.info.trainee.name, t.venue = r.info.trainee.venue;
    // The role of the newest attempt that names one: the same whatever order the
    // files come in (folders copied from several PCs, or a mirror of an LRS).
    if (const std::string key = r.updated + " " + r.info.registration; !r.info.trainee.role.empty() && key > t.role_from)
        t.role = r.info.trainee.role, t.role_from = key;
    t.last_activity = std::max(t.last_activity, r.updated);
    // Made only when kept: most attempts are neither the latest nor the best so far.
    auto summary = [&] {
        AttemptSummary a{r.info.registration, r.updated, res.scaled, res.pass_mark, res.finished, res.passed, {}, path};
        if (!res.critical.empty()) {  // named, so "86% failed" next to "71% passed" explains itself
            const Scene* s = m->find_scene(res.critical.front().scene);
            const Choice* c = s ? s->find_choice(res.critical.front().choice) : nullptr;
            a.critical = c ? c->label.get(opt_.lang, m->fallback_language()) : res.critical.front().choice;
        }
        return a;
    };
    TraineeModule& tm = t.modules[r.module_id];
    if (tm.attempts++ == 0) {
        tm.module_id = r.module_id, tm.course = m->course, tm.latest = summary(), tm.best = tm.latest;
    } else {
        const bool best = better(res, r.updated, tm.best);
        if (r.updated > tm.latest.date) tm.latest = summary();
        if (best) tm.best = summary();
    }
    if (res.passed && m->assessment) {
        if (auto [rq, fresh] = requires_.try_emplace(r.module_id); fresh)
            for (const auto& pre : m->prerequisites) rq->second.push_back(pre.id);
        CoursePass& p = t.passes[m->course];
        if (p.date.empty() || r.updated > p.date)
            p = {m->course,
                 m->course_title.has("nl") ? m->course_title.get("nl", "nl") : "",
                 m->course_title.has("en") ? m->course_title.get("en", "en") : "",
                 r.module_id,
                 r.info.registration,
                 r.updated,
                 res.scaled,
                 certificate_code(r, stored_result_text(v)),
                 {},
                 {},
                 r.info.language,
                 r.info.language != "nl" && r.info.language != "en" && m->course_title.has(r.info.language)
                     ? m->course_title.get(r.info.language, r.info.language)
                     : ""};
    }

    // Per module and question.
    ModuleAcc& ma = modules_[r.module_id];
    if (!ma.module) ma.module = m;
    ++ma.attempts;
    ma.finished += res.finished;
    ma.passed += res.passed;
    if (ma.questions.empty()) ma.questions.resize(m->scenes.size());
    for (const auto& ans : r.answers) {
        const int si = m->scene_index(ans.scene);
        if (si < 0) continue;
        const Scene& s = m->scenes[static_cast<size_t>(si)];
        if (!s.is_question()) continue;
        QuestionAcc& q = ma.questions[static_cast<size_t>(si)];
        ++q.answered;
        if (q.options.empty()) q.options.resize(s.choices.size() + s.marks.size());
        for (const auto& o : ans.response)
            if (long k = option_slot(s, o); k >= 0) ++q.options[static_cast<size_t>(k)];
    }
    // Both maps are in key order: each signal is looked for just after the last one.
    auto at = ma.signals.begin();
    for (const auto& [sig, st] : res.signals) {
        at = ma.signals.try_emplace(at, sig);
        at->second.hits += st.hits;
        at->second.misses += st.misses;
        ++at;
    }
    for (const auto& c : res.critical) ++ma.critical[{c.scene, c.choice}];
}

std::map<long, RegistrationKey> Aggregator::repeated_files() const {
    std::map<long, RegistrationKey> out;
    for (const auto& d : duplicates_) out.emplace(d.first, d.key);
    return out;
}

ReportModel Aggregator::finish(const std::vector<std::string>& dirs, const std::function<std::string(long)>& file_name) {
    ReportModel out;
    out.generated = now_iso();
    out.timezone = zone_name();
    out.today = opt_.today.empty() ? local_today() : opt_.today;
    out.valid_months = opt_.valid_months;
    if (opt_.due_months >= 0) out.due_until = add_months(out.today, opt_.due_months);
    out.filter = opt_.filter.describe();
    out.dirs = dirs;
    out.roster = opt_.roster_file;
    out.course = opt_.course;
    out.threshold = opt_.threshold;
    out.files = files_;
    out.counted = counted_;
    out.filtered = filtered_;
    auto passed = [&](const TraineeRow& t) {
        if (opt_.course.empty()) return t.course_passed();
        return std::any_of(t.passes.begin(), t.passes.end(), [&](const CoursePass& p) { return p.course == opt_.course; });
    };

    // Trainees, found again by id and by name and venue as a person reads them.
    std::map<std::string, size_t> by_id, by_person;
    out.trainees.reserve(trainees_.size() + opt_.roster.size());
    // Each trainee's running totals are dropped as its row is made, so the two never both exist whole.
    for (auto it = trainees_.begin(); it != trainees_.end(); it = trainees_.erase(it)) {
        auto& [id, acc] = *it;
        TraineeRow row{id, std::move(acc.name), std::move(acc.venue), std::move(acc.role), false, true, {}, {}, std::move(acc.last_activity)};
        row.modules.reserve(acc.modules.size());
        for (auto& [mid, tm] : acc.modules) row.modules.push_back(std::move(tm));
        std::sort(row.modules.begin(), row.modules.end(), [](const TraineeModule& a, const TraineeModule& b) {
            return std::tie(a.course, a.module_id) < std::tie(b.course, b.module_id);
        });
        for (auto& [c, p] : acc.passes) {
            // Passing the assessment is not passing the course while a module
            // it requires is not passed (docs/module-format.md, `requires`).
            const auto& done = passed_[id];
            const auto& needs = requires_[p.module_id];
            if (!std::all_of(needs.begin(), needs.end(), [&](const std::string& m) { return done.count(m) > 0; })) continue;
            p.expires = add_months(local_day(p.date), opt_.valid_months);
            p.file = certificate_file_name(row, p);
            row.passes.push_back(std::move(p));
        }
        by_id[id] = out.trainees.size();
        by_person.emplace(person_key(row.name, row.venue), out.trainees.size());
        out.trainees.push_back(std::move(row));
    }
    std::map<std::string, std::string> roster_venue;  // the roster's spelling of each venue
    for (const auto& e : opt_.roster) {
        if (!opt_.filter.venue_matches(e.venue)) continue;  // another venue's staff
        roster_venue.emplace(key(e.venue), e.venue);
        size_t found = out.trainees.size();
        if (auto it = by_id.find(e.id); it != by_id.end()) found = it->second;
        // "Chloe" on the roster is "Chloë" in the records: same person, other id.
        else if (auto p = by_person.find(person_key(e.name, e.venue)); !e.name.empty() && p != by_person.end()) found = p->second;
        if (found < out.trainees.size()) {
            TraineeRow& t = out.trainees[found];
            if (t.on_roster) continue;  // listed twice: one person
            t.on_roster = true;
            if (t.role.empty()) t.role = e.role;
            continue;
        }
        TraineeRow row;
        row.id = e.id, row.name = e.name, row.venue = e.venue, row.role = e.role;
        row.on_roster = true, row.has_records = false;
        by_id[e.id] = out.trainees.size();
        if (!e.name.empty()) by_person.emplace(person_key(e.name, e.venue), out.trainees.size());
        out.trainees.push_back(std::move(row));
    }

    // Venues: the roster decides who is staff when given; otherwise whoever played.
    std::map<std::string, VenueRow> venues;
    for (const auto& t : out.trainees) {
        if (!opt_.roster.empty() && !t.on_roster) continue;
        VenueRow& v = venues[key(t.venue)];
        if (v.venue.empty()) {
            auto rv = roster_venue.find(key(t.venue));
            v.venue = rv != roster_venue.end() ? rv->second : t.venue;
        }
        ++v.staff;
        v.passed += passed(t);
    }
    for (auto& [k, v] : venues) {
        v.share = v.staff ? static_cast<double>(v.passed) / v.staff : 0;
        v.certified = v.staff > 0 && v.share + 1e-9 >= opt_.threshold;
        out.venues.push_back(v);
    }
    {  // Sorted by folded venue and name, each folded once (ICU's folding in a comparator cost 0.3 s at 2000 trainees).
        std::vector<std::pair<std::string, size_t>> order(out.trainees.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = {key(out.trainees[i].venue) + '\x01' + key(out.trainees[i].name) + '\x01' + out.trainees[i].id, i};
        std::sort(order.begin(), order.end());
        std::vector<TraineeRow> sorted;
        sorted.reserve(order.size());
        for (const auto& [k, i] : order) sorted.push_back(std::move(out.trainees[i]));
        out.trainees = std::move(sorted);
    }

    // Modules, in catalogue order.
    const std::string& lang = opt_.lang;
    for (const auto& e : catalogue_.entries) {
        if (!e.module) continue;
        auto it = modules_.find(e.module->id);
        if (it == modules_.end()) continue;
        const ModuleAcc& ma = it->second;
        const Module& m = *ma.module;
        const std::string& fb = m.fallback_language();
        ModuleStats ms{m.id, m.title.get(lang, fb), m.course, m.assessment, ma.attempts, ma.finished, ma.passed, {}, {}, {}};
        for (size_t si = 0; si < m.scenes.size(); ++si) {
            const Scene& s = m.scenes[si];
            if (!s.is_question()) continue;
            const QuestionAcc* q = si < ma.questions.size() ? &ma.questions[si] : nullptr;
            QuestionStats qs{s.id, (!s.prompt.empty() ? s.prompt : s.heading).get(lang, fb), kind_name(s.kind), 0, {}};
            if (q) qs.answered = q->answered;
            auto count = [&](const std::string& id) -> long {
                long k = option_slot(s, id);
                return q && k >= 0 && static_cast<size_t>(k) < q->options.size() ? q->options[static_cast<size_t>(k)] : 0;
            };
            for (const auto& c : s.choices)
                qs.options.push_back({c.id, c.label.get(lang, fb), c.points == s.max_points() && c.points > 0, count(c.id)});
            for (const auto& mk : s.marks) {
                std::string label = mk.label.get(lang, fb);
                if (label.empty()) {  // a highlight target: its text is the marked phrase
                    auto p = s.passage.find(lang);
                    if (p == s.passage.end()) p = s.passage.find(fb);
                    if (p != s.passage.end())
                        for (const auto& run : p->second)
                            if (run.ref == mk.id) label += run.text;
                }
                qs.options.push_back({mk.id, label, mk.correct, count(mk.id)});
            }
            ms.questions.push_back(std::move(qs));
        }
        for (const auto& [sig, st] : ma.signals) {
            if (st.misses == 0) continue;
            const Labelled* l = m.find_signal(sig);
            ms.missed.push_back({sig, l ? l->label.get(lang, fb) : sig, st.hits, st.misses});
        }
        std::stable_sort(ms.missed.begin(), ms.missed.end(), [](const SignalCount& a, const SignalCount& b) { return a.misses > b.misses; });
        for (const auto& [sc, n] : ma.critical) {
            const Scene* s = m.find_scene(sc.first);
            const Choice* c = s ? s->find_choice(sc.second) : nullptr;
            ms.critical.push_back({sc.first, sc.second, c ? c->label.get(lang, fb) : sc.second, n});
        }
        std::stable_sort(ms.critical.begin(), ms.critical.end(), [](const CriticalCount& a, const CriticalCount& b) { return a.count > b.count; });
        out.modules.push_back(std::move(ms));
    }

    out.classes = std::move(classes_);
    std::sort(out.classes.begin(), out.classes.end(), [](const ClassRow& a, const ClassRow& b) {
        return std::tie(a.date, a.class_name, a.file) < std::tie(b.date, b.class_name, b.file);
    });
    out.failures = std::move(failures_);
    for (const auto& d : duplicates_) {
        std::string name = file_name ? file_name(d.first) : "";
        out.failures[d.failure].reasons[0] += (name.empty() ? "file number " + std::to_string(d.first) : name) + "; counted once";
    }
    std::sort(out.failures.begin(), out.failures.end(), [](const Failure& a, const Failure& b) { return a.file < b.file; });
    if (!opt_.filter.venues.empty()) {
        // A report for one venue's manager names no other venue's staff or files, and no class sessions.
        auto other = [&](const Failure& f) { return f.venue.empty() || !opt_.filter.venue_matches(f.venue); };
        out.failures_elsewhere = std::count_if(out.failures.begin(), out.failures.end(), other);
        out.failures.erase(std::remove_if(out.failures.begin(), out.failures.end(), other), out.failures.end());
        out.classes.clear();
    }
    return out;
}

}  // namespace signaal::report
