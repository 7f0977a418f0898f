// Where things are in a module file's text, worked out only when a message or
// a passage needs it: tinyxml2 records each node's line, not its column.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "model.h"

namespace tinyxml2 {
class XMLElement;
}

namespace signaal::xml {

class Source {
public:
    explicit Source(std::string_view text);

    std::string_view text() const { return text_; }
    // Line and column (1-based; the column counts characters, not bytes) of a byte offset.
    Position at(size_t offset) const;
    // Byte offset of the '<' of `e`'s start tag; none when it cannot be told
    // for certain (e.g. a comment on the same line names the same element).
    std::optional<size_t> element_offset(const tinyxml2::XMLElement& e) const;
    // Where `e` starts: exact when its offset is known, else its line, column 1.
    Position element_pos(const tinyxml2::XMLElement& e) const;
    // Where the value of `e`'s attribute `name` starts; the element's position
    // when that cannot be told.
    Position value_pos(const tinyxml2::XMLElement& e, std::string_view name) const;
    // Byte offset of the first character of the attribute's value.
    std::optional<size_t> value_offset(const tinyxml2::XMLElement& e, std::string_view name) const;
    // Where the attribute's name starts (for "unknown attribute").
    Position attribute_pos(const tinyxml2::XMLElement& e, std::string_view name) const;
    // Byte offset just past the end of `e` (its end tag or "/>"), for an element
    // that holds only text; none when unknown.
    std::optional<size_t> element_end(const tinyxml2::XMLElement& e) const;

private:
    std::string_view text_;
    std::vector<size_t> line_starts_;  // byte offset of each line's first character

    std::string_view line(int n) const;
    std::optional<size_t> attribute_offset(const tinyxml2::XMLElement& e, std::string_view name) const;
};

}  // namespace signaal::xml
