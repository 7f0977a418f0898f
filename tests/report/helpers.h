// Shared helpers for the report tests: a generated set of records, and running
// the scan + aggregation the way signaal-report does.
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "aggregate.h"
#include "catalogue.h"
#include "scan.h"

namespace rt {

inline std::string repo_dir() { return std::filesystem::path(SIGNAAL_TEST_DIR).parent_path().string(); }
inline std::string bin_dir() { return SIGNAAL_BIN_DIR; }
const signaal::Catalogue& catalogue();  // the bundled content, loaded once

// A fresh, empty temporary folder for one test.
std::string temp_dir(const std::string& name);
std::string slurp(const std::string& path);
void spit(const std::string& path, const std::string& text);
// Writes `n` generated records (hotel-park course) into `dir`.
void generate(const std::string& dir, long n, long trainees = 20, unsigned seed = 7);
// Scans and aggregates like signaal-report.
signaal::report::ReportModel run(const std::vector<std::string>& dirs, signaal::report::AggregateOptions o = {});
// Each word of the PDF `pdf` (a file) that pdftotext -bbox finds outside the
// certificate's inner frame (38 pt from every edge), as "word at x0,y0-x1,y1";
// `words` counts all words found.
std::vector<std::string> words_outside_frame(const std::string& pdf, int& words);
// A passing assessment record in `dir` (found among generated ones); empty when none.
std::string find_passing(const std::string& dir);

}  // namespace rt
