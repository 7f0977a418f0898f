#include "text_format.h"

#include <sstream>

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
}  // namespace

std::string normalise_text(const std::string& raw) {
    std::vector<std::string> paras;
    std::string cur;
    auto flush = [&] {
        std::string p = collapse(cur);
        if (!p.empty()) paras.push_back(p);
        cur.clear();
    };
    std::istringstream in(raw);
    for (std::string line; std::getline(in, line);) {
        std::string trimmed = collapse(line);
        if (trimmed.empty()) {
            flush();
            continue;
        }
        if (trimmed.rfind("- ", 0) == 0) flush();
        cur += ' ';
        cur += line;
    }
    flush();
    std::string out;
    for (size_t i = 0; i < paras.size(); ++i) out += (i ? "\n" : "") + paras[i];
    return out;
}

void normalise_runs(std::vector<PassageRun>& runs) {
    for (auto& r : runs) {
        bool lead = !r.text.empty() && is_space(r.text.front());
        bool trail = !r.text.empty() && is_space(r.text.back());
        std::string c = collapse(r.text);
        if (c.empty()) {
            r.text = (lead || trail) ? " " : "";
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

std::string language_name(const std::string& code) {
    if (code == "nl") return "Dutch";
    if (code == "en") return "English";
    return code;
}

std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string p; std::getline(in, p);) out.push_back(p);
    return out;
}

}  // namespace signaal
