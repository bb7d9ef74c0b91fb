#include <gtest/gtest.h>

#include "domain/retention/retention.hpp"

namespace rekrut::domain {
namespace {

core::UnixTime at(int year, unsigned month, unsigned day, int hour = 0)
{
    return core::days_from_civil(year, month, day) * 86400 + core::UnixTime{hour} * 3600;
}

TEST(Retention, MonthsAreCalendarMonthsWithTheDayClamped)
{
    struct Row {
        core::UnixTime from;
        int months;
        core::UnixTime expected;
    };
    const Row rows[] = {
        {at(2026, 1, 15, 10), 6, at(2026, 7, 15, 10)},
        {at(2026, 8, 31), 6, at(2027, 2, 28)}, // no 31 February
        {at(2027, 8, 31), 6, at(2028, 2, 29)}, // a leap year
        {at(2026, 12, 1), 1, at(2027, 1, 1)},  // over the year's end
        {at(2026, 11, 30), 13, at(2027, 12, 30)},
        {at(2026, 3, 31), -1, at(2026, 2, 28)}, // backwards too
        {at(2026, 1, 10), -13, at(2024, 12, 10)},
    };
    for (const auto& row : rows)
        EXPECT_EQ(add_months(row.from, row.months), row.expected) << row.from << " + " << row.months;
}

TEST(Retention, DueAfterTheCaseClosedOrWhenConsentEnds)
{
    RetentionSettings settings;
    core::UnixTime closed = at(2026, 1, 10, 12);
    struct Row {
        const char* name;
        RetentionFacts facts;
        std::optional<core::UnixTime> due;
    };
    const Row rows[] = {
        {"open case", {std::nullopt, false, false, std::nullopt, std::nullopt, false}, std::nullopt},
        {"closed case", {closed, false, false, std::nullopt, std::nullopt, false}, at(2026, 7, 10, 12)},
        {"hired", {closed, true, false, std::nullopt, std::nullopt, false}, std::nullopt},
        {"on hold", {closed, false, true, std::nullopt, std::nullopt, false}, std::nullopt},
        {"consent ends later", {closed, false, false, at(2027, 3, 1), std::nullopt, false}, at(2027, 3, 1)},
        {"consent ended before",
         {closed, false, false, at(2026, 2, 1), std::nullopt, false},
         at(2026, 7, 10, 12)},
    };
    for (const auto& row : rows)
        EXPECT_EQ(deletion_due(row.facts, settings), row.due) << row.name;
    // Erasure on request: at once once the application is withdrawn or the case closed.
    core::UnixTime asked = at(2026, 1, 5);
    struct Request {
        const char* name;
        RetentionFacts facts;
        std::optional<core::UnixTime> due;
    };
    const Request requests[] = {
        {"open case, not withdrawn", {std::nullopt, false, false, std::nullopt, asked, false}, std::nullopt},
        {"open case, withdrawn", {std::nullopt, false, false, std::nullopt, asked, true}, asked},
        {"closed case", {closed, false, false, at(2027, 3, 1), asked, false}, asked},
        {"hired", {closed, true, false, std::nullopt, asked, false}, std::nullopt},
        {"on hold", {closed, false, true, std::nullopt, asked, true}, std::nullopt},
    };
    for (const auto& row : requests)
        EXPECT_EQ(deletion_due(row.facts, settings), row.due) << row.name;
    settings.applications_months = 12;
    EXPECT_EQ(deletion_due({closed, false, false, std::nullopt, std::nullopt, false}, settings),
              at(2027, 1, 10, 12));
}

TEST(Retention, SettingsAreBounded)
{
    EXPECT_TRUE(check_retention_settings({}).empty());
    EXPECT_TRUE(check_retention_settings({1, 60}).empty());
    EXPECT_EQ(check_retention_settings({0, 6}).size(), 1U);
    EXPECT_EQ(check_retention_settings({61, 6}).size(), 1U);
    EXPECT_EQ(check_retention_settings({6, 5}).front().field, "access_log_months");
    EXPECT_EQ(check_retention_settings({6, 61}).size(), 1U);
}

} // namespace
} // namespace rekrut::domain
