// The phone voting server (docs/gui.md "Votes from phones"): a small HTTP
// server on the local network, listening only while the teacher has phone
// voting on. libmicrohttpd on its own thread; the window hears of votes through
// `on_vote` (it wakes its idle loop) and reads the counts from the PhoneBallot.
//
// Every request must carry the session code as the first path segment:
//   GET  /CODE/       the voting page (phone_page.h), sets the voter token cookie
//   GET  /CODE/q      the open question as JSON (labels only, never points)
//   POST /CODE/vote   t=TOKEN&q=KEY&o=ID[&o=ID...] (a form; js=1 for a JSON reply)
// Anything else gets a 4xx. Bodies over 4 KB, too many connections and more
// requests from one address than a phone makes are refused.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "phone_votes.h"

namespace signaal {

struct PhoneServerOptions {
    std::string bind = "0.0.0.0";  // every interface: the phones are on the LAN (tests: 127.0.0.1)
    int port = 8700;               // tried first, then the next nine; 0: any free port
    std::string code;              // the session code, digits
    std::string lang = "nl";       // the page's language (the class's)
    std::function<void()> on_vote; // called on the server's thread after each counted vote
};

class PhoneServer {
public:
    // Starts listening; on failure returns nullptr and sets `error`.
    static std::unique_ptr<PhoneServer> start(std::shared_ptr<PhoneBallot> ballot, PhoneServerOptions o, std::string& error);
    ~PhoneServer();  // stops listening and closes every connection
    PhoneServer(const PhoneServer&) = delete;
    PhoneServer& operator=(const PhoneServer&) = delete;
    int port() const;

    struct Impl;

private:
    explicit PhoneServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// A fresh session code: six random digits (a guess per request against a rate limit takes days).
std::string new_phone_code();

}  // namespace signaal
