// A file written piece by piece into a temporary file next to its path, then
// fsynced and renamed over it: readers see the old file or the whole new one
// (signaal::write_file_atomic's guarantee) without the content ever being held
// in memory whole. Dropped before commit, it leaves nothing behind.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace signaal::report {

class AtomicFile {
public:
    AtomicFile() = default;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    std::string open(const std::string& path);  // error message, empty on success
    bool is_open() const { return f_ != nullptr; }
    void write(std::string_view s);
    std::string commit();  // error message, empty on success

private:
    std::string path_, tmp_;
    std::FILE* f_ = nullptr;
    bool failed_ = false;
};

}  // namespace signaal::report
