#include "services/identity.hpp"

#include <algorithm>
#include <soci/soci.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "integrations/totp.hpp"
#include "services/audit_log.hpp"
#include "services/passwords.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"
#include "store/session_store.hpp"

namespace rekrut::services {
namespace {

std::string normalise_email(const std::string& email)
{
    std::string out(core::trim(email));
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return out;
}

/// Growing delays after repeated failures, then a temporary lock. `scale` is higher for IP
/// addresses, which many people may share.
core::UnixTime blocked_until(int failures, int scale, core::UnixTime now)
{
    if (failures < 5 * scale)
        return 0;
    if (failures >= 10 * scale)
        return now + 15L * 60;
    int steps = (failures - 5 * scale) / scale;
    return now + (15 << steps);
}

void record_failure(soci::session& sql, const std::string& key, int scale, core::UnixTime now)
{
    auto record = store::login_throttle::get(sql, key);
    if (record.last_failure_at < now - 3600)
        record.failures = 0; // an hour without failures starts over
    ++record.failures;
    record.last_failure_at = now;
    record.blocked_until = blocked_until(record.failures, scale, now);
    store::login_throttle::put(sql, key, record);
}

/// An external committee member's account ends with their case (filled or cancelled).
bool external_account_ended(soci::session& sql, const domain::UserRecord& user)
{
    if (!user.external_case_id || !user.institution_id)
        return false;
    auto record = store::cases::find(sql, *user.institution_id, *user.external_case_id);
    return !record || record->state == domain::CaseState::filled ||
           record->state == domain::CaseState::cancelled;
}

std::string recovery_code()
{
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
    std::string hex = core::random_hex(10);
    std::string code;
    for (std::size_t i = 0; i < 10; ++i) {
        if (i == 5)
            code += '-';
        code += alphabet[std::stoi(hex.substr(i * 2, 2), nullptr, 16) % (sizeof alphabet - 1)];
    }
    return code;
}

std::string normalise_recovery_code(const std::string& code)
{
    std::string out;
    for (char ch : code)
        if (std::isalnum(static_cast<unsigned char>(ch)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

} // namespace

std::string IdentityService::token_hash(const std::string& token)
{
    return core::blake2b_hex("session:" + token);
}

std::string IdentityService::create_session(std::int64_t user_id, bool second_factor_passed,
                                            const std::string& ip)
{
    std::string token = core::random_hex(32);
    core::UnixTime now = core::now();
    m_database.with_transaction([&](soci::session& sql) {
        store::sessions::create(sql, token_hash(token), user_id, second_factor_passed, now,
                                now + k_session_absolute_seconds, ip);
    });
    return token;
}

std::string IdentityService::rotate_session(std::int64_t session_id, bool second_factor_passed)
{
    std::string token = core::random_hex(32);
    m_database.with_transaction([&](soci::session& sql) {
        store::sessions::rotate(sql, session_id, token_hash(token), second_factor_passed, core::now());
    });
    return token;
}

LoginOutcome IdentityService::login(const std::string& email_input, const std::string& password,
                                    const Origin& origin)
{
    const std::string email = normalise_email(email_input);
    const std::string account_key = "account:" + email;
    const std::string ip_key = "ip:" + origin.ip;
    const core::UnixTime now = core::now();

    std::optional<domain::UserRecord> user;
    store::ThrottleRecord account_throttle, ip_throttle;
    m_database.with_session([&](soci::session& sql) {
        account_throttle = store::login_throttle::get(sql, account_key);
        ip_throttle = store::login_throttle::get(sql, ip_key);
        user = store::users::find_by_email_for_login(sql, email);
    });

    auto fail = [&](const std::string& reason, LoginResult result, int retry_after) {
        m_database.with_transaction([&](soci::session& sql) {
            if (result != LoginResult::throttled) {
                record_failure(sql, account_key, 1, now);
                record_failure(sql, ip_key, 4, now);
            }
            Origin who = origin;
            if (user) {
                who.user_id = user->id;
                who.user_name = user->name;
            }
            record_audit(m_database, sql, who,
                         {user ? user->institution_id : std::nullopt, "login.failed", "user",
                          user ? std::to_string(user->id) : "", "{}",
                          json_object({{"email", email}, {"reason", reason}})});
        });
        return LoginOutcome{result, "", retry_after};
    };

    core::UnixTime blocked = std::max(account_throttle.blocked_until, ip_throttle.blocked_until);
    if (blocked > now)
        return fail("throttled", LoginResult::throttled, static_cast<int>(blocked - now));

    if (!user) {
        passwords::verify_dummy(password);
        return fail("unknown_account", LoginResult::refused, 0);
    }
    if (!passwords::verify(user->password_hash, password))
        return fail("wrong_password", LoginResult::refused, 0);
    bool ended = false;
    m_database.with_session([&](soci::session& sql) { ended = external_account_ended(sql, *user); });
    if (ended)
        return fail("external_account_ended", LoginResult::refused, 0);
    if (user->status != domain::UserStatus::active)
        return fail(std::string("account_") + std::string(domain::to_string(user->status)),
                    LoginResult::refused, 0);

    bool required = user->is_operator;
    m_database.with_session([&](soci::session& sql) {
        required = required || !store::roles::institution_roles_of(sql, user->id).empty();
    });
    LoginResult result = user->totp_enabled ? LoginResult::second_factor_needed
                         : required         ? LoginResult::enrolment_needed
                                            : LoginResult::signed_in;

    std::string token = core::random_hex(32);
    m_database.with_transaction([&](soci::session& sql) {
        // With a second factor still to pass, the account's failures stay: they include wrong
        // codes, which must not be reset by simply logging in again with the password.
        if (result != LoginResult::second_factor_needed)
            store::login_throttle::clear(sql, account_key);
        if (passwords::needs_rehash(user->password_hash))
            store::users::set_password_hash(sql, user->id, passwords::hash(password));
        store::sessions::create(sql, token_hash(token), user->id, result == LoginResult::signed_in, now,
                                now + k_session_absolute_seconds, origin.ip);
        if (result == LoginResult::signed_in)
            store::users::record_login(sql, user->id, now);
        Origin who = origin;
        who.user_id = user->id;
        who.user_name = user->name;
        const char* stage = result == LoginResult::signed_in              ? "complete"
                            : result == LoginResult::second_factor_needed ? "second_factor_needed"
                                                                          : "enrolment_needed";
        record_audit(m_database, sql, who,
                     {user->institution_id, "login.password_accepted", "user", std::to_string(user->id), "{}",
                      json_object({{"stage", stage}})});
    });
    return {result, token, 0};
}

std::optional<SignedIn> IdentityService::resume(const std::string& token)
{
    if (token.size() != 64)
        return std::nullopt;
    const core::UnixTime now = core::now();
    std::optional<SignedIn> signed_in;
    bool expired = false;
    std::optional<store::SessionRecord> session;
    m_database.with_session([&](soci::session& sql) {
        session = store::sessions::find(sql, token_hash(token));
        if (!session)
            return;
        if (session->last_seen_at < now - k_session_idle_seconds || session->expires_at <= now) {
            expired = true;
            return;
        }
        auto user = store::users::find_any(sql, session->user_id);
        if (!user || user->status != domain::UserStatus::active) {
            expired = true;
            return;
        }
        if (external_account_ended(sql, *user)) {
            expired = true;
            return;
        }
        SignedIn result;
        result.session_id = session->id;
        result.email = user->email;
        result.second_factor_passed = session->mfa_passed;
        result.totp_enabled = user->totp_enabled;
        result.actor.user_id = user->id;
        result.actor.name = user->name;
        result.actor.institution_id = user->institution_id;
        result.actor.is_operator = user->is_operator;
        auto roles = store::roles::held_by(sql, user->id);
        result.actor.institution_roles = std::move(roles.institution_roles);
        result.actor.case_roles = std::move(roles.case_roles);
        result.second_factor_required = result.actor.is_administrative();
        if (user->is_operator) {
            if (auto access = store::operator_access::active_for(sql, user->id, now)) {
                result.actor.elevated_institution_id = access->institution_id;
                result.operator_access_id = access->id;
            }
        }
        if (user->rights_changed_at > session->rotated_at)
            result.new_token = core::random_hex(32);
        signed_in = std::move(result);
    });
    if (expired) {
        m_database.with_transaction([&](soci::session& sql) { store::sessions::remove(sql, session->id); });
        return std::nullopt;
    }
    if (!signed_in)
        return std::nullopt;
    if (signed_in->new_token) {
        m_database.with_transaction([&](soci::session& sql) {
            store::sessions::rotate(sql, signed_in->session_id, token_hash(*signed_in->new_token),
                                    signed_in->second_factor_passed, now);
        });
    } else if (session->last_seen_at < now - 60) {
        // Writing on every request would make each page a write; a minute's precision is enough
        // for a 30-minute idle timeout.
        m_database.with_transaction(
            [&](soci::session& sql) { store::sessions::touch(sql, signed_in->session_id, now); });
    }
    return signed_in;
}

core::Result<std::string> IdentityService::pass_second_factor(const SignedIn& signed_in,
                                                              const std::string& code_input,
                                                              const Origin& origin)
{
    const core::UnixTime now = core::now();
    const std::string account_key = "account:" + signed_in.email;
    std::string code(core::trim(code_input));
    bool accepted = false;
    bool throttled = false;
    std::string method;
    std::optional<domain::UserRecord> user;
    m_database.with_transaction([&](soci::session& sql) {
        user = store::users::find_any(sql, signed_in.actor.user_id);
        if (!user || !user->totp_enabled)
            return;
        // Wrong codes count like wrong passwords: without this a stolen password would allow
        // unlimited guessing of the six digits within one session.
        if (store::login_throttle::get(sql, account_key).blocked_until > now) {
            throttled = true;
            Origin who = origin;
            who.user_id = signed_in.actor.user_id;
            who.user_name = signed_in.actor.name;
            record_audit(m_database, sql, who,
                         {user->institution_id, "login.failed", "user", std::to_string(user->id), "{}",
                          json_object({{"reason", "throttled"}})});
            return;
        }
        auto secret = m_database.secret_key().open(user->totp_secret);
        if (!secret)
            core::log_event("error", "totp_secret_unreadable",
                            "\"user_id\":" + std::to_string(user->id)); // sealed under another key
        if (auto step = secret ? integrations::totp::matching_step(*secret, code, now) : std::nullopt) {
            accepted = store::users::advance_totp_step(sql, user->id, *step);
            method = "totp";
        } else if (code.size() >= 10) {
            accepted = store::recovery_codes::use(
                sql, user->id, core::blake2b_hex("recovery:" + normalise_recovery_code(code)), now);
            method = "recovery_code";
        }
        Origin who = origin;
        who.user_id = signed_in.actor.user_id;
        who.user_name = signed_in.actor.name;
        if (accepted) {
            store::login_throttle::clear(sql, account_key);
            store::users::record_login(sql, user->id, now);
            record_audit(m_database, sql, who,
                         {user->institution_id, "login.succeeded", "user", std::to_string(user->id), "{}",
                          json_object({{"second_factor", method}})});
        } else {
            record_audit(m_database, sql, who,
                         {user->institution_id, "login.failed", "user", std::to_string(user->id), "{}",
                          json_object({{"reason", "wrong_second_factor"}})});
        }
    });
    if (throttled)
        return core::Error{core::ErrorKind::unavailable,
                           core::msgid("Too many failed attempts. Try again in a few minutes."),
                           {}};
    if (!accepted) {
        m_database.with_transaction([&](soci::session& sql) { record_failure(sql, account_key, 1, now); });
        return core::Error::invalid(
            core::msgid("The code is not valid. Check the time on your device and try again."),
            {{"code", core::msgid("The code is not valid. Check the time on your device and try again.")}});
    }
    return rotate_session(signed_in.session_id, true);
}

int IdentityService::seal_stored_secrets()
{
    int sealed = 0;
    m_database.with_transaction([&](soci::session& sql) {
        for (const auto& [user_id, secret] : store::users::unsealed_totp_secrets(sql)) {
            store::users::replace_totp_secret(sql, user_id, m_database.secret_key().seal(secret));
            ++sealed;
        }
    });
    return sealed;
}

std::string IdentityService::start_enrolment(const SignedIn&)
{
    return integrations::totp::new_secret();
}

core::Result<std::pair<std::vector<std::string>, std::string>>
IdentityService::finish_enrolment(const SignedIn& signed_in, const std::string& secret,
                                  const std::string& code, const Origin& origin)
{
    const core::UnixTime now = core::now();
    if (secret.size() != 40 || !std::all_of(secret.begin(), secret.end(), ::isxdigit))
        return core::Error::invalid(core::msgid("The enrolment expired. Start again."));
    auto step = integrations::totp::matching_step(secret, std::string(core::trim(code)), now);
    if (!step)
        return core::Error::invalid(
            core::msgid("The code is not valid. Check the time on your device and try again."),
            {{"code", core::msgid("The code is not valid. Check the time on your device and try again.")}});
    std::vector<std::string> codes, hashes;
    for (int i = 0; i < 10; ++i) {
        codes.push_back(recovery_code());
        hashes.push_back(core::blake2b_hex("recovery:" + normalise_recovery_code(codes.back())));
    }
    std::string token = core::random_hex(32);
    m_database.with_transaction([&](soci::session& sql) {
        store::users::set_totp(sql, signed_in.actor.user_id, m_database.secret_key().seal(secret), true, now);
        store::users::advance_totp_step(sql, signed_in.actor.user_id, *step);
        store::recovery_codes::replace(sql, signed_in.actor.user_id, hashes);
        store::sessions::rotate(sql, signed_in.session_id, token_hash(token), true, now);
        store::users::record_login(sql, signed_in.actor.user_id, now);
        Origin who = origin;
        who.user_id = signed_in.actor.user_id;
        who.user_name = signed_in.actor.name;
        record_audit(m_database, sql, who,
                     {signed_in.actor.institution_id, "mfa.enrolled", "user",
                      std::to_string(signed_in.actor.user_id),
                      json_object({{"totp", signed_in.totp_enabled ? "enabled" : "disabled"}}),
                      json_object({{"totp", "enabled"}, {"recovery_codes", "10"}})});
    });
    return std::make_pair(codes, token);
}

void IdentityService::logout(const SignedIn& signed_in, const Origin& origin)
{
    m_database.with_transaction([&](soci::session& sql) {
        store::sessions::remove(sql, signed_in.session_id);
        Origin who = origin;
        who.user_id = signed_in.actor.user_id;
        who.user_name = signed_in.actor.name;
        record_audit(
            m_database, sql, who,
            {signed_in.actor.institution_id, "logout", "user", std::to_string(signed_in.actor.user_id)});
    });
}

core::Result<std::string> IdentityService::change_own_password(const SignedIn& signed_in,
                                                               const std::string& current,
                                                               const std::string& replacement,
                                                               const Origin& origin)
{
    std::optional<domain::UserRecord> user;
    m_database.with_session(
        [&](soci::session& sql) { user = store::users::find_any(sql, signed_in.actor.user_id); });
    if (!user || !passwords::verify(user->password_hash, current))
        return core::Error::invalid(
            core::msgid("The current password is not correct."),
            {{"current_password", core::msgid("The current password is not correct.")}});
    if (auto strength = passwords::check_strength(replacement); !strength)
        return strength.error();
    std::string hash = passwords::hash(replacement);
    std::string token = core::random_hex(32);
    m_database.with_transaction([&](soci::session& sql) {
        store::users::set_password_hash(sql, user->id, hash);
        store::sessions::remove_for_user(sql, user->id);
        store::sessions::create(sql, token_hash(token), user->id, signed_in.second_factor_passed, core::now(),
                                core::now() + k_session_absolute_seconds, origin.ip);
        Origin who = origin;
        who.user_id = user->id;
        who.user_name = user->name;
        record_audit(m_database, sql, who,
                     {user->institution_id, "password.changed", "user", std::to_string(user->id)});
    });
    return token;
}

core::Status IdentityService::change_own_name(const SignedIn& signed_in, const std::string& name_input,
                                              const Origin& origin)
{
    std::string name(core::trim(name_input));
    if (name.empty() || name.size() > 200)
        return core::Error::invalid(core::msgid("Enter your name."),
                                    {{"name", core::msgid("Enter your name.")}});
    m_database.with_transaction([&](soci::session& sql) {
        store::users::set_own_name(sql, signed_in.actor.user_id, name);
        Origin who = origin;
        who.user_id = signed_in.actor.user_id;
        who.user_name = name;
        record_audit(m_database, sql, who,
                     {signed_in.actor.institution_id, "user.changed", "user",
                      std::to_string(signed_in.actor.user_id), json_object({{"name", signed_in.actor.name}}),
                      json_object({{"name", name}})});
    });
    return core::success();
}

int IdentityService::remaining_recovery_codes(std::int64_t user_id)
{
    int remaining = 0;
    m_database.with_session(
        [&](soci::session& sql) { remaining = store::recovery_codes::remaining(sql, user_id); });
    return remaining;
}

} // namespace rekrut::services
