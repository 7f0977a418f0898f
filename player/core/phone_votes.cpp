#include "phone_votes.h"

#include <algorithm>

#include "hash.h"

namespace signaal {

void PhoneBallot::ask(PhoneQuestion q) {
    std::lock_guard lock(mu_);
    q_ = std::move(q);
    asked_ = true;
    closed_ = false;
    ballots_.clear();
    ++version_;
}

void PhoneBallot::clear() {
    std::lock_guard lock(mu_);
    if (!asked_) return;
    q_ = {};
    asked_ = false;
    closed_ = false;
    ballots_.clear();
    ++version_;
}

PhoneCounts PhoneBallot::close() {
    std::lock_guard lock(mu_);
    if (asked_ && !closed_) {
        closed_ = true;
        ++version_;
    }
    return counts_locked();
}

PhoneCounts PhoneBallot::counts() const {
    std::lock_guard lock(mu_);
    return counts_locked();
}

PhoneCounts PhoneBallot::counts_locked() const {
    PhoneCounts c;
    c.version = version_;
    if (!asked_) return c;
    c.key = q_.key;
    c.closed = closed_;
    for (const auto& o : q_.options) c.votes[o.id] = 0;
    for (const auto& [token, picks] : ballots_)
        for (const auto& p : picks) ++c.votes[p];
    c.voters = static_cast<int>(ballots_.size());
    return c;
}

std::string PhoneBallot::issue_voter() {
    std::lock_guard lock(mu_);
    if (voters_.size() >= max_voters_) return "";
    std::string token = random_uuid();
    token.erase(std::remove(token.begin(), token.end(), '-'), token.end());
    voters_.insert(token);
    return token;
}

bool PhoneBallot::known_voter(const std::string& token) const {
    std::lock_guard lock(mu_);
    return voters_.count(token) > 0;
}

PhoneBallot::Result PhoneBallot::vote(const std::string& token, const std::string& key, const std::vector<std::string>& picks) {
    std::lock_guard lock(mu_);
    if (!voters_.count(token)) return Result::UnknownVoter;
    if (!asked_) return Result::NoQuestion;
    if (key != q_.key) return Result::StaleQuestion;
    if (closed_) return Result::Closed;
    if (q_.kind == "choice" && picks.size() != 1) return Result::BadOption;
    std::vector<std::string> in_order;  // the module's order, each at most once
    for (const auto& o : q_.options)
        if (std::count(picks.begin(), picks.end(), o.id) == 1) in_order.push_back(o.id);
    if (in_order.size() != picks.size()) return Result::BadOption;  // unknown or repeated ids
    ballots_[token] = std::move(in_order);
    ++version_;
    return Result::Ok;
}

nlohmann::json PhoneBallot::question_json(const std::string& token) const {
    std::lock_guard lock(mu_);
    nlohmann::json j;
    j["open"] = asked_ && !closed_;
    j["key"] = asked_ ? q_.key : "";
    if (!asked_) return j;
    j["kind"] = q_.kind;
    j["prompt"] = q_.prompt;
    j["options"] = nlohmann::json::array();
    for (const auto& o : q_.options) j["options"].push_back({{"id", o.id}, {"label", o.label}});
    auto it = ballots_.find(token);
    j["voted"] = it != ballots_.end();
    j["mine"] = it != ballots_.end() ? nlohmann::json(it->second) : nlohmann::json::array();
    return j;
}

const char* phone_result_text(PhoneBallot::Result r) {
    switch (r) {
        case PhoneBallot::Result::Ok: return "ok";
        case PhoneBallot::Result::NoQuestion: return "no question is open";
        case PhoneBallot::Result::Closed: return "voting is closed";
        case PhoneBallot::Result::StaleQuestion: return "that question is no longer asked";
        case PhoneBallot::Result::BadOption: return "not an option of this question";
        case PhoneBallot::Result::UnknownVoter: return "unknown voter";
    }
    return "?";
}

}  // namespace signaal

namespace signaal {
std::map<std::string, int> hands_with_phones(const std::map<std::string, int>& typed, const PhoneCounts& phones) {
    std::map<std::string, int> hands = typed;
    for (const auto& [id, n] : phones.votes) hands[id] += n;
    return hands;
}
}  // namespace signaal
