// What tinyxml2 does not check in a module file, checked before it parses:
// the encoding (UTF-8, no UTF-16/32), characters XML forbids, '&' that starts
// no reference, and <!DOCTYPE> (refused, so no entity is ever declared and
// nothing can make the loader expand entities or read other files).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace signaal::xml {

struct Problem {
    size_t offset = 0;  // byte offset in the file where the problem is
    std::string message;
};

std::optional<Problem> precheck(std::string_view xml);

// Called only after tinyxml2 refused a file, which tells the line but not the
// column: finds the first broken tag by a scan of the tags alone (an end tag
// that does not match, a start tag that is not closed, the file ending inside
// an element). None when the scan finds nothing; the caller then says what
// tinyxml2 said.
std::optional<Problem> locate_syntax_error(std::string_view xml);

}  // namespace signaal::xml
