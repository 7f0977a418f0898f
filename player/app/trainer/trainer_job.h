// Builds a report on a background thread so the window keeps drawing (and the
// trainer can see the progress bar) while thousands of records are verified.
// The frame loop polls it; `wake` is called from the worker (throttled) so an
// idle loop blocked in glfwWaitEvents draws the new progress.
#pragma once
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "build.h"
#include "lrs_post.h"

namespace signaal::app {

class TrainerJob {
public:
    explicit TrainerJob(std::function<void()> wake) : wake_(std::move(wake)) {}
    ~TrainerJob();
    TrainerJob(const TrainerJob&) = delete;
    TrainerJob& operator=(const TrainerJob&) = delete;

    // Starts a build; a build already running is finished first (its result dropped).
    void start(std::vector<std::string> dirs, Catalogue catalogue, report::AggregateOptions options);
    // The same from an LRS, as signaal-report --from-lrs: its records fetched
    // into the per-user mirror folder (report/lrs_source.h), then that folder's
    // report. A failed fetch gives an empty report with the LRS's one-line error.
    void start_lrs(LrsEndpoint lrs, Catalogue catalogue, report::AggregateOptions options);
    bool running() const { return running_.load(); }
    bool fetching() const { return fetching_.load(); }
    size_t fetched() const { return fetched_.load(); }  // completed statements so far
    size_t done() const { return done_.load(); }
    size_t total() const { return total_.load(); }
    // The finished build, once (then empty until the next start).
    std::optional<report::Built> take();

private:
    using Work = std::function<report::Built(const report::BuildHooks&)>;
    void launch(Work work, bool fetch);
    void wake_throttled();

    std::function<void()> wake_;
    std::thread thread_;
    std::atomic<bool> running_{false}, fetching_{false};
    std::atomic<size_t> fetched_{0};
    std::atomic<size_t> done_{0}, total_{0};
    std::atomic<long long> last_wake_ms_{0};
    std::mutex mutex_;
    std::optional<report::Built> result_;  // guarded by mutex_
};

}  // namespace signaal::app
