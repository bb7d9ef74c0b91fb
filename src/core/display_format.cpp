#include "core/display_format.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace rekrut::core {
namespace {

constexpr std::array<const char*, 12> k_danish_months{"januar",    "februar", "marts",    "april",
                                                      "maj",       "juni",    "juli",     "august",
                                                      "september", "oktober", "november", "december"};
constexpr std::array<const char*, 12> k_english_months{"January",   "February", "March",    "April",
                                                       "May",       "June",     "July",     "August",
                                                       "September", "October",  "November", "December"};

/// The Copenhagen wall-clock parts of `utc`.
struct LocalTime {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    int hour = 0;
    int minute = 0;
};

LocalTime local_time(UnixTime utc)
{
    UnixTime local = utc + copenhagen_offset(utc);
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    std::int64_t seconds = local - days * 86400;
    LocalTime parts;
    civil_from_days(days, parts.year, parts.month, parts.day);
    parts.hour = static_cast<int>(seconds / 3600);
    parts.minute = static_cast<int>(seconds / 60 % 60);
    return parts;
}

std::string date_text(const LocalTime& parts, DisplayLanguage language)
{
    char buffer[48];
    if (language == DisplayLanguage::english)
        std::snprintf(buffer, sizeof buffer, "%u %s %d", parts.day, k_english_months[parts.month - 1],
                      parts.year);
    else
        std::snprintf(buffer, sizeof buffer, "%u. %s %d", parts.day, k_danish_months[parts.month - 1],
                      parts.year);
    return buffer;
}

/// Groups the digits of a whole number in threes with `separator`.
std::string grouped(long long whole, char separator)
{
    std::string digits = std::to_string(whole < 0 ? -whole : whole);
    std::string out;
    for (std::size_t index = 0; index < digits.size(); ++index) {
        if (index > 0 && (digits.size() - index) % 3 == 0)
            out += separator;
        out += digits[index];
    }
    return whole < 0 ? "-" + out : out;
}

} // namespace

DisplayLanguage display_language(std::string_view code)
{
    return code == "en" ? DisplayLanguage::english : DisplayLanguage::danish;
}

std::string format_date_time(UnixTime utc, DisplayLanguage language)
{
    LocalTime parts = local_time(utc);
    char clock[16];
    // Danish writes the time with a full stop after "kl."; English with a colon after a comma.
    if (language == DisplayLanguage::english)
        std::snprintf(clock, sizeof clock, ", %02d:%02d", parts.hour, parts.minute);
    else
        std::snprintf(clock, sizeof clock, " kl. %02d.%02d", parts.hour, parts.minute);
    return date_text(parts, language) + clock;
}

std::string format_date_time(UnixTime utc, std::string_view language)
{
    return format_date_time(utc, display_language(language));
}

std::string format_date_time(const std::optional<UnixTime>& utc, std::string_view language)
{
    return utc ? format_date_time(*utc, language) : "";
}

std::string format_date(UnixTime utc, DisplayLanguage language)
{
    return date_text(local_time(utc), language);
}

std::string format_date(UnixTime utc, std::string_view language)
{
    return format_date(utc, display_language(language));
}

std::string format_number(double value, DisplayLanguage language)
{
    if (!std::isfinite(value))
        return "";
    bool english = language == DisplayLanguage::english;
    long long hundredths = std::llround(value * 100);
    bool negative = hundredths < 0;
    if (negative)
        hundredths = -hundredths;
    std::string out = grouped(hundredths / 100, english ? ',' : '.');
    long long fraction = hundredths % 100;
    if (fraction != 0) {
        out += english ? '.' : ',';
        out += static_cast<char>('0' + fraction / 10);
        if (fraction % 10 != 0)
            out += static_cast<char>('0' + fraction % 10);
    }
    return negative ? "-" + out : out;
}

std::string format_number(double value, std::string_view language)
{
    return format_number(value, display_language(language));
}

std::string format_hours(double hours, DisplayLanguage language)
{
    std::string number = format_number(hours, language);
    bool one = number == "1";
    if (language == DisplayLanguage::english)
        return number + (one ? " hour" : " hours");
    return number + (one ? " time" : " timer");
}

std::string format_hours(double hours, std::string_view language)
{
    return format_hours(hours, display_language(language));
}

std::optional<UnixTime> parse_iso_utc(std::string_view text)
{
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    auto number = [&text](std::size_t start, std::size_t length) -> std::optional<int> {
        int value = 0;
        for (std::size_t index = start; index < start + length; ++index) {
            if (text[index] < '0' || text[index] > '9')
                return std::nullopt;
            value = value * 10 + (text[index] - '0');
        }
        return value;
    };
    auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
    auto hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    if (!year || !month || !day || !hour || !minute || !second || *month < 1 || *month > 12 || *day < 1 ||
        *day > 31 || *hour > 23 || *minute > 59 || *second > 59)
        return std::nullopt;
    std::int64_t days = days_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
    return days * 86400 + *hour * 3600L + *minute * 60L + *second;
}

} // namespace rekrut::core
