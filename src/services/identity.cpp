#include "services/identity.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/email_address.hpp"
#include "domain/field_limits.hpp"
#include "services/audit_log.hpp"
#include "services/passwords.hpp"
#include "services/sign_in_support.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"
#include "store/session_store.hpp"

namespace rekrut::services {
namespace {

using sign_in::as_user;
using sign_in::record_failure;

/// An external committee member's account ends with their case (filled or cancelled).
bool external_account_ended(store::Session& session, const domain::UserRecord& user)
{
    if (!user.external_case_id || !user.institution_id)
        return false;
    auto record = store::cases::find(session, *user.institution_id, *user.external_case_id);
    return !record || record->state == domain::CaseState::filled ||
           record->state == domain::CaseState::cancelled;
}

/// What a login knows before it checks the password: the address (when the input is one), the
/// account (if the address has one) and how long the account and the client's address are blocked.
struct LoginAttempt {
    std::optional<std::string> email; ///< Empty when the input breaks the e-mail rule.
    std::string account_key;          ///< Empty without an address: no account, no row of its own.
    std::string ip_key;
    core::UnixTime now = 0;
    std::optional<domain::UserRecord> user;
    core::UnixTime blocked_until = 0;

    /// What the audit trail records of the input: the address, or a fixed marker.
    std::string recorded_email() const { return email.value_or(k_not_an_email_address); }
};

LoginAttempt begin_login(store::Database& database, const std::string& email_input, const Origin& origin)
{
    LoginAttempt attempt;
    if (email_input.size() <= domain::limits::email)
        attempt.email = domain::normalize_email_address(email_input);
    if (attempt.email)
        attempt.account_key = sign_in::account_key(*attempt.email);
    attempt.ip_key = "ip:" + origin.ip;
    attempt.now = core::now();
    database.read([&](store::Session& session) {
        attempt.blocked_until = store::login_throttle::get(session, attempt.ip_key).blocked_until;
        if (!attempt.email)
            return;
        attempt.blocked_until = std::max(
            attempt.blocked_until, store::login_throttle::get(session, attempt.account_key).blocked_until);
        attempt.user = store::users::find_by_email_for_login(session, *attempt.email);
    });
    return attempt;
}

/// Why the password does not sign the account in (for the audit trail), or nothing when it does.
/// Exactly one password verification runs whatever the input and the account, so the answer takes
/// as long either way.
std::optional<std::string> login_refusal(store::Database& database, const LoginAttempt& attempt,
                                         const std::string& password)
{
    if (!attempt.user || password.size() > domain::limits::password) {
        passwords::verify_dummy(password.size() > domain::limits::password ? std::string() : password);
        return attempt.user ? "wrong_password" : "unknown_account";
    }
    const domain::UserRecord& user = *attempt.user;
    if (!passwords::verify(user.password_hash, password))
        return "wrong_password";
    if (database.read([&](store::Session& session) { return external_account_ended(session, user); }))
        return "external_account_ended";
    if (user.status != domain::UserStatus::active)
        return std::string("account_") + std::string(domain::to_string(user.status));
    return std::nullopt;
}

/// Until when the attempt's account or address is blocked, read again with the account's row locked
/// (after the password was hashed, so that no lock is held meanwhile): failures counted by logins
/// that ran at the same time are seen.
core::UnixTime blocked_now(store::Transaction& transaction, const LoginAttempt& attempt)
{
    core::UnixTime until = store::login_throttle::get(transaction, attempt.ip_key).blocked_until;
    if (!attempt.account_key.empty())
        until = std::max(until, sign_in::blocked_until(transaction, attempt.account_key, attempt.now));
    return until;
}

void record_login_failure(store::Transaction& transaction, const LoginAttempt& attempt, const Origin& origin,
                          const std::string& reason)
{
    const auto& user = attempt.user;
    record_audit(transaction, user ? as_user(origin, user->id, user->name) : origin,
                 {user ? user->institution_id : std::nullopt, "login.failed", "user",
                  user ? std::to_string(user->id) : "", "{}",
                  json_object({{"email", attempt.recorded_email()}, {"reason", reason}})});
}

/// Records the refused login: counts a failure for the account and the address (unless the login
/// was refused for being blocked, also by failures counted meanwhile) and writes login.failed with
/// the reason.
LoginOutcome refuse_login(store::Database& database, const LoginAttempt& attempt, const Origin& origin,
                          const std::string& reason, LoginResult result)
{
    core::UnixTime blocked = attempt.blocked_until;
    (void)database.transact([&](store::Transaction& transaction) -> core::Status {
        if (result != LoginResult::throttled)
            blocked = blocked_now(transaction, attempt);
        if (blocked > attempt.now) {
            result = LoginResult::throttled;
            record_login_failure(transaction, attempt, origin, "throttled");
            return core::success();
        }
        if (!attempt.account_key.empty())
            record_failure(transaction, attempt.account_key, 1, attempt.now);
        record_failure(transaction, attempt.ip_key, 4, attempt.now);
        record_login_failure(transaction, attempt, origin, reason);
        return core::success();
    });
    int retry_after = result == LoginResult::throttled ? static_cast<int>(blocked - attempt.now) : 0;
    return LoginOutcome{result, "", retry_after};
}

/// How far the accepted password takes the user: in, or on to the second factor (to enrol in it
/// first when an operator or an administrative role requires one).
LoginResult stage_after_password(store::Database& database, const domain::UserRecord& user)
{
    if (user.totp_enabled)
        return LoginResult::second_factor_needed;
    bool required = user.is_operator || database.read([&](store::Session& session) {
        return !store::roles::institution_roles_of(session, user.id).empty();
    });
    return required ? LoginResult::enrolment_needed : LoginResult::signed_in;
}

/// What a session token leads to: no session, a session that has ended, or the signed-in user.
struct FoundSession {
    std::optional<store::SessionRecord> session;
    std::optional<SignedIn> signed_in; ///< Empty while `session` is set: the session has ended.
};

/// The signed-in user of a live session, with every right they hold now.
SignedIn signed_in_as(store::Session& session, const store::SessionRecord& record,
                      const domain::UserRecord& user, core::UnixTime now)
{
    SignedIn result;
    result.session_id = record.id;
    result.csrf_seed = record.csrf_seed;
    result.email = user.email;
    result.second_factor_passed = record.mfa_passed;
    result.totp_enabled = user.totp_enabled;
    result.actor.user_id = user.id;
    result.actor.name = user.name;
    result.actor.institution_id = user.institution_id;
    result.actor.is_operator = user.is_operator;
    auto roles = store::roles::held_by(session, user.id);
    result.actor.institution_roles = std::move(roles.institution_roles);
    result.actor.case_roles = std::move(roles.case_roles);
    result.second_factor_required = result.actor.is_administrative();
    if (user.is_operator) {
        if (auto access = store::operator_access::active_for(session, user.id, now)) {
            result.actor.elevated_institution_id = access->institution_id;
            result.operator_access_id = access->id;
        }
    }
    if (user.rights_changed_at > record.rotated_at)
        result.new_token = core::random_hex(32);
    return result;
}

/// Looks the token's session up and, while it lives, loads who is signed in with it.
FoundSession find_session(store::Session& session, const std::string& token_hash, core::UnixTime now)
{
    auto with_user = store::users::find_by_session(session, token_hash);
    if (!with_user)
        return {};
    FoundSession found{with_user->session, std::nullopt};
    if (found.session->last_seen_at < now - k_session_idle_seconds || found.session->expires_at <= now)
        return found;
    const auto& user = with_user->user;
    if (user.status != domain::UserStatus::active || external_account_ended(session, user))
        return found;
    found.signed_in = signed_in_as(session, *found.session, user, now);
    return found;
}

/// How a second-factor code was received.
enum class CodeCheck { accepted, refused, throttled };

} // namespace

std::string IdentityService::token_hash(const std::string& token)
{
    return core::blake2b_hex("session:" + token);
}

std::string IdentityService::rotate_session(std::int64_t session_id, bool second_factor_passed)
{
    std::string token = core::random_hex(32);
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        store::sessions::rotate(transaction, session_id, token_hash(token), second_factor_passed,
                                core::now());
        return core::success();
    });
    return token;
}

LoginOutcome IdentityService::login(const std::string& email, const std::string& password,
                                    const Origin& origin)
{
    LoginAttempt attempt = begin_login(m_database, email, origin);
    if (attempt.blocked_until > attempt.now)
        return refuse_login(m_database, attempt, origin, "throttled", LoginResult::throttled);
    if (auto reason = login_refusal(m_database, attempt, password))
        return refuse_login(m_database, attempt, origin, *reason, LoginResult::refused);

    const domain::UserRecord& user = *attempt.user;
    LoginResult result = stage_after_password(m_database, user);
    std::string token = core::random_hex(32);
    std::string rehashed = passwords::needs_rehash(user.password_hash) ? passwords::hash(password) : "";
    core::UnixTime blocked = 0;
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        // Logins that failed while this password was hashed may have locked the account since.
        if ((blocked = blocked_now(transaction, attempt)) > attempt.now) {
            record_login_failure(transaction, attempt, origin, "throttled");
            return core::success();
        }
        // With a second factor still to pass, the account's failures stay: they include wrong
        // codes, which must not be reset by simply logging in again with the password.
        if (result != LoginResult::second_factor_needed)
            store::login_throttle::clear(transaction, attempt.account_key);
        if (!rehashed.empty())
            store::users::set_password_hash(transaction, user.id, rehashed);
        store::sessions::create(transaction, token_hash(token), user.id, result == LoginResult::signed_in,
                                attempt.now, attempt.now + k_session_absolute_seconds, origin.ip);
        if (result == LoginResult::signed_in)
            store::users::record_login(transaction, user.id, attempt.now);
        const char* stage = result == LoginResult::signed_in              ? "complete"
                            : result == LoginResult::second_factor_needed ? "second_factor_needed"
                                                                          : "enrolment_needed";
        record_audit(transaction, as_user(origin, user.id, user.name),
                     {user.institution_id, "login.password_accepted", "user", std::to_string(user.id), "{}",
                      json_object({{"stage", stage}})});
        return core::success();
    });
    if (blocked > attempt.now)
        return {LoginResult::throttled, "", static_cast<int>(blocked - attempt.now)};
    return {result, token, 0};
}

std::optional<SignedIn> IdentityService::resume(const std::string& token)
{
    if (token.size() != 64)
        return std::nullopt;
    const core::UnixTime now = core::now();
    auto found = m_database.read(
        [&](store::Session& session) { return find_session(session, token_hash(token), now); });
    if (!found.session)
        return std::nullopt;
    if (!found.signed_in) {
        (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
            store::sessions::remove(transaction, found.session->id);
            return core::success();
        });
        return std::nullopt;
    }
    const SignedIn& signed_in = *found.signed_in;
    if (signed_in.new_token) {
        (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
            store::sessions::rotate(transaction, signed_in.session_id, token_hash(*signed_in.new_token),
                                    signed_in.second_factor_passed, now);
            return core::success();
        });
    } else if (found.session->last_seen_at < now - 60) {
        // Writing on every request would make each page a write; a minute's precision is enough
        // for a 30-minute idle timeout.
        (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
            store::sessions::touch(transaction, signed_in.session_id, now);
            return core::success();
        });
    }
    return std::move(found.signed_in);
}

core::Result<std::string> IdentityService::pass_second_factor(const SignedIn& signed_in,
                                                              const std::string& code_input,
                                                              const Origin& origin)
{
    const core::UnixTime now = core::now();
    const std::string account_key = sign_in::account_key(signed_in.email);
    const std::string code(core::trim(code_input));
    const Origin who = as_user(origin, signed_in.actor.user_id, signed_in.actor.name);
    // The refusals are recorded too, so the transaction commits whatever the check found.
    auto check = m_database.transact([&](store::Transaction& transaction) -> core::Result<CodeCheck> {
        auto user = store::users::find_any(transaction, signed_in.actor.user_id);
        if (user && user->totp_enabled) {
            // Wrong codes count like wrong passwords: without this a stolen password would allow
            // unlimited guessing of the six digits within one session. The row stays locked until
            // this code is counted, so codes sent at once are checked one after the other.
            if (sign_in::blocked_until(transaction, account_key, now) > now) {
                record_audit(transaction, who,
                             {user->institution_id, "login.failed", "user", std::to_string(user->id), "{}",
                              json_object({{"reason", "throttled"}})});
                return CodeCheck::throttled;
            }
            if (auto method = sign_in::second_factor_passed_by(transaction, *user, code, now)) {
                store::login_throttle::clear(transaction, account_key);
                store::users::record_login(transaction, user->id, now);
                record_audit(transaction, who,
                             {user->institution_id, "login.succeeded", "user", std::to_string(user->id), "{}",
                              json_object({{"second_factor", *method}})});
                return CodeCheck::accepted;
            }
            record_audit(transaction, who,
                         {user->institution_id, "login.failed", "user", std::to_string(user->id), "{}",
                          json_object({{"reason", "wrong_second_factor"}})});
        }
        record_failure(transaction, account_key, 1, now);
        return CodeCheck::refused;
    });
    if (*check == CodeCheck::throttled)
        return core::Error{core::ErrorKind::unavailable,
                           core::msgid("Too many failed attempts. Try again in a few minutes."),
                           {}};
    if (*check == CodeCheck::refused)
        return core::Error::invalid(
            core::msgid("The code is not valid. Check the time on your device and try again."),
            {{"code", core::msgid("The code is not valid. Check the time on your device and try again.")}});
    return rotate_session(signed_in.session_id, true);
}

std::string IdentityService::csrf_token(const SignedIn& signed_in) const
{
    return core::blake2b_keyed_hex("csrf:" + std::to_string(signed_in.session_id) + ":" + signed_in.csrf_seed,
                                   m_database.secret_key().csrf_key());
}

int IdentityService::key_stored_recovery_codes()
{
    return m_database
        .transact([&](store::Transaction& transaction) -> core::Result<int> {
            auto stored =
                store::recovery_codes::without_prefix(transaction, sign_in::k_keyed_recovery_prefix);
            for (const auto& [code_id, legacy_hash] : stored)
                store::recovery_codes::replace_hash(
                    transaction, code_id,
                    sign_in::keyed_recovery_code_hash(transaction.secret_key(), legacy_hash));
            return static_cast<int>(stored.size());
        })
        .value();
}

void IdentityService::purge_expired(core::UnixTime now)
{
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        store::login_throttle::remove_expired(transaction, now);
        store::sessions::remove_expired(transaction, now - k_session_idle_seconds, now);
        return core::success();
    });
}

int IdentityService::seal_stored_secrets()
{
    return m_database
        .transact([&](store::Transaction& transaction) -> core::Result<int> {
            int sealed = 0;
            for (const auto& [user_id, secret] : store::users::unsealed_totp_secrets(transaction)) {
                store::users::replace_totp_secret(transaction, user_id,
                                                  transaction.secret_key().seal(secret));
                ++sealed;
            }
            return sealed;
        })
        .value();
}

void IdentityService::logout(const SignedIn& signed_in, const Origin& origin)
{
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        store::sessions::remove(transaction, signed_in.session_id);
        record_audit(
            transaction, as_user(origin, signed_in.actor.user_id, signed_in.actor.name),
            {signed_in.actor.institution_id, "logout", "user", std::to_string(signed_in.actor.user_id)});
        return core::success();
    });
}

int IdentityService::remaining_recovery_codes(std::int64_t user_id)
{
    return m_database.read(
        [&](store::Session& session) { return store::recovery_codes::remaining(session, user_id); });
}

} // namespace rekrut::services
