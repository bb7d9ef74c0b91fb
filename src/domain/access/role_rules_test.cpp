#include <gtest/gtest.h>

#include "domain/access/role_rules.hpp"

namespace rekrut::domain {
namespace {

TEST(RoleRules, an_external_member_never_leads_the_case)
{
    EXPECT_FALSE(external_member_may_hold(CaseRole::projektleder));
    EXPECT_TRUE(external_member_may_hold(CaseRole::projektdeltager));
    EXPECT_TRUE(external_member_may_hold(CaseRole::ansaettende_leder));
}

TEST(RoleRules, a_second_superbruger_approves_once_there_are_two)
{
    struct Row {
        bool by_operator;
        int superbrugere;
        bool needs_approval;
    };
    const Row table[] = {{false, 0, false}, {false, 1, false}, {false, 2, true},
                         {false, 5, true},  {true, 2, false},  {true, 0, false}};
    for (const auto& row : table)
        EXPECT_EQ(grant_needs_second_superbruger(row.by_operator, row.superbrugere), row.needs_approval)
            << row.by_operator << " " << row.superbrugere;
}

TEST(RoleRules, the_last_superbruger_stays)
{
    EXPECT_FALSE(removal_keeps_a_superbruger(true, 1));
    EXPECT_FALSE(removal_keeps_a_superbruger(true, 0));
    EXPECT_TRUE(removal_keeps_a_superbruger(true, 2));
    EXPECT_TRUE(removal_keeps_a_superbruger(false, 1));
}

} // namespace
} // namespace rekrut::domain
