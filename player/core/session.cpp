#include "session.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <set>

#include "graph.h"

namespace signaal {

Session::Session(ModulePtr module, std::string started) : module_(std::move(module)), started_(std::move(started)) {
    SceneGraph g(*module_);
    max_ = score_bounds(*module_, g).max;
    steps_to_end_ = steps_to_end(*module_, g);
    current_ = std::max(0, module_->scene_index(module_->start));
    vars_ = initial_values(module_->variables);
    answered_.assign(module_->scenes.size(), false);
    if (started_.empty()) started_ = now_iso();
}

std::vector<const Choice*> Session::available_choices() const {
    std::vector<const Choice*> out;
    for (const auto& c : scene().choices)
        if (c.when.eval(vars_)) out.push_back(&c);
    return out;
}

std::vector<const Text*> Session::visible_texts() const {
    std::vector<const Text*> out;
    for (const auto& t : scene().texts)
        if (t.when.eval(vars_)) out.push_back(&t.text);
    return out;
}

std::string Session::route(const std::vector<Route>& rs) const {
    for (const auto& r : rs)
        if (r.when.eval(vars_)) return r.target;
    return rs.empty() ? std::string() : rs.back().target;
}

std::variant<AnswerOutcome, std::string> Session::answer(const Answer& a) {
    const Scene& s = scene();
    if (finished()) return std::string("the attempt has ended: no more answers");
    if (a.scene != s.id) return "the answer is for scene '" + a.scene + "' but the attempt is at scene '" + s.id + "'";

    AnswerOutcome out;
    out.scene = s.id;
    out.kind = s.kind;
    out.scored = !answered_[static_cast<size_t>(current_)];
    out.max_points = s.max_points();
    VarValues vars = vars_;
    std::vector<std::pair<std::string, int>> hit, miss, alarm;  // signal deltas, applied on success

    switch (s.kind) {
        case Interaction::Continue:
            if (!a.response.empty()) return std::string("scene '" + s.id + "' asks no question; the answer must be empty");
            out.next = route(s.routes);
            break;
        case Interaction::Choices: {
            if (a.response.size() != 1) return std::string("scene '" + s.id + "' needs exactly one choice");
            const Choice* c = s.find_choice(a.response[0]);
            if (!c) return "scene '" + s.id + "' has no choice '" + a.response[0] + "'";
            if (!c->when.eval(vars_)) return "choice '" + c->id + "' is not offered at this point of scene '" + s.id + "'";
            out.choice = c->id;
            out.points = c->points;
            out.critical = c->critical;
            std::set<std::string> tested;
            for (const auto& ch : s.choices) tested.insert(ch.tests.begin(), ch.tests.end());
            const bool best = c->points == s.max_points();
            for (const auto& sig : tested) (best ? hit : miss).push_back({sig, 1});
            for (const auto& as : c->sets) as.apply(vars);
            // Routes are evaluated after the choice's own assignments.
            VarValues saved = vars_;
            vars_ = vars;
            out.next = route(c->routes);
            vars_ = saved;
            break;
        }
        case Interaction::Select:
        case Interaction::Highlight: {
            std::set<std::string> chosen;
            for (const auto& id : a.response) {
                if (!s.find_mark(id)) return "scene '" + s.id + "' has no " +
                                             (s.kind == Interaction::Select ? "option '" : "phrase '") + id + "'";
                if (!chosen.insert(id).second) return "'" + id + "' is selected twice";
            }
            int gained = 0, lost = 0, wrong = 0;
            for (const auto& m : s.marks) {
                bool sel = chosen.count(m.id) > 0;
                out.marks.push_back({m.id, sel, m.correct});
                if (m.correct && sel) gained += m.points;
                if (!m.correct && sel) lost += m.penalty;
                for (const auto& sig : m.signals) {
                    if (m.correct) (sel ? hit : miss).push_back({sig, 1});
                    else if (sel) alarm.push_back({sig, 1});
                }
                if (!m.correct && sel) ++wrong;
                if (sel)
                    for (const auto& as : m.sets) as.apply(vars);
            }
            out.points = std::max(0, gained - lost);
            out.false_alarms = wrong;
            VarValues saved = vars_;
            vars_ = vars;
            out.next = route(s.routes);
            vars_ = saved;
            break;
        }
        case Interaction::Ending:
            break;
    }
    if (out.next.empty() || module_->scene_index(out.next) < 0)
        return std::string("scene '" + s.id + "' leads to no known scene");

    // Success: apply.
    if (out.scored) {
        raw_ += out.points;
        for (const auto& [sig, n] : hit) signals_[sig].hits += n;
        for (const auto& [sig, n] : miss) signals_[sig].misses += n;
        for (const auto& [sig, n] : alarm) signals_[sig].false_alarms += n;
        false_alarms_ += out.false_alarms;
    } else {
        out.points = 0;
    }
    if (out.critical) critical_.push_back({s.id, out.choice});
    answered_[static_cast<size_t>(current_)] = true;
    vars_ = std::move(vars);
    current_ = module_->scene_index(out.next);
    answers_.push_back(a);
    outcomes_.push_back(out);
    return out;
}

Result Session::result() const {
    Result r;
    r.raw = raw_;
    r.max = max_;
    r.scaled = max_ > 0 ? static_cast<int>((static_cast<long long>(raw_) * 100) / max_) : 100;
    r.pass_mark = module_->pass_mark;
    r.finished = finished();
    r.critical = critical_;
    r.passed = r.finished && r.critical.empty() && r.scaled >= r.pass_mark;
    if (r.finished) {
        r.ending = scene().id;
        r.outcome = scene().outcome;
    }
    r.signals = signals_;
    r.false_alarms = false_alarms_;
    if (!answers_.empty()) r.seconds = std::max(0LL, seconds_between(started_, answers_.back().time));
    return r;
}

std::pair<int, int> Session::progress() const {
    int seen = static_cast<int>(answers_.size()) + 1;
    return {seen, seen + std::max(0, steps_to_end_[static_cast<size_t>(current_)] - 1)};
}

std::variant<Session, std::string> replay(ModulePtr module, const std::string& started,
                                          const std::vector<Answer>& answers) {
    Session s(std::move(module), started);
    for (size_t i = 0; i < answers.size(); ++i) {
        auto r = s.answer(answers[i]);
        if (auto* err = std::get_if<std::string>(&r)) return "answer " + std::to_string(i + 1) + ": " + *err;
    }
    return s;
}

namespace {
bool parse_iso(const std::string& s, long long& secs, int& millis) {
    int y, mo, d, h, mi, se;
    char z = 0;
    millis = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &se) != 6) return false;
    if (s.size() > 19 && s[19] == '.') std::sscanf(s.c_str() + 20, "%3d%c", &millis, &z);
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = se;
    secs = static_cast<long long>(timegm(&tm));
    return true;
}
}  // namespace

long long seconds_between(const std::string& a, const std::string& b) {
    long long sa, sb;
    int ma, mb;
    if (!parse_iso(a, sa, ma) || !parse_iso(b, sb, mb)) return 0;
    return ((sb * 1000 + mb) - (sa * 1000 + ma)) / 1000;
}

std::string now_iso() {
    using namespace std::chrono;
    auto now = system_clock::now();
    auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::time_t t = system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

}  // namespace signaal
