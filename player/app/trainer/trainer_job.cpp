#include "trainer_job.h"

#include <chrono>

namespace signaal::app {

namespace {
long long now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

TrainerJob::~TrainerJob() {
    // build_report cannot be interrupted; closing the window mid-build waits for it.
    if (thread_.joinable()) thread_.join();
}

void TrainerJob::start(std::vector<std::string> dirs, Catalogue catalogue, report::AggregateOptions options) {
    if (thread_.joinable()) thread_.join();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        result_.reset();
    }
    done_ = 0, total_ = 0;
    running_ = true;
    // The job owns copies of everything it reads: the window may change its own
    // catalogue and fields while the worker runs (modules are shared, immutable).
    thread_ = std::thread([this, dirs = std::move(dirs), catalogue = std::move(catalogue), options = std::move(options)] {
        report::BuildHooks hooks;
        hooks.progress = [this](size_t done, size_t total) {
            done_ = done, total_ = total;
            // At most 20 wake-ups a second: each one costs the window a frame.
            long long t = now_ms(), last = last_wake_ms_.load();
            if (t - last >= 50 && last_wake_ms_.compare_exchange_strong(last, t) && wake_) wake_();
        };
        report::Built built = report::build_report(dirs, catalogue, options, {}, hooks);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            result_ = std::move(built);
        }
        running_ = false;
        if (wake_) wake_();  // the result is ready: draw it
    });
}

std::optional<report::Built> TrainerJob::take() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<report::Built> out = std::move(result_);
    result_.reset();
    return out;
}

}  // namespace signaal::app
