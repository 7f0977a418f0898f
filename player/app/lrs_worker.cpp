#include "lrs_worker.h"

#include <chrono>

namespace signaal::app {

LrsWorker::LrsWorker(LrsSync& sync, std::function<void()> wake) : sync_(sync), wake_(std::move(wake)) {
    if (sync_.configured()) thread_ = std::thread([this] { run(); });
}

LrsWorker::~LrsWorker() {
    {
        std::lock_guard<std::mutex> lk(m_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void LrsWorker::queued() {
    {
        std::lock_guard<std::mutex> lk(m_);
        nudged_ = true;
    }
    cv_.notify_all();
}

void LrsWorker::recount() {
    size_t now = sync_.outbox().waiting_attempts();
    if (waiting_.exchange(now) != now && wake_) wake_();
}

void LrsWorker::run() {
    using clock = std::chrono::steady_clock;
    Backoff backoff;
    auto stopping = [this] {
        std::lock_guard<std::mutex> lk(m_);
        return stop_;
    };
    while (!stopping()) {
        recount();
        SendRound r = sync_.send_round(0, stopping);
        recount();
        const bool failed = r.state != PostState::stored;
        if (!failed) backoff.reset();
        // Until the next round: after a failure the backoff's wait, whatever is
        // queued; after a success the next answer, or 5 minutes.
        const double wait = failed ? backoff.next() : 300.0;
        const auto until = clock::now() + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(wait));
        std::unique_lock<std::mutex> lk(m_);
        while (!stop_ && clock::now() < until) {
            cv_.wait_until(lk, until, [this] { return stop_ || nudged_; });
            if (!nudged_) continue;
            nudged_ = false;
            lk.unlock();
            recount();  // the count shown follows at once
            lk.lock();
            if (!failed) break;  // an LRS that answered: send the new statements now
        }
    }
}

}  // namespace signaal::app
