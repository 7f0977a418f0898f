#include "lrs.h"

#include <curl/curl.h>

#include <chrono>
#include <mutex>
#include <thread>

namespace signaal::report {

namespace {
size_t collect(char* data, size_t size, size_t n, void* user) {
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}
bool retryable(long status) { return status == 0 || status == 429 || status >= 500; }
std::string excerpt(const std::string& body) { return body.size() > 300 ? body.substr(0, 300) + "…" : body; }
}  // namespace

LrsClient::LrsClient(LrsOptions options) : opt_(std::move(options)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    endpoint_ = opt_.url;
    if (endpoint_.size() < 10 || endpoint_.compare(endpoint_.size() - 10, 10, "statements") != 0) {
        if (endpoint_.empty() || endpoint_.back() != '/') endpoint_ += '/';
        endpoint_ += "statements";
    }
    if (opt_.batch == 0) opt_.batch = 1;
    curl_ = curl_easy_init();
    if (!curl_) stats_.error = "cannot start libcurl";
}

LrsClient::~LrsClient() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

LrsClient::Reply LrsClient::request(const char* method, const std::string& url, const std::string& body) {
    Reply r;
    CURL* c = static_cast<CURL*>(curl_);
    curl_easy_reset(c);
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3");
    headers = curl_slist_append(headers, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERNAME, opt_.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, opt_.password.c_str());
    curl_easy_setopt(c, CURLOPT_TIMEOUT, opt_.timeout_seconds);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) r.error = curl_easy_strerror(rc);
    else curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_slist_free_all(headers);
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
            char* id = curl_easy_escape(static_cast<CURL*>(curl_), st.value("id", "").c_str(), 0);
            std::string url = endpoint_ + "?statementId=" + (id ? id : "");
            curl_free(id);
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
