// Everything that differs between operating systems, in one place (inkcpp's
// platform.h is the model): the rest of the code calls these and holds no
// #ifdef. One implementation file per OS: platform_posix.cpp, platform_windows.cpp.
//
// Strings are UTF-8 everywhere in Signaal. On Windows the C library and
// std::filesystem::path(std::string) read narrow strings in the ANSI code page,
// which turns "Zoë" into something else; so paths cross into the file system
// only through to_path, and come back through from_path.
#pragma once
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace signaal::platform {

// --- paths --------------------------------------------------------------------
std::filesystem::path to_path(std::string_view utf8);
std::string from_path(const std::filesystem::path& p);
// std::fopen for a UTF-8 path.
std::FILE* open_file(const std::string& utf8_path, const char* mode);
// A path for a C library that calls fopen with it (libharu's fonts): the
// same on POSIX; on Windows the ANSI code page's spelling when it has every
// character, else the short (8.3) name, else the UTF-8 text.
std::string c_library_path(const std::string& utf8_path);
// Separator of folder lists in SIGNAAL_CONTENT: ':' on POSIX, ';' on Windows
// (where ':' follows every drive letter).
char path_list_separator();

// Whether `needle` occurs in `text`. memmem where the C library has it: this
// runs over every record verified, and std::string::find stops at every '"' of
// the text to compare the rest.
bool contains_bytes(std::string_view text, std::string_view needle);

// --- reading and listing ------------------------------------------------------
// Reads a regular file whole (one open, so the size checked is the size of the
// file read), refusing one larger than `limit` bytes; `size` is its size and
// `error` the system's words for cannot_open and cannot_read.
enum class ReadResult { ok, cannot_open, not_regular, too_large, cannot_read };
ReadResult read_whole_file(const std::string& path, std::uintmax_t limit, std::string& out, std::uintmax_t& size,
                           std::string& error);

enum class PathKind { missing, file, folder, other };
PathKind path_kind(const std::string& path);  // following links

// Lists one folder for the record walk: add(name, true) for each folder (not
// followed through links, so a link loop cannot trap the walk), add(name,
// false) for each regular file (also through links) whose name `wanted` takes.
// A folder that may not be read lists as empty; any other failure is returned
// as a message.
std::string list_folder(const std::string& dir, bool (*wanted)(std::string_view name),
                        const std::function<void(std::string_view name, bool folder)>& add);

// --- writing safely -----------------------------------------------------------
// A file written into a temporary file in the same folder, flushed to the disk
// and renamed over `path`: readers see the old file or the whole new one, also
// after a power cut. Dropped before commit(), it leaves nothing behind.
class AtomicWriter {
public:
    AtomicWriter() = default;
    AtomicWriter(const AtomicWriter&) = delete;
    AtomicWriter& operator=(const AtomicWriter&) = delete;
    ~AtomicWriter();

    std::string open(const std::string& path);  // error message, empty on success
    bool is_open() const { return f_ != nullptr; }
    void write(std::string_view s);
    std::string commit();  // error message, empty on success

private:
    std::string path_, tmp_;
    std::FILE* f_ = nullptr;
    bool failed_ = false;
};
// The whole of `content` at once; the error message, or nothing on success.
std::optional<std::string> replace_file(const std::string& path, std::string_view content);

// Many files in one folder, each replaced whole (a temporary file renamed over
// it, as AtomicWriter) but flushed to the disk together by sync(): hundreds of
// files cost one flush instead of one each. Until sync() has returned without
// an error a power cut may leave any of them old, empty or missing, so a caller
// records that they are stored (e.g. moves a bookmark on) only after sync().
class FolderBatch {
public:
    explicit FolderBatch(std::string dir) : dir_(std::move(dir)) {}
    std::optional<std::string> put(const std::string& name, std::string_view content);  // the error, or nothing
    std::optional<std::string> sync();  // every file put since the last sync, and the folder's entries
    size_t pending() const { return written_.size(); }

private:
    std::string dir_;
    std::vector<std::string> written_;  // paths put since the last sync
};

// --- folders ------------------------------------------------------------------
// Per-user data (records) and configuration (settings): $XDG_DATA_HOME or
// ~/.local/share and $XDG_CONFIG_HOME or ~/.config on Linux; %APPDATA% (roams
// with the user, as records should) and %LOCALAPPDATA% on Windows.
std::string user_data_dir();
std::string user_config_dir();
// The folder holding the running program, or "" when it cannot be told.
std::string executable_dir();

// --- environment and console --------------------------------------------------
// An environment variable as UTF-8; nothing when unset or empty.
std::optional<std::string> env(const char* name);
bool stdin_is_terminal();
bool stderr_is_terminal();
// Whether a window can be opened at all (Linux: DISPLAY or WAYLAND_DISPLAY).
bool display_available();

// Start of every program: UTF-8 console output, and the arguments as UTF-8
// (Windows hands main() ANSI-code-page strings; the wide command line is the
// real one). Keep the object alive while argv() is used.
class Args {
public:
    Args(int argc, char** argv);
    int argc() const { return static_cast<int>(ptrs_.size()) - 1; }
    char** argv() { return ptrs_.data(); }

private:
    std::vector<std::string> args_;
    std::vector<char*> ptrs_;
};

// --- time ---------------------------------------------------------------------
// timegm: broken-down UTC time to seconds since 1970.
std::time_t time_from_utc(std::tm utc);
bool utc_from_time(std::time_t t, std::tm& out);
bool local_from_time(std::time_t t, std::tm& out);
// Makes `zone` (an IANA name such as Europe/Amsterdam, or UTC) the zone of
// local_from_time for the rest of the process; false when it is not one.
bool set_time_zone(const std::string& zone);
bool known_time_zone(const std::string& zone);
// The zone's name for a reader (Europe/Amsterdam, or UTC).
std::string local_zone_name();

}  // namespace signaal::platform
