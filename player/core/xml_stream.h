// Streams a module file through libxml2's SAX2 parser and hands the reader
// one small element tree at a time: first the root element's start tag, then
// each child of the root once its end tag is read. A 10,000-scene module is
// never held as one DOM (docs/architecture.md, "Loading a module"): memory is
// the source text, the model being built, and the largest single scene.
#pragma once
#include <cstddef>
#include <cstring>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace signaal::xml {

// An attribute. Its name is interned by libxml2 and shared by every element
// of the parse, so it is not copied; a prefixed name is put together here.
class Attr {
public:
    std::string_view name() const { return prefixed_.empty() ? std::string_view(local_, local_size_) : prefixed_; }
    std::string value;

private:
    friend class Stream;
    const char* local_ = "";
    size_t local_size_ = 0;
    std::string prefixed_;  // "prefix:local", else empty
};

// An element or a run of text. Nodes live in the stream's pool and are valid
// only during the callback that receives them.
class Node {
public:
    bool is_text() const { return is_text_; }
    const char* name() const { return name_; }          // element name ("" for text)
    const std::string& text() const { return text_; }  // text content (text nodes)
    Position pos;       // of the '<' that starts the element (text: unused)
    size_t offset = 0;  // byte offset of that '<' in the source

    bool is(std::string_view element_name) const {
        return !is_text_ && name_size_ == element_name.size() && std::memcmp(name_, element_name.data(), name_size_) == 0;
    }
    const char* attribute(std::string_view name) const;  // null when absent
    std::span<const Attr> attributes() const { return {attrs_.data(), n_attrs_}; }

    const Node* first_child() const { return first_; }
    const Node* next_sibling() const { return next_; }
    // First child / next sibling element, with the given name unless it is empty.
    const Node* first_element(std::string_view name = {}) const;
    const Node* next_element(std::string_view name = {}) const;

private:
    friend class Stream;
    bool is_text_ = false;
    // The name is libxml2's interned copy (valid until the parse ends), or
    // `prefixed_` for a name with a prefix, so an element's name is not copied.
    const char* name_ = "";
    size_t name_size_ = 0;
    std::string prefixed_;
    std::string text_;
    std::vector<Attr> attrs_;  // capacity is kept when the node is reused
    size_t n_attrs_ = 0;
    Node* first_ = nullptr;
    Node* last_ = nullptr;
    Node* next_ = nullptr;
    Node* parent_ = nullptr;
};

// What the caller does with the pieces. Returning false stops the parse.
class Reader {
public:
    virtual ~Reader() = default;
    virtual bool root(const Node& root) = 0;      // root start tag; it has no children
    virtual bool child(const Node& element) = 0;  // a complete child of the root
    // Other work to do while waiting for the parsing thread (two threads only):
    // does a small piece and returns false when none is left.
    virtual bool idle() { return false; }
};

struct SyntaxError {
    Position pos;
    std::string message;  // plain words, e.g. "an end tag does not match its start tag"
};

// Files this large are parsed on a second thread while the reader runs on the
// calling one; smaller ones are done before a thread would have started.
constexpr size_t kTwoThreadsFrom = 256 * 1024;

// Parses `xml` (UTF-8), calling `reader` as it goes. Returns the first
// well-formedness error, if any; callbacks stop at that error. Files of
// `two_threads_from` bytes and more are parsed on a second thread; the reader
// sees the same calls either way (the tests and the fuzzer compare them).
std::optional<SyntaxError> stream(std::string_view xml, Reader& reader, size_t two_threads_from = kTwoThreadsFrom);

// Position (line, column in bytes, both from 1) of byte `offset`, counting
// from a known earlier position `from` at byte `from_offset`.
Position advance(std::string_view xml, size_t from_offset, Position from, size_t offset);

}  // namespace signaal::xml
