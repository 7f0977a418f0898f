#include "atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace signaal::report {

AtomicFile::~AtomicFile() {
    if (f_) {
        std::fclose(f_);
        ::unlink(tmp_.c_str());
    }
}

std::string AtomicFile::open(const std::string& path) {
    path_ = path;
    tmp_ = path + ".tmp" + std::to_string(::getpid());
    failed_ = false;
    f_ = std::fopen(tmp_.c_str(), "wb");
    if (!f_) return "cannot create " + tmp_ + ": " + std::strerror(errno);
    return "";
}

void AtomicFile::write(std::string_view s) {
    if (f_ && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
}

std::string AtomicFile::commit() {
    if (!f_) return "the output file is not open";
    bool ok = !failed_ && std::fflush(f_) == 0 && ::fsync(fileno(f_)) == 0;
    ok = std::fclose(f_) == 0 && ok;
    f_ = nullptr;
    if (!ok) {
        ::unlink(tmp_.c_str());
        return "cannot write " + tmp_ + " (disk full?)";
    }
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
        std::string e = std::strerror(errno);
        ::unlink(tmp_.c_str());
        return "cannot rename to " + path_ + ": " + e;
    }
    // Make the rename itself durable, as write_file_atomic does.
    std::string::size_type slash = path_.rfind('/');
    std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path_.substr(0, slash);
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return "";
}

}  // namespace signaal::report
