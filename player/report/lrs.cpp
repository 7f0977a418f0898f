#include "lrs.h"

#include <chrono>
#include <thread>

#include "http.h"

namespace signaal::report {

LrsClient::LrsClient(LrsOptions options) : opt_(std::move(options)) {
    if (opt_.batch == 0) opt_.batch = 1;
    http_ = std::make_unique<platform::HttpClient>();
    stats_.error = http_->start_error();
}

LrsClient::~LrsClient() = default;

void LrsClient::post_batch(const nlohmann::json& batch) {
    if (!stats_.error.empty() || batch.empty()) return;
    const LrsEndpoint lrs{opt_.url, opt_.user, opt_.password, opt_.timeout_seconds};
    double wait = opt_.backoff_seconds;
    for (int attempt = 0;; ++attempt) {
        // Posting again after a partial answer is safe: statements already
        // stored come back as duplicates.
        PostResult r = post_statements(*http_, lrs, batch);
        stats_.requests += r.requests;
        if (r.state == PostState::stored) {
            stats_.sent += r.stored;
            stats_.duplicates += r.duplicates;
            return;
        }
        if (r.state == PostState::refused || attempt >= opt_.retries) {
            stats_.error = r.message + " (a batch of " + std::to_string(batch.size()) + " statement(s)" +
                           (r.state == PostState::unreachable ? ", gave up after " + std::to_string(opt_.retries) + " retries)" : ")");
            return;
        }
        ++stats_.retries;
        std::this_thread::sleep_for(std::chrono::duration<double>(wait));
        wait *= 2;
    }
}

void LrsClient::add(nlohmann::json statement) {
    pending_.push_back(std::move(statement));
    if (pending_.size() >= opt_.batch) flush();
}

void LrsClient::flush() {
    if (pending_.empty()) return;
    post_batch(pending_);
    pending_ = nlohmann::json::array();
}

}  // namespace signaal::report
