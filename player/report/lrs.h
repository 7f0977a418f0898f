// Posting statements to a Learning Record Store (xAPI 1.0.3, HTTP Basic auth).
// Idempotent: statement ids are fixed per attempt, so posting the same records
// twice creates nothing new. A batch the LRS refuses with 409 Conflict (some
// statement in it already stored) is resent one statement at a time with
// PUT ?statementId=, where 204 means stored and 409 means already there, so new
// statements mixed into a batch with old ones are never lost.
#pragma once
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

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
    struct Reply {
        long status = 0;  // 0: no answer (network error)
        std::string body, error;
    };
    LrsOptions opt_;
    std::string endpoint_;
    nlohmann::json pending_ = nlohmann::json::array();
    LrsStats stats_;
    std::unique_ptr<platform::HttpClient> http_;

    Reply request(const char* method, const std::string& url, const std::string& body);
    Reply with_retries(const char* method, const std::string& url, const std::string& body);
    void post_batch(const nlohmann::json& batch);
};

}  // namespace signaal::report
