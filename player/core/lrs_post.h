// One exchange with a Learning Record Store (xAPI 1.0.3, HTTP Basic auth): post
// a batch of statements, or get a page of them. Shared by the player's outbox
// sender and signaal-report, so both treat the LRS's answers the same way.
//
// Posting is idempotent: statement ids are fixed per attempt (xapi.h). A batch
// the LRS refuses with 409 Conflict (some statement in it already stored) is
// resent one statement at a time with PUT ?statementId=, where 204 means stored
// and 409 means already there, so new statements mixed into a batch with old
// ones are never lost. Nothing here retries or sleeps: callers decide (a
// command-line run retries at once, the player's sender backs off for minutes).
#pragma once
#include <nlohmann/json.hpp>

#include <string>

namespace signaal::platform {
class HttpClient;
}

namespace signaal {

struct LrsEndpoint {
    std::string url;  // the LRS endpoint (…/xapi/); "statements" is appended unless already there
    std::string user, password;
    long timeout_seconds = 30;
};

// The statements resource of an endpoint.
std::string statements_url(const std::string& endpoint);
// Percent-encoding of a query value (RFC 3986: unreserved characters stay).
std::string url_escape(const std::string& s);

enum class PostState {
    stored,       // every statement is in the LRS now (new or already there)
    unreachable,  // no answer, 429 or 5xx: worth trying again later
    refused,      // 401/403 or another 4xx: trying again will not help until someone changes something
};

struct PostResult {
    PostState state = PostState::stored;
    long stored = 0, duplicates = 0;  // statements the LRS took / already had
    long requests = 0;
    std::string message;  // for unreachable and refused: one line, without the password
};

PostResult post_statements(platform::HttpClient& http, const LrsEndpoint& lrs, const nlohmann::json& batch);

// GET on the statements resource (or on a `more` link, relative to the
// endpoint's host). On success `page` holds the StatementResult.
struct GetResult {
    PostState state = PostState::stored;
    nlohmann::json page;
    std::string message;
};
GetResult get_statements(platform::HttpClient& http, const LrsEndpoint& lrs, const std::string& query_or_more);

}  // namespace signaal
