#include "xml_precheck.h"

#include <array>
#include <cstring>
#include <string>
#include <vector>

namespace signaal::xml {

namespace {

// Length of the UTF-8 sequence at p (1–4), or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF included).
size_t utf8_length(const unsigned char* p, const unsigned char* end, unsigned& cp) {
    const unsigned c = p[0];
    size_t n;
    unsigned min;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) n = 2, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 3, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) n = 4, cp = c & 0x07, min = 0x10000;
    else return 0;
    if (static_cast<size_t>(end - p) < n) return 0;
    for (size_t i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool xml_char(unsigned cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

// The reference starting at s[i] == '&': one of XML's five names or a
// character number that is an allowed character. Returns its length, 0 if bad.
size_t reference_length(std::string_view s, size_t i) {
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) return 0;
    const std::string_view body = s.substr(i + 1, semi - i - 1);
    if (body == "amp" || body == "lt" || body == "gt" || body == "quot" || body == "apos") return semi - i + 1;
    if (body.size() < 2 || body[0] != '#') return 0;
    const bool hex = body[1] == 'x';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    unsigned long v = 0;
    for (char c : digits) {
        int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return 0;
        v = v * (hex ? 16 : 10) + static_cast<unsigned long>(d);
        if (v > 0x10FFFF) return 0;
    }
    return xml_char(static_cast<unsigned>(v)) ? semi - i + 1 : 0;
}

std::optional<Problem> character_problem(size_t length, unsigned cp, size_t at) {
    if (length == 0) return Problem{at, "the file is not valid UTF-8 text (save it as UTF-8)"};
    if (!xml_char(cp)) return Problem{at, "a control character that XML does not allow"};
    return std::nullopt;
}

// Every character in [from, to) is UTF-8 and allowed in XML.
std::optional<Problem> check_characters(std::string_view xml, size_t from, size_t to) {
    const auto* u = reinterpret_cast<const unsigned char*>(xml.data());
    for (size_t k = from; k < to;) {
        unsigned cp = 0;
        const size_t n = utf8_length(u + k, u + xml.size(), cp);
        if (auto p = character_problem(n, cp, k)) return p;
        k += n;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Problem> precheck(std::string_view xml) {
    const auto* u = reinterpret_cast<const unsigned char*>(xml.data());
    size_t i = 0;
    // What some editors call "Unicode": UTF-16 or UTF-32, with or without a
    // byte-order mark (zero bytes among the first four give it away).
    if (xml.size() >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return Problem{0, "the file is UTF-16 or UTF-32, not UTF-8 (save it as UTF-8)"};
    for (size_t k = 0; k < 4 && k < xml.size(); ++k)
        if (u[k] == 0) return Problem{0, "the file is UTF-16 or UTF-32, not UTF-8 (save it as UTF-8)"};
    if (xml.size() >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) i = 3;  // UTF-8's byte-order mark
    if (xml.find_first_not_of(" \t\r\n", i) == std::string_view::npos) return Problem{0, "the file is empty"};

    const unsigned char* const end = u + xml.size();
    // Most bytes are plain ASCII text: one table look-up each (the loop below
    // takes the rest, which is a small share of a module).
    static constexpr auto plain = [] {
        std::array<bool, 256> t{};
        for (int c = 0x20; c < 0x80; ++c) t[static_cast<size_t>(c)] = c != '<' && c != '&' && c != 0x7F;
        t['\t'] = t['\n'] = t['\r'] = true;
        return t;
    }();
    while (i < xml.size()) {
        while (i < xml.size() && plain[u[i]]) ++i;
        if (i >= xml.size()) break;
        const char c = xml[i];
        if (c == '<' && xml.compare(i, 4, "<!--") == 0) {  // comments may hold anything but "--"
            const size_t close = xml.find("-->", i + 4);
            if (close == std::string_view::npos) return Problem{i, "a comment <!-- is never closed with -->"};
            if (auto p = check_characters(xml, i + 4, close)) return p;  // still UTF-8 and XML characters
            i = close + 3;
            continue;
        }
        if (c == '<' && xml.compare(i, 9, "<![CDATA[") == 0) {
            const size_t close = xml.find("]]>", i + 9);
            if (close == std::string_view::npos) return Problem{i, "a <![CDATA[ section is never closed with ]]>"};
            if (auto p = check_characters(xml, i + 9, close)) return p;  // '&' is literal there
            i = close + 3;
            continue;
        }
        if (c == '<' && xml.compare(i, 2, "<!") == 0)
            return Problem{i, "a <!DOCTYPE> is not allowed in a module file"};
        if (c == '&') {
            const size_t n = reference_length(xml, i);
            if (n == 0) return Problem{i, "a stray '&' (write &amp; for '&')"};
            i += n;
            continue;
        }
        unsigned cp = 0;
        const size_t n = utf8_length(u + i, end, cp);
        if (auto p = character_problem(n, cp, i)) return p;
        i += n;
    }
    return std::nullopt;
}

namespace {
bool name_char(char c) {
    return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '>' && c != '/' && c != '<' && c != '=' &&
           c != '"' && c != '\'';
}
size_t line_of(std::string_view xml, size_t offset) {
    size_t n = 1;
    for (size_t i = 0; i < offset && i < xml.size(); ++i) n += xml[i] == '\n';
    return n;
}
}  // namespace

std::optional<Problem> locate_syntax_error(std::string_view xml) {
    struct Open {
        std::string_view name;
        size_t offset;
    };
    std::vector<Open> open;
    size_t i = 0;
    while ((i = xml.find('<', i)) != std::string_view::npos) {
        const size_t lt = i;
        if (xml.compare(i, 4, "<!--") == 0 || xml.compare(i, 9, "<![CDATA[") == 0 || xml.compare(i, 2, "<?") == 0) {
            const char* close = xml[i + 1] == '?' ? "?>" : xml[i + 2] == '-' ? "-->" : "]]>";
            const size_t c = xml.find(close, i);
            if (c == std::string_view::npos) return std::nullopt;  // precheck has said so for comments and CDATA
            i = c + std::strlen(close);
            continue;
        }
        const bool end_tag = i + 1 < xml.size() && xml[i + 1] == '/';
        size_t j = i + (end_tag ? 2 : 1);
        const size_t name_start = j;
        while (j < xml.size() && name_char(xml[j])) ++j;
        const std::string_view name = xml.substr(name_start, j - name_start);
        if (name.empty()) return Problem{lt, "a '<' that starts no tag (write &lt; for '<')"};
        if (end_tag) {
            while (j < xml.size() && (xml[j] == ' ' || xml[j] == '\t' || xml[j] == '\r' || xml[j] == '\n')) ++j;
            if (j >= xml.size() || xml[j] != '>') return Problem{lt, "the end tag </" + std::string(name) + "> is not closed with '>'"};
            if (open.empty()) return Problem{lt, "the end tag </" + std::string(name) + "> closes nothing"};
            if (open.back().name != name)
                return Problem{lt, "the end tag </" + std::string(name) + "> does not match the start tag <" +
                                       std::string(open.back().name) + "> on line " +
                                       std::to_string(line_of(xml, open.back().offset))};
            open.pop_back();
            i = j + 1;
            continue;
        }
        // A start tag: attributes with quoted values, then '>' or "/>".
        bool closed = false, empty = false;
        while (j < xml.size()) {
            const char c = xml[j];
            if (c == '"' || c == '\'') {
                const size_t q = xml.find(c, j + 1);
                if (q == std::string_view::npos) return Problem{j, "an attribute value's quote is never closed"};
                j = q + 1;
            } else if (c == '>') {
                closed = true;
                break;
            } else if (c == '/' && j + 1 < xml.size() && xml[j + 1] == '>') {
                closed = empty = true;
                ++j;
                break;
            } else if (c == '<') {
                return Problem{j, "an element is not closed or is malformed"};
            } else {
                ++j;
            }
        }
        if (!closed) return Problem{lt, "the start tag <" + std::string(name) + "> is never closed with '>'"};
        if (!empty) open.push_back({name, lt});
        i = j + 1;
    }
    if (!open.empty())
        return Problem{xml.size(), "the file ends before <" + std::string(open.front().name) + "> (line " +
                                       std::to_string(line_of(xml, open.front().offset)) + ") is closed"};
    return std::nullopt;
}

}  // namespace signaal::xml
