// Posting statements to a Learning Record Store from signaal-report --lrs:
// batches of statements through post_statements (core/lrs_post.h, which makes
// posting idempotent), retried at once with a short doubling backoff.
#pragma once
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "lrs_post.h"

namespace signaal::platform {
class HttpClient;
}

namespace signaal::report {

struct LrsOptions {
    std::string url;  // the LRS endpoint (…/xapi/); "statements" is appended unless already there
    std::string user, password;
    size_t batch = 100;
    int retries = 5;             // per request, on network errors, 429 and 5xx
    double backoff_seconds = 0.5;  // doubled after each retry
    long timeout_seconds = 30;
};

struct LrsStats {
    long sent = 0;        // statements the LRS took
    long duplicates = 0;  // statements it already had
    long requests = 0, retries = 0;
    std::string error;    // first fatal error; nothing more is posted after it
};

class LrsClient {
public:
    explicit LrsClient(LrsOptions options);
    ~LrsClient();
    LrsClient(const LrsClient&) = delete;
    LrsClient& operator=(const LrsClient&) = delete;

    void add(nlohmann::json statement);  // posts when a batch is full
    void flush();                        // posts what is left
    const LrsStats& stats() const { return stats_; }

private:
    LrsOptions opt_;
    nlohmann::json pending_ = nlohmann::json::array();
    LrsStats stats_;
    std::unique_ptr<platform::HttpClient> http_;

    void post_batch(const nlohmann::json& batch);
};

}  // namespace signaal::report
