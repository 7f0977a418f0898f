// Builds the ReportModel as records stream past: each verified record is folded
// into running counts and then dropped, so memory grows with the number of
// trainees and registrations, not with the size of the records.
#pragma once
#include <array>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

#include "catalogue.h"
#include "report_model.h"
#include "roster.h"
#include "verify.h"

namespace signaal::report {

// Narrows the review to some attempts: the trainer view's filters. An empty
// field matches everything. Applied while folding (not to the finished model)
// because module and question counts cannot be taken apart afterwards.
struct ReportFilter {
    std::string venue;     // the trainee's venue; case and surrounding spaces ignored, as venues match
    std::string module;    // module id
    std::string from, to;  // YYYY-MM-DD, inclusive: the UTC day of the attempt's last answer
    bool empty() const { return venue.empty() && module.empty() && from.empty() && to.empty(); }
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

    // `file_name(n)` names the n-th file given to add (1-based), so a duplicate can
    // say which file it repeats; without it the message gives the number.
    ReportModel finish(const std::vector<std::string>& dirs, const std::function<std::string(long)>& file_name = {}) const;

private:
    struct TraineeAcc {
        std::string name, venue, role, last_activity;
        std::map<std::string, TraineeModule> modules;
        std::map<std::string, CoursePass> passes;  // by course
    };
    struct QuestionAcc {
        long answered = 0;
        std::map<std::string, long> options;
    };
    struct ModuleAcc {
        ModulePtr module;
        long attempts = 0, finished = 0, passed = 0;
        std::map<std::string, QuestionAcc> questions;
        std::map<std::string, SignalStats> signals;
        std::map<std::pair<std::string, std::string>, long> critical;
    };

    const Catalogue& catalogue_;
    AggregateOptions opt_;
    long files_ = 0, counted_ = 0, filtered_ = 0;
    std::vector<ClassRow> classes_;
    // Registration (16 bytes) -> number of the file that counted. Compact on
    // purpose: it is the one thing that grows with the number of files.
    struct KeyHash {
        size_t operator()(const std::array<unsigned char, 16>& k) const {
            size_t h;
            std::memcpy(&h, k.data(), sizeof h);  // random UUIDs: any 8 bytes hash well
            return h;
        }
    };
    std::unordered_map<std::array<unsigned char, 16>, long, KeyHash> seen_;
    std::vector<std::pair<size_t, long>> duplicates_;  // (index in failures_, file number it repeats)
    std::map<std::string, TraineeAcc> trainees_;          // by trainee id
    std::map<std::string, ModuleAcc> modules_;            // by module id
    std::vector<Failure> failures_;

    void fold(const std::string& path, const StoredRecord& r, const Result& res, const ModulePtr& m);
};

// Which kind of failure a verification problem is (for grouping in the report).
std::string failure_kind(const Verification& v);

}  // namespace signaal::report
