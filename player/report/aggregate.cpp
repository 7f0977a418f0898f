#include "aggregate.h"

#include <algorithm>
#include <tuple>
#include <cctype>

#include "cert_code.h"

namespace signaal::report {

namespace {
std::string key(const std::string& s) {  // venues compare like trainee ids: case and spaces ignored
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    std::string t = a == std::string::npos ? "" : s.substr(a, b - a + 1);
    for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
}

// Best attempt: passed beats not passed, then finished, then score, then the earlier one.
bool better(const AttemptSummary& a, const AttemptSummary& b) {
    if (a.passed != b.passed) return a.passed;
    if (a.finished != b.finished) return a.finished;
    if (a.scaled != b.scaled) return a.scaled > b.scaled;
    return a.date < b.date;
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
        if (starts(p, "not a Signaal") || starts(p, "unsupported")) return "foreign";
        return "corrupt";
    }
    if (p.find("is not in the content folders") != std::string::npos) return "unknown-module";
    if (p.find("has changed since the attempt") != std::string::npos) return "module-changed";
    return "tampered";
}

bool ReportFilter::venue_matches(const std::string& venue_name) const { return venue.empty() || key(venue) == key(venue_name); }

bool ReportFilter::matches(const std::string& venue_name, const std::string& module_id, const std::string& updated) const {
    if (!venue_matches(venue_name)) return false;
    if (!module.empty() && module != module_id) return false;
    const std::string d = updated.substr(0, 10);  // ISO 8601: the date comes first
    if (!from.empty() && d < from) return false;
    if (!to.empty() && d > to) return false;
    return true;
}

Aggregator::Aggregator(const Catalogue& catalogue, AggregateOptions options) : catalogue_(catalogue), opt_(std::move(options)) {}

void Aggregator::add_unreadable(const std::string& path, const std::string& reason) {
    ++files_;
    failures_.push_back({path, "unreadable", {reason}});
}

Counted Aggregator::add(const std::string& path, const Verification& v) {
    ++files_;
    if (v.ok() && v.class_record) {  // a class session: listed apart, counts for no one
        const ClassRecord& c = *v.class_record;
        ClassRow row{path, c.class_name, c.teacher, c.module_id, c.started.substr(0, 10), static_cast<long>(c.decisions.size()),
                     0, 0, c.finished, c.ending};
        for (const auto& d : c.decisions) {
            row.overridden += d.overridden ? 1 : 0;
            for (const auto& [id, n] : d.votes) row.votes += n;
        }
        classes_.push_back(std::move(row));
        return Counted::ClassSession;
    }
    if (!v.ok() || !v.record || !v.replayed || !v.module) {
        Failure f{path, failure_kind(v), v.problems};
        if (f.reasons.empty()) f.reasons.push_back("could not be verified");
        failures_.push_back(std::move(f));
        return Counted::Failed;
    }
    std::array<unsigned char, 16> key{};
    const std::string& reg = v.record->info.registration;  // a UUID: parse_record checked it
    for (size_t i = 0, b = 0; i < reg.size() && b < 32; ++i) {
        int x = std::isdigit(static_cast<unsigned char>(reg[i])) ? reg[i] - '0'
                : std::isxdigit(static_cast<unsigned char>(reg[i])) ? (std::tolower(static_cast<unsigned char>(reg[i])) - 'a' + 10) : -1;
        if (x < 0) continue;
        key[b / 2] = static_cast<unsigned char>(key[b / 2] | (b % 2 ? x : x << 4));
        ++b;
    }
    auto [it, fresh] = seen_.emplace(key, files_);
    if (!fresh) {
        duplicates_.emplace_back(failures_.size(), it->second);
        failures_.push_back({path, "duplicate", {"same attempt (registration " + reg + ") as "}});
        return Counted::Duplicate;
    }
    // After the duplicate check, so a second copy is reported whatever the filter.
    if (!opt_.filter.matches(v.record->info.trainee.venue, v.record->module_id, v.record->updated)) {
        ++filtered_;
        return Counted::Filtered;
    }
    ++counted_;
    fold(path, *v.record, *v.replayed, v.module);
    return Counted::Yes;
}

void Aggregator::fold(const std::string& path, const StoredRecord& r, const Result& res, const ModulePtr& m) {
    // Per trainee.
    TraineeAcc& t = trainees_[r.info.trainee.id];
    if (t.name.empty()) t.name = r.info.trainee.name, t.venue = r.info.trainee.venue;
    if (!r.info.trainee.role.empty()) t.role = r.info.trainee.role;
    t.last_activity = std::max(t.last_activity, r.updated);
    AttemptSummary a{r.info.registration, r.updated, res.scaled, res.finished, res.passed, path};
    TraineeModule& tm = t.modules[r.module_id];
    if (tm.attempts++ == 0) {
        tm.module_id = r.module_id, tm.course = m->course, tm.latest = a, tm.best = a;
    } else {
        if (a.date > tm.latest.date) tm.latest = a;
        if (better(a, tm.best)) tm.best = a;
    }
    if (res.passed && m->assessment) {
        CoursePass& p = t.passes[m->course];
        if (p.date.empty() || r.updated > p.date)
            p = {m->course,           m->course_title.nl,  m->course_title.en, r.module_id,
                 r.info.registration, r.updated,           res.scaled,         certificate_code(r)};
    }

    // Per module and question.
    ModuleAcc& ma = modules_[r.module_id];
    if (!ma.module) ma.module = m;
    ++ma.attempts;
    ma.finished += res.finished;
    ma.passed += res.passed;
    for (const auto& ans : r.answers) {
        const Scene* s = m->find_scene(ans.scene);
        if (!s || !s->is_question()) continue;
        QuestionAcc& q = ma.questions[ans.scene];
        ++q.answered;
        for (const auto& o : ans.response) ++q.options[o];
    }
    for (const auto& [sig, st] : res.signals) {
        ma.signals[sig].hits += st.hits;
        ma.signals[sig].misses += st.misses;
    }
    for (const auto& c : res.critical) ++ma.critical[{c.scene, c.choice}];
}

ReportModel Aggregator::finish(const std::vector<std::string>& dirs, const std::function<std::string(long)>& file_name) const {
    ReportModel out;
    out.generated = now_iso();
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

    // Trainees.
    std::map<std::string, size_t> by_id;
    for (const auto& [id, acc] : trainees_) {
        TraineeRow row{id, acc.name, acc.venue, acc.role, false, true, {}, {}, acc.last_activity};
        for (const auto& [mid, tm] : acc.modules) row.modules.push_back(tm);
        std::sort(row.modules.begin(), row.modules.end(), [](const TraineeModule& a, const TraineeModule& b) {
            return std::tie(a.course, a.module_id) < std::tie(b.course, b.module_id);
        });
        for (const auto& [c, p] : acc.passes) row.passes.push_back(p);
        by_id[id] = out.trainees.size();
        out.trainees.push_back(std::move(row));
    }
    for (const auto& e : opt_.roster) {
        if (!opt_.filter.venue_matches(e.venue)) continue;  // another venue's staff
        auto it = by_id.find(e.id);
        if (it != by_id.end()) {
            TraineeRow& t = out.trainees[it->second];
            t.on_roster = true;
            if (t.role.empty()) t.role = e.role;
            continue;
        }
        TraineeRow row;
        row.id = e.id, row.name = e.name, row.venue = e.venue, row.role = e.role;
        row.on_roster = true, row.has_records = false;
        by_id[e.id] = out.trainees.size();
        out.trainees.push_back(std::move(row));
    }

    // Venues: the roster decides who is staff when given; otherwise whoever played.
    std::map<std::string, VenueRow> venues;
    for (const auto& t : out.trainees) {
        if (!opt_.roster.empty() && !t.on_roster) continue;
        VenueRow& v = venues[key(t.venue)];
        if (v.venue.empty()) v.venue = t.venue;
        ++v.staff;
        v.passed += passed(t);
    }
    for (auto& [k, v] : venues) {
        v.share = v.staff ? static_cast<double>(v.passed) / v.staff : 0;
        v.certified = v.staff > 0 && v.share + 1e-9 >= opt_.threshold;
        out.venues.push_back(v);
    }
    std::sort(out.trainees.begin(), out.trainees.end(), [](const TraineeRow& a, const TraineeRow& b) {
        return std::make_tuple(key(a.venue), key(a.name), a.id) < std::make_tuple(key(b.venue), key(b.name), b.id);
    });

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
        for (const auto& s : m.scenes) {
            if (!s.is_question()) continue;
            auto q = ma.questions.find(s.id);
            QuestionStats qs{s.id, (!s.prompt.empty() ? s.prompt : s.heading).get(lang, fb), kind_name(s.kind), 0, {}};
            if (q != ma.questions.end()) qs.answered = q->second.answered;
            auto count = [&](const std::string& id) -> long {
                if (q == ma.questions.end()) return 0;
                auto c = q->second.options.find(id);
                return c == q->second.options.end() ? 0 : c->second;
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

    out.classes = classes_;
    std::sort(out.classes.begin(), out.classes.end(), [](const ClassRow& a, const ClassRow& b) {
        return std::tie(a.date, a.class_name, a.file) < std::tie(b.date, b.class_name, b.file);
    });
    out.failures = failures_;
    for (const auto& [index, first] : duplicates_)
        out.failures[index].reasons[0] += (file_name ? file_name(first) : "file number " + std::to_string(first)) + "; counted once";
    std::sort(out.failures.begin(), out.failures.end(), [](const Failure& a, const Failure& b) { return a.file < b.file; });
    return out;
}

}  // namespace signaal::report
