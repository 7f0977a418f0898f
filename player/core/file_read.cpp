#include "file_read.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include "platform.h"

namespace signaal {

namespace fs = std::filesystem;

std::string size_words(std::uintmax_t bytes) {
    char buf[32];
    if (bytes >= (1u << 20)) {
        const double mb = static_cast<double>(bytes) / (1u << 20);
        std::snprintf(buf, sizeof buf, mb == static_cast<double>(bytes >> 20) ? "%.0f MB" : "%.1f MB", mb);
    } else if (bytes >= 1024) {
        std::snprintf(buf, sizeof buf, "%ju KB", bytes / 1024);
    } else {
        std::snprintf(buf, sizeof buf, "%ju bytes", bytes);
    }
    return buf;
}

FileText read_file_limited(const std::string& path, std::uintmax_t limit, const char* what) {
    FileText out;
    std::error_code ec;
    const fs::path p = platform::to_path(path);
    if (!fs::exists(p, ec)) {
        out.error = "cannot open the file";
        return out;
    }
    if (!fs::is_regular_file(p, ec)) {
        out.error = "cannot open the file: not a regular file";
        return out;
    }
    const std::uintmax_t size = fs::file_size(p, ec);
    if (ec) {
        out.error = "cannot read the file: " + ec.message();
        return out;
    }
    if (size > limit) {
        out.error = "the file is " + size_words(size) + ", larger than the " + size_words(limit) + " " + what +
                    " may be; it was not read";
        return out;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        out.error = "cannot open the file";
        return out;
    }
    out.text.resize(static_cast<size_t>(size));
    in.read(out.text.data(), static_cast<std::streamsize>(size));
    // A file that shrank while being read is taken as it is; one that grew is
    // read up to the size checked above.
    out.text.resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) {
        out.error = "cannot read the file";
        out.text.clear();
        return out;
    }
    out.ok = true;
    return out;
}

}  // namespace signaal
