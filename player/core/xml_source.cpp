#include "xml_source.h"

#include <tinyxml2.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace signaal::xml {

using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

namespace {

bool name_end(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/'; }

// The element before `n` in document order (start tags in file order).
const XMLElement* previous_in_document(const XMLElement& n) {
    if (const XMLElement* p = n.PreviousSiblingElement()) {
        while (const XMLElement* last = p->LastChildElement()) p = last;
        return p;
    }
    const XMLNode* parent = n.Parent();
    return parent ? parent->ToElement() : nullptr;
}

}  // namespace

Source::Source(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (const char* p = text_.data(), *end = p + text_.size();;) {
        const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
        if (!nl) break;
        p = static_cast<const char*>(nl) + 1;
        line_starts_.push_back(static_cast<size_t>(p - text_.data()));
    }
}

Position Source::at(size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const size_t line = static_cast<size_t>(it - line_starts_.begin());  // 1-based
    const size_t start = line_starts_[line - 1];
    int col = 1;
    for (size_t i = start; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;  // UTF-8 continuation bytes do not count
    return {static_cast<int>(line), col};
}

std::string_view Source::line(int n) const {
    if (n < 1 || static_cast<size_t>(n) > line_starts_.size()) return {};
    const size_t start = line_starts_[static_cast<size_t>(n) - 1];
    const size_t end = static_cast<size_t>(n) < line_starts_.size() ? line_starts_[static_cast<size_t>(n)] : text_.size();
    return text_.substr(start, end - start);
}

std::optional<size_t> Source::element_offset(const XMLElement& e) const {
    const int ln = e.GetLineNum();
    const std::string_view text = line(ln);
    if (text.empty()) return std::nullopt;
    // Start tags appear in document order, so `e` is the (k+1)-th start tag
    // named like it on its line, k counting the elements before it there.
    int k = 0;
    for (const XMLElement* p = previous_in_document(e); p && p->GetLineNum() == ln; p = previous_in_document(*p))
        if (std::strcmp(p->Name(), e.Name()) == 0) ++k;
    const std::string open = std::string("<") + e.Name();
    // A comment or CDATA section that begins on an earlier line and ends on
    // this one could hide a start tag: then the column cannot be told.
    const size_t comment_end = text.find("-->"), cdata_end = text.find("]]>");
    if ((comment_end != std::string_view::npos && text.substr(0, comment_end).find("<!--") == std::string_view::npos) ||
        (cdata_end != std::string_view::npos && text.substr(0, cdata_end).find("<![CDATA[") == std::string_view::npos))
        return std::nullopt;
    for (size_t i = 0; i < text.size();) {
        if (text.compare(i, 4, "<!--") == 0 || text.compare(i, 9, "<![CDATA[") == 0) {
            const size_t close = text.find(text[i + 2] == '-' ? "-->" : "]]>", i);
            if (close == std::string_view::npos) return std::nullopt;  // runs past the line
            i = close + 3;
            continue;
        }
        if (text.compare(i, open.size(), open) == 0 && i + open.size() < text.size() && name_end(text[i + open.size()])) {
            if (k-- == 0) return static_cast<size_t>(text.data() - text_.data()) + i;
            i += open.size();
            continue;
        }
        ++i;
    }
    return std::nullopt;
}

Position Source::element_pos(const XMLElement& e) const {
    if (auto off = element_offset(e)) return at(*off);
    return {e.GetLineNum(), 1};
}

std::optional<size_t> Source::attribute_offset(const XMLElement& e, std::string_view name) const {
    const auto off = element_offset(e);
    if (!off) return std::nullopt;
    // Within the start tag (it may span lines); quoted values cannot hide '>'
    // from us because tinyxml2 already parsed the tag.
    size_t i = *off + 1 + std::strlen(e.Name());
    while (i < text_.size() && text_[i] != '>') {
        const char c = text_[i];
        if (c == '"' || c == '\'') {
            const size_t close = text_.find(c, i + 1);
            if (close == std::string_view::npos) return std::nullopt;
            i = close + 1;
            continue;
        }
        if (text_.compare(i, name.size(), name) == 0 && name_end(text_[i - 1]) &&
            (i + name.size() < text_.size()) && (text_[i + name.size()] == '=' || text_[i + name.size()] == ' ' ||
                                                 text_[i + name.size()] == '\t' || text_[i + name.size()] == '\n' ||
                                                 text_[i + name.size()] == '\r'))
            return i;
        ++i;
    }
    return std::nullopt;
}

Position Source::attribute_pos(const XMLElement& e, std::string_view name) const {
    if (auto off = attribute_offset(e, name)) return at(*off);
    return element_pos(e);
}

std::optional<size_t> Source::value_offset(const XMLElement& e, std::string_view name) const {
    const auto off = attribute_offset(e, name);
    if (!off) return std::nullopt;
    const size_t quote = text_.find_first_of("\"'", *off + name.size());
    if (quote == std::string_view::npos) return std::nullopt;
    return quote + 1;
}

Position Source::value_pos(const XMLElement& e, std::string_view name) const {
    if (auto off = value_offset(e, name)) return at(*off);
    return element_pos(e);
}

std::optional<size_t> Source::element_end(const XMLElement& e) const {
    const auto off = element_offset(e);
    if (!off) return std::nullopt;
    const size_t gt = text_.find('>', *off);
    if (gt == std::string_view::npos) return std::nullopt;
    if (text_[gt - 1] == '/') return gt + 1;
    const std::string close = std::string("</") + e.Name();
    const size_t c = text_.find(close, gt);
    if (c == std::string_view::npos) return std::nullopt;
    const size_t end = text_.find('>', c);
    return end == std::string_view::npos ? std::nullopt : std::optional<size_t>(end + 1);
}

}  // namespace signaal::xml
