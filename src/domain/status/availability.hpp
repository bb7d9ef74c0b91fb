#pragma once

// The availability promised in the service description (section 4): 98 % within the service hours,
// 08:30–16:00 Europe/Copenhagen on Danish working days, with announced service windows left out.
// Pure functions over the probes' samples, so the rules are tested as tables.

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/clock.hpp"

namespace rekrut::domain {

/// Easter Sunday of `year` (Gregorian), as days since 1970-01-01.
std::int64_t easter_sunday(int year);

/// Whether the date is a Danish public holiday or a day the state is closed: nytårsdag (1 January),
/// skærtorsdag, langfredag, påskedag, 2. påskedag, Kristi himmelfartsdag, pinsedag, 2. pinsedag,
/// grundlovsdag (5 June), juleaftensdag (24 December), 1. and 2. juledag. Store bededag is no longer
/// a holiday from 2024.
bool is_danish_holiday(int year, unsigned month, unsigned day);

/// Monday to Friday and not a holiday; `day` counts days since 1970-01-01.
bool is_danish_working_day(std::int64_t day);

/// The service hours of a day as UTC seconds [start, end): 08:30–16:00 Copenhagen time, or nothing
/// (start == end) on a day that is not a working day.
std::pair<core::UnixTime, core::UnixTime> service_hours_of(std::int64_t day);

/// Whether `utc` falls within the service hours.
bool in_service_hours(core::UnixTime utc);

/// The service's target for each month, in per cent.
constexpr double k_availability_target = 98.0;

/// A stretch of time excluded from the measurement (an announced service window).
struct TimeSpan {
    core::UnixTime from = 0;
    core::UnixTime to = 0;
};

/// One month's availability, in minutes of the service hours.
struct MonthAvailability {
    int year = 0;
    unsigned month = 0;
    int service_minutes = 0; ///< Every minute of the month's service hours.
    int window_minutes = 0;  ///< Left out: within an announced service window.
    int not_measured = 0;    ///< Left out: before the first sample ever, or not yet passed.
    int up_minutes = 0;      ///< Counted and up.
    int down_minutes = 0;    ///< Counted and down (a down sample, or no sample at all).
    /// Up minutes of the counted ones, in per cent; none when nothing was counted.
    std::optional<double> percent;
    bool meets_target() const { return percent && *percent >= k_availability_target; }
};

/// Counts the service-hour minutes of a month. `samples` maps a Unix minute (seconds / 60) to
/// whether some node could serve in it. A counted minute without a sample is down: from the first
/// sample the installation ever recorded (`first_sample_minute`) on, a node should have been
/// running, and a minute without a sample is one in which no node could reach the database or
/// none was running. Minutes before the first sample, and minutes not yet passed at `now`, are not
/// counted, nor are minutes inside `windows`.
MonthAvailability month_availability(int year, unsigned month, const std::map<std::int64_t, bool>& samples,
                                     std::optional<std::int64_t> first_sample_minute,
                                     const std::vector<TimeSpan>& windows, core::UnixTime now);

} // namespace rekrut::domain
