#include "text_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace signaal::report {

namespace {
// Decomposed, without marks: "Ëlst" -> "Elst".
icu::UnicodeString without_marks(std::string_view utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFKDInstance(err);
    icu::UnicodeString d = U_SUCCESS(err) ? nfd->normalize(s, err) : s;
    if (U_FAILURE(err)) d = s;
    icu::UnicodeString out;
    for (int32_t i = 0; i < d.length();) {
        UChar32 c = d.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) != U_NON_SPACING_MARK) out.append(c);
    }
    return out;
}
}  // namespace

std::string fold_key(std::string_view utf8) {
    icu::UnicodeString s = without_marks(utf8);
    s.foldCase();
    std::string out;
    bool space = false;
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        i += U16_LENGTH(c);
        if (u_isUWhiteSpace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ', space = false;
        icu::UnicodeString one(c);
        one.toUTF8String(out);
    }
    return out;
}

std::string file_name_part(std::string_view utf8) {
    icu::UnicodeString s = without_marks(utf8);
    std::string out;
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        i += U16_LENGTH(c);
        if (u_isalnum(c) || c == '-') icu::UnicodeString(c).toUTF8String(out);
        else if (!out.empty() && out.back() != '_') out += '_';
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

bool valid_utf8(std::string_view s) {
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c < 0) return false;
    }
    return true;
}

std::string windows1252_to_utf8(std::string_view s) {
    icu::UnicodeString u(s.data(), static_cast<int32_t>(s.size()), "windows-1252");
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace signaal::report
