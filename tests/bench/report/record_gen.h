// Realistic score records for tests and the benchmark: random trainees play
// random paths through the bundled modules (more skilled trainees pick the best
// answers more often), and the records are what the player itself would write,
// so they verify.
#pragma once
#include <cstdint>
#include <string>

#include "catalogue.h"
#include "records.h"

namespace signaal::bench {

struct GenOptions {
    long records = 1000;
    long trainees = 200;  // pool size; venues get about 10-60 staff each
    std::uint64_t seed = 1;
    std::string course;   // only modules of this course; empty: every course module
};

// Writes the records into `dir` (created if missing). Returns an error message, empty on success.
std::string generate_records(const Catalogue& catalogue, const std::string& dir, const GenOptions& options);

// One attempt at `m` by `who` with the best answer at every step (the
// highest-scoring choice offered, exactly the correct marks), started at
// `when` (seconds since 1970), written into `dir` as the player writes it.
// Fixtures for tests of what passing a module opens. Returns an error
// message, empty on success.
std::string write_best_attempt(const ModulePtr& m, const Trainee& who, const std::string& dir, long long when);

}  // namespace signaal::bench
