#include <gtest/gtest.h>

#include "domain/application/application_status.hpp"

namespace rekrut::domain {
namespace {

using S = ApplicationStatus;

struct StatusCase {
    S from;
    S to;
    bool allowed;
};

TEST(ApplicationStatus, TransitionsFollowTheProcess)
{
    const StatusCase cases[] = {
        {S::received, S::in_assessment, true},
        {S::received, S::invited, true},
        {S::received, S::withdrawn, true},
        {S::received, S::rejected, true},
        {S::received, S::offered, false},
        {S::received, S::hired, false},
        {S::in_assessment, S::invited, true},
        {S::in_assessment, S::offered, true},
        {S::invited, S::offered, true},
        {S::invited, S::in_assessment, false},
        {S::offered, S::hired, true},
        {S::offered, S::withdrawn, true},
        {S::offered, S::rejected, true},
        {S::hired, S::withdrawn, false},
        {S::hired, S::rejected, false},
        {S::withdrawn, S::received, false},
        {S::withdrawn, S::in_assessment, false},
        {S::rejected, S::invited, false},
        {S::rejected, S::rejected, false},
        {S::invited, S::received, false},
    };
    for (const auto& c : cases)
        EXPECT_EQ(can_change_status(c.from, c.to), c.allowed)
            << to_string(c.from) << " → " << to_string(c.to);
}

TEST(ApplicationStatus, NamesRoundTrip)
{
    for (auto status :
         {S::received, S::withdrawn, S::in_assessment, S::invited, S::offered, S::hired, S::rejected})
        EXPECT_EQ(application_status_from_string(to_string(status)), status);
    EXPECT_FALSE(application_status_from_string("Received"));
    EXPECT_FALSE(application_status_from_string(""));
}

TEST(ApplicationStatus, DeadlineIsExclusive)
{
    const core::UnixTime deadline = 1'800'000'000;
    EXPECT_TRUE(accepts_applications(true, deadline, deadline - 1));
    EXPECT_FALSE(accepts_applications(true, deadline, deadline));
    EXPECT_FALSE(accepts_applications(true, deadline, deadline + 1));
    EXPECT_FALSE(accepts_applications(false, deadline, deadline - 100));
    EXPECT_FALSE(accepts_applications(true, std::nullopt, deadline));
}

} // namespace
} // namespace rekrut::domain
