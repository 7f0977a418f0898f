#include "progress.h"

#include <cstdio>
#include <string>
#include "platform.h"

ProgressBar::ProgressBar(bool enabled) : on_(enabled && signaal::platform::stderr_is_terminal()) {}

void ProgressBar::update(size_t done, size_t total) {
    if (!on_ || total == 0) return;
    auto now = std::chrono::steady_clock::now();
    if (done != total && drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    drawn_ = true;
    const int width = 40;
    int filled = static_cast<int>(done * width / total);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "\r[%s] %zu/%zu records", bar.c_str(), done, total);
    std::fflush(stderr);
}

void ProgressBar::finish() {
    if (on_ && drawn_) std::fputs("\r\033[K", stderr);  // clear the line
}
