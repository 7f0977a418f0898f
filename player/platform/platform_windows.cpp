// platform.h on Windows: the file system speaks UTF-16, so every path and
// environment string is converted from and to UTF-8 here, and only the wide
// (…W) functions are called.
#include "platform.h"

#include <windows.h>
#include <fcntl.h>
#include <io.h>
#include <knownfolders.h>
#include <shellapi.h>
#include <shlobj.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "utf16.h"

namespace signaal::platform {

namespace fs = std::filesystem;

std::wstring wide(std::string_view s) {
    if (s.empty()) return {};
    int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
    std::wstring w(static_cast<size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), w.data(), n);
    return w;
}

std::string narrow(std::wstring_view w) {
    if (w.empty()) return {};
    int n = WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), nullptr, 0, nullptr, nullptr);
    std::string s(static_cast<size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), s.data(), n, nullptr, nullptr);
    return s;
}

namespace {
// The system's words for GetLastError(), in English where the system has them.
std::string last_error() {
    DWORD code = GetLastError();
    wchar_t* buf = nullptr;
    FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, code,
                   MAKELANGID(LANG_ENGLISH, SUBLANG_DEFAULT), reinterpret_cast<wchar_t*>(&buf), 0, nullptr);
    std::string text = buf ? narrow(buf) : "error " + std::to_string(code);
    if (buf) LocalFree(buf);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == '.')) text.pop_back();
    return text;
}

std::string known_folder(REFKNOWNFOLDERID id, const char* env_fallback) {
    PWSTR p = nullptr;
    std::string out;
    if (SHGetKnownFolderPath(id, KF_FLAG_CREATE, nullptr, &p) == S_OK) out = narrow(p);
    CoTaskMemFree(p);
    if (out.empty()) out = env(env_fallback).value_or(".");
    return out;
}
}  // namespace

fs::path to_path(std::string_view utf8) {
    return fs::path(std::u8string(reinterpret_cast<const char8_t*>(utf8.data()), utf8.size()));
}
std::string from_path(const fs::path& p) {
    std::u8string s = p.u8string();
    return std::string(reinterpret_cast<const char*>(s.data()), s.size());
}
std::FILE* open_file(const std::string& utf8_path, const char* mode) {
    return _wfopen(wide(utf8_path).c_str(), wide(mode).c_str());
}
char path_list_separator() { return ';'; }

std::string c_library_path(const std::string& utf8_path) {
    const std::wstring w = wide(utf8_path);
    auto ansi = [](const std::wstring& s, std::string& out) {
        BOOL lossy = FALSE;
        int n = WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, s.data(), static_cast<int>(s.size()), nullptr, 0, nullptr, &lossy);
        if (n <= 0 || lossy) return false;
        out.assign(static_cast<size_t>(n), '\0');
        WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, s.data(), static_cast<int>(s.size()), out.data(), n, nullptr, &lossy);
        return !lossy;
    };
    std::string out;
    if (ansi(w, out)) return out;
    std::wstring shortname(MAX_PATH, L'\0');
    DWORD n = GetShortPathNameW(w.c_str(), shortname.data(), static_cast<DWORD>(shortname.size()));
    if (n > 0 && n < shortname.size()) {
        shortname.resize(n);
        if (ansi(shortname, out)) return out;
    }
    return utf8_path;
}

// No memmem in Windows' C library.
bool contains_bytes(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

ReadResult read_whole_file(const std::string& path, std::uintmax_t limit, std::string& out, std::uintmax_t& size,
                           std::string& error) {
    HANDLE h = CreateFileW(wide(path).c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_SEQUENTIAL_SCAN, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        // A folder cannot be opened as a file at all: say what POSIX says.
        if (GetLastError() == ERROR_ACCESS_DENIED && path_kind(path) == PathKind::folder) return ReadResult::not_regular;
        error = last_error();
        return ReadResult::cannot_open;
    }
    LARGE_INTEGER li{};
    if (GetFileType(h) != FILE_TYPE_DISK || !GetFileSizeEx(h, &li)) {
        CloseHandle(h);
        return ReadResult::not_regular;
    }
    size = static_cast<std::uintmax_t>(li.QuadPart);
    if (size > limit) {
        CloseHandle(h);
        return ReadResult::too_large;
    }
    out.resize(static_cast<size_t>(size));
    size_t got = 0;
    while (got < out.size()) {
        DWORD n = 0;
        if (!ReadFile(h, out.data() + got, static_cast<DWORD>(out.size() - got), &n, nullptr)) {
            error = last_error();
            CloseHandle(h);
            return ReadResult::cannot_read;
        }
        if (n == 0) break;
        got += n;
    }
    out.resize(got);
    CloseHandle(h);
    return ReadResult::ok;
}

PathKind path_kind(const std::string& path) {
    DWORD a = GetFileAttributesW(wide(path).c_str());
    if (a == INVALID_FILE_ATTRIBUTES) return PathKind::missing;
    return (a & FILE_ATTRIBUTE_DIRECTORY) ? PathKind::folder : (a & FILE_ATTRIBUTE_DEVICE) ? PathKind::other : PathKind::file;
}

std::string list_folder(const std::string& dir, bool (*wanted)(std::string_view),
                        const std::function<void(std::string_view, bool)>& add) {
    WIN32_FIND_DATAW d;
    std::wstring pattern = wide(dir);
    if (!pattern.empty() && pattern.back() != L'\\' && pattern.back() != L'/') pattern += L'\\';
    pattern += L'*';
    HANDLE h = FindFirstFileExW(pattern.c_str(), FindExInfoBasic, &d, FindExSearchNameMatch, nullptr, FIND_FIRST_EX_LARGE_FETCH);
    if (h == INVALID_HANDLE_VALUE) return GetLastError() == ERROR_ACCESS_DENIED ? "" : last_error();
    do {
        std::string name = narrow(d.cFileName);
        if (name == "." || name == "..") continue;
        // A reparse point that is a folder (junction, folder link) is not walked into.
        const bool reparse = d.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT;
        if (d.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) {
            if (!reparse) add(name, true);
        } else if (wanted(name)) {
            add(name, false);
        }
    } while (FindNextFileW(h, &d));
    FindClose(h);
    return "";
}

// --- writing safely -----------------------------------------------------------
AtomicWriter::~AtomicWriter() {
    if (f_) {
        std::fclose(f_);
        DeleteFileW(wide(tmp_).c_str());
    }
}

std::string AtomicWriter::open(const std::string& path) {
    path_ = path;
    tmp_ = path + ".tmp" + std::to_string(GetCurrentProcessId());
    failed_ = false;
    f_ = open_file(tmp_, "wb");
    if (!f_) return "cannot create " + tmp_ + ": " + std::strerror(errno);
    return "";
}

void AtomicWriter::write(std::string_view s) {
    if (f_ && !s.empty() && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
}

std::string AtomicWriter::commit() {
    if (!f_) return "the output file is not open";
    bool ok = !failed_ && std::fflush(f_) == 0 &&
              FlushFileBuffers(reinterpret_cast<HANDLE>(_get_osfhandle(_fileno(f_))));
    ok = std::fclose(f_) == 0 && ok;
    f_ = nullptr;
    const std::wstring tmp = wide(tmp_);
    if (!ok) {
        DeleteFileW(tmp.c_str());
        return "cannot write " + tmp_ + " (disk full?)";
    }
    // WRITE_THROUGH: the call returns once the rename is on the disk, which
    // is what fsync of the folder gives on POSIX.
    if (!MoveFileExW(tmp.c_str(), wide(path_).c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        std::string e = last_error();
        DeleteFileW(tmp.c_str());
        return "cannot rename to " + path_ + ": " + e;
    }
    return "";
}

std::optional<std::string> FolderBatch::put(const std::string& name, std::string_view content) {
    const std::string path = dir_ + "\\" + name, tmp = path + ".tmp" + std::to_string(GetCurrentProcessId());
    std::FILE* f = open_file(tmp, "wb");
    if (!f) return "cannot create " + tmp + ": " + std::strerror(errno);
    bool ok = content.empty() || std::fwrite(content.data(), 1, content.size(), f) == content.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok) return DeleteFileW(wide(tmp).c_str()), "cannot write " + tmp + " (disk full?)";
    // No MOVEFILE_WRITE_THROUGH: sync() flushes the batch.
    if (!MoveFileExW(wide(tmp).c_str(), wide(path).c_str(), MOVEFILE_REPLACE_EXISTING)) {
        std::string e = last_error();
        DeleteFileW(wide(tmp).c_str());
        return "cannot rename to " + path + ": " + e;
    }
    written_.push_back(path);
    return std::nullopt;
}

namespace {
// FlushFileBuffers on a file or (with BACKUP_SEMANTICS) a folder: its data and entries on the disk.
bool flush_to_disk(const std::string& path, bool folder) {
    HANDLE h = CreateFileW(wide(path).c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                           OPEN_EXISTING, folder ? FILE_FLAG_BACKUP_SEMANTICS : FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) return false;
    const bool ok = FlushFileBuffers(h) != 0;
    CloseHandle(h);
    return ok;
}
}  // namespace

std::optional<std::string> FolderBatch::sync() {
    if (written_.empty()) return std::nullopt;
    // Windows has no flush of a whole volume for an ordinary user: each file,
    // then the folder (NTFS keeps the renames in its journal, which this writes).
    for (const std::string& path : written_)
        if (!flush_to_disk(path, false)) return "cannot flush " + path + " to the disk: " + last_error();
    flush_to_disk(dir_, true);  // refused on some file systems (FAT); the files themselves are on the disk
    written_.clear();
    return std::nullopt;
}

// --- folders ------------------------------------------------------------------
std::string user_data_dir() { return known_folder(FOLDERID_RoamingAppData, "APPDATA") + "\\Signaal"; }
std::string user_config_dir() { return known_folder(FOLDERID_LocalAppData, "LOCALAPPDATA") + "\\Signaal"; }

std::string executable_dir() {
    std::wstring buf(MAX_PATH, L'\0');
    for (;;) {
        DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
        if (n == 0) return "";
        if (n < buf.size()) {
            buf.resize(n);
            break;
        }
        buf.resize(buf.size() * 2);
    }
    return from_path(fs::path(buf).parent_path());
}

// --- environment and console --------------------------------------------------
std::optional<std::string> env(const char* name) {
    const wchar_t* v = _wgetenv(wide(name).c_str());
    if (!v || !*v) return std::nullopt;
    return narrow(v);
}
bool stdin_is_terminal() { return _isatty(_fileno(stdin)) != 0; }
bool stderr_is_terminal() { return _isatty(_fileno(stderr)) != 0; }
bool display_available() { return true; }  // a Windows session always has a desktop

Args::Args(int, char**) {
    // Text written to the console is UTF-8 ("Zoë", "–"); without this the
    // console shows it in the OEM code page.
    SetConsoleOutputCP(CP_UTF8);
    // Binary mode: "\n" stays "\n" in piped output, as on Linux, so the same
    // tests compare the same bytes.
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
    int n = 0;
    if (LPWSTR* w = CommandLineToArgvW(GetCommandLineW(), &n)) {
        for (int i = 0; i < n; ++i) args_.push_back(narrow(w[i]));
        LocalFree(w);
    }
    for (auto& a : args_) ptrs_.push_back(a.data());
    ptrs_.push_back(nullptr);
}

// --- time ---------------------------------------------------------------------
std::time_t time_from_utc(std::tm utc) { return _mkgmtime(&utc); }
bool utc_from_time(std::time_t t, std::tm& out) { return gmtime_s(&out, &t) == 0; }
bool local_from_time(std::time_t t, std::tm& out) { return localtime_s(&out, &t) == 0; }

// The C library on Windows knows no IANA zone names (Europe/Amsterdam): its TZ
// takes only POSIX-style "CET-1CEST" rules, and Windows' own zones have other
// names ("W. Europe Standard Time"). So only UTC can be chosen here; other
// zones are refused rather than silently shown as UTC, and local dates follow
// the zone set in Windows.
bool known_time_zone(const std::string& zone) { return zone == "UTC"; }

bool set_time_zone(const std::string& zone) {
    if (!known_time_zone(zone)) return false;
    _putenv_s("TZ", "UTC0");
    _tzset();
    return true;
}

std::string local_zone_name() {
    if (auto tz = env("TZ")) return *tz == "UTC0" ? "UTC" : *tz;
    DYNAMIC_TIME_ZONE_INFORMATION z{};
    if (GetDynamicTimeZoneInformation(&z) == TIME_ZONE_ID_INVALID || !z.TimeZoneKeyName[0]) return "UTC";
    return narrow(z.TimeZoneKeyName);
}

}  // namespace signaal::platform
