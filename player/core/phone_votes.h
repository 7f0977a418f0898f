// Votes from phones in classroom mode (docs/gui.md "Votes from phones"): the
// ballot box of the question the class is asked now. Pupils are anonymous: a
// phone is known only by a random voter token the page was given, so it can
// change its vote but counts once. Nothing but the counts leaves this object,
// and they go into the class record as the hands would (class_record.h).
//
// Thread-safe: the phone server's thread casts votes while the window's thread
// opens, reads and closes the ballot.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace signaal {

struct PhoneOption {
    std::string id, label;  // never points, feedback or whether it is right
};

// What a phone may see of a question.
struct PhoneQuestion {
    std::string key;     // differs for every question asked (scene id and step), so a late vote cannot land on the next one
    std::string kind;    // "choice" (one pick), "select" or "highlight" (any number of marks)
    std::string prompt;
    std::vector<PhoneOption> options;
};

struct PhoneCounts {
    std::string key;                  // the question counted ("" when none is asked)
    int voters = 0;                   // phones that voted (each once, whatever it changed)
    std::map<std::string, int> votes; // option id -> phones that chose / marked it (every option present)
    bool closed = false;
    std::uint64_t version = 0;        // bumped on every change, so the window redraws only then
};

class PhoneBallot {
public:
    enum class Result { Ok, NoQuestion, Closed, StaleQuestion, BadOption, UnknownVoter };
    // `max_voters`: tokens handed out at most (a class is never this big); bounds the memory a stranger can make us use.
    explicit PhoneBallot(std::size_t max_voters = 400) : max_voters_(max_voters) {}

    // Opens voting on `q`; every earlier ballot is dropped (only counts were kept).
    void ask(PhoneQuestion q);
    // No question open (a story scene, the debrief): phones are told to wait.
    void clear();
    // Closes voting: the counts are frozen and returned.
    PhoneCounts close();
    PhoneCounts counts() const;

    // A new random voter token, "" when `max_voters` were handed out already.
    std::string issue_voter();
    bool known_voter(const std::string& token) const;
    // A phone's vote on question `key`: one pick for a choice, any set of
    // distinct marks for select and highlight. A second vote replaces the first.
    Result vote(const std::string& token, const std::string& key, const std::vector<std::string>& picks);
    // The question as a phone sees it, with this voter's current picks ("mine").
    nlohmann::json question_json(const std::string& token) const;

private:
    mutable std::mutex mu_;
    std::size_t max_voters_;
    std::set<std::string> voters_;  // tokens handed out: only those may vote
    bool asked_ = false, closed_ = false;
    PhoneQuestion q_;
    std::map<std::string, std::vector<std::string>> ballots_;  // token -> picks at q_
    std::uint64_t version_ = 0;
    PhoneCounts counts_locked() const;
};

const char* phone_result_text(PhoneBallot::Result r);

}  // namespace signaal

namespace signaal {
// The phones' counts as the hands the class record keeps and majority() and
// count_hands() decide on: added to hands the teacher typed for pupils
// without a phone.
std::map<std::string, int> hands_with_phones(const std::map<std::string, int>& typed, const PhoneCounts& phones);
}  // namespace signaal
