#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "services/status/service_notices.hpp"
#include "services/testing/service_fixture.hpp"
#include "store/status_store.hpp"

// The availability probe's raw samples give way to their months' figures after 13 months, with a
// clock the test sets: the report shows the same figures before and after, the newer months keep
// their samples, and the first sample ever stays.

namespace rekrut::services {
namespace {

constexpr std::int64_t k_day = 86400;

core::UnixTime utc(int year, unsigned month, unsigned day, core::UnixTime hour = 0, core::UnixTime minute = 0)
{
    return core::days_from_civil(year, month, day) * k_day + hour * 3600 + minute * 60;
}

struct AvailabilityPruningTest : testing::ServiceFixture {
    /// 2026-12-01 12:00 UTC: the samples of November 2025 and later are kept.
    const core::UnixTime now = utc(2026, 12, 1, 12);

    std::size_t samples_between(core::UnixTime from, core::UnixTime to)
    {
        return m_database->read([&](store::Session& session) {
            return store::status::samples(session, from / 60, to / 60).size();
        });
    }

    /// The operator's report of the 16 months up to `now`, oldest last.
    std::vector<domain::MonthAvailability> report(ServiceNotices& notices)
    {
        return notices.availability(m_operator, 16, now);
    }

    /// A service day (08:30–16:00 Copenhagen, `utc_start` as UTC) sampled each minute, the first
    /// `down` minutes down.
    void sample_service_day(ServiceNotices& notices, core::UnixTime utc_start, int down)
    {
        for (core::UnixTime minute = 0; minute < 450; ++minute)
            ASSERT_TRUE(notices.record_probe(minute >= down, utc_start + minute * 60));
    }
};

TEST_F(AvailabilityPruningTest, old_samples_give_way_to_the_same_monthly_figures)
{
    ServiceNotices notices(*m_database);
    // In service from 1 September 2025 (a sample at midnight); one sampled day in September 2025
    // (summer time), one in November 2025 (the oldest month kept) and one in November 2026.
    ASSERT_TRUE(notices.record_probe(true, utc(2025, 9, 1)));
    sample_service_day(notices, utc(2025, 9, 2, 6, 30), 10);
    sample_service_day(notices, utc(2025, 11, 4, 7, 30), 5);
    sample_service_day(notices, utc(2026, 11, 3, 7, 30), 0);
    auto before = report(notices);
    ASSERT_EQ(before.size(), 16u);
    const auto& september = before[15];
    ASSERT_EQ(september.year, 2025);
    ASSERT_EQ(september.month, 9u);
    EXPECT_EQ(september.up_minutes, 440);
    EXPECT_GT(september.down_minutes, 10) << "the other working days have no samples: down";

    EXPECT_EQ(notices.prune_samples(now), 450) << "September's service day; the first sample stays";
    EXPECT_EQ(samples_between(utc(2025, 9, 1), utc(2025, 11, 1)), 1u);
    EXPECT_EQ(samples_between(utc(2025, 11, 1), utc(2025, 12, 1)), 450u) << "13 months are kept";
    EXPECT_EQ(samples_between(utc(2026, 11, 1), utc(2026, 12, 1)), 450u);

    ServiceNotices other_node(*m_database);
    auto after = report(other_node);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t index = 0; index < after.size(); ++index) {
        SCOPED_TRACE(std::to_string(after[index].year) + "-" + std::to_string(after[index].month));
        EXPECT_EQ(after[index].year, before[index].year);
        EXPECT_EQ(after[index].month, before[index].month);
        EXPECT_EQ(after[index].service_minutes, before[index].service_minutes);
        EXPECT_EQ(after[index].window_minutes, before[index].window_minutes);
        EXPECT_EQ(after[index].not_measured, before[index].not_measured);
        EXPECT_EQ(after[index].up_minutes, before[index].up_minutes);
        EXPECT_EQ(after[index].down_minutes, before[index].down_minutes);
        EXPECT_EQ(after[index].percent.has_value(), before[index].percent.has_value());
        if (after[index].percent && before[index].percent) {
            EXPECT_DOUBLE_EQ(*after[index].percent, *before[index].percent);
        }
    }
    EXPECT_EQ(other_node.prune_samples(now), 0) << "kept once; nothing more to prune";
    EXPECT_EQ(notices.prune_samples(now + 60), 0) << "at most once an hour on a node";
    EXPECT_EQ(samples_between(utc(2025, 11, 1), utc(2025, 12, 1)), 450u);
}

TEST_F(AvailabilityPruningTest, an_installation_without_samples_prunes_nothing)
{
    ServiceNotices notices(*m_database);
    EXPECT_EQ(notices.prune_samples(now), 0);
    ASSERT_TRUE(notices.record_probe(true, now));
    ServiceNotices later(*m_database);
    EXPECT_EQ(later.prune_samples(now + 400 * k_day), 0) << "the first sample ever is never pruned";
    EXPECT_EQ(samples_between(now - 60, now + 60), 1u);
}

} // namespace
} // namespace rekrut::services
