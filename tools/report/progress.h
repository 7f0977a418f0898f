// A progress bar on stderr, drawn only when stderr is a terminal (never into
// logs or pipes), at most about ten times a second.
#pragma once
#include <chrono>
#include <cstddef>

class ProgressBar {
public:
    explicit ProgressBar(bool enabled);
    bool enabled() const { return on_; }
    void update(size_t done, size_t total);
    void finish();

private:
    bool on_;
    std::chrono::steady_clock::time_point last_{};
    bool drawn_ = false;
};
