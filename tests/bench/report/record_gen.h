// Realistic score records for tests and the benchmark: random trainees play
// random paths through the bundled modules (more skilled trainees pick the best
// answers more often), and the records are what the player itself would write,
// so they verify.
#pragma once
#include <cstdint>
#include <string>

#include "catalogue.h"

namespace signaal::bench {

struct GenOptions {
    long records = 1000;
    long trainees = 200;  // pool size; venues get about 10-60 staff each
    std::uint64_t seed = 1;
    std::string course;   // only modules of this course; empty: every course module
};

// Writes the records into `dir` (created if missing). Returns an error message, empty on success.
std::string generate_records(const Catalogue& catalogue, const std::string& dir, const GenOptions& options);

}  // namespace signaal::bench
