#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace rekrut::core {
namespace {

TEST(Clock, copenhagen_offset_follows_eu_summer_time)
{
    // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
    EXPECT_EQ(copenhagen_offset(1774745999), 3600); // 2026-03-29 00:59:59 UTC
    EXPECT_EQ(copenhagen_offset(1774746000), 7200); // 2026-03-29 01:00:00 UTC
    EXPECT_EQ(copenhagen_offset(1792889999), 7200); // 2026-10-25 00:59:59 UTC
    EXPECT_EQ(copenhagen_offset(1792890000), 3600); // 2026-10-25 01:00:00 UTC
}

TEST(Clock, parse_and_format_round_trip_in_winter_and_summer)
{
    auto winter = parse_copenhagen("2026-12-01", "12:00");
    ASSERT_TRUE(winter);
    EXPECT_EQ(format_iso_utc(*winter), "2026-12-01T11:00:00Z");
    EXPECT_EQ(format_copenhagen(*winter), "2026-12-01 12:00");
    auto summer = parse_copenhagen("2026-06-15", "09:30");
    ASSERT_TRUE(summer);
    EXPECT_EQ(format_iso_utc(*summer), "2026-06-15T07:30:00Z");
}

TEST(Clock, impossible_dates_are_refused)
{
    EXPECT_FALSE(parse_copenhagen("2026-02-31", "12:00"));
    EXPECT_FALSE(parse_copenhagen("2026-13-01", "12:00"));
    EXPECT_FALSE(parse_copenhagen("2026-12-01", "24:00"));
    EXPECT_FALSE(parse_copenhagen("tomorrow", "12:00"));
}

} // namespace
} // namespace rekrut::core
