#include <gtest/gtest.h>

#include "core/display_format.hpp"

namespace rekrut::core {
namespace {

UnixTime utc(int year, unsigned month, unsigned day, int hour, int minute)
{
    return days_from_civil(year, month, day) * 86400 + hour * 3600L + minute * 60L;
}

struct TimeCase {
    const char* what;
    UnixTime at;
    const char* danish;
    const char* english;
};

TEST(DisplayFormat, date_time_in_both_languages)
{
    const TimeCase cases[] = {
        {"winter noon", utc(2026, 12, 28, 11, 0), "28. december 2026 kl. 12.00", "28 December 2026, 12:00"},
        {"local midnight is the new day", utc(2026, 12, 27, 23, 0), "28. december 2026 kl. 00.00",
         "28 December 2026, 00:00"},
        {"a minute before midnight", utc(2026, 12, 27, 22, 59), "27. december 2026 kl. 23.59",
         "27 December 2026, 23:59"},
        {"summer time", utc(2026, 6, 1, 10, 5), "1. juni 2026 kl. 12.05", "1 June 2026, 12:05"},
        {"last winter minute before the change", utc(2026, 3, 29, 0, 59), "29. marts 2026 kl. 01.59",
         "29 March 2026, 01:59"},
        {"first summer minute after the change", utc(2026, 3, 29, 1, 0), "29. marts 2026 kl. 03.00",
         "29 March 2026, 03:00"},
        {"02.30 in summer time on the autumn change", utc(2026, 10, 25, 0, 30), "25. oktober 2026 kl. 02.30",
         "25 October 2026, 02:30"},
        {"02.30 again in winter time", utc(2026, 10, 25, 1, 30), "25. oktober 2026 kl. 02.30",
         "25 October 2026, 02:30"},
        {"new year in Copenhagen, still old year in UTC", utc(2026, 12, 31, 23, 30),
         "1. januar 2027 kl. 00.30", "1 January 2027, 00:30"},
    };
    for (const auto& row : cases) {
        EXPECT_EQ(format_date_time(row.at, "da"), row.danish) << row.what;
        EXPECT_EQ(format_date_time(row.at, "en"), row.english) << row.what;
    }
}

TEST(DisplayFormat, dates_without_time)
{
    const TimeCase cases[] = {
        {"winter", utc(2026, 12, 28, 11, 0), "28. december 2026", "28 December 2026"},
        {"UTC evening is the next local day", utc(2026, 12, 27, 23, 30), "28. december 2026",
         "28 December 2026"},
        {"summer UTC evening", utc(2026, 7, 31, 22, 30), "1. august 2026", "1 August 2026"},
        {"every month is named", utc(2026, 5, 3, 12, 0), "3. maj 2026", "3 May 2026"},
    };
    for (const auto& row : cases) {
        EXPECT_EQ(format_date(row.at, "da"), row.danish) << row.what;
        EXPECT_EQ(format_date(row.at, "en"), row.english) << row.what;
    }
}

TEST(DisplayFormat, optional_time_is_empty_when_absent)
{
    EXPECT_EQ(format_date_time(std::optional<UnixTime>{}, "da"), "");
    EXPECT_EQ(format_date_time(std::optional<UnixTime>{utc(2026, 12, 28, 11, 0)}, "en"),
              "28 December 2026, 12:00");
}

TEST(DisplayFormat, unknown_language_is_danish)
{
    EXPECT_EQ(format_date(utc(2026, 12, 28, 11, 0), "xx"), "28. december 2026");
    EXPECT_EQ(format_hours(2, ""), "2 timer");
}

struct NumberCase {
    double value;
    const char* danish;
    const char* english;
};

TEST(DisplayFormat, numbers_and_hours)
{
    const NumberCase numbers[] = {
        {37, "37", "37"},       {37.5, "37,5", "37.5"},         {37.25, "37,25", "37.25"},
        {0.5, "0,5", "0.5"},    {1234.5, "1.234,5", "1,234.5"}, {1000000, "1.000.000", "1,000,000"},
        {-2.5, "-2,5", "-2.5"}, {36.999999, "37", "37"},
    };
    for (const auto& row : numbers) {
        EXPECT_EQ(format_number(row.value, "da"), row.danish) << row.value;
        EXPECT_EQ(format_number(row.value, "en"), row.english) << row.value;
    }
    const NumberCase hours[] = {
        {37, "37 timer", "37 hours"},    {1, "1 time", "1 hour"},         {37.5, "37,5 timer", "37.5 hours"},
        {0.5, "0,5 timer", "0.5 hours"}, {1.5, "1,5 timer", "1.5 hours"}, {20, "20 timer", "20 hours"},
    };
    for (const auto& row : hours) {
        EXPECT_EQ(format_hours(row.value, "da"), row.danish) << row.value;
        EXPECT_EQ(format_hours(row.value, "en"), row.english) << row.value;
    }
}

TEST(DisplayFormat, iso_utc_reads_back_what_is_written)
{
    UnixTime at = utc(2026, 12, 28, 11, 0);
    EXPECT_EQ(parse_iso_utc(format_iso_utc(at)), at);
    EXPECT_EQ(parse_iso_utc("2026-12-28T11:00:00Z"), at);
    EXPECT_EQ(parse_iso_utc("2026-12-28 11:00"), std::nullopt);
    EXPECT_EQ(parse_iso_utc("2026-13-28T11:00:00Z"), std::nullopt);
    EXPECT_EQ(parse_iso_utc("37.000000"), std::nullopt);
}

} // namespace
} // namespace rekrut::core
