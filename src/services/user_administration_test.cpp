#include <algorithm>
#include <gtest/gtest.h>

#include "services/testing/service_fixture.hpp"
#include "services/user_administration.hpp"

namespace rekrut::services {
namespace {

using domain::InstitutionRole;
using domain::UserStatus;
using testing::fields_of;
using testing::Institution;
using testing::kind_of;
using testing::Person;

/// Styrelsen for X with two Superbrugere (so grants need a second one's approval) and a case user.
struct UserAdministrationTest : testing::ServiceFixture {
    Institution styrelsen_for_x;
    Person superbruger_sofie, hr_anna;

    void SetUp() override
    {
        ServiceFixture::SetUp();
        styrelsen_for_x = add_institution("styrelsen_for_x", "Styrelsen for X", "10000001", false);
        superbruger_sofie = add_person(m_operator, styrelsen_for_x.id, "superbruger_sofie",
                                       "Sofie Superbruger", InstitutionRole::superbruger);
        hr_anna = add_person(actor(styrelsen_for_x.superbruger.id), styrelsen_for_x.id, "hr_anna", "Anna HR");
    }

    domain::Actor first_superbruger() { return actor(styrelsen_for_x.superbruger.id); }
};

TEST_F(UserAdministrationTest, with_two_superbrugere_a_grant_waits_for_approval)
{
    auto granted = m_users->grant_role(first_superbruger(), styrelsen_for_x.id, hr_anna.id,
                                       InstitutionRole::administrator, origin_of(first_superbruger()));
    ASSERT_TRUE(granted.ok()) << granted.error().message;
    EXPECT_EQ(*granted, RoleChange::awaiting_approval);
    EXPECT_FALSE(actor(hr_anna.id).has(InstitutionRole::administrator));
    auto pending = m_users->pending_role_requests(first_superbruger(), styrelsen_for_x.id);
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].user_id, hr_anna.id);
    EXPECT_EQ(pending[0].requested_by, styrelsen_for_x.superbruger.id);
    EXPECT_EQ(audit_events(styrelsen_for_x, "role.requested").size(), 1u);
    EXPECT_TRUE(audit_events(styrelsen_for_x, "role.granted").size() == 2u) // the two Superbrugere only
        << "a grant was recorded before its approval";
}

TEST_F(UserAdministrationTest, self_approval_is_refused)
{
    auto requester = first_superbruger();
    ASSERT_TRUE(m_users->grant_role(requester, styrelsen_for_x.id, hr_anna.id, InstitutionRole::administrator,
                                    origin_of(requester)));
    auto request = m_users->pending_role_requests(requester, styrelsen_for_x.id).at(0);
    auto decided =
        m_users->decide_role_request(requester, styrelsen_for_x.id, request.id, true, origin_of(requester));
    EXPECT_EQ(kind_of(decided), "invalid");
    EXPECT_FALSE(actor(hr_anna.id).has(InstitutionRole::administrator));
    EXPECT_EQ(m_users->pending_role_requests(requester, styrelsen_for_x.id).size(), 1u);
}

TEST_F(UserAdministrationTest, another_superbruger_approves_the_request)
{
    auto requester = first_superbruger();
    ASSERT_TRUE(m_users->grant_role(requester, styrelsen_for_x.id, hr_anna.id, InstitutionRole::administrator,
                                    origin_of(requester)));
    auto request = m_users->pending_role_requests(requester, styrelsen_for_x.id).at(0);
    auto sofie = actor(superbruger_sofie.id);
    auto decided =
        m_users->decide_role_request(sofie, styrelsen_for_x.id, request.id, true, origin_of(sofie));
    ASSERT_TRUE(decided.ok()) << decided.error().message;
    EXPECT_TRUE(actor(hr_anna.id).has(InstitutionRole::administrator));
    EXPECT_TRUE(m_users->pending_role_requests(requester, styrelsen_for_x.id).empty());
    auto again = m_users->decide_role_request(sofie, styrelsen_for_x.id, request.id, true, origin_of(sofie));
    EXPECT_EQ(kind_of(again), "conflict");
}

TEST_F(UserAdministrationTest, nobody_decides_a_request_about_themselves)
{
    auto requester = first_superbruger();
    ASSERT_TRUE(m_users->grant_role(requester, styrelsen_for_x.id, superbruger_sofie.id,
                                    InstitutionRole::administrator, origin_of(requester)));
    auto request = m_users->pending_role_requests(requester, styrelsen_for_x.id).at(0);
    auto sofie = actor(superbruger_sofie.id);
    auto decided =
        m_users->decide_role_request(sofie, styrelsen_for_x.id, request.id, true, origin_of(sofie));
    EXPECT_FALSE(decided.ok());
    EXPECT_FALSE(actor(superbruger_sofie.id).has(InstitutionRole::administrator));
    EXPECT_EQ(m_users->pending_role_requests(requester, styrelsen_for_x.id).size(), 1u);
}

TEST_F(UserAdministrationTest, a_superbruger_cannot_remove_their_own_role)
{
    auto sofie = actor(superbruger_sofie.id);
    auto revoked = m_users->revoke_role(sofie, styrelsen_for_x.id, superbruger_sofie.id,
                                        InstitutionRole::superbruger, origin_of(sofie));
    EXPECT_EQ(kind_of(revoked), "forbidden");
    auto deactivated =
        m_users->update_user(sofie, styrelsen_for_x.id, superbruger_sofie.id, superbruger_sofie.name,
                             superbruger_sofie.email, UserStatus::deactivated, origin_of(sofie));
    EXPECT_EQ(kind_of(deactivated), "forbidden");
    EXPECT_TRUE(actor(superbruger_sofie.id).has(InstitutionRole::superbruger));
}

TEST_F(UserAdministrationTest, the_institution_keeps_at_least_one_superbruger)
{
    // With one Superbruger left, nobody is there to take the role away: the last one may not remove
    // their own, and after Sofie's role is revoked she can no longer revoke the first one's.
    auto first = first_superbruger();
    ASSERT_TRUE(m_users->revoke_role(first, styrelsen_for_x.id, superbruger_sofie.id,
                                     InstitutionRole::superbruger, origin_of(first)));
    auto sofie = actor(superbruger_sofie.id);
    EXPECT_FALSE(sofie.has(InstitutionRole::superbruger));
    auto revoked = m_users->revoke_role(sofie, styrelsen_for_x.id, styrelsen_for_x.superbruger.id,
                                        InstitutionRole::superbruger, origin_of(sofie));
    EXPECT_EQ(kind_of(revoked), "forbidden");
    auto own = m_users->revoke_role(first, styrelsen_for_x.id, styrelsen_for_x.superbruger.id,
                                    InstitutionRole::superbruger, origin_of(first));
    EXPECT_EQ(kind_of(own), "forbidden");
    EXPECT_TRUE(actor(styrelsen_for_x.superbruger.id).has(InstitutionRole::superbruger));
}

TEST_F(UserAdministrationTest, a_deactivated_superbrugers_role_can_be_revoked_by_the_last_active_one)
{
    // Only active holders count: revoking the role of a deactivated Superbruger leaves the
    // institution with the one who revokes it.
    auto first = first_superbruger();
    ASSERT_TRUE(m_users->update_user(first, styrelsen_for_x.id, superbruger_sofie.id, superbruger_sofie.name,
                                     superbruger_sofie.email, UserStatus::deactivated, origin_of(first)));
    auto revoked = m_users->revoke_role(first, styrelsen_for_x.id, superbruger_sofie.id,
                                        InstitutionRole::superbruger, origin_of(first));
    ASSERT_TRUE(revoked.ok()) << revoked.error().message;
    auto review = m_users->administrator_review(first, styrelsen_for_x.id);
    ASSERT_EQ(review.size(), 1u);
    EXPECT_EQ(review[0].user.id, styrelsen_for_x.superbruger.id);
}

TEST_F(UserAdministrationTest, an_administrator_cannot_change_another_administrator)
{
    auto first = first_superbruger();
    auto hr_bo = add_person(first, styrelsen_for_x.id, "hr_bo", "Bo HR");
    // Two Superbrugere: each grant needs Sofie's approval.
    for (auto user_id : {hr_anna.id, hr_bo.id}) {
        ASSERT_TRUE(m_users->grant_role(first, styrelsen_for_x.id, user_id, InstitutionRole::administrator,
                                        origin_of(first)));
    }
    auto sofie = actor(superbruger_sofie.id);
    for (const auto& request : m_users->pending_role_requests(sofie, styrelsen_for_x.id))
        ASSERT_TRUE(
            m_users->decide_role_request(sofie, styrelsen_for_x.id, request.id, true, origin_of(sofie)));
    auto anna = actor(hr_anna.id);
    ASSERT_TRUE(anna.has(InstitutionRole::administrator));

    auto changed = m_users->update_user(anna, styrelsen_for_x.id, hr_bo.id, "Bo Omdøbt", hr_bo.email,
                                        UserStatus::active, origin_of(anna));
    EXPECT_EQ(kind_of(changed), "forbidden");
    auto deactivated = m_users->update_user(anna, styrelsen_for_x.id, hr_bo.id, hr_bo.name, hr_bo.email,
                                            UserStatus::deactivated, origin_of(anna));
    EXPECT_EQ(kind_of(deactivated), "forbidden");
    auto bo = m_users->user(anna, styrelsen_for_x.id, hr_bo.id);
    ASSERT_TRUE(bo.ok());
    EXPECT_EQ(bo->name, "Bo HR");
    EXPECT_EQ(bo->status, UserStatus::active);

    // A case user is the administrator's to look after.
    auto case_user = add_person(anna, styrelsen_for_x.id, "pl_peter", "Peter Projektleder");
    EXPECT_TRUE(m_users->update_user(anna, styrelsen_for_x.id, case_user.id, "Peter P.", case_user.email,
                                     UserStatus::active, origin_of(anna)));
}

TEST_F(UserAdministrationTest, a_new_users_address_is_trimmed_and_lower_cased)
{
    auto first = first_superbruger();
    auto created =
        m_users->create_user(first, styrelsen_for_x.id, {"  HR_Carl@Example.TEST ", "Carl HR", {}, ""},
                             origin_of(first), untranslated());
    ASSERT_TRUE(created.ok()) << created.error().message;
    auto carl = m_users->user(first, styrelsen_for_x.id, *created);
    ASSERT_TRUE(carl.ok());
    EXPECT_EQ(carl->email, "hr_carl@example.test");
    EXPECT_EQ(mail_texts_to("hr_carl@example.test").size(), 1u) << "no welcome mail with a link";

    auto same = m_users->create_user(first, styrelsen_for_x.id, {"hr_carl@EXAMPLE.test", "Carl Igen", {}, ""},
                                     origin_of(first), untranslated());
    EXPECT_EQ(kind_of(same), "invalid");
}

TEST_F(UserAdministrationTest, an_implausible_address_is_refused)
{
    auto first = first_superbruger();
    auto before = m_users->users(first, styrelsen_for_x.id).size();
    for (const char* email :
         {"", "hr_dan", "@example.test", "hr_dan@", "hr_dan@example", "hr_dan@@example.test",
          "hr@dan@example.test", "hr dan@example.test", "hr_dan@example.test\r\nBcc: someone@example.test",
          "hr_dan\n@example.test", "<hr_dan@example.test>", "hr_dan@example.test, eve@example.test",
          "hr_dan\v@example.test", "hr_dan(x)@example.test"}) {
        // With a password no welcome mail is written, so only the address rule stands in the way.
        auto created = m_users->create_user(first, styrelsen_for_x.id,
                                            {email, "Dan HR", {}, "a long synthetic password"},
                                            origin_of(first), untranslated());
        EXPECT_EQ(kind_of(created), "invalid") << "accepted: " << email;
        if (!created.ok()) {
            EXPECT_EQ(fields_of(created.error()), std::vector<std::string>{"email"}) << email;
        }
    }
    EXPECT_EQ(m_users->users(first, styrelsen_for_x.id).size(), before);
}

TEST_F(UserAdministrationTest, another_institutions_users_are_out_of_reach)
{
    auto akademiet_for_y = add_institution("akademiet_for_y", "Akademiet for Y", "10000002", false);
    auto stranger = actor(akademiet_for_y.superbruger.id);
    EXPECT_TRUE(m_users->users(stranger, styrelsen_for_x.id).empty());
    EXPECT_EQ(kind_of(m_users->user(stranger, styrelsen_for_x.id, hr_anna.id)), "not_found");
    EXPECT_TRUE(m_users->pending_role_requests(stranger, styrelsen_for_x.id).empty());
    EXPECT_TRUE(m_users->administrator_review(stranger, styrelsen_for_x.id).empty());
    // Changes through the stranger's own institution do not reach the user either.
    EXPECT_EQ(kind_of(m_users->update_user(stranger, akademiet_for_y.id, hr_anna.id, "Overtaget",
                                           hr_anna.email, UserStatus::active, origin_of(stranger))),
              "not_found");
    EXPECT_EQ(kind_of(m_users->grant_role(stranger, akademiet_for_y.id, hr_anna.id,
                                          InstitutionRole::administrator, origin_of(stranger))),
              "not_found");
    EXPECT_FALSE(m_users->update_user(stranger, styrelsen_for_x.id, hr_anna.id, "Overtaget", hr_anna.email,
                                      UserStatus::active, origin_of(stranger)));
    EXPECT_FALSE(m_users->create_user(stranger, styrelsen_for_x.id, {"hr_eve@example.test", "Eve", {}, ""},
                                      origin_of(stranger), untranslated()));
    auto anna = m_users->user(first_superbruger(), styrelsen_for_x.id, hr_anna.id);
    ASSERT_TRUE(anna.ok());
    EXPECT_EQ(anna->name, "Anna HR");
}

} // namespace
} // namespace rekrut::services
