#include "trainer_job.h"

#include <chrono>

#include "lrs_source.h"

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

void TrainerJob::wake_throttled() {
    // At most 20 wake-ups a second: each one costs the window a frame.
    long long t = now_ms(), last = last_wake_ms_.load();
    if (t - last >= 50 && last_wake_ms_.compare_exchange_strong(last, t) && wake_) wake_();
}

void TrainerJob::launch(Work work, bool fetch) {
    if (thread_.joinable()) thread_.join();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        result_.reset();
    }
    done_ = 0, total_ = 0, fetched_ = 0;
    fetching_ = fetch;
    running_ = true;
    thread_ = std::thread([this, work = std::move(work)] {
        report::BuildHooks hooks;
        hooks.progress = [this](size_t done, size_t total) {
            done_ = done, total_ = total;
            wake_throttled();
        };
        report::Built built = work(hooks);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            result_ = std::move(built);
        }
        fetching_ = false;
        running_ = false;
        if (wake_) wake_();  // the result is ready: draw it
    });
}

void TrainerJob::start(std::vector<std::string> dirs, Catalogue catalogue, report::AggregateOptions options) {
    // The job owns copies of everything it reads: the window may change its own
    // catalogue and fields while the worker runs (modules are shared, immutable).
    launch([dirs = std::move(dirs), catalogue = std::move(catalogue), options = std::move(options)](const report::BuildHooks& hooks) {
        return report::build_report(dirs, catalogue, options, {}, hooks);
    }, false);
}

void TrainerJob::start_lrs(LrsEndpoint lrs, Catalogue catalogue, report::AggregateOptions options) {
    launch([this, lrs = std::move(lrs), catalogue = std::move(catalogue), options = std::move(options)](const report::BuildHooks& hooks) {
        // The mirror signaal-report --from-lrs uses for the same LRS and user: a
        // fetch by either asks the LRS only for what came since.
        const std::string mirror = report::default_lrs_mirror(lrs);
        report::LrsFetch got = report::fetch_records(lrs, mirror, 500, [this](const report::LrsFetch& so_far) {
            fetched_ = static_cast<size_t>(so_far.statements);
            wake_throttled();
        });
        fetching_ = false;
        if (!got.error.empty()) {
            report::Built failed;
            failed.errors.push_back(got.error);
            return failed;
        }
        return report::build_report({mirror}, catalogue, options, {}, hooks);
    }, true);
}

std::optional<report::Built> TrainerJob::take() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<report::Built> out = std::move(result_);
    result_.reset();
    return out;
}

}  // namespace signaal::app
