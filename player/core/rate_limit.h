// A per-address request budget for the phone server (a token bucket): a phone
// may send a burst (open the page, vote, change its mind) and then a steady
// trickle; a script hammering the server gets "429 Too Many Requests" instead
// of the window's attention. Thread-safe.
#pragma once
#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace signaal {

class RateLimit {
public:
    using Clock = std::chrono::steady_clock;
    // `burst` requests at once, refilled at `per_second`; at most `max_addresses` remembered.
    RateLimit(double burst, double per_second, std::size_t max_addresses = 4096)
        : burst_(burst), rate_(per_second), max_(max_addresses) {}
    // Whether `address` may make one more request at `now` (and spends it).
    bool allow(const std::string& address, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens;
        Clock::time_point at;
    };
    std::mutex mu_;
    double burst_, rate_;
    std::size_t max_;
    std::map<std::string, Bucket> buckets_;
};

}  // namespace signaal
