#include <gtest/gtest.h>

#include "services/identity.hpp"
#include "services/testing/service_fixture.hpp"
#include "store/identity_store.hpp"
#include "store/session_store.hpp"

namespace rekrut::services {
namespace {

using domain::InstitutionRole;
using testing::Institution;
using testing::kind_of;
using testing::Person;

constexpr const char* k_password = "a synthetic password for anna";

/// Styrelsen for X with a case user who signs in with a password (no second factor needed).
struct IdentityTest : testing::ServiceFixture {
    Institution styrelsen_for_x;
    Person hr_anna;
    Origin from_browser{std::nullopt, "", "test-request", "198.51.100.7"};

    void SetUp() override
    {
        ServiceFixture::SetUp();
        styrelsen_for_x = add_institution("styrelsen_for_x", "Styrelsen for X", "10000001", false);
        hr_anna = add_person(actor(styrelsen_for_x.superbruger.id), styrelsen_for_x.id, "hr_anna", "Anna HR",
                             std::nullopt, k_password);
        // Anna's account was set up an hour ago, so the sessions the tests open in the past start
        // after her rights last changed (the service rotates a token older than the last change).
        write_directly([&](store::Transaction& transaction) {
            store::users::mark_rights_changed(transaction, hr_anna.id, core::now() - 3600);
        });
    }

    /// The reset token from the newest mail to `address` (the link ends with it).
    std::string reset_token_mailed_to(const std::string& address)
    {
        auto texts = mail_texts_to(address);
        if (texts.empty())
            return "";
        const std::string marker = "/password/reset/";
        auto at = texts.front().find(marker);
        if (at == std::string::npos)
            return "";
        return texts.front().substr(at + marker.size(), 64);
    }
};

TEST_F(IdentityTest, the_right_password_signs_in)
{
    auto outcome = m_identity->login("  HR_Anna@example.test", k_password, from_browser);
    ASSERT_EQ(outcome.result, LoginResult::signed_in);
    auto signed_in = m_identity->resume(outcome.session_token);
    ASSERT_TRUE(signed_in.has_value());
    EXPECT_EQ(signed_in->actor.user_id, hr_anna.id);
    EXPECT_EQ(signed_in->actor.institution_id, styrelsen_for_x.id);
    EXPECT_TRUE(signed_in->complete());
    EXPECT_EQ(audit_events(styrelsen_for_x, "login.password_accepted").size(), 1u);
}

TEST_F(IdentityTest, a_wrong_password_is_refused_without_a_session)
{
    auto outcome = m_identity->login(hr_anna.email, "not the password at all", from_browser);
    EXPECT_EQ(outcome.result, LoginResult::refused);
    EXPECT_TRUE(outcome.session_token.empty());
    auto failures = audit_events(styrelsen_for_x, "login.failed");
    ASSERT_EQ(failures.size(), 1u);
    EXPECT_NE(failures[0].after_json.find("wrong_password"), std::string::npos) << failures[0].after_json;
}

TEST_F(IdentityTest, repeated_failures_throttle_even_the_right_password)
{
    for (int attempt = 0; attempt < 5; ++attempt)
        EXPECT_EQ(m_identity->login(hr_anna.email, "wrong password " + std::to_string(attempt), from_browser)
                      .result,
                  LoginResult::refused);
    auto outcome = m_identity->login(hr_anna.email, k_password, from_browser);
    EXPECT_EQ(outcome.result, LoginResult::throttled);
    EXPECT_GT(outcome.retry_after_seconds, 0);
    EXPECT_TRUE(outcome.session_token.empty());
}

TEST_F(IdentityTest, an_account_needing_a_second_factor_is_not_signed_in_by_its_password_alone)
{
    auto superbruger = add_person(m_operator, styrelsen_for_x.id, "superbruger_sofie", "Sofie Superbruger",
                                  InstitutionRole::superbruger, k_password);
    auto outcome = m_identity->login(superbruger.email, k_password, from_browser);
    ASSERT_EQ(outcome.result, LoginResult::enrolment_needed);
    auto signed_in = m_identity->resume(outcome.session_token);
    ASSERT_TRUE(signed_in.has_value());
    EXPECT_FALSE(signed_in->complete());
}

TEST_F(IdentityTest, a_session_resumes_within_the_idle_time)
{
    auto token = open_session(hr_anna.id, core::now() - (k_session_idle_seconds - 60));
    auto signed_in = m_identity->resume(token);
    ASSERT_TRUE(signed_in.has_value());
    EXPECT_EQ(signed_in->actor.user_id, hr_anna.id);
    EXPECT_TRUE(m_identity->resume(token).has_value()) << "resuming touched the session, so it stays alive";
}

TEST_F(IdentityTest, an_idle_session_expires_and_is_removed)
{
    auto token = open_session(hr_anna.id, core::now() - (k_session_idle_seconds + 60));
    EXPECT_FALSE(m_identity->resume(token).has_value());
    EXPECT_FALSE(m_identity->resume(token).has_value());
}

TEST_F(IdentityTest, a_session_ends_at_its_absolute_limit)
{
    // Started 12 hours ago and seen a moment ago: still ended.
    std::string token = open_session(hr_anna.id, core::now() - k_session_absolute_seconds - 10);
    write_directly([&](store::Transaction& transaction) {
        auto session = store::sessions::find(transaction, IdentityService::token_hash(token));
        ASSERT_TRUE(session.has_value());
        store::sessions::touch(transaction, session->id, core::now() - 5);
    });
    EXPECT_FALSE(m_identity->resume(token).has_value());
}

TEST_F(IdentityTest, a_rights_change_rotates_the_session_token)
{
    auto old_token = open_session(hr_anna.id, core::now() - 120);
    auto before = m_identity->resume(old_token);
    ASSERT_TRUE(before.has_value());
    EXPECT_FALSE(before->new_token.has_value());
    EXPECT_FALSE(before->actor.has(InstitutionRole::administrator));

    auto superbruger = actor(styrelsen_for_x.superbruger.id);
    auto granted = m_users->grant_role(superbruger, styrelsen_for_x.id, hr_anna.id,
                                       InstitutionRole::administrator, origin_of(superbruger));
    ASSERT_TRUE(granted.ok()) << granted.error().message;
    ASSERT_EQ(*granted, RoleChange::granted);

    auto after = m_identity->resume(old_token);
    ASSERT_TRUE(after.has_value());
    ASSERT_TRUE(after->new_token.has_value());
    EXPECT_TRUE(after->actor.has(InstitutionRole::administrator));
    EXPECT_TRUE(after->second_factor_required);
    EXPECT_FALSE(m_identity->resume(old_token).has_value()) << "the old token still works";
    auto rotated = m_identity->resume(*after->new_token);
    ASSERT_TRUE(rotated.has_value());
    EXPECT_FALSE(rotated->new_token.has_value());
}

TEST_F(IdentityTest, deactivation_ends_the_users_sessions)
{
    auto token = open_session(hr_anna.id, core::now());
    ASSERT_TRUE(m_identity->resume(token).has_value());
    auto superbruger = actor(styrelsen_for_x.superbruger.id);
    ASSERT_TRUE(m_users->update_user(superbruger, styrelsen_for_x.id, hr_anna.id, hr_anna.name, hr_anna.email,
                                     domain::UserStatus::deactivated, origin_of(superbruger)));
    EXPECT_FALSE(m_identity->resume(token).has_value());
    EXPECT_EQ(m_identity->login(hr_anna.email, k_password, from_browser).result, LoginResult::refused);
}

TEST_F(IdentityTest, a_password_reset_link_works_once)
{
    auto session = open_session(hr_anna.id, core::now());
    m_users->request_password_reset(" HR_ANNA@example.test ", from_browser, untranslated());
    auto token = reset_token_mailed_to(hr_anna.email);
    ASSERT_EQ(token.size(), 64u) << "no reset link was mailed";
    EXPECT_TRUE(m_users->check_reset_token(token));

    const std::string replacement = "another synthetic password";
    EXPECT_EQ(kind_of(m_users->reset_password(token, "too short", from_browser)), "invalid");
    ASSERT_TRUE(m_users->reset_password(token, replacement, from_browser));
    EXPECT_FALSE(m_identity->resume(session).has_value()) << "the reset left other sessions open";
    EXPECT_EQ(m_identity->login(hr_anna.email, k_password, from_browser).result, LoginResult::refused);
    EXPECT_EQ(m_identity->login(hr_anna.email, replacement, from_browser).result, LoginResult::signed_in);

    EXPECT_EQ(kind_of(m_users->check_reset_token(token)), "invalid");
    EXPECT_EQ(kind_of(m_users->reset_password(token, "a third synthetic password", from_browser)), "invalid");
    EXPECT_EQ(m_identity->login(hr_anna.email, replacement, from_browser).result, LoginResult::signed_in);
}

TEST_F(IdentityTest, a_reset_for_an_unknown_address_sends_nothing)
{
    m_users->request_password_reset("nobody@example.test", from_browser, untranslated());
    EXPECT_TRUE(mail_texts_to("nobody@example.test").empty());
    EXPECT_EQ(kind_of(m_users->check_reset_token(std::string(64, 'a'))), "invalid");
}

} // namespace
} // namespace rekrut::services
