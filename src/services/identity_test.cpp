#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <set>
#include <soci/soci.h>

#include "core/crypto.hpp"
#include "integrations/totp.hpp"
#include "services/audit_personal.hpp"
#include "services/identity.hpp"
#include "services/passwords.hpp"
#include "services/sign_in_support.hpp"
#include "services/testing/service_fixture.hpp"
#include "store/audit_store.hpp"
#include "store/identity_store.hpp"
#include "store/session_store.hpp"

namespace rekrut::services {
namespace {

using domain::InstitutionRole;
using testing::Institution;
using testing::kind_of;
using testing::Person;

constexpr const char* k_password = "a synthetic password for anna";
/// The RFC 6238 test key, as the demo uses it.
constexpr const char* k_totp_secret = "3132333435363738393031323334353637383930";

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

    /// Every value of one column of a table, as text, in row order.
    std::vector<std::string> column(const std::string& query)
    {
        return m_database->read([&](store::Session& session) {
            soci::session& sql = session;
            std::vector<std::string> values;
            std::string value;
            soci::statement rows = (sql.prepare << query, soci::into(value));
            rows.execute();
            while (rows.fetch())
                values.push_back(value);
            return values;
        });
    }

    /// Anna enrols in TOTP (with the demo key) and gets `recovery_code` as her one recovery code.
    void give_anna_a_second_factor(const std::string& recovery_code)
    {
        write_directly([&](store::Transaction& transaction) {
            store::users::set_totp(transaction, hr_anna.id, transaction.secret_key().seal(k_totp_secret),
                                   true, core::now());
            store::recovery_codes::replace(
                transaction, hr_anna.id,
                {sign_in::recovery_code_hash(transaction.secret_key(), recovery_code)});
        });
    }

    /// Anna's session after her password and second factor.
    SignedIn anna_signed_in()
    {
        auto signed_in = m_identity->resume(open_session(hr_anna.id, core::now()));
        EXPECT_TRUE(signed_in.has_value());
        return signed_in.value_or(SignedIn{});
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

// ---------------------------------------------------------------------------------------------------------
// Bounded input, throttling and timing

TEST_F(IdentityTest, a_login_with_no_address_records_a_marker_and_counts_only_against_the_client)
{
    std::string huge(std::size_t{3} * 1024 * 1024, 'a');
    huge += "@example.test";
    for (const std::string& input : {huge, std::string("not an address"), std::string("<b>@example.test")})
        EXPECT_EQ(m_identity->login(input, "a wrong password here", from_browser).result,
                  LoginResult::refused);
    EXPECT_EQ(m_identity->login("Nobody@Example.test", "a wrong password here", from_browser).result,
              LoginResult::refused);
    EXPECT_EQ(column("SELECT throttle_key FROM login_throttle ORDER BY throttle_key"),
              (std::vector<std::string>{"account:nobody@example.test", "ip:198.51.100.7"}));
    // The address typed is a visitor's personal data: stored sealed, read through the audit trail.
    auto stored = column("SELECT after_json FROM audit_events WHERE action = 'login.failed' ORDER BY id");
    ASSERT_EQ(stored.size(), 4u);
    EXPECT_EQ(stored[3].find("nobody@example.test"), std::string::npos) << stored[3];
    auto recorded = m_database->read([](store::Session& session) {
        domain::AuditFilter filter;
        filter.action = "login.failed";
        auto events = store::audit_events::list(session, filter);
        services::open_personal_data(session, events);
        std::vector<std::string> texts;
        for (auto event = events.rbegin(); event != events.rend(); ++event)
            texts.push_back(event->after_json);
        return texts;
    });
    ASSERT_EQ(recorded.size(), 4u);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(recorded[i], R"json({"email":"(not an e-mail address)","reason":"unknown_account"})json");
    EXPECT_EQ(recorded[3], R"({"email":"nobody@example.test","reason":"unknown_account"})");
}

TEST_F(IdentityTest, every_login_runs_one_password_verification_whatever_the_account)
{
    auto newcomer =
        add_person(actor(styrelsen_for_x.superbruger.id), styrelsen_for_x.id, "new_nina", "Nina Ny");
    struct Attempt {
        const char* what;
        std::string email, password;
    };
    const Attempt attempts[] = {
        {"the right password", hr_anna.email, k_password},
        {"a wrong password", hr_anna.email, "not the password at all"},
        {"an account without a password yet", newcomer.email, "any password at all"},
        {"an unknown address", "nobody@example.test", "any password at all"},
        {"no address", "nobody", "any password at all"},
        {"an overlong password", hr_anna.email, std::string(5000, 'p')},
    };
    for (const auto& attempt : attempts) {
        auto before = passwords::verifications_run();
        m_identity->login(attempt.email, attempt.password, from_browser);
        EXPECT_EQ(passwords::verifications_run() - before, 1u) << attempt.what;
    }
}

TEST_F(IdentityTest, expired_throttle_rows_are_purged_and_live_ones_kept)
{
    const core::UnixTime now = core::now();
    write_directly([&](store::Transaction& transaction) {
        store::login_throttle::put(transaction, "account:quiet@example.test", {3, now - 7200, 0});
        store::login_throttle::put(transaction, "account:locked@example.test", {12, now - 7200, now + 600});
        store::login_throttle::put(transaction, "ip:192.0.2.1", {2, now - 60, 0});
    });
    auto idle = open_session(hr_anna.id, now - k_session_idle_seconds - 60);
    auto live = open_session(hr_anna.id, now);
    m_identity->purge_expired(now);
    EXPECT_EQ(column("SELECT throttle_key FROM login_throttle ORDER BY throttle_key"),
              (std::vector<std::string>{"account:locked@example.test", "ip:192.0.2.1"}));
    auto sessions = column("SELECT token_hash FROM sessions");
    EXPECT_EQ(std::count(sessions.begin(), sessions.end(), IdentityService::token_hash(idle)), 0);
    EXPECT_EQ(std::count(sessions.begin(), sessions.end(), IdentityService::token_hash(live)), 1);
}

// ---------------------------------------------------------------------------------------------------------
// Recovery codes

TEST_F(IdentityTest, recovery_codes_are_ten_readable_codes_of_at_least_80_bits)
{
    const std::string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    auto codes = sign_in::new_recovery_codes();
    ASSERT_EQ(codes.size(), 10u);
    EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), 10u);
    for (const auto& code : codes) {
        std::size_t letters = 0;
        for (char ch : code)
            if (ch != '-') {
                EXPECT_NE(alphabet.find(ch), std::string::npos) << code;
                ++letters;
            }
        EXPECT_GE(static_cast<double>(letters) * std::log2(alphabet.size()), 80.0) << code;
        EXPECT_LE(code.find('-'), 6u) << code << " is not in short groups";
    }
    auto key = core::SecretKey::random();
    auto stored = sign_in::recovery_code_hash(key, codes[0]);
    EXPECT_EQ(stored.rfind("k1:", 0), 0u);
    EXPECT_EQ(stored, sign_in::recovery_code_hash(key, " " + codes[0] + " ")) << "typed with spaces";
    EXPECT_NE(stored, sign_in::recovery_code_hash(core::SecretKey::random(), codes[0]));
    EXPECT_EQ(stored.find(core::blake2b_hex("recovery:" + codes[0])), std::string::npos);
}

TEST_F(IdentityTest, a_recovery_code_stored_unkeyed_is_keyed_in_place_and_still_works_once)
{
    give_anna_a_second_factor("unused-keyed-code1");
    write_directly([&](store::Transaction& transaction) {
        store::recovery_codes::replace(transaction, hr_anna.id, {core::blake2b_hex("recovery:abcdefghjk")});
    });
    EXPECT_EQ(m_identity->key_stored_recovery_codes(), 1);
    EXPECT_EQ(m_identity->key_stored_recovery_codes(), 0);
    EXPECT_EQ(column("SELECT code_hash FROM recovery_codes WHERE code_hash NOT LIKE 'k1:%'").size(), 0u);

    auto login = m_identity->login(hr_anna.email, k_password, from_browser);
    ASSERT_EQ(login.result, LoginResult::second_factor_needed);
    auto half_way = m_identity->resume(login.session_token);
    ASSERT_TRUE(half_way.has_value());
    EXPECT_TRUE(m_identity->pass_second_factor(*half_way, "ABCDE-FGHJK", from_browser));
    auto again = m_identity->resume(m_identity->login(hr_anna.email, k_password, from_browser).session_token);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(kind_of(m_identity->pass_second_factor(*again, "abcdefghjk", from_browser)), "invalid");
}

// ---------------------------------------------------------------------------------------------------------
// The current credentials before a key of the account changes

TEST_F(IdentityTest, changing_the_password_needs_the_current_password_and_the_current_code)
{
    give_anna_a_second_factor("rcvcod-abcdef-ghjkmn");
    const std::string replacement = "a new synthetic password for anna";
    auto no_code =
        m_identity->change_own_password(anna_signed_in(), {k_password, ""}, replacement, from_browser);
    ASSERT_EQ(kind_of(no_code), "invalid");
    EXPECT_EQ(testing::fields_of(no_code.error()), std::vector<std::string>{"current_code"});
    auto wrong_password = m_identity->change_own_password(
        anna_signed_in(), {"not it", "rcvcod-abcdef-ghjkmn"}, replacement, from_browser);
    ASSERT_EQ(kind_of(wrong_password), "invalid");
    EXPECT_EQ(testing::fields_of(wrong_password.error()), std::vector<std::string>{"current_password"});
    EXPECT_EQ(m_identity->remaining_recovery_codes(hr_anna.id), 1) << "a refused change used the code";

    EXPECT_TRUE(m_identity->change_own_password(anna_signed_in(), {k_password, "RCVCOD ABCDEF GHJKMN"},
                                                replacement, from_browser));
    EXPECT_EQ(m_identity->remaining_recovery_codes(hr_anna.id), 0);
    EXPECT_EQ(audit_events(styrelsen_for_x, "password.changed").size(), 1u);
    EXPECT_EQ(audit_events(styrelsen_for_x, "reauthentication.failed").size(), 2u);
}

TEST_F(IdentityTest, wrong_current_passwords_lock_the_account_like_wrong_logins)
{
    for (int attempt = 0; attempt < 5; ++attempt)
        EXPECT_EQ(kind_of(m_identity->change_own_password(anna_signed_in(),
                                                          {"wrong " + std::to_string(attempt), ""},
                                                          "a new synthetic password", from_browser)),
                  "invalid");
    EXPECT_EQ(kind_of(m_identity->change_own_password(anna_signed_in(), {k_password, ""},
                                                      "a new synthetic password", from_browser)),
              "unavailable");
    EXPECT_EQ(m_identity->login(hr_anna.email, k_password, from_browser).result, LoginResult::throttled);
}

TEST_F(IdentityTest, a_second_factor_set_up_from_the_profile_needs_the_password_and_a_replaced_one_the_code)
{
    ASSERT_TRUE(integrations::totp::init());
    const std::string secret = m_identity->start_enrolment(anna_signed_in());
    auto code_now = [&] { return integrations::totp::code_at(secret, core::now()); };
    EXPECT_EQ(kind_of(m_identity->finish_enrolment(anna_signed_in(), secret, code_now(), {}, from_browser)),
              "invalid");
    auto enrolled =
        m_identity->finish_enrolment(anna_signed_in(), secret, code_now(), {k_password, ""}, from_browser);
    ASSERT_TRUE(enrolled) << enrolled.error().message;
    ASSERT_EQ(enrolled->first.size(), 10u);

    // Replacing it: the password alone is not enough; the current device's code or a recovery code is.
    const std::string next = m_identity->start_enrolment(anna_signed_in());
    auto refused =
        m_identity->finish_enrolment(anna_signed_in(), next, integrations::totp::code_at(next, core::now()),
                                     {k_password, ""}, from_browser);
    ASSERT_EQ(kind_of(refused), "invalid");
    EXPECT_EQ(testing::fields_of(refused.error()), std::vector<std::string>{"current_code"});
    EXPECT_TRUE(m_identity->finish_enrolment(anna_signed_in(), next,
                                             integrations::totp::code_at(next, core::now()),
                                             {k_password, enrolled->first[4]}, from_browser));
}

TEST_F(IdentityTest, the_enrolment_a_role_forces_at_login_needs_nothing_more)
{
    auto superbruger = add_person(m_operator, styrelsen_for_x.id, "superbruger_sofie", "Sofie Superbruger",
                                  InstitutionRole::superbruger, k_password);
    auto outcome = m_identity->login(superbruger.email, k_password, from_browser);
    ASSERT_EQ(outcome.result, LoginResult::enrolment_needed);
    auto half_way = m_identity->resume(outcome.session_token);
    ASSERT_TRUE(half_way.has_value());
    EXPECT_FALSE(IdentityService::enrolment_needs_password(*half_way));
    ASSERT_TRUE(integrations::totp::init());
    const std::string secret = m_identity->start_enrolment(*half_way);
    EXPECT_TRUE(m_identity->finish_enrolment(
        *half_way, secret, integrations::totp::code_at(secret, core::now()), {}, from_browser));
}

// ---------------------------------------------------------------------------------------------------------
// Links

TEST_F(IdentityTest, a_welcome_link_lives_72_hours_and_any_used_link_ends_the_others)
{
    auto newcomer =
        add_person(actor(styrelsen_for_x.superbruger.id), styrelsen_for_x.id, "new_nina", "Nina Ny");
    auto welcome = reset_token_mailed_to(newcomer.email);
    ASSERT_EQ(welcome.size(), 64u);
    auto lifetimes =
        column("SELECT CAST(expires_at - created_at AS TEXT) FROM password_resets WHERE user_id = " +
               std::to_string(newcomer.id));
    EXPECT_EQ(lifetimes, std::vector<std::string>{std::to_string(72 * 3600)});
    m_users->request_password_reset(newcomer.email, from_browser, untranslated());
    auto reset = reset_token_mailed_to(newcomer.email);
    ASSERT_NE(reset, welcome);
    ASSERT_TRUE(m_users->check_reset_token(welcome));
    ASSERT_TRUE(m_users->reset_password(reset, "Ninas own synthetic password", from_browser));
    EXPECT_EQ(kind_of(m_users->check_reset_token(welcome)), "invalid");
    EXPECT_EQ(kind_of(m_users->reset_password(welcome, "a takeover password here", from_browser)), "invalid");
}

} // namespace
} // namespace rekrut::services
