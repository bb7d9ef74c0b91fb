#include <gtest/gtest.h>

#include "domain/status/availability.hpp"

namespace rekrut::domain {
namespace {

std::int64_t day_of(int year, unsigned month, unsigned day)
{
    return core::days_from_civil(year, month, day);
}

/// UTC seconds of a Copenhagen local time.
core::UnixTime copenhagen(int year, unsigned month, unsigned day, int hour, int minute)
{
    core::UnixTime local =
        day_of(year, month, day) * 86400 + core::UnixTime{hour} * 3600 + core::UnixTime{minute} * 60;
    return local - core::copenhagen_offset(local - 3600);
}

TEST(DanishHolidays, EasterSundayMatchesTheCalendar)
{
    struct Row {
        int year;
        unsigned month;
        unsigned day;
    };
    const Row rows[] = {{2024, 3, 31}, {2025, 4, 20}, {2026, 4, 5},  {2027, 3, 28},
                        {2028, 4, 16}, {2019, 4, 21}, {2038, 4, 25}, {2285, 3, 22}};
    for (const auto& row : rows)
        EXPECT_EQ(easter_sunday(row.year), day_of(row.year, row.month, row.day)) << row.year;
}

TEST(DanishHolidays, TheHolidaysOf2026)
{
    struct Row {
        unsigned month;
        unsigned day;
        bool holiday;
        const char* name;
    };
    const Row rows[] = {
        {1, 1, true, "nytårsdag"},
        {1, 2, false, "the day after"},
        {4, 2, true, "skærtorsdag"},
        {4, 3, true, "langfredag"},
        {4, 5, true, "påskedag"},
        {4, 6, true, "2. påskedag"},
        {4, 7, false, "the Tuesday after Easter"},
        {5, 1, false, "store bededag was abolished from 2024 (the fourth Friday after Easter)"},
        {5, 14, true, "Kristi himmelfartsdag"},
        {5, 15, false, "the Friday after Kristi himmelfartsdag"},
        {5, 24, true, "pinsedag"},
        {5, 25, true, "2. pinsedag"},
        {6, 5, true, "grundlovsdag"},
        {12, 24, true, "juleaftensdag"},
        {12, 25, true, "1. juledag"},
        {12, 26, true, "2. juledag"},
        {12, 31, false, "nytårsaftensdag is a working day"},
    };
    for (const auto& row : rows)
        EXPECT_EQ(is_danish_holiday(2026, row.month, row.day), row.holiday) << row.name;
}

TEST(DanishHolidays, HolidaysMoveWithEaster)
{
    // Easter 2025 was on 20 April, so skærtorsdag 17 April and Kristi himmelfartsdag 29 May.
    EXPECT_TRUE(is_danish_holiday(2025, 4, 17));
    EXPECT_TRUE(is_danish_holiday(2025, 4, 18));
    EXPECT_TRUE(is_danish_holiday(2025, 4, 21));
    EXPECT_TRUE(is_danish_holiday(2025, 5, 29));
    EXPECT_TRUE(is_danish_holiday(2025, 6, 9));
    EXPECT_FALSE(is_danish_holiday(2025, 4, 2));
    // Store bededag still counted in 2023 (5 May).
    EXPECT_TRUE(is_danish_holiday(2023, 5, 5));
}

TEST(DanishHolidays, WorkingDays)
{
    struct Row {
        int year;
        unsigned month;
        unsigned day;
        bool working;
    };
    const Row rows[] = {
        {2026, 12, 1, true},   // a Tuesday
        {2026, 12, 5, false},  // a Saturday
        {2026, 12, 6, false},  // a Sunday
        {2026, 12, 24, false}, // a Thursday, juleaftensdag
        {2026, 6, 5, false},   // a Friday, grundlovsdag
        {2026, 4, 2, false},   // skærtorsdag
        {2026, 4, 8, true},
    };
    for (const auto& row : rows)
        EXPECT_EQ(is_danish_working_day(day_of(row.year, row.month, row.day)), row.working)
            << row.year << "-" << row.month << "-" << row.day;
}

TEST(ServiceHours, AreCopenhagenTimeInWinterAndSummer)
{
    // Winter: UTC+1, so 08:30 is 07:30 UTC.
    auto winter = service_hours_of(day_of(2026, 12, 1));
    EXPECT_EQ(winter.first, day_of(2026, 12, 1) * 86400 + core::UnixTime{7} * 3600 + core::UnixTime{30} * 60);
    EXPECT_EQ(winter.second, day_of(2026, 12, 1) * 86400 + core::UnixTime{15} * 3600);
    // Summer: UTC+2.
    auto summer = service_hours_of(day_of(2026, 6, 8));
    EXPECT_EQ(summer.first, day_of(2026, 6, 8) * 86400 + core::UnixTime{6} * 3600 + core::UnixTime{30} * 60);
    // No hours on a Saturday or a holiday.
    auto saturday = service_hours_of(day_of(2026, 12, 5));
    EXPECT_EQ(saturday.first, saturday.second);
    EXPECT_TRUE(in_service_hours(copenhagen(2026, 12, 1, 8, 30)));
    EXPECT_TRUE(in_service_hours(copenhagen(2026, 12, 1, 15, 59)));
    EXPECT_FALSE(in_service_hours(copenhagen(2026, 12, 1, 8, 29)));
    EXPECT_FALSE(in_service_hours(copenhagen(2026, 12, 1, 16, 0)));
    EXPECT_FALSE(in_service_hours(copenhagen(2026, 12, 24, 10, 0)));
    EXPECT_TRUE(in_service_hours(copenhagen(2026, 6, 8, 8, 45)));
}

TEST(Availability, CountsOnlyServiceHoursOfWorkingDays)
{
    // December 2026: 23 weekdays, of which 24 and 25 December are holidays (26 is a Saturday):
    // 21 working days of 450 minutes.
    auto month = month_availability(2026, 12, {}, std::nullopt, {}, copenhagen(2027, 1, 10, 12, 0));
    EXPECT_EQ(month.service_minutes, 21 * 450);
    EXPECT_EQ(month.not_measured, 21 * 450); // nothing ever sampled
    EXPECT_FALSE(month.percent.has_value());
    EXPECT_FALSE(month.meets_target());
}

TEST(Availability, MissingMinutesAreDownOnlyAfterTheFirstSample)
{
    const auto opens = copenhagen(2026, 12, 1, 8, 30);
    std::map<std::int64_t, bool> samples;
    // 1 December: up all day except 9 minutes without a sample and one down sample.
    for (int minute = 0; minute < 450; ++minute)
        if (minute < 100 || minute >= 109)
            samples[opens / 60 + minute] = minute != 200 ? true : false;
    // Measured up to the end of 1 December (now is the evening).
    auto month = month_availability(2026, 12, samples, opens / 60, {}, copenhagen(2026, 12, 1, 20, 0));
    EXPECT_EQ(month.up_minutes, 440);
    EXPECT_EQ(month.down_minutes, 10);
    EXPECT_EQ(month.not_measured, 20 * 450); // the rest of the month has not passed
    ASSERT_TRUE(month.percent.has_value());
    EXPECT_NEAR(*month.percent, 100.0 * 440 / 450, 1e-9);
    EXPECT_FALSE(month.meets_target()); // 97.8 %

    // The same samples with the first sample at noon: the morning's gap is not counted.
    auto later = month_availability(2026, 12, samples, copenhagen(2026, 12, 1, 12, 0) / 60, {},
                                    copenhagen(2026, 12, 1, 20, 0));
    EXPECT_EQ(later.down_minutes, 0);
    EXPECT_EQ(later.up_minutes, 240);
}

TEST(Availability, AnnouncedWindowsAreLeftOut)
{
    const auto opens = copenhagen(2026, 12, 1, 8, 30);
    std::map<std::int64_t, bool> samples;
    for (int minute = 0; minute < 450; ++minute)
        samples[opens / 60 + minute] = minute >= 60; // the first hour down
    const auto now = copenhagen(2026, 12, 1, 20, 0);
    auto without = month_availability(2026, 12, samples, opens / 60, {}, now);
    EXPECT_EQ(without.down_minutes, 60);
    EXPECT_FALSE(without.meets_target());
    // A window from 07:00 to 09:30 covers the hour down.
    auto with = month_availability(2026, 12, samples, opens / 60,
                                   {{copenhagen(2026, 12, 1, 7, 0), copenhagen(2026, 12, 1, 9, 30)}}, now);
    EXPECT_EQ(with.window_minutes, 60);
    EXPECT_EQ(with.down_minutes, 0);
    EXPECT_EQ(with.up_minutes, 390);
    EXPECT_TRUE(with.meets_target());
}

TEST(Availability, BelowTargetAtLessThanNinetyEightPerCent)
{
    const auto opens = copenhagen(2026, 12, 1, 8, 30);
    std::map<std::int64_t, bool> samples;
    for (int minute = 0; minute < 450; ++minute)
        samples[opens / 60 + minute] = minute >= 10; // 440 of 450 = 97.8 %
    auto month = month_availability(2026, 12, samples, opens / 60, {}, copenhagen(2026, 12, 1, 20, 0));
    EXPECT_EQ(month.up_minutes, 440);
    EXPECT_FALSE(month.meets_target());
    samples[opens / 60 + 0] = true; // 441 of 450 = 98.0 %
    month = month_availability(2026, 12, samples, opens / 60, {}, copenhagen(2026, 12, 1, 20, 0));
    EXPECT_TRUE(month.meets_target());
}

} // namespace
} // namespace rekrut::domain
