// http.h on WinHTTP (winhttp.dll, part of Windows): TLS, the certificate store
// and the system's proxy settings come with it.
#include "http.h"

#include <windows.h>
#include <winhttp.h>

#include "utf16.h"

namespace signaal::platform {

namespace {
std::string error_text(const char* what) { return std::string(what) + " failed (WinHTTP error " + std::to_string(GetLastError()) + ")"; }

// Closes a WinHTTP handle when the request is done, whichever way it ends.
struct Handle {
    HINTERNET h = nullptr;
    ~Handle() {
        if (h) WinHttpCloseHandle(h);
    }
};
}  // namespace

HttpClient::HttpClient() {
    handle_ = WinHttpOpen(L"signaal", WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    if (!handle_) {
        // Windows before 8.1 has no automatic proxy: take the default one.
        handle_ = WinHttpOpen(L"signaal", WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    }
    if (!handle_) start_error_ = "cannot start WinHTTP";
}

HttpClient::~HttpClient() {
    if (handle_) WinHttpCloseHandle(static_cast<HINTERNET>(handle_));
}

HttpReply HttpClient::send(const HttpRequest& q) {
    HttpReply r;
    std::wstring url = wide(q.url);
    URL_COMPONENTS u{};
    u.dwStructSize = sizeof u;
    u.dwHostNameLength = u.dwUrlPathLength = u.dwExtraInfoLength = static_cast<DWORD>(-1);
    if (!WinHttpCrackUrl(url.c_str(), 0, 0, &u)) return r.error = "not a URL: " + q.url, r;
    std::wstring host(u.lpszHostName, u.dwHostNameLength);
    std::wstring path = std::wstring(u.lpszUrlPath, u.dwUrlPathLength) + std::wstring(u.lpszExtraInfo, u.dwExtraInfoLength);

    Handle connect{WinHttpConnect(static_cast<HINTERNET>(handle_), host.c_str(), u.nPort, 0)};
    if (!connect.h) return r.error = error_text("connecting"), r;
    Handle req{WinHttpOpenRequest(connect.h, wide(q.method).c_str(), path.c_str(), nullptr, WINHTTP_NO_REFERER,
                                  WINHTTP_DEFAULT_ACCEPT_TYPES, u.nScheme == INTERNET_SCHEME_HTTPS ? WINHTTP_FLAG_SECURE : 0)};
    if (!req.h) return r.error = error_text("opening the request"), r;
    const int ms = static_cast<int>(q.timeout_seconds * 1000);
    const int connect_ms = ms < 10000 ? ms : 10000;  // a short call (the player at exit) waits no longer to connect
    WinHttpSetTimeouts(req.h, connect_ms, connect_ms, ms, ms);
    std::wstring headers;
    for (const auto& h : q.headers) headers += wide(h) + L"\r\n";
    if (!q.user.empty() || !q.password.empty())
        WinHttpSetCredentials(req.h, WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_BASIC, wide(q.user).c_str(),
                              wide(q.password).c_str(), nullptr);
    auto* body = const_cast<char*>(q.body.data());
    const DWORD len = static_cast<DWORD>(q.body.size());
    if (!WinHttpSendRequest(req.h, headers.c_str(), static_cast<DWORD>(-1), body, len, len, 0) ||
        !WinHttpReceiveResponse(req.h, nullptr))
        return r.error = error_text("sending the request"), r;
    DWORD status = 0, size = sizeof status;
    WinHttpQueryHeaders(req.h, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, WINHTTP_HEADER_NAME_BY_INDEX, &status,
                        &size, WINHTTP_NO_HEADER_INDEX);
    for (DWORD avail = 0; WinHttpQueryDataAvailable(req.h, &avail) && avail > 0;) {
        std::string piece(avail, '\0');
        DWORD got = 0;
        if (!WinHttpReadData(req.h, piece.data(), avail, &got)) break;
        r.body.append(piece.data(), got);
    }
    r.status = static_cast<long>(status);
    return r;
}

}  // namespace signaal::platform
