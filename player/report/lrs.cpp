#include "lrs.h"

#include <cctype>

#include <chrono>
#include <thread>

#include "http.h"

namespace signaal::report {

namespace {
// Percent-encoding of a query value (RFC 3986: unreserved characters stay).
std::string url_escape(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
        else out += '%', out += hex[c >> 4], out += hex[c & 15];
    }
    return out;
}
bool retryable(long status) { return status == 0 || status == 429 || status >= 500; }
std::string excerpt(const std::string& body) { return body.size() > 300 ? body.substr(0, 300) + "…" : body; }
}  // namespace

LrsClient::LrsClient(LrsOptions options) : opt_(std::move(options)) {
    endpoint_ = opt_.url;
    if (endpoint_.size() < 10 || endpoint_.compare(endpoint_.size() - 10, 10, "statements") != 0) {
        if (endpoint_.empty() || endpoint_.back() != '/') endpoint_ += '/';
        endpoint_ += "statements";
    }
    if (opt_.batch == 0) opt_.batch = 1;
    http_ = std::make_unique<platform::HttpClient>();
    stats_.error = http_->start_error();
}

LrsClient::~LrsClient() = default;

LrsClient::Reply LrsClient::request(const char* method, const std::string& url, const std::string& body) {
    platform::HttpRequest q{method, url, body, {"X-Experience-API-Version: 1.0.3", "Content-Type: application/json"},
                            opt_.user, opt_.password, opt_.timeout_seconds};
    platform::HttpReply got = http_->send(q);
    Reply r{got.status, std::move(got.body), std::move(got.error)};
    ++stats_.requests;
    return r;
}

LrsClient::Reply LrsClient::with_retries(const char* method, const std::string& url, const std::string& body) {
    double wait = opt_.backoff_seconds;
    for (int attempt = 0;; ++attempt) {
        Reply r = request(method, url, body);
        if (!retryable(r.status) || attempt >= opt_.retries) return r;
        ++stats_.retries;
        std::this_thread::sleep_for(std::chrono::duration<double>(wait));
        wait *= 2;
    }
}

void LrsClient::post_batch(const nlohmann::json& batch) {
    if (!stats_.error.empty() || batch.empty()) return;
    Reply r = with_retries("POST", endpoint_, batch.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (r.status == 200 || r.status == 204) {
        stats_.sent += static_cast<long>(batch.size());
        return;
    }
    if (r.status == 409) {
        // Some statement in the batch is already stored; send each on its own so
        // the new ones still arrive.
        for (const auto& st : batch) {
            std::string url = endpoint_ + "?statementId=" + url_escape(st.value("id", ""));
            Reply one = with_retries("PUT", url, st.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            if (one.status == 204 || one.status == 200) ++stats_.sent;
            else if (one.status == 409) ++stats_.duplicates;
            else {
                stats_.error = "LRS refused statement " + st.value("id", "") + ": " +
                               (one.status ? "HTTP " + std::to_string(one.status) + " " + excerpt(one.body) : one.error);
                return;
            }
        }
        return;
    }
    stats_.error = "LRS at " + endpoint_ + " refused a batch of " + std::to_string(batch.size()) + " statement(s): " +
                   (r.status ? "HTTP " + std::to_string(r.status) + " " + excerpt(r.body) : r.error) +
                   (r.status == 0 || r.status >= 500 ? " (gave up after " + std::to_string(opt_.retries) + " retries)" : "");
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
