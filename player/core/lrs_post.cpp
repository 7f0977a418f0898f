#include "lrs_post.h"

#include <cctype>

#include "http.h"

namespace signaal {

namespace {
std::string excerpt(const std::string& body) { return body.size() > 300 ? body.substr(0, 300) + "…" : body; }

platform::HttpReply request(platform::HttpClient& http, const LrsEndpoint& lrs, const char* method, const std::string& url,
                            const std::string& body) {
    platform::HttpRequest q{method, url, body, {"X-Experience-API-Version: 1.0.3", "Content-Type: application/json"},
                            lrs.user, lrs.password, lrs.timeout_seconds};
    return http.send(q);
}

PostState state_of(long status) {
    if (status == 0 || status == 429 || status >= 500) return PostState::unreachable;
    return PostState::refused;
}

// One line naming the LRS and what went wrong, never the password.
std::string failure(const std::string& url, const platform::HttpReply& r) {
    if (r.status == 0) return "LRS at " + url + " could not be reached (" + r.error + ")";
    if (r.status == 401 || r.status == 403)
        return "LRS at " + url + " refused the user name or password (HTTP " + std::to_string(r.status) +
               "); check the LRS configuration (lrs.json)";
    return "LRS at " + url + " answered HTTP " + std::to_string(r.status) + " " + excerpt(r.body);
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }
}  // namespace

std::string statements_url(const std::string& endpoint) {
    std::string url = endpoint;
    if (url.size() < 10 || url.compare(url.size() - 10, 10, "statements") != 0) {
        if (url.empty() || url.back() != '/') url += '/';
        url += "statements";
    }
    return url;
}

std::string url_escape(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
        else out += '%', out += hex[c >> 4], out += hex[c & 15];
    }
    return out;
}

PostResult post_statements(platform::HttpClient& http, const LrsEndpoint& lrs, const nlohmann::json& batch) {
    PostResult res;
    if (batch.empty()) return res;
    if (!http.start_error().empty()) return {PostState::unreachable, 0, 0, 0, http.start_error()};
    const std::string url = statements_url(lrs.url);
    platform::HttpReply r = request(http, lrs, "POST", url, dump(batch));
    ++res.requests;
    if (r.status == 200 || r.status == 204) {
        res.stored = static_cast<long>(batch.size());
        return res;
    }
    if (r.status != 409) {
        res.state = state_of(r.status);
        res.message = failure(url, r);
        return res;
    }
    // Some statement in the batch is already stored; send each on its own so
    // the new ones still arrive.
    for (const auto& st : batch) {
        platform::HttpReply one = request(http, lrs, "PUT", url + "?statementId=" + url_escape(st.value("id", "")), dump(st));
        ++res.requests;
        if (one.status == 204 || one.status == 200) ++res.stored;
        else if (one.status == 409) ++res.duplicates;
        else {
            res.state = state_of(one.status);
            res.message = failure(url, one) + " (statement " + st.value("id", "") + ")";
            return res;
        }
    }
    return res;
}

GetResult get_statements(platform::HttpClient& http, const LrsEndpoint& lrs, const std::string& query_or_more) {
    GetResult res;
    if (!http.start_error().empty()) return {PostState::unreachable, {}, http.start_error()};
    std::string url;
    if (query_or_more.empty() || query_or_more[0] == '?') {
        url = statements_url(lrs.url) + query_or_more;
    } else if (query_or_more.rfind("http://", 0) == 0 || query_or_more.rfind("https://", 0) == 0) {
        url = query_or_more;
    } else {  // a `more` path: relative to the endpoint's scheme and host (xAPI 1.0.3, 2.5.1)
        size_t host = lrs.url.find("://");
        size_t path = host == std::string::npos ? std::string::npos : lrs.url.find('/', host + 3);
        url = lrs.url.substr(0, path) + query_or_more;
    }
    platform::HttpReply r = request(http, lrs, "GET", url, "");
    if (r.status != 200) {
        res.state = state_of(r.status);
        res.message = failure(statements_url(lrs.url), r);
        return res;
    }
    res.page = nlohmann::json::parse(r.body, nullptr, false);
    if (res.page.is_discarded() || !res.page.is_object() || !res.page.contains("statements") || !res.page["statements"].is_array()) {
        res.state = PostState::refused;
        res.message = "LRS at " + statements_url(lrs.url) + " answered with something that is not an xAPI StatementResult: " + excerpt(r.body);
    }
    return res;
}

}  // namespace signaal
