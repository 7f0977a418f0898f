// Writes down everything xml::stream hands its reader (names, positions,
// attributes, texts, in order) so two parses can be compared: the tests and the
// fuzzer check that the two-thread path gives exactly what one thread gives.
#pragma once
#include <limits>
#include <string>
#include <string_view>

#include "xml_stream.h"

namespace signaal::test {

class StreamTranscript : public xml::Reader {
public:
    std::string text;

    bool root(const xml::Node& n) override {
        text += "root ";
        node(n);
        return true;
    }
    bool child(const xml::Node& n) override {
        text += "child ";
        node(n);
        return true;
    }

private:
    void node(const xml::Node& n) {
        if (n.is_text()) {
            text += "\"" + n.text() + "\"\n";
            return;
        }
        text += "<" + std::string(n.name()) + " @" + std::to_string(n.pos.line) + ":" + std::to_string(n.pos.col) +
                "/" + std::to_string(n.offset);
        for (const auto& a : n.attributes()) text += " " + std::string(a.name()) + "=" + a.value;
        text += ">\n";
        for (const xml::Node* c = n.first_child(); c; c = c->next_sibling()) node(*c);
        text += "</>\n";
    }
};

// The transcript of one parse of `xml`, on one thread or on two, ending with the error if any.
inline std::string transcribe(std::string_view xml, bool two_threads) {
    StreamTranscript t;
    auto err = xml::stream(xml, t, two_threads ? 0 : std::numeric_limits<size_t>::max());
    if (err) t.text += "error @" + std::to_string(err->pos.line) + ":" + std::to_string(err->pos.col) + " " + err->message;
    return t.text;
}

}  // namespace signaal::test
