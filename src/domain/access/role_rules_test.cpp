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

TEST(RoleRules, the_operator_carries_out_every_superbruger_change)
{
    // However many Superbrugere there are, alone or not: grants and removals alike.
    for (auto change : {RoleChangeKind::grant, RoleChangeKind::revoke})
        for (int superbrugere : {0, 1, 2, 5})
            EXPECT_EQ(approval_for(InstitutionRole::superbruger, change, superbrugere),
                      RoleApproval::platform_operator)
                << to_string(change) << " " << superbrugere;
}

TEST(RoleRules, a_second_superbruger_approves_an_administrator_once_there_are_two)
{
    struct Row {
        RoleChangeKind change;
        int superbrugere;
        RoleApproval approval;
    };
    const Row table[] = {
        {RoleChangeKind::grant, 0, RoleApproval::none},
        {RoleChangeKind::grant, 1, RoleApproval::none},
        {RoleChangeKind::grant, 2, RoleApproval::second_superbruger},
        {RoleChangeKind::grant, 5, RoleApproval::second_superbruger},
        {RoleChangeKind::revoke, 1, RoleApproval::none},
        {RoleChangeKind::revoke, 2, RoleApproval::none},
    };
    for (const auto& row : table)
        EXPECT_EQ(approval_for(InstitutionRole::administrator, row.change, row.superbrugere), row.approval)
            << to_string(row.change) << " " << row.superbrugere;
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
