// Reading a whole input file, with a size bound checked before any byte is read:
// a huge file gets a clear message instead of filling memory.
#pragma once
#include <cstdint>
#include <string>

namespace signaal {

struct FileText {
    bool ok = false;
    std::string text;   // the file's bytes when ok
    std::string error;  // what went wrong otherwise, in plain words
};

// `what` names the kind of file for the message ("a module", "a score record").
FileText read_file_limited(const std::string& path, std::uintmax_t limit, const char* what);

// "8 MB", "83.2 MB", "512 KB": sizes in messages.
std::string size_words(std::uintmax_t bytes);

}  // namespace signaal
