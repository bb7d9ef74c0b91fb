#include "services/identity.hpp"

#include <algorithm>

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

void record_failure(store::Transaction& transaction, const std::string& key, int scale, core::UnixTime now)
{
    auto record = store::login_throttle::get(transaction, key);
    if (record.last_failure_at < now - 3600)
        record.failures = 0; // an hour without failures starts over
    ++record.failures;
    record.last_failure_at = now;
    record.blocked_until = blocked_until(record.failures, scale, now);
    store::login_throttle::put(transaction, key, record);
}

/// An external committee member's account ends with their case (filled or cancelled).
bool external_account_ended(store::Session& session, const domain::UserRecord& user)
{
    if (!user.external_case_id || !user.institution_id)
        return false;
    auto record = store::cases::find(session, *user.institution_id, *user.external_case_id);
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

/// The origin of a change, made by the user it is about.
Origin as_user(const Origin& origin, std::int64_t user_id, const std::string& name)
{
    Origin who = origin;
    who.user_id = user_id;
    who.user_name = name;
    return who;
}

/// What a login knows before it checks the password: the account (if the address has one) and how
/// long the account and the client's address are blocked.
struct LoginAttempt {
    std::string email;
    std::string account_key;
    std::string ip_key;
    core::UnixTime now = 0;
    std::optional<domain::UserRecord> user;
    core::UnixTime blocked_until = 0;
};

LoginAttempt begin_login(store::Database& database, const std::string& email_input, const Origin& origin)
{
    LoginAttempt attempt;
    attempt.email = normalise_email(email_input);
    attempt.account_key = "account:" + attempt.email;
    attempt.ip_key = "ip:" + origin.ip;
    attempt.now = core::now();
    database.read([&](store::Session& session) {
        auto account_throttle = store::login_throttle::get(session, attempt.account_key);
        auto ip_throttle = store::login_throttle::get(session, attempt.ip_key);
        attempt.blocked_until = std::max(account_throttle.blocked_until, ip_throttle.blocked_until);
        attempt.user = store::users::find_by_email_for_login(session, attempt.email);
    });
    return attempt;
}

/// Why the password does not sign the account in (for the audit trail), or nothing when it does. The
/// password is hashed also for an unknown address, so the answer takes as long either way.
std::optional<std::string> login_refusal(store::Database& database, const LoginAttempt& attempt,
                                         const std::string& password)
{
    if (!attempt.user) {
        passwords::verify_dummy(password);
        return "unknown_account";
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

/// Records the refused login: counts a failure for the account and the address (unless the login
/// was refused for being blocked already) and writes login.failed with the reason.
LoginOutcome refuse_login(store::Database& database, const LoginAttempt& attempt, const Origin& origin,
                          const std::string& reason, LoginResult result, int retry_after)
{
    (void)database.transact([&](store::Transaction& transaction) -> core::Status {
        if (result != LoginResult::throttled) {
            record_failure(transaction, attempt.account_key, 1, attempt.now);
            record_failure(transaction, attempt.ip_key, 4, attempt.now);
        }
        const auto& user = attempt.user;
        record_audit(transaction, user ? as_user(origin, user->id, user->name) : origin,
                     {user ? user->institution_id : std::nullopt, "login.failed", "user",
                      user ? std::to_string(user->id) : "", "{}",
                      json_object({{"email", attempt.email}, {"reason", reason}})});
        return core::success();
    });
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
    FoundSession found{store::sessions::find(session, token_hash), std::nullopt};
    if (!found.session)
        return found;
    if (found.session->last_seen_at < now - k_session_idle_seconds || found.session->expires_at <= now)
        return found;
    auto user = store::users::find_any(session, found.session->user_id);
    if (!user || user->status != domain::UserStatus::active || external_account_ended(session, *user))
        return found;
    found.signed_in = signed_in_as(session, *found.session, *user, now);
    return found;
}

/// The second factor `code` passes for the user ("totp" or "recovery_code"), or nothing. Each TOTP
/// time step and each recovery code works once.
std::optional<std::string> second_factor_passed_by(store::Transaction& transaction,
                                                   const domain::UserRecord& user, const std::string& code,
                                                   core::UnixTime now)
{
    auto secret = transaction.secret_key().open(user.totp_secret);
    if (!secret)
        core::log_event("error", "totp_secret_unreadable",
                        "\"user_id\":" + std::to_string(user.id)); // sealed under another key
    if (auto step = secret ? integrations::totp::matching_step(*secret, code, now) : std::nullopt) {
        if (store::users::advance_totp_step(transaction, user.id, *step))
            return "totp";
        return std::nullopt;
    }
    if (code.size() >= 10 &&
        store::recovery_codes::use(transaction, user.id,
                                   core::blake2b_hex("recovery:" + normalise_recovery_code(code)), now))
        return "recovery_code";
    return std::nullopt;
}

/// How a second-factor code was received.
enum class CodeCheck { accepted, refused, throttled };

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
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        store::sessions::create(transaction, token_hash(token), user_id, second_factor_passed, now,
                                now + k_session_absolute_seconds, ip);
        return core::success();
    });
    return token;
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
        return refuse_login(m_database, attempt, origin, "throttled", LoginResult::throttled,
                            static_cast<int>(attempt.blocked_until - attempt.now));
    if (auto reason = login_refusal(m_database, attempt, password))
        return refuse_login(m_database, attempt, origin, *reason, LoginResult::refused, 0);

    const domain::UserRecord& user = *attempt.user;
    LoginResult result = stage_after_password(m_database, user);
    std::string token = core::random_hex(32);
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        // With a second factor still to pass, the account's failures stay: they include wrong
        // codes, which must not be reset by simply logging in again with the password.
        if (result != LoginResult::second_factor_needed)
            store::login_throttle::clear(transaction, attempt.account_key);
        if (passwords::needs_rehash(user.password_hash))
            store::users::set_password_hash(transaction, user.id, passwords::hash(password));
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
    const std::string account_key = "account:" + signed_in.email;
    const std::string code(core::trim(code_input));
    const Origin who = as_user(origin, signed_in.actor.user_id, signed_in.actor.name);
    // The refusals are recorded too, so the transaction commits whatever the check found.
    auto check = m_database.transact([&](store::Transaction& transaction) -> core::Result<CodeCheck> {
        auto user = store::users::find_any(transaction, signed_in.actor.user_id);
        if (user && user->totp_enabled) {
            // Wrong codes count like wrong passwords: without this a stolen password would allow
            // unlimited guessing of the six digits within one session.
            if (store::login_throttle::get(transaction, account_key).blocked_until > now) {
                record_audit(transaction, who,
                             {user->institution_id, "login.failed", "user", std::to_string(user->id), "{}",
                              json_object({{"reason", "throttled"}})});
                return CodeCheck::throttled;
            }
            if (auto method = second_factor_passed_by(transaction, *user, code, now)) {
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
    return m_database.transact([&](store::Transaction& transaction)
                                   -> core::Result<std::pair<std::vector<std::string>, std::string>> {
        std::int64_t user_id = signed_in.actor.user_id;
        store::users::set_totp(transaction, user_id, transaction.secret_key().seal(secret), true, now);
        store::users::advance_totp_step(transaction, user_id, *step);
        store::recovery_codes::replace(transaction, user_id, hashes);
        store::sessions::rotate(transaction, signed_in.session_id, token_hash(token), true, now);
        store::users::record_login(transaction, user_id, now);
        record_audit(transaction, as_user(origin, user_id, signed_in.actor.name),
                     {signed_in.actor.institution_id, "mfa.enrolled", "user", std::to_string(user_id),
                      json_object({{"totp", signed_in.totp_enabled ? "enabled" : "disabled"}}),
                      json_object({{"totp", "enabled"}, {"recovery_codes", "10"}})});
        return std::make_pair(codes, token);
    });
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

core::Result<std::string> IdentityService::change_own_password(const SignedIn& signed_in,
                                                               const std::string& current,
                                                               const std::string& replacement,
                                                               const Origin& origin)
{
    auto user = m_database.read(
        [&](store::Session& session) { return store::users::find_any(session, signed_in.actor.user_id); });
    if (!user || !passwords::verify(user->password_hash, current))
        return core::Error::invalid(
            core::msgid("The current password is not correct."),
            {{"current_password", core::msgid("The current password is not correct.")}});
    if (auto strength = passwords::check_strength(replacement); !strength)
        return strength.error();
    std::string hash = passwords::hash(replacement);
    std::string token = core::random_hex(32);
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::string> {
        store::users::set_password_hash(transaction, user->id, hash);
        store::sessions::remove_for_user(transaction, user->id);
        store::sessions::create(transaction, token_hash(token), user->id, signed_in.second_factor_passed,
                                core::now(), core::now() + k_session_absolute_seconds, origin.ip);
        record_audit(transaction, as_user(origin, user->id, user->name),
                     {user->institution_id, "password.changed", "user", std::to_string(user->id)});
        return token;
    });
}

core::Status IdentityService::change_own_name(const SignedIn& signed_in, const std::string& name_input,
                                              const Origin& origin)
{
    std::string name(core::trim(name_input));
    if (name.empty() || name.size() > 200)
        return core::Error::invalid(core::msgid("Enter your name."),
                                    {{"name", core::msgid("Enter your name.")}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        store::users::set_own_name(transaction, signed_in.actor.user_id, name);
        record_audit(transaction, as_user(origin, signed_in.actor.user_id, name),
                     {signed_in.actor.institution_id, "user.changed", "user",
                      std::to_string(signed_in.actor.user_id), json_object({{"name", signed_in.actor.name}}),
                      json_object({{"name", name}})});
        return core::success();
    });
}

int IdentityService::remaining_recovery_codes(std::int64_t user_id)
{
    return m_database.read(
        [&](store::Session& session) { return store::recovery_codes::remaining(session, user_id); });
}

} // namespace rekrut::services
