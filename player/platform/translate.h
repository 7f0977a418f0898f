// The interface's own words in languages other than Dutch and English.
//
// Call sites keep writing the Dutch and the English side by side,
// w("Doorgaan", "Continue"): Dutch and English need no catalogue, and a reader
// of the code sees both. Every other language comes from a gettext catalogue
// (po/<lang>.po, compiled to <locale>/<lang>/LC_MESSAGES/signaal.mo at build
// time) whose msgid is the English argument; tools/update-po.sh extracts them
// with xgettext --keyword=w:2. A string the catalogue lacks shows in English.
#pragma once
#include <string>

namespace signaal::platform {

// `english` translated into `lang` (a BCP 47 tag such as "pl"), or `english`
// itself when no catalogue for `lang` is installed or it lacks the string.
// The pointer stays valid for the life of the program.
const char* translate(const std::string& lang, const char* english);

// The same for a text that depends on a count: the catalogue's plural form of
// `english_one`/`english_many` for `n` (Polish has three), else English.
const char* translate_plural(const std::string& lang, const char* english_one, const char* english_many, unsigned long n);

// The folder the catalogues were looked for in ("" when none was found), for
// error messages and tests.
std::string locale_dir();

}  // namespace signaal::platform

namespace signaal {

// The interface's words in one language: w("Dutch", "English").
struct Words {
    std::string lang = "nl";
    const char* operator()(const char* dutch, const char* english) const {
        if (lang == "en") return english;
        if (lang == "nl" || lang.empty()) return dutch;
        return platform::translate(lang, english);
    }
    // w.plural(n, "stap", "stappen", "step", "steps"): the form for n items.
    const char* plural(unsigned long n, const char* dutch_one, const char* dutch_many, const char* english_one,
                       const char* english_many) const {
        if (lang == "en") return n == 1 ? english_one : english_many;
        if (lang == "nl" || lang.empty()) return n == 1 ? dutch_one : dutch_many;
        return platform::translate_plural(lang, english_one, english_many, n);
    }
};

}  // namespace signaal
