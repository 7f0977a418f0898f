// http.h on libcurl (Linux).
#include "http.h"

#include <curl/curl.h>

#include <mutex>

namespace signaal::platform {

namespace {
size_t collect(char* data, size_t size, size_t n, void* user) {
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}
}  // namespace

HttpClient::HttpClient() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    handle_ = curl_easy_init();
    if (!handle_) start_error_ = "cannot start libcurl";
}

HttpClient::~HttpClient() {
    if (handle_) curl_easy_cleanup(static_cast<CURL*>(handle_));
}

HttpReply HttpClient::send(const HttpRequest& q) {
    HttpReply r;
    CURL* c = static_cast<CURL*>(handle_);
    curl_easy_reset(c);
    curl_slist* headers = nullptr;
    for (const auto& h : q.headers) headers = curl_slist_append(headers, h.c_str());
    curl_easy_setopt(c, CURLOPT_URL, q.url.c_str());
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, q.method.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, q.body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(q.body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERNAME, q.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, q.password.c_str());
    curl_easy_setopt(c, CURLOPT_TIMEOUT, q.timeout_seconds);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, q.timeout_seconds < 10 ? q.timeout_seconds : 10L);  // a short call (the player at exit) waits no longer to connect
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // worker threads: no SIGALRM for timeouts
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) r.error = curl_easy_strerror(rc);
    else curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_slist_free_all(headers);
    return r;
}

}  // namespace signaal::platform
