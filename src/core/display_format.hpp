#pragma once

// How dates, times and numbers are written for people, in Danish and in English.
//
// This lives in core rather than in the web layer because pages are not its only reader: the ad's
// merge fields ({{deadline}}) are filled in by the case services, mails are composed by the mail
// service, and the audit view formats recorded values. Core is the one layer all of them may include,
// and the formats need nothing but the clock and two fixed sets of month names (no catalog), so the
// language is passed in as its code. Machine-readable places keep ISO 8601 (`format_iso_utc`):
// `datetime` attributes, CSV, JSON.

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace rekrut::core {

/// The languages people read Rekrut in. Anything but "en" is Danish, the default.
enum class DisplayLanguage { danish, english };
DisplayLanguage display_language(std::string_view code);

/// "28. december 2026 kl. 12.00" / "28 December 2026, 12:00", in Copenhagen time.
std::string format_date_time(UnixTime utc, DisplayLanguage language);
std::string format_date_time(UnixTime utc, std::string_view language);
/// "28. december 2026" / "28 December 2026", the Copenhagen calendar day.
std::string format_date(UnixTime utc, DisplayLanguage language);
std::string format_date(UnixTime utc, std::string_view language);
/// A date-time, or "" when there is none.
std::string format_date_time(const std::optional<UnixTime>& utc, std::string_view language);

/// A number as the language writes it, with at most two decimals and none when it is whole:
/// "37", "37,5" / "37.5", "1.234,5" / "1,234.5".
std::string format_number(double value, DisplayLanguage language);
std::string format_number(double value, std::string_view language);
/// Weekly hours with their unit: "37 timer", "1 time", "37,5 timer" / "37 hours", "1 hour", "37.5 hours".
std::string format_hours(double hours, DisplayLanguage language);
std::string format_hours(double hours, std::string_view language);

/// Reads an ISO 8601 UTC time as `format_iso_utc` writes it ("2026-12-28T11:00:00Z").
std::optional<UnixTime> parse_iso_utc(std::string_view text);

} // namespace rekrut::core
