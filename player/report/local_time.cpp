#include "local_time.h"

#include <cstdio>
#include <ctime>

#include "platform.h"

namespace signaal::report {

namespace {
bool to_local(const std::string& iso, std::tm& out) {
    int y, mo, d, h, mi, s;
    char sep;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &d, &sep, &h, &mi, &s) != 7 || (sep != 'T' && sep != ' '))
        return false;
    std::tm utc{};
    utc.tm_year = y - 1900, utc.tm_mon = mo - 1, utc.tm_mday = d, utc.tm_hour = h, utc.tm_min = mi, utc.tm_sec = s;
    std::time_t t = platform::time_from_utc(utc);
    // An explicit offset (+01:00) instead of Z: the time given is local to it.
    size_t tpos = iso.find_first_of("+-", 19);
    if (tpos != std::string::npos) {
        int oh = 0, om = 0;
        if (std::sscanf(iso.c_str() + tpos + 1, "%2d:%2d", &oh, &om) >= 1) t -= (iso[tpos] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    }
    return platform::local_from_time(t, out);
}
std::string fmt(const std::tm& tm, const char* f) {
    char b[64];
    std::strftime(b, sizeof b, f, &tm);
    return b;
}
}  // namespace

std::string local_day(const std::string& iso) {
    std::tm tm{};
    return to_local(iso, tm) ? fmt(tm, "%Y-%m-%d") : iso.substr(0, 10);
}

std::string local_minute(const std::string& iso) {
    std::tm tm{};
    return to_local(iso, tm) ? fmt(tm, "%Y-%m-%d %H:%M") : iso;
}

std::string local_today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    platform::local_from_time(t, tm);
    return fmt(tm, "%Y-%m-%d");
}

std::string zone_name() { return platform::local_zone_name(); }

bool known_zone(const std::string& tz) { return platform::known_time_zone(tz); }

}  // namespace signaal::report
