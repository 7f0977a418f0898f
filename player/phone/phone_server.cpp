#include "phone_server.h"

#include <microhttpd.h>

#include <cstring>

#include "crypto.h"
#include "phone_page.h"
#include "rate_limit.h"
#include "translate.h"

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#endif

namespace signaal {

namespace {
constexpr std::size_t kMaxBody = 4096;   // a vote is a token, a key and a few ids
constexpr std::size_t kMaxPicks = 64;    // more marks than any question has
constexpr unsigned kMaxConnections = 96; // a class of 30 with room for reloads
// Thirty phones behind one address (a school's NAT) open the page and vote
// at once; a single phone needs a few requests a minute (the page polls every 3 s).
constexpr double kBurst = 120, kPerSecond = 20;

struct Request {
    std::string body;
    bool too_big = false;
};

bool valid_token(const std::string& t) {
    if (t.size() != 32) return false;
    for (char c : t)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string value(MHD_Connection* c, MHD_ValueKind kind, const char* key) {
    const char* v = MHD_lookup_connection_value(c, kind, key);
    return v ? v : "";
}

std::string client_address(MHD_Connection* c) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr) return "?";
    char buf[64] = {};
    const sockaddr* sa = info->client_addr;
    if (sa->sa_family == AF_INET) inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, buf, sizeof buf);
    else if (sa->sa_family == AF_INET6) inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, buf, sizeof buf);
    return buf;
}

// The form fields of a vote, parsed by libmicrohttpd's own form decoder.
struct Form {
    std::string t, q;
    std::vector<std::string> o;
    bool js = false;
    bool bad = false;
};

MHD_Result form_field(void* cls, MHD_ValueKind, const char* key, const char*, const char*, const char*, const char* data, uint64_t off,
                      size_t size) {
    Form& f = *static_cast<Form*>(cls);
    const std::string part(data ? data : "", size);
    std::string* into = nullptr;
    if (!std::strcmp(key, "t")) into = &f.t;
    else if (!std::strcmp(key, "q")) into = &f.q;
    else if (!std::strcmp(key, "js")) f.js = true;
    else if (!std::strcmp(key, "o")) {
        if (off == 0) {
            if (f.o.size() >= kMaxPicks) {
                f.bad = true;
                return MHD_NO;
            }
            f.o.emplace_back();
        }
        if (!f.o.empty()) into = &f.o.back();
    } else {
        f.bad = true;  // a field no page of ours sends
        return MHD_NO;
    }
    if (into) {
        if (off == 0) into->clear();
        *into += part;
    }
    return MHD_YES;
}

}  // namespace

struct PhoneServer::Impl {
    std::shared_ptr<PhoneBallot> ballot;
    PhoneServerOptions o;
    RateLimit limit{kBurst, kPerSecond};
    MHD_Daemon* daemon = nullptr;
    int port = 0;

    MHD_Result reply(MHD_Connection* c, unsigned status, const std::string& body, const char* type,
                     const std::string& cookie = "", const std::string& location = "") {
        MHD_Response* r = MHD_create_response_from_buffer(body.size(), const_cast<char*>(body.data()), MHD_RESPMEM_MUST_COPY);
        if (!r) return MHD_NO;
        MHD_add_response_header(r, "Content-Type", type);
        MHD_add_response_header(r, "Cache-Control", "no-store");
        MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
        // The page may load nothing from anywhere: its CSS and script are inline.
        MHD_add_response_header(r, "Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; form-action 'self'");
        MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
        if (!cookie.empty()) MHD_add_response_header(r, "Set-Cookie", cookie.c_str());
        if (!location.empty()) MHD_add_response_header(r, "Location", location.c_str());
        const MHD_Result ret = MHD_queue_response(c, status, r);
        MHD_destroy_response(r);
        return ret;
    }
    MHD_Result text(MHD_Connection* c, unsigned status, const std::string& msg) {
        return reply(c, status, msg + "\n", "text/plain; charset=utf-8");
    }
    MHD_Result json(MHD_Connection* c, unsigned status, const nlohmann::json& j) {
        return reply(c, status, j.dump(), "application/json; charset=utf-8");
    }

    // The voter this request speaks for: the cookie, else the form's or query's t.
    std::string voter(MHD_Connection* c, const std::string& given) {
        for (const std::string& t : {value(c, MHD_COOKIE_KIND, "sv"), given})
            if (valid_token(t) && ballot->known_voter(t)) return t;
        return "";
    }

    MHD_Result page(MHD_Connection* c, const std::string& notice) {
        std::string t = voter(c, value(c, MHD_GET_ARGUMENT_KIND, "t"));
        if (t.empty()) t = ballot->issue_voter();
        if (t.empty()) return text(c, MHD_HTTP_SERVICE_UNAVAILABLE, "too many voters");
        const std::string cookie = "sv=" + t + "; Path=/" + o.code + "/; SameSite=Strict; HttpOnly";
        return reply(c, MHD_HTTP_OK, phone_page(ballot->question_json(t), t, o.lang, notice), "text/html; charset=utf-8", cookie);
    }

    MHD_Result vote(MHD_Connection* c, const Request& req) {
        const Words w{o.lang};
        Form f;
        MHD_PostProcessor* pp = MHD_create_post_processor(c, 1024, &form_field, &f);
        if (!pp) return text(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "a vote is a form (application/x-www-form-urlencoded)");
        const MHD_Result parsed = MHD_post_process(pp, req.body.data(), req.body.size());
        MHD_destroy_post_processor(pp);
        if (parsed != MHD_YES || f.bad) return text(c, MHD_HTTP_BAD_REQUEST, "not a vote");
        const std::string t = voter(c, f.t);
        const PhoneBallot::Result r = t.empty() ? PhoneBallot::Result::UnknownVoter : ballot->vote(t, f.q, f.o);
        unsigned status = MHD_HTTP_OK;
        std::string msg;
        switch (r) {
            case PhoneBallot::Result::Ok:
                msg = w("Je stem is geteld. Je kunt hem veranderen tot het stemmen sluit.", "Your vote is counted. You can change it until voting closes.");
                break;
            case PhoneBallot::Result::UnknownVoter:
                status = MHD_HTTP_FORBIDDEN;
                msg = w("Open de pagina opnieuw via de QR-code.", "Open the page again from the QR code.");
                break;
            case PhoneBallot::Result::BadOption:
                status = MHD_HTTP_BAD_REQUEST;
                msg = w("Dat is geen antwoord op deze vraag.", "That is not an answer to this question.");
                break;
            case PhoneBallot::Result::NoQuestion:
            case PhoneBallot::Result::StaleQuestion:
            case PhoneBallot::Result::Closed:
                status = MHD_HTTP_CONFLICT;
                msg = w("Het stemmen over deze vraag is gesloten.", "Voting on this question is closed.");
                break;
        }
        if (r == PhoneBallot::Result::Ok && o.on_vote) o.on_vote();
        if (f.js) return json(c, status, {{"ok", r == PhoneBallot::Result::Ok}, {"message", msg}, {"why", phone_result_text(r)}});
        // A form without JavaScript: back to the question, which shows the vote.
        if (r == PhoneBallot::Result::Ok) return reply(c, MHD_HTTP_SEE_OTHER, msg, "text/plain; charset=utf-8", "", "/" + o.code + "/?t=" + t);
        return reply(c, status, phone_message_page(o.code, o.lang, msg), "text/html; charset=utf-8");
    }

    MHD_Result handle(MHD_Connection* c, const std::string& url, const std::string& method, const char* data, size_t* size, void** state) {
        if (!*state) {
            // First call, headers only: refuse early what needs no body read.
            if (!limit.allow(client_address(c))) return text(c, MHD_HTTP_TOO_MANY_REQUESTS, "too many requests");
            const std::string length = value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            if (!length.empty() && (length.size() > 6 || length.find_first_not_of("0123456789") != std::string::npos || std::stoul(length) > kMaxBody))
                return text(c, MHD_HTTP_CONTENT_TOO_LARGE, "too large");
            *state = new Request;
            return MHD_YES;
        }
        Request& req = *static_cast<Request*>(*state);
        if (*size > 0) {  // a piece of the body
            if (req.body.size() + *size > kMaxBody) req.too_big = true;
            else req.body.append(data, *size);
            *size = 0;
            return MHD_YES;
        }
        if (req.too_big) return text(c, MHD_HTTP_CONTENT_TOO_LARGE, "too large");
        const std::string prefix = "/" + o.code;
        if (url.compare(0, prefix.size(), prefix) != 0 || (url.size() > prefix.size() && url[prefix.size()] != '/'))
            return text(c, MHD_HTTP_NOT_FOUND, "not found");  // a wrong or missing session code
        const std::string rest = url.substr(prefix.size());
        if (rest.empty()) return reply(c, MHD_HTTP_MOVED_PERMANENTLY, "", "text/plain", "", prefix + "/");
        if (rest == "/" || rest == "/q") {
            if (method != "GET" && method != "HEAD") return text(c, MHD_HTTP_METHOD_NOT_ALLOWED, "GET only");
            if (!req.body.empty()) return text(c, MHD_HTTP_BAD_REQUEST, "no body expected");
            if (rest == "/") return page(c, "");
            return json(c, MHD_HTTP_OK, ballot->question_json(voter(c, value(c, MHD_GET_ARGUMENT_KIND, "t"))));
        }
        if (rest == "/vote") {
            if (method != "POST") return text(c, MHD_HTTP_METHOD_NOT_ALLOWED, "POST only");
            return vote(c, req);
        }
        return text(c, MHD_HTTP_NOT_FOUND, "not found");
    }
};

namespace {
MHD_Result on_request(void* cls, MHD_Connection* c, const char* url, const char* method, const char*, const char* data, size_t* size,
                      void** state) {
    return static_cast<PhoneServer::Impl*>(cls)->handle(c, url ? url : "", method ? method : "", data, size, state);
}
void on_completed(void*, MHD_Connection*, void** state, MHD_RequestTerminationCode) {
    delete static_cast<Request*>(*state);
    *state = nullptr;
}
}  // namespace

std::unique_ptr<PhoneServer> PhoneServer::start(std::shared_ptr<PhoneBallot> ballot, PhoneServerOptions o, std::string& error) {
    auto impl = std::make_unique<Impl>();
    impl->ballot = std::move(ballot);
    impl->o = std::move(o);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    if (inet_pton(AF_INET, impl->o.bind.c_str(), &addr.sin_addr) != 1) {
        error = "not an IPv4 address: " + impl->o.bind;
        return nullptr;
    }
    const int first = impl->o.port, tries = first == 0 ? 1 : 10;
    for (int i = 0; i < tries && !impl->daemon; ++i) {
        addr.sin_port = htons(static_cast<uint16_t>(first + i));
        impl->daemon = MHD_start_daemon(
            MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO, 0, nullptr, nullptr, &on_request, impl.get(),
            MHD_OPTION_SOCK_ADDR, reinterpret_cast<const sockaddr*>(&addr),
            MHD_OPTION_CONNECTION_LIMIT, kMaxConnections,
            MHD_OPTION_CONNECTION_TIMEOUT, 10u,
            MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(16 * 1024),  // headers beyond this get 431 from libmicrohttpd
            MHD_OPTION_NOTIFY_COMPLETED, &on_completed, nullptr,
            MHD_OPTION_END);
    }
    if (!impl->daemon) {
        error = "cannot listen on " + impl->o.bind + ":" + std::to_string(first) + (tries > 1 ? "\xE2\x80\x93" + std::to_string(first + tries - 1) : "");
        return nullptr;
    }
    const MHD_DaemonInfo* info = MHD_get_daemon_info(impl->daemon, MHD_DAEMON_INFO_BIND_PORT);
    impl->port = info ? info->port : 0;
    return std::unique_ptr<PhoneServer>(new PhoneServer(std::move(impl)));
}

PhoneServer::PhoneServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PhoneServer::~PhoneServer() {
    if (impl_ && impl_->daemon) MHD_stop_daemon(impl_->daemon);
}
int PhoneServer::port() const { return impl_->port; }

std::string new_phone_code() {
    unsigned char b[8];
    platform::random_bytes(b, sizeof b);
    std::string code;
    for (int i = 0; i < 6; ++i) code += static_cast<char>('0' + b[i] % 10);
    if (code[0] == '0') code[0] = '1' + static_cast<char>(b[6] % 9);  // no leading zero: read aloud, it is easier
    return code;
}

}  // namespace signaal
