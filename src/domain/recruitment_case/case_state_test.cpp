#include <gtest/gtest.h>

#include "domain/recruitment_case/case_state.hpp"

namespace rekrut::domain {
namespace {

TEST(CaseState, every_state_round_trips_through_its_stored_name)
{
    for (auto state : {CaseState::draft, CaseState::ready_for_publication, CaseState::published,
                       CaseState::closed_for_applications, CaseState::assessment, CaseState::decision,
                       CaseState::filled, CaseState::cancelled}) {
        auto parsed = case_state_from_string(to_string(state));
        ASSERT_TRUE(parsed);
        EXPECT_EQ(*parsed, state);
    }
}

TEST(CaseState, unknown_names_are_refused)
{
    EXPECT_FALSE(case_state_from_string("Published"));
    EXPECT_FALSE(case_state_from_string(""));
}

} // namespace
} // namespace rekrut::domain
