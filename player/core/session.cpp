#include "session.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <ctime>

#include "graph.h"
#include "shuffle.h"
#include "state_bounds.h"
#include "platform.h"

namespace signaal {

SessionFacts session_facts(const Module& m) {
    SceneGraph g(m);
    return {module_bounds(m, explore(m), g).max, steps_to_end(m, g)};
}

Session::Session(ModulePtr module, std::string started, std::shared_ptr<const SessionFacts> facts)
    : module_(std::move(module)), started_(std::move(started)), facts_(std::move(facts)) {
    if (!facts_) facts_ = std::make_shared<const SessionFacts>(session_facts(*module_));
    current_ = std::max(0, module_->scene_index(module_->start));
    vars_ = initial_values(module_->variables);
    answered_.assign(module_->scenes.size(), false);
    if (started_.empty()) started_ = now_iso();
}

std::vector<const Choice*> Session::available_choices() const {
    std::vector<const Choice*> out;
    for (const auto& c : scene().choices)
        if (c.when.eval(vars_)) out.push_back(&c);
    if (!order_key_.empty() && !scene().fixed_order) shuffle_for(order_key_, scene().id, out);
    return out;
}

std::string order_key_for(const std::string& registration) {
    return platform::env("SIGNAAL_FIXED_ORDER") == "1" ? std::string() : registration;
}

std::vector<int> Session::mark_order(const Scene& sc) const {
    std::vector<int> out(sc.marks.size());
    for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<int>(i);
    if (!order_key_.empty() && !sc.fixed_order && sc.kind == Interaction::Select) shuffle_for(order_key_, sc.id, out);
    return out;
}

std::vector<const Text*> Session::visible_texts() const {
    std::vector<const Text*> out;
    for (const auto& t : scene().texts)
        if (t.when.eval(vars_)) out.push_back(&t.text);
    return out;
}

std::string Session::route(const std::vector<Route>& rs, const VarValues& vars) const {
    for (const auto& r : rs)
        if (r.when.eval(vars)) return r.target;
    return rs.empty() ? std::string() : rs.back().target;
}

std::variant<AnswerOutcome, std::string> Session::answer(const Answer& a) {
    if (auto err = apply(a)) return std::move(*err);
    return outcomes_.back();
}

// Replays run this for every answer of every record a report reads, so it
// copies no signal names and keeps no sets: signals are pointed to in the module.
std::optional<std::string> Session::apply(const Answer& a) {
    const Scene& s = scene();
    if (finished()) return std::string("the attempt has ended: no more answers");
    if (a.scene != s.id) return "the answer is for scene '" + a.scene + "' but the attempt is at scene '" + s.id + "'";

    AnswerOutcome out;
    out.scene = s.id;
    out.kind = s.kind;
    out.scored = !answered_[static_cast<size_t>(current_)];
    out.max_points = s.max_points();
    VarValues vars = vars_;  // the answer's assignments, kept only if it is allowed
    std::vector<const std::string*> hit, miss, alarm;  // signal counts to add, one each, on success

    switch (s.kind) {
        case Interaction::Continue:
            if (!a.response.empty()) return std::string("scene '" + s.id + "' asks no question; the answer must be empty");
            out.next = route(s.routes, vars_);
            break;
        case Interaction::Choices: {
            if (a.response.size() != 1) return std::string("scene '" + s.id + "' needs exactly one choice");
            const Choice* c = s.find_choice(a.response[0]);
            if (!c) return "scene '" + s.id + "' has no choice '" + a.response[0] + "'";
            if (!c->when.eval(vars_)) return "choice '" + c->id + "' is not offered at this point of scene '" + s.id + "'";
            out.choice = c->id;
            out.points = c->points;
            out.critical = c->critical;
            // Every signal some choice of the scene tests, once each.
            std::vector<const std::string*>& tested = c->points == out.max_points ? hit : miss;
            for (const auto& ch : s.choices)
                for (const auto& sig : ch.tests) tested.push_back(&sig);
            std::sort(tested.begin(), tested.end(), [](const std::string* x, const std::string* y) { return *x < *y; });
            tested.erase(std::unique(tested.begin(), tested.end(), [](const std::string* x, const std::string* y) { return *x == *y; }),
                         tested.end());
            for (const auto& as : c->sets) as.apply(vars);
            out.next = route(c->routes, vars);  // after the choice's own assignments
            break;
        }
        case Interaction::Select:
        case Interaction::Highlight: {
            // At most one of each mark (a repeat is refused), so a list is short.
            std::vector<const std::string*> chosen;
            auto is_chosen = [&](const std::string& id) {
                return std::any_of(chosen.begin(), chosen.end(), [&](const std::string* x) { return *x == id; });
            };
            for (const auto& id : a.response) {
                if (!s.find_mark(id)) return "scene '" + s.id + "' has no " +
                                             (s.kind == Interaction::Select ? "option '" : "phrase '") + id + "'";
                if (is_chosen(id)) return "'" + id + "' is selected twice";
                chosen.push_back(&id);
            }
            int gained = 0, lost = 0, wrong = 0;
            for (const auto& m : s.marks) {
                bool sel = is_chosen(m.id);
                out.marks.push_back({m.id, sel, m.correct});
                if (m.correct && sel) gained += m.points;
                if (!m.correct && sel) lost += m.penalty;
                for (const auto& sig : m.signals) {
                    if (m.correct) (sel ? hit : miss).push_back(&sig);
                    else if (sel) alarm.push_back(&sig);
                }
                if (!m.correct && sel) ++wrong;
                if (sel)
                    for (const auto& as : m.sets) as.apply(vars);
            }
            out.points = std::max(0, gained - lost);
            out.false_alarms = wrong;
            out.next = route(s.routes, vars);
            break;
        }
        case Interaction::Ending:
            break;
    }
    const int next = out.next.empty() ? -1 : module_->scene_index(out.next);
    if (next < 0) return std::string("scene '" + s.id + "' leads to no known scene");

    // Success: apply.
    if (out.scored) {
        raw_ += out.points;
        for (const auto* sig : hit) ++signals_[*sig].hits;
        for (const auto* sig : miss) ++signals_[*sig].misses;
        for (const auto* sig : alarm) ++signals_[*sig].false_alarms;
        false_alarms_ += out.false_alarms;
    } else {
        out.points = 0;
    }
    if (out.critical) critical_.push_back({s.id, out.choice});
    answered_[static_cast<size_t>(current_)] = true;
    vars_ = std::move(vars);
    current_ = next;
    answers_.push_back(a);
    outcomes_.push_back(std::move(out));
    return std::nullopt;
}

Result Session::result() const {
    Result r;
    r.raw = raw_;
    r.max = facts_->max;
    r.scaled = r.max > 0 ? static_cast<int>((static_cast<long long>(raw_) * 100) / r.max) : 100;
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
    return {seen, seen + std::max(0, facts_->steps_to_end[static_cast<size_t>(current_)] - 1)};
}

std::variant<Session, std::string> replay(ModulePtr module, const std::string& started,
                                          const std::vector<Answer>& answers, std::shared_ptr<const SessionFacts> facts) {
    Session s(std::move(module), started, std::move(facts));
    for (size_t i = 0; i < answers.size(); ++i)
        if (auto err = s.apply(answers[i])) return "answer " + std::to_string(i + 1) + ": " + *err;
    return s;
}

namespace {
// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil);
// a day past the month's end runs on into the next month, as timegm does.
long long days_from_civil(long long y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// Every replay reads two timestamps, and sscanf plus timegm cost as much as the
// rest of the replay; records hold the fixed layout YYYY-MM-DDTHH:MM:SS.mmmZ, read
// here digit by digit. Anything else goes the general way below, with the same result.
bool parse_iso_fixed(const std::string& s, long long& secs, int& millis) {
    static constexpr char kLayout[] = "dddd-dd-ddTdd:dd:dd";
    if (s.size() < 19) return false;
    for (size_t i = 0; i < 19; ++i)
        if (kLayout[i] == 'd' ? !std::isdigit(static_cast<unsigned char>(s[i])) : s[i] != kLayout[i]) return false;
    auto num = [&](size_t at, size_t n) {
        int v = 0;
        for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    const int mo = num(5, 2);
    if (mo < 1 || mo > 12) return false;
    millis = 0;
    if (s.size() > 19 && s[19] == '.') {
        if (s.size() < 23 || !std::isdigit(static_cast<unsigned char>(s[20])) || !std::isdigit(static_cast<unsigned char>(s[21])) ||
            !std::isdigit(static_cast<unsigned char>(s[22])))
            return false;
        millis = num(20, 3);
    }
    secs = days_from_civil(num(0, 4), mo, num(8, 2)) * 86400 + num(11, 2) * 3600 + num(14, 2) * 60 + num(17, 2);
    return true;
}

bool parse_iso(const std::string& s, long long& secs, int& millis) {
    if (parse_iso_fixed(s, secs, millis)) return true;
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
    secs = static_cast<long long>(platform::time_from_utc(tm));
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
    platform::utc_from_time(t, tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

}  // namespace signaal
