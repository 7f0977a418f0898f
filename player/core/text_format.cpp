#include "text_format.h"

#include <cctype>


namespace signaal {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string collapse(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_space(c)) {
            space = true;
        } else {
            if (space && !out.empty()) out += ' ';
            out += c;
            space = false;
        }
    }
    return out;
}
// True when the rules below would leave `s` as it is: one line, single
// spaces, no space at either end. Most labels and feedback are like this.
// Any control character sends the text the long way, which is always right.
bool already_normal(const std::string& s) {
    if (s.empty()) return true;
    if (s.front() == ' ' || s.back() == ' ') return false;
    bool after_space = false;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c > ' ') {
            after_space = false;
            continue;
        }
        if (c != ' ' || after_space) return false;
        after_space = true;
    }
    return true;
}
}  // namespace

std::string normalise_text(const std::string& raw) {
    if (already_normal(raw)) return raw;
    // One pass: words are appended whole with single spaces between them; a
    // blank line, or a line starting with "- ", ends the paragraph.
    std::string out;
    out.reserve(raw.size());
    bool para_has_text = false, pending_space = false, line_blank = true, at_line_start = true;
    const size_t n = raw.size();
    for (size_t i = 0; i < n;) {
        const char c = raw[i];
        if (c == '\n') {
            if (line_blank && para_has_text) {  // a blank line ends the paragraph
                out += '\n';
                para_has_text = false;
                pending_space = false;
            } else if (para_has_text) {
                pending_space = true;
            }
            line_blank = true;
            at_line_start = true;
            ++i;
            continue;
        }
        if (is_space(c)) {
            if (para_has_text) pending_space = true;
            ++i;
            continue;
        }
        size_t end = i + 1;
        while (end < n && !is_space(raw[end])) ++end;
        if (at_line_start && c == '-' && i + 1 < n && raw[i + 1] == ' ' && para_has_text) {
            out += '\n';  // a bullet starts its own paragraph
            pending_space = false;
        }
        if (pending_space && !out.empty() && out.back() != '\n') out += ' ';
        pending_space = false;
        out.append(raw, i, end - i);
        para_has_text = true;
        line_blank = false;
        at_line_start = false;
        i = end;
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

void normalise_runs(std::vector<PassageRun>& runs) {
    for (auto& r : runs) {
        if (already_normal(r.text)) continue;
        bool lead = !r.text.empty() && is_space(r.text.front());
        bool trail = !r.text.empty() && is_space(r.text.back());
        std::string c = collapse(r.text);
        if (c.empty()) {
            r.text.assign(lead || trail ? 1 : 0, ' ');  // assign, not = " ": GCC 12 warns falsely (-Wrestrict)
            continue;
        }
        r.text = (lead ? " " : "") + c + (trail ? " " : "");
    }
    // Trim the passage's ends and drop empty runs.
    std::vector<PassageRun> out;
    for (auto& r : runs)
        if (!r.text.empty()) out.push_back(std::move(r));
    while (!out.empty() && out.front().ref.empty() && out.front().text == " ") out.erase(out.begin());
    while (!out.empty() && out.back().ref.empty() && out.back().text == " ") out.pop_back();
    if (!out.empty() && is_space(out.front().text.front())) out.front().text.erase(0, 1);
    if (!out.empty() && is_space(out.back().text.back())) out.back().text.pop_back();
    runs = std::move(out);
}

// A BCP 47 tag as modules use them: a 2–3 letter language, then optional
// subtags of 2–8 letters or digits ("nl", "pl", "pt-BR", "sr-Latn"). It is also
// the name of the text's element, so it must be an XML name.
bool valid_language_tag(const std::string& s) {
    size_t i = 0;
    while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
    if (i < 2 || i > 3) return false;
    while (i < s.size()) {
        if (s[i] != '-') return false;
        size_t j = ++i;
        while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
        if (j - i < 2 || j - i > 8) return false;
        i = j;
    }
    return true;
}

// The language's own name for itself, for the language choice: a Polish
// reader looks for "Polski", not "Pools" or "Polish".
std::string language_endonym(const std::string& code) {
    if (code == "nl") return "Nederlands";
    if (code == "en") return "English";
    if (code == "pl") return "Polski";
    if (code == "de") return "Deutsch";
    if (code == "fr") return "Fran\u00E7ais";
    if (code == "tr") return "T\u00FCrk\u00E7e";
    return code;
}

std::string language_name(const std::string& code) {
    if (code == "nl") return "Dutch";
    if (code == "en") return "English";
    if (code == "pl") return "Polish";
    if (code == "de") return "German";
    if (code == "fr") return "French";
    return code;
}

std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

}  // namespace signaal
