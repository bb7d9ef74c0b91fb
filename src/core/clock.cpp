#include "core/clock.hpp"

#include <chrono>
#include <cstdio>

namespace rekrut::core {

UnixTime now()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t days_from_civil(int year, unsigned month, unsigned day)
{
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned mp = (5 * day_of_year + 2) / 153;
    day = day_of_year - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(year_of_era + era * 400 + (month <= 2));
}

namespace {

/// Day number of the last Sunday of `month` in `year`.
std::int64_t last_sunday(int year, unsigned month)
{
    unsigned next_month = month == 12 ? 1 : month + 1;
    int next_year = month == 12 ? year + 1 : year;
    std::int64_t last_day = days_from_civil(next_year, next_month, 1) - 1;
    // 1970-01-01 was a Thursday: weekday 0 = Sunday when (days + 4) % 7 == 0.
    std::int64_t weekday = ((last_day + 4) % 7 + 7) % 7;
    return last_day - weekday;
}

} // namespace

int copenhagen_offset(UnixTime utc)
{
    std::int64_t days = utc >= 0 ? utc / 86400 : (utc - 86399) / 86400;
    int year = 0;
    unsigned month = 0, day = 0;
    civil_from_days(days, year, month, day);
    UnixTime summer_start = last_sunday(year, 3) * 86400 + 3600;
    UnixTime summer_end = last_sunday(year, 10) * 86400 + 3600;
    return utc >= summer_start && utc < summer_end ? 7200 : 3600;
}

namespace {

std::string format(UnixTime local, bool with_time, bool iso_utc)
{
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    std::int64_t seconds = local - days * 86400;
    int year = 0;
    unsigned month = 0, day = 0;
    civil_from_days(days, year, month, day);
    char buffer[32];
    if (iso_utc)
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", year, month, day,
                      static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                      static_cast<int>(seconds % 60));
    else if (with_time)
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u %02d:%02d", year, month, day,
                      static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60));
    else
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
    return buffer;
}

} // namespace

std::string format_copenhagen(UnixTime utc)
{
    return format(utc + copenhagen_offset(utc), true, false);
}
std::string format_copenhagen_date(UnixTime utc)
{
    return format(utc + copenhagen_offset(utc), false, false);
}
std::string format_iso_utc(UnixTime utc)
{
    return format(utc, true, true);
}

std::optional<UnixTime> parse_copenhagen(const std::string& date, const std::string& time)
{
    int year = 0;
    unsigned month = 0, day = 0, hour = 0, minute = 0;
    char tail = 0;
    if (std::sscanf(date.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &tail) != 3)
        return std::nullopt;
    if (std::sscanf(time.c_str(), "%2u:%2u%c", &hour, &minute, &tail) != 2)
        return std::nullopt;
    if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59)
        return std::nullopt;
    std::int64_t days = days_from_civil(year, month, day);
    int check_year = 0;
    unsigned check_month = 0, check_day = 0;
    civil_from_days(days, check_year, check_month, check_day);
    if (check_month != month || check_day != day)
        return std::nullopt; // 31 February and friends
    UnixTime local = days * 86400 + UnixTime{hour} * 3600 + UnixTime{minute} * 60;
    // Try the winter offset first; if that instant is in summer time, the wall time was summer time.
    UnixTime winter = local - 3600;
    return copenhagen_offset(winter) == 7200 ? local - 7200 : winter;
}

} // namespace rekrut::core
