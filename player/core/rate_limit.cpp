#include "rate_limit.h"

#include <algorithm>

namespace signaal {

bool RateLimit::allow(const std::string& address, Clock::time_point now) {
    std::lock_guard lock(mu_);
    auto it = buckets_.find(address);
    if (it == buckets_.end()) {
        // Full table (many addresses, or spoofed ones): forget the buckets that
        // have refilled anyway; if none has, refuse rather than grow.
        if (buckets_.size() >= max_) {
            for (auto b = buckets_.begin(); b != buckets_.end();) {
                const double secs = std::chrono::duration<double>(now - b->second.at).count();
                b = b->second.tokens + secs * rate_ >= burst_ ? buckets_.erase(b) : std::next(b);
            }
            if (buckets_.size() >= max_) return false;
        }
        it = buckets_.emplace(address, Bucket{burst_, now}).first;
    }
    Bucket& b = it->second;
    const double secs = std::max(0.0, std::chrono::duration<double>(now - b.at).count());
    b.tokens = std::min(burst_, b.tokens + secs * rate_);
    b.at = now;
    if (b.tokens < 1.0) return false;
    b.tokens -= 1.0;
    return true;
}

}  // namespace signaal
