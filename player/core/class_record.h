// Classroom sessions: a teacher plays a module with a whole class, entering the
// votes (hands up) at every decision. The class record keeps the votes and what
// the class went with. It is a different file kind from a score record
// ("signaal_class_record"), so it can never count toward a person's certificate.
#pragma once
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "session.h"

namespace signaal {

struct ClassDecision {
    std::string scene;
    std::map<std::string, int> votes;    // option/choice/phrase id -> hands
    std::vector<std::string> response;   // what the class went with
    bool overridden = false;             // the teacher chose against the majority
    std::string time;
};

struct ClassRecord {
    std::string session;  // UUID of this class session
    std::string class_name, teacher;
    int class_size = 0;   // pupils present; 0: not given (a select's majority then counts against the top vote)
    std::string language = "nl";
    std::string software = std::string("signaal ") + SIGNAAL_VERSION;
    std::string module_id, module_version, module_sha256;
    std::string started;
    std::vector<ClassDecision> decisions;
    bool finished = false;
    std::string ending;
};

// What the votes say. Choices: the choice with the most votes among those
// offered, or nothing on a tie (the teacher decides). Select and highlight:
// every option that at least half of the class (`class_size`, or the most
// votes any option got when 0) marked.
std::vector<std::string> majority(const Session& s, const std::map<std::string, int>& votes, int class_size);

// The best answer to a question: the choices with the most points, or exactly
// the suspicious marks (in the module's order). The closing slide and the
// trainer's report both set what a class went with against it.
std::vector<std::string> best_response(const Scene& sc);
// Whether `response` is a best answer: one of the best choices, or exactly the suspicious marks.
bool is_best_response(const Scene& sc, const std::vector<std::string>& response);

// A sense check of the hands entered at a question, so a typo (9999 for 9) or
// a half-counted room does not decide for the class. `hands`: choices, the
// hands raised in all (one per pupil); select and highlight, the most any
// option got (a pupil may mark several). `class_size` 0: unknown, then only
// "no hands at all" is too few.
struct HandCount {
    int hands = 0;
    bool too_many = false;  // more hands than pupils
    bool too_few = false;   // none, or fewer than half the class
};
HandCount count_hands(const Scene& sc, const std::map<std::string, int>& votes, int class_size);

nlohmann::json class_record_json(const ClassRecord& r);
std::variant<ClassRecord, std::string> parse_class_record(const std::string& text);
bool is_class_record(const nlohmann::json& j);
// The class session's decisions played again on `module`: the session stands
// just after the last decision (a story scene that followed it is shown, not
// skipped). Narrative scenes before each decision are passed as the classroom
// view passes them. Returns a message when the module does not allow a decision.
std::variant<Session, std::string> replay_class(const ModulePtr& module, const ClassRecord& r);

// The newest unfinished class session of `module` in `dir` that still replays
// on it (same SHA-256): what a teacher whose laptop died mid-lesson continues.
std::optional<std::pair<std::string, ClassRecord>> find_unfinished_class(const std::string& dir, const Module& module);

// Writes atomically into `dir` as class_<module>_<session>.json; returns an error message or "".
std::string save_class_record(const std::string& dir, const ClassRecord& r, std::string* path = nullptr);

}  // namespace signaal
