#include <algorithm>
#include <gtest/gtest.h>

#include "services/platform_operator.hpp"
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

    /// The one Superbruger request waiting for an operator about `user_id`.
    domain::RoleRequestRecord superbruger_request_for(std::int64_t user_id)
    {
        domain::RoleRequestRecord found;
        int count = 0;
        for (const auto& request : PlatformOperator(*m_database).superbruger_requests(m_second_operator))
            if (request.user_id == user_id) {
                found = request;
                ++count;
            }
        EXPECT_EQ(count, 1) << "Superbruger requests about user " << user_id;
        return found;
    }

    core::Status decide(const domain::Actor& by, const domain::RoleRequestRecord& request, bool approve)
    {
        return m_users->decide_superbruger_request(by, request.id, approve, origin_of(by), untranslated());
    }

    bool holds_superbruger(std::int64_t user_id) { return actor(user_id).has(InstitutionRole::superbruger); }

    core::Status set_status(const domain::Actor& by, const Person& person, UserStatus status)
    {
        auto changed = m_users->update_user(by, styrelsen_for_x.id, person.id, person.name, person.email,
                                            status, origin_of(by));
        if (!changed)
            return changed.error();
        return core::success();
    }
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
    auto requests = audit_events(styrelsen_for_x, "role.requested");
    EXPECT_EQ(std::count_if(requests.begin(), requests.end(),
                            [](const auto& event) {
                                return event.after_json.find("\"administrator\"") != std::string::npos;
                            }),
              1);
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
    // The first Superbruger asks for Sofie's role to go, and an operator carries it out. Then the
    // first one is the last: nobody may ask for that role to go, and an operator cannot remove it.
    auto first = first_superbruger();
    auto requested = m_users->revoke_role(first, styrelsen_for_x.id, superbruger_sofie.id,
                                          InstitutionRole::superbruger, origin_of(first));
    ASSERT_TRUE(requested.ok()) << requested.error().message;
    EXPECT_EQ(*requested, RoleChange::awaiting_operator);
    EXPECT_TRUE(holds_superbruger(superbruger_sofie.id)) << "removed before an operator carried it out";
    ASSERT_TRUE(decide(m_operator, superbruger_request_for(superbruger_sofie.id), true));
    EXPECT_FALSE(holds_superbruger(superbruger_sofie.id));

    auto sofie = actor(superbruger_sofie.id);
    EXPECT_EQ(kind_of(m_users->revoke_role(sofie, styrelsen_for_x.id, styrelsen_for_x.superbruger.id,
                                           InstitutionRole::superbruger, origin_of(sofie))),
              "forbidden");
    EXPECT_EQ(kind_of(m_users->revoke_role(first, styrelsen_for_x.id, styrelsen_for_x.superbruger.id,
                                           InstitutionRole::superbruger, origin_of(first))),
              "forbidden");
    EXPECT_EQ(kind_of(m_users->revoke_role(m_operator, styrelsen_for_x.id, styrelsen_for_x.superbruger.id,
                                           InstitutionRole::superbruger, origin_of(m_operator))),
              "conflict");
    EXPECT_EQ(kind_of(set_status(m_operator, styrelsen_for_x.superbruger, UserStatus::deactivated)),
              "conflict");
    EXPECT_TRUE(holds_superbruger(styrelsen_for_x.superbruger.id));
}

TEST_F(UserAdministrationTest, the_last_superbruger_rule_holds_when_a_removal_is_carried_out)
{
    // Both removals are asked for while two Superbrugere remain; only the first can be carried out,
    // and the refused one stays waiting.
    for (auto user_id : {superbruger_sofie.id, styrelsen_for_x.superbruger.id})
        ASSERT_TRUE(m_users->revoke_role(m_operator, styrelsen_for_x.id, user_id,
                                         InstitutionRole::superbruger, origin_of(m_operator)));
    ASSERT_TRUE(decide(m_second_operator, superbruger_request_for(superbruger_sofie.id), true));
    auto last = superbruger_request_for(styrelsen_for_x.superbruger.id);
    EXPECT_EQ(kind_of(decide(m_second_operator, last, true)), "conflict");
    EXPECT_TRUE(holds_superbruger(styrelsen_for_x.superbruger.id));
    EXPECT_EQ(superbruger_request_for(styrelsen_for_x.superbruger.id).id, last.id);
    EXPECT_TRUE(decide(m_second_operator, last, false)) << "a refused removal can still be rejected";
}

TEST_F(UserAdministrationTest, a_deactivated_superbrugers_role_can_be_removed_while_one_stays_active)
{
    // Only active holders count: the operator deactivates Sofie, and her role may then go although
    // the first Superbruger is the only active one left.
    ASSERT_TRUE(set_status(m_operator, superbruger_sofie, UserStatus::deactivated));
    auto first = first_superbruger();
    ASSERT_TRUE(m_users->revoke_role(first, styrelsen_for_x.id, superbruger_sofie.id,
                                     InstitutionRole::superbruger, origin_of(first)));
    ASSERT_TRUE(decide(m_operator, superbruger_request_for(superbruger_sofie.id), true));
    auto review = m_users->administrator_review(first, styrelsen_for_x.id);
    ASSERT_EQ(review.size(), 1u);
    EXPECT_EQ(review[0].user.id, styrelsen_for_x.superbruger.id);
}

TEST_F(UserAdministrationTest, a_superbruger_only_requests_the_superbruger_role)
{
    auto first = first_superbruger();
    auto requested = m_users->grant_role(first, styrelsen_for_x.id, hr_anna.id, InstitutionRole::superbruger,
                                         origin_of(first));
    ASSERT_TRUE(requested.ok()) << requested.error().message;
    EXPECT_EQ(*requested, RoleChange::awaiting_operator);
    EXPECT_FALSE(holds_superbruger(hr_anna.id));
    auto request = superbruger_request_for(hr_anna.id);
    EXPECT_EQ(request.requested_by, styrelsen_for_x.superbruger.id);
    EXPECT_EQ(request.change, domain::RoleChangeKind::grant);
    EXPECT_EQ(request.institution_name, "Styrelsen for X");
    EXPECT_EQ(kind_of(m_users->grant_role(first, styrelsen_for_x.id, hr_anna.id, InstitutionRole::superbruger,
                                          origin_of(first))),
              "conflict")
        << "a second request while one waits";

    // The second Superbruger cannot carry it out; an operator can, and the requester is on record.
    auto sofie = actor(superbruger_sofie.id);
    EXPECT_EQ(
        kind_of(m_users->decide_role_request(sofie, styrelsen_for_x.id, request.id, true, origin_of(sofie))),
        "forbidden");
    EXPECT_EQ(kind_of(decide(sofie, request, true)), "forbidden");
    EXPECT_FALSE(holds_superbruger(hr_anna.id));
    ASSERT_TRUE(decide(m_operator, request, true));
    EXPECT_TRUE(holds_superbruger(hr_anna.id));
    for (const auto& row : m_users->administrator_review(first, styrelsen_for_x.id))
        if (row.user.id == hr_anna.id) {
            ASSERT_EQ(row.roles.size(), 1u);
            EXPECT_EQ(row.roles[0].granted_by, styrelsen_for_x.superbruger.id);
            EXPECT_EQ(row.roles[0].approved_by, m_operator.user_id);
        }
    EXPECT_EQ(kind_of(decide(m_second_operator, request, false)), "conflict") << "decided twice";
}

TEST_F(UserAdministrationTest, the_approval_rule_holds_with_a_single_superbruger)
{
    auto akademiet_for_y = add_institution("akademiet_for_y", "Akademiet for Y", "10000002", false);
    auto karen = actor(akademiet_for_y.superbruger.id);
    auto hr_bo = add_person(karen, akademiet_for_y.id, "hr_bo", "Bo HR");
    auto granted = m_users->grant_role(karen, akademiet_for_y.id, hr_bo.id, InstitutionRole::superbruger,
                                       origin_of(karen));
    ASSERT_TRUE(granted.ok()) << granted.error().message;
    EXPECT_EQ(*granted, RoleChange::awaiting_operator);
    EXPECT_FALSE(holds_superbruger(hr_bo.id));
    // A user created with the role waits the same way.
    auto created = m_users->create_user(karen, akademiet_for_y.id,
                                        {"hr_cai@example.test", "Cai HR", InstitutionRole::superbruger, ""},
                                        origin_of(karen), untranslated());
    ASSERT_TRUE(created.ok()) << created.error().message;
    EXPECT_FALSE(holds_superbruger(*created));
    // An Administrator still takes effect at once with a single Superbruger.
    EXPECT_EQ(*m_users->grant_role(karen, akademiet_for_y.id, hr_bo.id, InstitutionRole::administrator,
                                   origin_of(karen)),
              RoleChange::granted);
}

TEST_F(UserAdministrationTest, the_operators_own_grant_waits_for_a_second_operator)
{
    auto created = m_users->create_user(
        m_operator, styrelsen_for_x.id,
        {"superbruger_sune@example.test", "Sune Superbruger", InstitutionRole::superbruger, ""},
        origin_of(m_operator), untranslated());
    ASSERT_TRUE(created.ok()) << created.error().message;
    EXPECT_FALSE(holds_superbruger(*created));
    EXPECT_TRUE(mail_texts_to("superbruger_sune@example.test").empty()) << "welcomed before the approval";
    auto request = superbruger_request_for(*created);
    EXPECT_EQ(request.requested_by, m_operator.user_id);

    EXPECT_EQ(kind_of(decide(m_operator, request, true)), "invalid") << "the requester approved alone";
    EXPECT_FALSE(holds_superbruger(*created));
    ASSERT_TRUE(decide(m_second_operator, request, true));
    EXPECT_TRUE(holds_superbruger(*created));
    EXPECT_EQ(mail_texts_to("superbruger_sune@example.test").size(), 1u) << "no welcome mail on approval";
    // The two Superbrugere of the set-up were approved the same way, then Sune.
    EXPECT_EQ(audit_events(styrelsen_for_x, "role.request_approved").size(), 3u);
}

TEST_F(UserAdministrationTest, a_rejected_superbruger_request_grants_nothing)
{
    auto first = first_superbruger();
    ASSERT_TRUE(m_users->grant_role(first, styrelsen_for_x.id, hr_anna.id, InstitutionRole::superbruger,
                                    origin_of(first)));
    ASSERT_TRUE(decide(m_operator, superbruger_request_for(hr_anna.id), false));
    EXPECT_FALSE(holds_superbruger(hr_anna.id));
    EXPECT_TRUE(PlatformOperator(*m_database).superbruger_requests(m_operator).empty());
    EXPECT_EQ(audit_events(styrelsen_for_x, "role.request_rejected").size(), 1u);
}

TEST_F(UserAdministrationTest, only_the_operator_changes_locks_and_deactivates_a_superbruger)
{
    auto first = first_superbruger();
    for (auto status : {UserStatus::active, UserStatus::locked, UserStatus::deactivated})
        EXPECT_EQ(kind_of(set_status(first, superbruger_sofie, status)), "forbidden") << to_string(status);
    EXPECT_EQ(kind_of(m_users->update_user(first, styrelsen_for_x.id, superbruger_sofie.id, "Omdøbt",
                                           superbruger_sofie.email, UserStatus::active, origin_of(first))),
              "forbidden");

    ASSERT_TRUE(m_users->update_user(m_operator, styrelsen_for_x.id, superbruger_sofie.id,
                                     "Sofie S. Superbruger", superbruger_sofie.email, UserStatus::locked,
                                     origin_of(m_operator)));
    auto sofie = m_users->user(first, styrelsen_for_x.id, superbruger_sofie.id);
    ASSERT_TRUE(sofie.ok());
    EXPECT_EQ(sofie->name, "Sofie S. Superbruger");
    EXPECT_EQ(sofie->status, UserStatus::locked);
    ASSERT_TRUE(set_status(m_operator, superbruger_sofie, UserStatus::deactivated));
    EXPECT_EQ(m_users->user(first, styrelsen_for_x.id, superbruger_sofie.id)->status,
              UserStatus::deactivated);
    // The operator's reach ends at the Superbrugere: a case user is the institution's own.
    EXPECT_EQ(kind_of(set_status(m_operator, hr_anna, UserStatus::locked)), "forbidden");
}

TEST_F(UserAdministrationTest, the_last_superbruger_may_be_locked_but_not_deactivated)
{
    auto akademiet_for_y = add_institution("akademiet_for_y", "Akademiet for Y", "10000002", false);
    auto karen = akademiet_for_y.superbruger;
    auto as_karen = [&](UserStatus status) {
        return m_users->update_user(m_operator, akademiet_for_y.id, karen.id, karen.name, karen.email, status,
                                    origin_of(m_operator));
    };
    EXPECT_EQ(kind_of(as_karen(UserStatus::deactivated)), "conflict");
    EXPECT_TRUE(as_karen(UserStatus::locked)) << "a lock keeps the role and is lifted again";
    EXPECT_TRUE(as_karen(UserStatus::active));
}

TEST_F(UserAdministrationTest, the_operators_removal_waits_for_a_second_operator)
{
    auto removal = m_users->revoke_role(m_operator, styrelsen_for_x.id, superbruger_sofie.id,
                                        InstitutionRole::superbruger, origin_of(m_operator));
    ASSERT_TRUE(removal.ok()) << removal.error().message;
    EXPECT_EQ(*removal, RoleChange::awaiting_operator);
    auto request = superbruger_request_for(superbruger_sofie.id);
    EXPECT_EQ(request.change, domain::RoleChangeKind::revoke);
    EXPECT_EQ(kind_of(decide(m_operator, request, true)), "invalid");
    EXPECT_TRUE(holds_superbruger(superbruger_sofie.id));
    ASSERT_TRUE(decide(m_second_operator, request, true));
    EXPECT_FALSE(holds_superbruger(superbruger_sofie.id));
    EXPECT_EQ(audit_events(styrelsen_for_x, "role.revoked").size(), 1u);
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
