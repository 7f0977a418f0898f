// One HTTP request at a time, for posting statements to an LRS: libcurl on
// Linux (http_curl.cpp), Windows' own WinHTTP (http_winhttp.cpp), so the
// Windows programs carry no HTTP or TLS library and use the system's
// certificate store and proxy settings.
#pragma once
#include <string>
#include <vector>

namespace signaal::platform {

struct HttpRequest {
    std::string method, url, body;
    std::vector<std::string> headers;  // "Name: value"
    std::string user, password;        // HTTP Basic authentication
    long timeout_seconds = 30;
};

struct HttpReply {
    long status = 0;  // 0: no answer (network error, see error)
    std::string body, error;
};

class HttpClient {
public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;
    const std::string& start_error() const { return start_error_; }  // empty when usable
    HttpReply send(const HttpRequest& r);

private:
    void* handle_ = nullptr;
    std::string start_error_;
};

}  // namespace signaal::platform
