// Dates a trainer reads are local dates. Records keep UTC times ("...Z"); a pass
// at 00:08 on 3 January in the Netherlands is 23:08 UTC on 2 January, and the
// certificate must say 3 January. The zone is the process's (TZ, else the
// machine's); signaal-report --tz sets TZ in main().
#pragma once
#include <string>

namespace signaal::report {

// "2026-01-02T23:08:00.000Z" -> "2026-01-03" in Europe/Amsterdam. Text that is
// not an ISO 8601 time gives its first ten characters, as before.
std::string local_day(const std::string& iso);
// "2026-01-02T23:08:00Z" -> "2026-01-03 00:08" (local).
std::string local_minute(const std::string& iso);
// Today's local date.
std::string local_today();
// The zone's name for a reader (platform::local_zone_name: on Linux TZ, else
// /etc/timezone, else the target of /etc/localtime, else "UTC").
std::string zone_name();
// Whether `tz` names a zone in the time-zone database (or is UTC), so a typo
// in --tz is refused instead of silently giving UTC.
bool known_zone(const std::string& tz);

}  // namespace signaal::report
