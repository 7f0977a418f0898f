// platform.h on Linux (and other POSIX systems): paths are bytes, already UTF-8.
#include "platform.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace signaal::platform {

namespace fs = std::filesystem;

fs::path to_path(std::string_view utf8) { return fs::path(std::string(utf8)); }
std::string from_path(const fs::path& p) { return p.string(); }
std::FILE* open_file(const std::string& utf8_path, const char* mode) { return std::fopen(utf8_path.c_str(), mode); }
char path_list_separator() { return ':'; }
std::string c_library_path(const std::string& utf8_path) { return utf8_path; }

bool contains_bytes(std::string_view text, std::string_view needle) {
    return ::memmem(text.data(), text.size(), needle.data(), needle.size()) != nullptr;
}

ReadResult read_whole_file(const std::string& path, std::uintmax_t limit, std::string& out, std::uintmax_t& size,
                           std::string& error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return ReadResult::cannot_open;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return ReadResult::not_regular;
    }
    size = static_cast<std::uintmax_t>(st.st_size);
    if (size > limit) {
        ::close(fd);
        return ReadResult::too_large;
    }
    out.resize(static_cast<size_t>(size));
    size_t got = 0;
    while (got < out.size()) {
        ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = std::strerror(errno);
            ::close(fd);
            return ReadResult::cannot_read;
        }
        if (n == 0) break;  // shrank while reading: take what is there
        got += static_cast<size_t>(n);
    }
    out.resize(got);
    ::close(fd);
    return ReadResult::ok;
}

PathKind path_kind(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return PathKind::missing;
    return S_ISREG(st.st_mode) ? PathKind::file : S_ISDIR(st.st_mode) ? PathKind::folder : PathKind::other;
}

std::string list_folder(const std::string& dir, bool (*wanted)(std::string_view),
                        const std::function<void(std::string_view, bool)>& add) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return errno == EACCES ? "" : std::strerror(errno);
    const int fd = ::dirfd(d);
    while (const dirent* e = ::readdir(d)) {
        std::string_view name = e->d_name;
        if (name == "." || name == "..") continue;
        // d_type saves a stat per entry on most file systems; DT_UNKNOWN asks for one.
        unsigned char type = e->d_type;
        struct stat st {};
        if (type == DT_UNKNOWN && ::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
            type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : S_ISLNK(st.st_mode) ? DT_LNK : DT_UNKNOWN;
        if (type == DT_DIR) {
            add(name, true);
        } else if (wanted(name) &&
                   (type == DT_REG || (type == DT_LNK && ::fstatat(fd, e->d_name, &st, 0) == 0 && S_ISREG(st.st_mode)))) {
            add(name, false);
        }
    }
    ::closedir(d);
    return "";
}

// --- writing safely -----------------------------------------------------------
AtomicWriter::~AtomicWriter() {
    if (f_) {
        std::fclose(f_);
        ::unlink(tmp_.c_str());
    }
}

std::string AtomicWriter::open(const std::string& path) {
    path_ = path;
    // The process id keeps two programs writing the same file from sharing a temporary.
    tmp_ = path + ".tmp" + std::to_string(::getpid());
    failed_ = false;
    f_ = std::fopen(tmp_.c_str(), "wb");
    if (!f_) return "cannot create " + tmp_ + ": " + std::strerror(errno);
    return "";
}

void AtomicWriter::write(std::string_view s) {
    if (f_ && !s.empty() && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
}

std::string AtomicWriter::commit() {
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
    // The rename is an entry in the folder: fsync the folder so it survives a power cut.
    std::string::size_type slash = path_.rfind('/');
    std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path_.substr(0, slash);
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return "";
}

std::optional<std::string> FolderBatch::put(const std::string& name, std::string_view content) {
    const std::string path = dir_ + "/" + name, tmp = path + ".tmp" + std::to_string(::getpid());
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return "cannot create " + tmp + ": " + std::strerror(errno);
    bool ok = content.empty() || std::fwrite(content.data(), 1, content.size(), f) == content.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok) return ::unlink(tmp.c_str()), "cannot write " + tmp + " (disk full?)";
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::string e = std::strerror(errno);
        ::unlink(tmp.c_str());
        return "cannot rename to " + path + ": " + e;
    }
    written_.push_back(path);
    return std::nullopt;
}

std::optional<std::string> FolderBatch::sync() {
    if (written_.empty()) return std::nullopt;
    int dfd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return "cannot open " + dir_ + ": " + std::strerror(errno);
    bool ok = true;
#ifdef __linux__
    // One flush of the file system holding the folder writes every file's data
    // and the folder's entries; fsync of each file would be one journal commit
    // per file (the cost this class exists to avoid). Since Linux 5.8 syncfs
    // also reports a write-back error of any file in it.
    ok = ::syncfs(dfd) == 0;
#else
    for (const std::string& path : written_) {
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        ok = fd >= 0 && ::fsync(fd) == 0 && ok;
        if (fd >= 0) ::close(fd);
    }
    ok = ::fsync(dfd) == 0 && ok;
#endif
    const std::string e = ok ? "" : std::strerror(errno);
    ::close(dfd);
    if (!ok) return "cannot flush " + dir_ + " to the disk: " + e;
    written_.clear();
    return std::nullopt;
}

// --- folders ------------------------------------------------------------------
namespace {
std::string xdg(const char* var, const char* fallback_under_home) {
    if (auto v = env(var)) return *v;
    auto home = env("HOME");
    return (home ? *home : std::string(".")) + "/" + fallback_under_home;
}
}  // namespace

std::string user_data_dir() { return xdg("XDG_DATA_HOME", ".local/share") + "/signaal"; }
std::string user_config_dir() { return xdg("XDG_CONFIG_HOME", ".config") + "/signaal"; }

std::string executable_dir() {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? "" : self.parent_path().string();
}

// --- environment and console --------------------------------------------------
std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}
bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) != 0; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) != 0; }
bool display_available() { return env("DISPLAY") || env("WAYLAND_DISPLAY"); }

// POSIX hands main() the bytes as given: nothing to convert.
Args::Args(int argc, char** argv) : args_(argv, argv + argc) {
    for (auto& a : args_) ptrs_.push_back(a.data());
    ptrs_.push_back(nullptr);
}

// --- time ---------------------------------------------------------------------
std::time_t time_from_utc(std::tm utc) { return ::timegm(&utc); }
bool utc_from_time(std::time_t t, std::tm& out) { return ::gmtime_r(&t, &out) != nullptr; }
bool local_from_time(std::time_t t, std::tm& out) { return ::localtime_r(&t, &out) != nullptr; }

bool known_time_zone(const std::string& zone) {
    if (zone == "UTC") return true;
    if (zone.empty() || zone.find("..") != std::string::npos || zone[0] == '/') return false;
    std::error_code ec;
    return fs::is_regular_file("/usr/share/zoneinfo/" + zone, ec);
}

bool set_time_zone(const std::string& zone) {
    if (!known_time_zone(zone)) return false;
    ::setenv("TZ", zone.c_str(), 1);
    ::tzset();
    return true;
}

std::string local_zone_name() {
    if (auto tz = env("TZ")) return (*tz)[0] == ':' ? tz->substr(1) : *tz;
    std::ifstream in("/etc/timezone");
    std::string name;
    if (in >> name && !name.empty()) return name;
    std::error_code ec;
    auto target = fs::read_symlink("/etc/localtime", ec).string();
    if (auto p = target.find("zoneinfo/"); !ec && p != std::string::npos) return target.substr(p + 9);
    return "UTC";
}

}  // namespace signaal::platform
