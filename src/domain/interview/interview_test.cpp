#include <gtest/gtest.h>

#include "domain/interview/interview.hpp"

namespace rekrut::domain {
namespace {

core::UnixTime minutes(core::UnixTime count)
{
    return count * 60;
}

core::UnixTime at(const char* date, const char* time)
{
    return *core::parse_copenhagen(date, time);
}

TEST(InterviewCutoff, table)
{
    const auto slot = at("2026-12-10", "10:00");
    struct Row {
        core::UnixTime now;
        int cutoff_hours;
        bool open;
    } rows[] = {
        {at("2026-12-08", "10:00"), 24, true},  {at("2026-12-09", "09:59"), 24, true},
        {at("2026-12-09", "10:00"), 24, false}, // the cut-off instant itself is too late
        {at("2026-12-09", "10:01"), 24, false}, {at("2026-12-10", "09:59"), 0, true},
        {at("2026-12-10", "10:00"), 0, false},  {at("2026-12-11", "10:00"), 0, false},
        {at("2026-12-10", "07:59"), 2, true},   {at("2026-12-10", "08:00"), 2, false},
    };
    for (const auto& row : rows)
        EXPECT_EQ(before_cutoff(slot, row.cutoff_hours, row.now), row.open)
            << core::format_copenhagen(row.now) << " cut-off " << row.cutoff_hours;
}

TEST(InterviewCutoff, counts_real_hours_across_the_summer_time_change)
{
    // 2027-03-28 02:00 the clocks go forward: 24 hours before 12:00 on the 28th is 11:00 on the 27th.
    const auto slot = at("2027-03-28", "12:00");
    EXPECT_TRUE(before_cutoff(slot, 24, at("2027-03-27", "10:59")));
    EXPECT_FALSE(before_cutoff(slot, 24, at("2027-03-27", "11:00")));
}

TEST(SlotPlan, six_slots_of_45_minutes_from_nine)
{
    auto starts = plan_slots({"2026-12-10", "09:00", "6", "45", "0"});
    ASSERT_TRUE(starts.ok());
    ASSERT_EQ(starts->size(), 6u);
    EXPECT_EQ(core::format_copenhagen(starts->front()), "2026-12-10 09:00");
    EXPECT_EQ(core::format_copenhagen(starts->at(1)), "2026-12-10 09:45");
    EXPECT_EQ(core::format_copenhagen(starts->back()), "2026-12-10 12:45");
}

TEST(SlotPlan, pause_between_slots_and_summer_time_wall_clock)
{
    auto starts = plan_slots({"2026-10-25", "01:30", "3", "30", "30"});
    ASSERT_TRUE(starts.ok());
    EXPECT_EQ(core::format_copenhagen(starts->at(0)), "2026-10-25 01:30");
    EXPECT_EQ(core::format_copenhagen(starts->at(1)), "2026-10-25 02:30");
    EXPECT_EQ(core::format_copenhagen(starts->at(2)), "2026-10-25 03:30");
    // The clocks go back at 03:00 summer time: 01:30 to 02:30 on the clock is two real hours.
    EXPECT_EQ(starts->at(1) - starts->at(0), 7200);
    EXPECT_EQ(starts->at(2) - starts->at(1), 3600);
}

TEST(SlotPlan, single_digit_hour_is_read)
{
    auto starts = plan_slots({"2026-12-10", "9:15", "1", "30", ""});
    ASSERT_TRUE(starts.ok());
    EXPECT_EQ(core::format_copenhagen(starts->front()), "2026-12-10 09:15");
}

TEST(SlotPlan, refusals_name_the_field)
{
    struct Row {
        SlotPlan plan;
        const char* field;
    } rows[] = {
        {{"2026-02-30", "09:00", "1", "45", "0"}, "date"},
        {{"10-12-2026", "09:00", "1", "45", "0"}, "date"},
        {{"2026-12-10", "25:00", "1", "45", "0"}, "start_time"},
        {{"2026-12-10", "nine", "1", "45", "0"}, "start_time"},
        {{"2026-12-10", "09:00", "0", "45", "0"}, "count"},
        {{"2026-12-10", "09:00", "51", "45", "0"}, "count"},
        {{"2026-12-10", "09:00", "x", "45", "0"}, "count"},
        {{"2026-12-10", "09:00", "1", "4", "0"}, "minutes"},
        {{"2026-12-10", "09:00", "1", "481", "0"}, "minutes"},
        {{"2026-12-10", "09:00", "1", "45.5", "0"}, "minutes"},
        {{"2026-12-10", "09:00", "1", "45", "-5"}, "pause_minutes"},
        {{"2026-12-10", "23:00", "2", "45", "0"}, "count"}, // past midnight
    };
    for (const auto& row : rows) {
        auto starts = plan_slots(row.plan);
        ASSERT_FALSE(starts.ok()) << row.plan.date << " " << row.plan.start_time << " " << row.plan.count;
        ASSERT_FALSE(starts.error().fields.empty());
        EXPECT_EQ(starts.error().fields.front().field, row.field) << row.plan.start_time << row.plan.minutes;
    }
}

TEST(SlotMinutes, bounds)
{
    EXPECT_EQ(slot_minutes("5"), 5);
    EXPECT_EQ(slot_minutes("480"), 480);
    EXPECT_EQ(slot_minutes(" 45 "), 45);
    EXPECT_FALSE(slot_minutes("4"));
    EXPECT_FALSE(slot_minutes("481"));
    EXPECT_FALSE(slot_minutes(""));
    EXPECT_FALSE(slot_minutes("99999999999999999999"));
}

TEST(SlotOverlap, touching_slots_do_not_overlap)
{
    const auto nine = at("2026-12-10", "09:00");
    EXPECT_FALSE(overlaps(nine, 45, nine + minutes(45), 45));
    EXPECT_TRUE(overlaps(nine, 45, nine + minutes(44), 45));
    EXPECT_TRUE(overlaps(nine, 120, nine + minutes(30), 10)); // inside
    EXPECT_FALSE(overlaps(nine + minutes(45), 45, nine, 45));
    InterviewSlotRecord existing;
    existing.starts_at = nine + minutes(60);
    existing.minutes = 30;
    EXPECT_EQ(first_overlap({nine, nine + minutes(45)}, 45, {existing}), nine + minutes(45));
    EXPECT_FALSE(first_overlap({nine}, 45, {existing}));
}

TEST(RoundFields, checks)
{
    auto fine = check_round({"  1. samtalerunde ", "Mødelokale 2", "48"});
    ASSERT_TRUE(fine.ok());
    EXPECT_EQ(fine->name, "1. samtalerunde");
    EXPECT_EQ(fine->cutoff_hours, 48);
    EXPECT_EQ(check_round({"", "", "24"}).error().fields.front().field, "name");
    EXPECT_EQ(check_round({"R", "", "-1"}).error().fields.front().field, "cutoff_hours");
    EXPECT_EQ(check_round({"R", "", "337"}).error().fields.front().field, "cutoff_hours");
    EXPECT_EQ(check_round({std::string(201, 'a'), "", "24"}).error().fields.front().field, "name");
    EXPECT_EQ(check_round({"R", std::string(501, 'a'), "24"}).error().fields.front().field, "default_place");
}

} // namespace
} // namespace rekrut::domain
