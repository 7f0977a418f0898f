#include "text_fold.h"

#include <utf8proc.h>

#include <cstdlib>

namespace signaal::report {

namespace {
// The code points of `utf8`, an invalid byte becoming U+FFFD, so bad input
// still gives a key.
std::u32string code_points(std::string_view utf8) {
    std::u32string out;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
        if (n < 0) c = 0xFFFD, n = 1;
        out.push_back(static_cast<char32_t>(c));
        p += n;
        left -= n;
    }
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Compatibility-decomposed, marks stripped, optionally case-folded: "Ëlst" -> "Elst".
std::u32string without_marks(std::string_view utf8, bool fold_case) {
    std::string clean;  // valid UTF-8 for utf8proc_map
    for (char32_t c : code_points(utf8)) append_utf8(clean, c);
    utf8proc_uint8_t* mapped = nullptr;
    const int options = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | (fold_case ? UTF8PROC_CASEFOLD : 0);
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                                            static_cast<utf8proc_ssize_t>(clean.size()), &mapped,
                                            static_cast<utf8proc_option_t>(options));
    std::u32string out = n >= 0 ? code_points(std::string_view(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n)))
                                : code_points(clean);
    std::free(mapped);
    return out;
}

bool is_space(char32_t c) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || cat == UTF8PROC_CATEGORY_ZS ||
           cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

bool is_letter_or_digit(char32_t c) {
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
            return true;
        default: return false;
    }
}
}  // namespace

std::string fold_key(std::string_view utf8) {
    std::string out;
    bool space = false;
    for (char32_t c : without_marks(utf8, true)) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ', space = false;
        append_utf8(out, c);
    }
    return out;
}

std::string file_name_part(std::string_view utf8) {
    std::string out;
    for (char32_t c : without_marks(utf8, false)) {
        if (is_letter_or_digit(c) || c == '-') append_utf8(out, c);
        else if (!out.empty() && out.back() != '_') out += '_';
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
        if (n < 0) return false;
        p += n;
        left -= n;
    }
    return true;
}

std::string windows1252_to_utf8(std::string_view s) {
    // Windows-1252 is Latin-1 except for 0x80–0x9F, where it has these (0: unassigned).
    static constexpr char16_t k80[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                         0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
                                         0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
    std::string out;
    for (unsigned char b : s) {
        char32_t c = b;
        if (b >= 0x80 && b < 0xA0) c = k80[b - 0x80] ? k80[b - 0x80] : 0xFFFD;
        append_utf8(out, c);
    }
    return out;
}

}  // namespace signaal::report
