#include "domain/status/availability.hpp"

#include <algorithm>

namespace rekrut::domain {
namespace {

constexpr core::UnixTime k_day = 86400;
constexpr int k_opens_minute = 8 * 60 + 30; // 08:30
constexpr int k_closes_minute = 16 * 60;    // 16:00

/// 0 = Monday ... 6 = Sunday. 1970-01-01 was a Thursday.
int weekday(std::int64_t day)
{
    return static_cast<int>(((day + 3) % 7 + 7) % 7);
}

/// UTC seconds of a Copenhagen local minute of `day`. The offset changes at 01:00 UTC on Sundays,
/// so it is the same all through a working day's service hours.
core::UnixTime copenhagen_local(std::int64_t day, int minute_of_day)
{
    core::UnixTime local = day * k_day + core::UnixTime{minute_of_day} * 60;
    return local - core::copenhagen_offset(day * k_day + core::UnixTime{12} * 3600);
}

} // namespace

std::int64_t easter_sunday(int year)
{
    // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = ((h + l - 7 * m + 114) % 31) + 1;
    return core::days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

bool is_danish_holiday(int year, unsigned month, unsigned day)
{
    if ((month == 1 && day == 1) || (month == 6 && day == 5) ||
        (month == 12 && (day == 24 || day == 25 || day == 26)))
        return true;
    const std::int64_t date = core::days_from_civil(year, month, day);
    const std::int64_t easter = easter_sunday(year);
    // Skærtorsdag, langfredag, påskedag, 2. påskedag, Kristi himmelfartsdag, pinsedag, 2. pinsedag.
    for (int offset : {-3, -2, 0, 1, 39, 49, 50})
        if (date == easter + offset)
            return true;
    // Store bededag (the fourth Friday after Easter) until it was abolished from 2024.
    return year < 2024 && date == easter + 26;
}

bool is_danish_working_day(std::int64_t day)
{
    if (weekday(day) >= 5)
        return false;
    int year = 0;
    unsigned month = 0, date = 0;
    core::civil_from_days(day, year, month, date);
    return !is_danish_holiday(year, month, date);
}

std::pair<core::UnixTime, core::UnixTime> service_hours_of(std::int64_t day)
{
    if (!is_danish_working_day(day))
        return {0, 0};
    return {copenhagen_local(day, k_opens_minute), copenhagen_local(day, k_closes_minute)};
}

bool in_service_hours(core::UnixTime utc)
{
    // The Copenhagen date of the moment decides the day.
    const core::UnixTime local = utc + core::copenhagen_offset(utc);
    const std::int64_t day = local >= 0 ? local / k_day : (local - k_day + 1) / k_day;
    auto [opens, closes] = service_hours_of(day);
    return utc >= opens && utc < closes;
}

MonthAvailability month_availability(int year, unsigned month, const std::map<std::int64_t, bool>& samples,
                                     std::optional<std::int64_t> first_sample_minute,
                                     const std::vector<TimeSpan>& windows, core::UnixTime now)
{
    MonthAvailability result;
    result.year = year;
    result.month = month;
    const std::int64_t first_day = core::days_from_civil(year, month, 1);
    const std::int64_t next_first_day =
        month == 12 ? core::days_from_civil(year + 1, 1, 1) : core::days_from_civil(year, month + 1, 1);
    const std::int64_t now_minute = now / 60;
    for (std::int64_t day = first_day; day < next_first_day; ++day) {
        auto [opens, closes] = service_hours_of(day);
        for (core::UnixTime at = opens; at < closes; at += 60) {
            ++result.service_minutes;
            const std::int64_t minute = at / 60;
            const bool in_window = std::any_of(windows.begin(), windows.end(), [at](const TimeSpan& window) {
                return at >= window.from && at < window.to;
            });
            if (in_window) {
                ++result.window_minutes;
                continue;
            }
            if (minute >= now_minute || !first_sample_minute || minute < *first_sample_minute) {
                ++result.not_measured;
                continue;
            }
            auto sample = samples.find(minute);
            if (sample != samples.end() && sample->second)
                ++result.up_minutes;
            else
                ++result.down_minutes;
        }
    }
    const int counted = result.up_minutes + result.down_minutes;
    if (counted > 0)
        result.percent = 100.0 * result.up_minutes / counted;
    return result;
}

} // namespace rekrut::domain
