// Sending the outbox (outbox.h) to the LRS: one round posts the queued batches,
// several files per request, and deletes each file only after the LRS has taken
// every statement in it. A round stops at the first failure and leaves the rest
// queued; when to try again is the Backoff's job, and the shells own the
// waiting (the window on a background thread, the terminal player at the end).
// No threads and no sleeping in here.
#pragma once
#include <functional>
#include <string>

#include "lrs_post.h"
#include "outbox.h"

namespace signaal {

struct SendRound {
    PostState state = PostState::stored;  // stored: the outbox was emptied (as far as it was listed)
    size_t files_sent = 0, files_left = 0;
    long stored = 0, duplicates = 0, requests = 0;
    std::string message;  // why the round stopped; never the password
};

// `max_statements`: at most this many statements per request (a file is never
// split). `stop` is asked between requests; true ends the round early.
SendRound send_outbox(const Outbox& outbox, platform::HttpClient& http, const LrsEndpoint& lrs, size_t max_statements = 100,
                      const std::function<bool()>& stop = {});

// Exponential backoff between rounds that failed: first, 2×first, 4×first …
// up to `max`; reset() after a round that got through. No random jitter: a
// venue has a few PCs, not thousands that would wake in step.
class Backoff {
public:
    explicit Backoff(double first_seconds = 2, double max_seconds = 300) : first_(first_seconds), max_(max_seconds) {}
    double next();  // the wait before the next try, and doubles it for the one after
    void reset() { failures_ = 0; }
    int failures() const { return failures_; }

private:
    double first_, max_;
    int failures_ = 0;
};

}  // namespace signaal
