// The trainer's review as plain data: what signaal-report prints and what a
// window shows. Built by Aggregator (aggregate.h) from verified score records;
// renderers (render.h) only read it. No pointers into modules or records, so it
// can be kept, copied and shown long after the scan.
#pragma once
#include <string>
#include <vector>

namespace signaal::report {

// One attempt, reduced to what the review shows.
struct AttemptSummary {
    std::string registration;
    std::string date;  // the record's `updated` (last answer), ISO 8601 UTC
    int scaled = 0;    // whole percent
    int pass_mark = 0; // whole percent the module asks for
    bool finished = false;
    bool passed = false;
    // Why a finished attempt failed: the label of its first critical error (a
    // critical error fails an attempt whatever its score); empty: below the pass mark.
    std::string critical;
    std::string file;
};

struct TraineeModule {
    std::string module_id;
    std::string course;
    int attempts = 0;
    AttemptSummary latest, best;
};

// A passed course: the latest passing attempt at the course's assessment module.
struct CoursePass {
    std::string course;
    std::string title_nl, title_en;  // the assessment module's <course-title>; empty: print the id
    std::string module_id;
    std::string registration;
    std::string date;
    int scaled = 0;
    std::string code;  // certificate verification code (cert_code.h), grouped
    std::string expires;  // local date the certificate runs out (valid_months after the pass)
    std::string file;     // the certificate's file name (certificate_file_name)
    std::string language;   // the language the passing attempt was played in (its record's)
    std::string title_own;  // the <course-title> in that language when it is neither Dutch nor English
};

struct TraineeRow {
    std::string id, name, venue, role;
    bool on_roster = false;   // listed in the roster (always false without one)
    bool has_records = false; // false: on the roster but never played
    std::vector<TraineeModule> modules;  // sorted by course, then module id
    std::vector<CoursePass> passes;      // one per passed course
    std::string last_activity;           // latest record date
    bool course_passed() const { return !passes.empty(); }
};

struct VenueRow {
    std::string venue;
    int staff = 0;
    int passed = 0;
    double share = 0;  // passed / staff, 0..1; shown with share_text (never rounded up)
    bool certified = false;
};

struct OptionCount {
    std::string id, label;
    bool correct = false;  // full-score choice, or a correct option / suspicious phrase
    long count = 0;
};

struct QuestionStats {
    std::string scene, prompt;
    std::string kind;  // choices, select, highlight
    long answered = 0;
    std::vector<OptionCount> options;  // in the module's order
};

struct SignalCount {
    std::string id, label;
    long hits = 0, misses = 0;
};

struct CriticalCount {
    std::string scene, choice, label;
    long count = 0;
};

struct ModuleStats {
    std::string id, title, course;
    bool assessment = false;
    long attempts = 0, finished = 0, passed = 0;
    std::vector<QuestionStats> questions;   // in the module's scene order
    std::vector<SignalCount> missed;        // most missed first (misses > 0 only)
    std::vector<CriticalCount> critical;    // most common first
};

// A file that does not count, and why.
struct Failure {
    std::string file;
    std::string kind;  // unreadable, corrupt, foreign, tampered, duplicate, unknown-module
    std::vector<std::string> reasons;
    std::string trainee;  // "name (venue)" as the record says, when it could be read; else empty
    std::string venue;    // the record's venue, when it could be read
};

// A classroom session (signaal --class): reported on its own, it never counts
// toward a trainee, a venue or a certificate.
// One option at one decision of a class session: the hands it got, whether
// the class (or the teacher) went with it, and whether it was a best answer.
struct ClassOption {
    std::string id, label;
    long hands = 0;
    bool chosen = false, best = false;
};
struct ClassQuestion {
    std::string scene, question;  // question: the prompt in the session's language
    bool overridden = false;
    bool best = false;  // the class went with a best answer (choices) or exactly the right marks
    std::vector<ClassOption> options;
};

struct ClassRow {
    std::string file;
    std::string class_name, teacher, module, date;  // date: YYYY-MM-DD of the start
    long decisions = 0, overridden = 0, votes = 0;  // votes: hands counted over all decisions
    bool finished = false;
    std::string ending;
    std::vector<ClassQuestion> questions;  // per decision, in order
};

struct ReportModel {
    std::string generated;  // ISO 8601 UTC
    std::string timezone;   // zone of every date shown (local_time.h)
    std::string today;      // local date of the run
    int valid_months = 24;  // a certificate's validity (refresher training)
    std::string due_until;  // refreshers due up to this local date are listed; empty: not asked
    std::string filter;     // the filter the figures are narrowed to, in words; empty: none
    std::vector<std::string> dirs;
    std::string roster;     // file, empty when the venues come from the records
    std::string course;     // course that certifies a venue; empty: any assessed course
    double threshold = 0.6;
    long files = 0;         // record files looked at
    long counted = 0;       // verified and counted
    long filtered = 0;      // verified, but outside the filter (AggregateOptions::filter)
    std::vector<TraineeRow> trainees;  // sorted by venue, then name
    std::vector<VenueRow> venues;      // sorted by venue
    std::vector<ModuleStats> modules;  // catalogue order
    std::vector<Failure> failures;     // sorted by file; with a venue filter only that venue's (a report for its manager)
    long failures_elsewhere = 0;       // skipped files left out by a venue filter (other venues, or unreadable)
    std::vector<ClassRow> classes;     // class sessions, sorted by date then class
};

}  // namespace signaal::report
