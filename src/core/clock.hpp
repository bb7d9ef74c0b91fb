#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rekrut::core {

/// Seconds since the Unix epoch, UTC. Every stored time is one of these, in both databases.
using UnixTime = std::int64_t;

UnixTime now();

/// Offset of Europe/Copenhagen from UTC at `utc`, in seconds (3600 in winter, 7200 in summer;
/// EU rule: summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC).
int copenhagen_offset(UnixTime utc);

/// "2026-11-26 14:05" in Copenhagen time.
std::string format_copenhagen(UnixTime utc);
/// "2026-11-26" in Copenhagen time.
std::string format_copenhagen_date(UnixTime utc);
/// ISO 8601 UTC, "2026-11-26T13:05:00Z".
std::string format_iso_utc(UnixTime utc);

/// Parses a Copenhagen local date ("2026-12-01") and time ("12:00") as entered in a form.
std::optional<UnixTime> parse_copenhagen(const std::string& date, const std::string& time);

/// Days since 1970-01-01 for a civil date, and back (proleptic Gregorian).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day);

} // namespace rekrut::core
