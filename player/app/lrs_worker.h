// The window's sender: one background thread that sends the outbox to the LRS
// (core/lrs_sync.h) and otherwise sleeps on a condition variable, so drawing
// never waits for the network and the idle window stays at ~0% CPU. After a
// failed round it waits by the core's Backoff (2 s doubling to 5 min); a new
// answer queued meanwhile only updates the count shown, it does not hammer a
// down LRS. With an empty outbox it still looks every 5 minutes, for batches
// another program (signaal --text) queued.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "lrs_sync.h"

namespace signaal::app {

class LrsWorker {
public:
    // `wake` is called on the worker thread when waiting() changed (the window
    // posts an empty event so it draws one frame).
    LrsWorker(LrsSync& sync, std::function<void()> wake);
    ~LrsWorker();  // stops between requests and joins
    LrsWorker(const LrsWorker&) = delete;
    LrsWorker& operator=(const LrsWorker&) = delete;

    void queued();  // something new is in the outbox
    size_t waiting() const { return waiting_.load(); }  // attempts with statements still to send

private:
    LrsSync& sync_;
    std::function<void()> wake_;
    std::mutex m_;
    std::condition_variable cv_;
    bool stop_ = false, nudged_ = false;
    std::atomic<size_t> waiting_{0};
    std::thread thread_;

    void run();
    void recount();
};

}  // namespace signaal::app
