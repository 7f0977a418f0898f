// Builds the ReportModel as records stream past: each verified record is folded
// into running counts and then dropped, so memory grows with the number of
// trainees and registrations, not with the size of the records.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalogue.h"
#include "registration_set.h"
#include "report_model.h"
#include "roster.h"
#include "verify.h"

namespace signaal::report {

// Narrows the review to some attempts: the trainer view's filters. An empty
// field matches everything. Applied while folding (not to the finished model)
// because module and question counts cannot be taken apart afterwards.
struct ReportFilter {
    std::vector<std::string> venues;  // the trainee's venue is one of these; matched by fold_key, as venues match
    std::string module;    // module id
    std::string from, to;  // YYYY-MM-DD, inclusive: the local day (local_time.h) of the attempt's last answer
    bool empty() const { return venues.empty() && module.empty() && from.empty() && to.empty(); }
    std::string describe() const;  // "venue Hotel Centraal, from 2026-01-01" (empty: no filter)
    bool venue_matches(const std::string& venue_name) const;
    bool matches(const std::string& venue_name, const std::string& module_id, const std::string& updated) const;
};

struct AggregateOptions {
    double threshold = 0.6;   // share of staff that must pass for a venue to be certified
    std::string course;       // the course that certifies; empty: any course with an assessment
    std::string lang = "nl";  // language of labels in the report
    std::vector<RosterEntry> roster;  // empty: staff are counted from the records
    std::string roster_file;
    ReportFilter filter;      // attempts outside it are verified but not counted (ReportModel::filtered)
    int valid_months = 24;    // a certificate's validity; its expiry date is in CoursePass::expires
    int due_months = -1;      // list refreshers due within this many months (ReportModel::due_until); -1: not asked
    std::string today;        // local date of the run; empty: local_today() (tests fix it)
};

// What became of one file.
enum class Counted { Yes, Duplicate, Failed, Filtered, ClassSession };


class Aggregator {
public:
    Aggregator(const Catalogue& catalogue, AggregateOptions options);

    // Folds in one file's verification. Files that fail, and second copies of an
    // attempt (same registration), are listed as failures and count for nothing.
    Counted add(const std::string& path, const Verification& v);
    void add_unreadable(const std::string& path, const std::string& reason);

    // The files that counted an attempt a later file repeats: their numbers (the
    // n-th file given to add, from 1) and the registration.
    std::map<long, RegistrationKey> repeated_files() const;

    // `file_name(n)` names the n-th file, so a duplicate can say which file it
    // repeats; without it, or when it returns "", the message gives the number.
    // Call once: the running totals move into the model.
    ReportModel finish(const std::vector<std::string>& dirs, const std::function<std::string(long)>& file_name = {});

private:
    struct TraineeAcc {
        std::string name, venue, role, last_activity;
        std::string role_from;  // updated + registration of the attempt the role came from
        std::map<std::string, TraineeModule> modules;
        std::map<std::string, CoursePass> passes;  // by course
    };
    // Questions and options by position in the module, not by id: every answer of
    // every record lands here, on the one thread that aggregates.
    struct QuestionAcc {
        long answered = 0;
        std::vector<long> options;  // the scene's choices, then its marks
    };
    struct ModuleAcc {
        ModulePtr module;
        long attempts = 0, finished = 0, passed = 0;
        std::vector<QuestionAcc> questions;  // by scene index
        std::map<std::string, SignalStats> signals;
        std::map<std::pair<std::string, std::string>, long> critical;
    };

    const Catalogue& catalogue_;
    AggregateOptions opt_;
    long files_ = 0, counted_ = 0, filtered_ = 0;
    std::vector<ClassRow> classes_;
    RegistrationSet seen_;  // the one thing that grows with the number of files
    struct Duplicate {
        size_t failure;  // index in failures_
        long long first;  // number of the file that counted (long is 32 bits on Windows)
        RegistrationKey key;
    };
    std::vector<Duplicate> duplicates_;
    std::unordered_map<std::string, TraineeAcc> trainees_;  // by trainee id (finish sorts the rows)
    std::map<std::string, ModuleAcc> modules_;            // by module id
    // The modules each trainee passed (by trainee id), and what each passed
    // assessment requires (by module id): a course is passed only with both.
    std::unordered_map<std::string, std::set<std::string>> passed_;
    std::map<std::string, std::vector<std::string>> requires_;
    std::vector<Failure> failures_;

    void fold(const std::string& path, const Verification& v);
};

// Which kind of failure a verification problem is (for grouping in the report).
std::string failure_kind(const Verification& v);

}  // namespace signaal::report
