// translate.h with GNU gettext: glibc's own libintl on Linux, GNU libintl
// (built from Debian's gettext source package) on Windows.
#include "translate.h"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>

#include "platform.h"

namespace signaal::platform {
namespace {

constexpr const char* kDomain = "signaal";

// <dir>/pl/LC_MESSAGES/signaal.mo: next to the program (the Windows zip:
// locale\), in ../share/locale (the installed Linux layout and the build
// folder), or where SIGNAAL_LOCALE_DIR says (tests, a translator's checkout).
std::string find_locale_dir() {
    std::error_code ec;
    if (const char* env = std::getenv("SIGNAAL_LOCALE_DIR"); env && *env) return env;
    if (const std::string exe = executable_dir(); !exe.empty())
        for (const char* rel : {"locale", "../share/locale"})
            if (auto p = to_path(exe) / rel; std::filesystem::is_directory(p, ec))
                return from_path(std::filesystem::weakly_canonical(p, ec));
    return "";
}

struct Catalogues {
    std::mutex m;
    bool bound = false;
    std::string dir;
    std::string lang;  // the language LANGUAGE is set to now
};

Catalogues& catalogues() {
    static Catalogues c;
    return c;
}

}  // namespace

std::string locale_dir() {
    Catalogues& c = catalogues();
    std::lock_guard<std::mutex> lock(c.m);
    if (!c.bound) c.dir = find_locale_dir();
    return c.dir;
}

namespace {
// Binds the catalogues once and points gettext at `lang`; false when there
// are no catalogues. Called with the lock held.
bool use_language(Catalogues& c, const std::string& lang) {
    if (!c.bound) {
        c.bound = true;
        if (c.dir.empty()) c.dir = find_locale_dir();
        if (c.dir.empty()) return false;
#ifdef _WIN32
        wbindtextdomain(kDomain, to_path(c.dir).c_str());  // a UTF-8 folder name reaches Windows intact
#else
        bindtextdomain(kDomain, c.dir.c_str());
        // glibc's gettext ignores LANGUAGE while LC_MESSAGES is the "C" locale,
        // which is what a program that never called setlocale runs in. C.UTF-8
        // is built into glibc (2.35 and later); the message category governs
        // nothing else Signaal shows. (GNU libintl on Windows takes the user's
        // locale from Windows, never "C".)
        const char* now = std::setlocale(LC_MESSAGES, nullptr);
        if (!now || std::strcmp(now, "C") == 0 || std::strcmp(now, "POSIX") == 0) std::setlocale(LC_MESSAGES, "C.UTF-8");
#endif
        bind_textdomain_codeset(kDomain, "UTF-8");
    }
    if (c.dir.empty()) return false;
    if (lang != c.lang) {
        // The one per-process way to choose gettext's language that outranks
        // LC_ALL and LANG; changed only when the learner picks another language.
#ifdef _WIN32
        _putenv_s("LANGUAGE", lang.c_str());
#else
        setenv("LANGUAGE", lang.c_str(), 1);
#endif
        // gettext caches each lookup; a successful textdomain() call is its
        // documented signal that the loaded catalogues changed.
        textdomain(kDomain);
        c.lang = lang;
    }
    return true;
}
}  // namespace

const char* translate(const std::string& lang, const char* english) {
    Catalogues& c = catalogues();
    std::lock_guard<std::mutex> lock(c.m);
    return use_language(c, lang) ? dgettext(kDomain, english) : english;
}

const char* translate_plural(const std::string& lang, const char* english_one, const char* english_many, unsigned long n) {
    Catalogues& c = catalogues();
    std::lock_guard<std::mutex> lock(c.m);
    if (!use_language(c, lang)) return n == 1 ? english_one : english_many;
    return dngettext(kDomain, english_one, english_many, n);
}

}  // namespace signaal::platform
