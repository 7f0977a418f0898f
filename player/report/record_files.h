// The score record files under some folders (*.json, searched recursively, and
// files named directly), handed out one at a time in sorted path order without
// listing them all first: only the folders being walked are held, each as a
// sorted list of its entries' names. So memory does not grow with the number of
// files, and duplicates still resolve the same way on every run.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace signaal::report {

class RecordFiles {
public:
    explicit RecordFiles(const std::vector<std::string>& paths);
    ~RecordFiles();
    RecordFiles(const RecordFiles&) = delete;
    RecordFiles& operator=(const RecordFiles&) = delete;

    // The next file; false when there are no more. Each path comes once, even when
    // given twice or found under two of the folders.
    bool next(std::string& path);
    // Paths that are neither a folder nor a file, and folders that could not be
    // read, one line each, in the order the paths were given.
    std::vector<std::string> errors() const;

private:
    struct Walk;
    std::vector<std::unique_ptr<Walk>> walks_;  // one per path given
    std::string last_;
    bool started_ = false;
};

// How many files RecordFiles would hand out (for a progress bar's total).
size_t count_record_files(const std::vector<std::string>& paths);

}  // namespace signaal::report
