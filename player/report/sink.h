// Where a renderer writes. Text collects in a buffer; given a target, the buffer
// is handed on in pieces of about 64 KB, so a report over any number of trainees
// never sits in memory whole (the model is already there once). Without a target
// the buffer ends up holding the whole document, for callers that want a string.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace signaal::report {

class Sink {
public:
    using Target = std::function<void(std::string_view)>;
    Sink() = default;
    explicit Sink(Target target) : target_(std::move(target)) {}

    Sink& operator+=(std::string_view s) {
        buf_.append(s);
        if (target_ && buf_.size() >= kPiece) flush();
        return *this;
    }
    Sink& operator+=(char c) { return *this += std::string_view(&c, 1); }
    // Hands what is buffered to the target (with none, keeps it).
    void flush() {
        if (!target_) return;
        target_(buf_);
        buf_.clear();
    }
    std::string take() { return std::move(buf_); }

private:
    static constexpr size_t kPiece = 64 * 1024;
    Target target_;
    std::string buf_;
};

}  // namespace signaal::report
