#include <gtest/gtest.h>

#include "services/email_change.hpp"
#include "services/identity.hpp"
#include "services/testing/service_fixture.hpp"
#include "services/user_administration.hpp"

namespace rekrut::services {
namespace {

using testing::fields_of;
using testing::Institution;
using testing::kind_of;
using testing::Person;

constexpr const char* k_password = "a synthetic password for anna";

/// Styrelsen for X with a case user, Anna, who signs in with a password.
struct EmailChangeTest : testing::ServiceFixture {
    Institution styrelsen_for_x;
    Person hr_anna;
    Origin from_browser{std::nullopt, "", "test-request", "198.51.100.7"};

    void SetUp() override
    {
        ServiceFixture::SetUp();
        styrelsen_for_x = add_institution("styrelsen_for_x", "Styrelsen for X", "10000001", false);
        hr_anna =
            add_person(superbruger(), styrelsen_for_x.id, "hr_anna", "Anna HR", std::nullopt, k_password);
    }

    domain::Actor superbruger() { return actor(styrelsen_for_x.superbruger.id); }

    std::string address_of(std::int64_t user_id)
    {
        auto found = m_users->user(superbruger(), styrelsen_for_x.id, user_id);
        return found ? found->email : "";
    }

    /// The token of the newest link to `path` in the mails to `address`, or "".
    std::string token_mailed_to(const std::string& address, const std::string& path = "/email/confirm/")
    {
        for (const auto& text : mail_texts_to(address))
            if (auto at = text.find(path); at != std::string::npos)
                return text.substr(at + path.size(), 64);
        return "";
    }

    SignedIn anna_signed_in()
    {
        auto signed_in = m_identity->resume(open_session(hr_anna.id, core::now()));
        EXPECT_TRUE(signed_in.has_value());
        return signed_in.value_or(SignedIn{});
    }
};

TEST_F(EmailChangeTest, a_new_address_set_by_the_administration_waits_for_its_confirmation)
{
    const std::string takeover = "someone_else@example.test";
    auto saved = m_users->update_user(superbruger(), styrelsen_for_x.id, hr_anna.id, "Anna Hansen", takeover,
                                      domain::UserStatus::active, origin_of(superbruger()), untranslated());
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(*saved, UserChange::awaiting_email_confirmation);
    EXPECT_EQ(address_of(hr_anna.id), hr_anna.email) << "the address changed before it was confirmed";
    EXPECT_EQ(m_users->user(superbruger(), styrelsen_for_x.id, hr_anna.id)->name, "Anna Hansen");

    // A reset asked for now goes to the address in use, so the new address cannot take the account.
    m_users->request_password_reset(takeover, from_browser, untranslated());
    EXPECT_EQ(token_mailed_to(takeover, "/password/reset/"), "");
    auto notice = mail_texts_to(hr_anna.email);
    ASSERT_FALSE(notice.empty());
    EXPECT_NE(notice.front().find(takeover), std::string::npos) << notice.front();
    EXPECT_EQ(notice.front().find("/email/confirm/"), std::string::npos) << "the old address got the link";

    auto token = token_mailed_to(takeover);
    ASSERT_EQ(token.size(), 64u);
    EXPECT_TRUE(m_identity->check_email_confirmation(token));
    ASSERT_TRUE(m_identity->confirm_email_change(token, from_browser, untranslated()));
    EXPECT_EQ(address_of(hr_anna.id), takeover);
    EXPECT_EQ(kind_of(m_identity->check_email_confirmation(token)), "invalid");
    EXPECT_EQ(kind_of(m_identity->confirm_email_change(token, from_browser, untranslated())), "invalid");
    EXPECT_EQ(audit_events(styrelsen_for_x, "user.email_change_requested").size(), 1u);
    EXPECT_EQ(audit_events(styrelsen_for_x, "user.email_changed").size(), 1u);
}

TEST_F(EmailChangeTest, the_same_address_saves_at_once_and_a_taken_one_is_refused)
{
    auto same = m_users->update_user(superbruger(), styrelsen_for_x.id, hr_anna.id, "Anna HR",
                                     " HR_Anna@example.test", domain::UserStatus::active,
                                     origin_of(superbruger()), untranslated());
    ASSERT_TRUE(same);
    EXPECT_EQ(*same, UserChange::saved);
    auto taken = m_users->update_user(superbruger(), styrelsen_for_x.id, hr_anna.id, "Anna HR",
                                      styrelsen_for_x.superbruger.email, domain::UserStatus::active,
                                      origin_of(superbruger()), untranslated());
    ASSERT_EQ(kind_of(taken), "invalid");
    EXPECT_EQ(fields_of(taken.error()), std::vector<std::string>{"email"});
}

TEST_F(EmailChangeTest, a_newer_change_ends_the_earlier_link)
{
    ASSERT_TRUE(m_users->update_user(superbruger(), styrelsen_for_x.id, hr_anna.id, hr_anna.name,
                                     "first@example.test", domain::UserStatus::active,
                                     origin_of(superbruger()), untranslated()));
    auto first = token_mailed_to("first@example.test");
    ASSERT_TRUE(m_users->update_user(superbruger(), styrelsen_for_x.id, hr_anna.id, hr_anna.name,
                                     "second@example.test", domain::UserStatus::active,
                                     origin_of(superbruger()), untranslated()));
    EXPECT_EQ(kind_of(m_identity->confirm_email_change(first, from_browser, untranslated())), "invalid");
    EXPECT_TRUE(m_identity->confirm_email_change(token_mailed_to("second@example.test"), from_browser,
                                                 untranslated()));
    EXPECT_EQ(address_of(hr_anna.id), "second@example.test");
}

TEST_F(EmailChangeTest, a_confirmed_address_ends_the_password_links_mailed_to_the_old_one)
{
    auto newcomer = add_person(superbruger(), styrelsen_for_x.id, "typo_tove", "Tove Tastefejl");
    auto welcome = token_mailed_to(newcomer.email, "/password/reset/");
    ASSERT_EQ(welcome.size(), 64u);
    ASSERT_TRUE(m_users->update_user(superbruger(), styrelsen_for_x.id, newcomer.id, newcomer.name,
                                     "tove@example.test", domain::UserStatus::active,
                                     origin_of(superbruger()), untranslated()));
    ASSERT_TRUE(
        m_identity->confirm_email_change(token_mailed_to("tove@example.test"), from_browser, untranslated()));
    EXPECT_EQ(kind_of(m_users->check_reset_token(welcome)), "invalid");
    auto fresh = token_mailed_to("tove@example.test", "/password/reset/");
    ASSERT_EQ(fresh.size(), 64u) << "no new welcome link at the new address";
    EXPECT_TRUE(m_users->check_reset_token(fresh));
}

TEST_F(EmailChangeTest, the_own_address_changes_only_with_the_current_password_and_a_confirmation)
{
    const std::string next = "anna_new@example.test";
    auto refused = m_identity->request_own_email_change(anna_signed_in(), {"not the password", ""}, next,
                                                        from_browser, untranslated());
    ASSERT_EQ(kind_of(refused), "invalid");
    EXPECT_EQ(fields_of(refused.error()), std::vector<std::string>{"current_password"});
    EXPECT_EQ(token_mailed_to(next), "");
    auto bad_address = m_identity->request_own_email_change(anna_signed_in(), {k_password, ""},
                                                            std::string(300, 'a') + "@example.test",
                                                            from_browser, untranslated());
    ASSERT_EQ(kind_of(bad_address), "invalid");
    EXPECT_EQ(fields_of(bad_address.error()), std::vector<std::string>{"email"});

    ASSERT_TRUE(m_identity->request_own_email_change(anna_signed_in(), {k_password, ""}, next, from_browser,
                                                     untranslated()));
    EXPECT_EQ(address_of(hr_anna.id), hr_anna.email);
    ASSERT_TRUE(m_identity->confirm_email_change(token_mailed_to(next), from_browser, untranslated()));
    EXPECT_EQ(address_of(hr_anna.id), next);
    EXPECT_EQ(m_identity->login(next, k_password, from_browser).result, LoginResult::signed_in);
}

} // namespace
} // namespace rekrut::services
