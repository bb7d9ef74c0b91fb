// The signed-in user's own profile: name, password, e-mail address and second factor, and the link
// that confirms a new address. What changes a key of the account (password, address, second factor)
// first checks that the holder of the account is at the keyboard (check_current_credentials).
#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/field_limits.hpp"
#include "integrations/totp.hpp"
#include "services/email_change.hpp"
#include "services/identity.hpp"
#include "services/passwords.hpp"
#include "services/sign_in_support.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"
#include "store/session_store.hpp"

namespace rekrut::services {
namespace {

using sign_in::as_user;

/// How the current credentials were received.
enum class CredentialCheck { confirmed, wrong_password, wrong_code, throttled };

core::Error too_many_attempts()
{
    return core::Error{core::ErrorKind::unavailable,
                       core::msgid("Too many failed attempts. Try again in a few minutes."),
                       {}};
}

core::Error code_not_valid(const std::string& field)
{
    return core::Error::invalid(
        core::msgid("The code is not valid. Check the time on your device and try again."),
        {{field, core::msgid("The code is not valid. Check the time on your device and try again.")}});
}

core::Error refusal_of(CredentialCheck check)
{
    switch (check) {
    case CredentialCheck::throttled: return too_many_attempts();
    case CredentialCheck::wrong_code:
        return core::Error::invalid(
            core::msgid("Enter the code from your authenticator app, or a recovery code."),
            {{"current_code",
              core::msgid("Enter the code from your authenticator app, or a recovery code.")}});
    case CredentialCheck::wrong_password:
    case CredentialCheck::confirmed: break;
    }
    return core::Error::invalid(core::msgid("The current password is not correct."),
                                {{"current_password", core::msgid("The current password is not correct.")}});
}

/// The second step of the check, in one transaction that commits whatever it finds, so that a wrong
/// password or code is counted: the account's lock, then the password's verdict, then the code.
CredentialCheck check_in_turn(store::Transaction& transaction, const domain::UserRecord& user,
                              bool password_matches, const std::string& code, const Origin& who)
{
    const core::UnixTime now = core::now();
    const std::string key = sign_in::account_key(user.email);
    if (sign_in::blocked_until(transaction, key, now) > now)
        return CredentialCheck::throttled;
    CredentialCheck check = CredentialCheck::confirmed;
    if (!password_matches)
        check = CredentialCheck::wrong_password;
    else if (user.totp_enabled && !sign_in::second_factor_passed_by(transaction, user, code, now))
        check = CredentialCheck::wrong_code;
    if (check == CredentialCheck::confirmed)
        return check;
    sign_in::record_failure(transaction, key, 1, now);
    record_audit(
        transaction, who,
        {user.institution_id, "reauthentication.failed", "user", std::to_string(user.id), "{}",
         json_object({{"reason", check == CredentialCheck::wrong_password ? "wrong_password"
                                                                          : "wrong_second_factor"}})});
    return check;
}

} // namespace

core::Result<domain::UserRecord> IdentityService::check_current_credentials(const SignedIn& signed_in,
                                                                            const CurrentCredentials& current,
                                                                            const Origin& origin)
{
    auto user = m_database.read(
        [&](store::Session& session) { return store::users::find_any(session, signed_in.actor.user_id); });
    if (!user)
        return refusal_of(CredentialCheck::wrong_password);
    // A locked account is refused before anything is hashed; the lock is checked again below.
    const core::UnixTime now = core::now();
    if (m_database.read([&](store::Session& session) {
            return store::login_throttle::get(session, sign_in::account_key(user->email)).blocked_until;
        }) > now)
        return too_many_attempts();
    bool fits = current.password.size() <= domain::limits::password;
    bool matches = fits && passwords::verify(user->password_hash, current.password);
    std::string code(core::trim(current.code));
    auto check = m_database.transact([&](store::Transaction& transaction) -> core::Result<CredentialCheck> {
        return check_in_turn(transaction, *user, matches, code, as_user(origin, user->id, user->name));
    });
    if (*check != CredentialCheck::confirmed)
        return refusal_of(*check);
    return *user;
}

std::string IdentityService::start_enrolment(const SignedIn&)
{
    return integrations::totp::new_secret();
}

core::Result<std::pair<std::vector<std::string>, std::string>>
IdentityService::finish_enrolment(const SignedIn& signed_in, const std::string& secret,
                                  const std::string& code, const CurrentCredentials& current,
                                  const Origin& origin)
{
    const core::UnixTime now = core::now();
    if (secret.size() != 40 || !std::all_of(secret.begin(), secret.end(), ::isxdigit))
        return core::Error::invalid(core::msgid("The enrolment expired. Start again."));
    std::string trimmed(core::trim(code));
    auto step = trimmed.size() <= domain::limits::one_time_code
                    ? integrations::totp::matching_step(secret, trimmed, now)
                    : std::nullopt;
    if (!step)
        return code_not_valid("code");
    if (enrolment_needs_password(signed_in))
        if (auto checked = check_current_credentials(signed_in, current, origin); !checked)
            return checked.error();
    std::vector<std::string> codes = sign_in::new_recovery_codes();
    std::string token = core::random_hex(32);
    return m_database.transact([&](store::Transaction& transaction)
                                   -> core::Result<std::pair<std::vector<std::string>, std::string>> {
        std::int64_t user_id = signed_in.actor.user_id;
        std::vector<std::string> hashes;
        hashes.reserve(codes.size());
        for (const auto& recovery_code : codes)
            hashes.push_back(sign_in::recovery_code_hash(transaction.secret_key(), recovery_code));
        store::users::set_totp(transaction, user_id, transaction.secret_key().seal(secret), true, now);
        store::users::advance_totp_step(transaction, user_id, *step);
        store::recovery_codes::replace(transaction, user_id, hashes);
        store::sessions::rotate(transaction, signed_in.session_id, token_hash(token), true, now);
        store::users::record_login(transaction, user_id, now);
        record_audit(transaction, as_user(origin, user_id, signed_in.actor.name),
                     {signed_in.actor.institution_id, "mfa.enrolled", "user", std::to_string(user_id),
                      json_object({{"totp", signed_in.totp_enabled ? "enabled" : "disabled"}}),
                      json_object({{"totp", "enabled"}, {"recovery_codes", std::to_string(codes.size())}})});
        return std::make_pair(codes, token);
    });
}

core::Result<std::string> IdentityService::change_own_password(const SignedIn& signed_in,
                                                               const CurrentCredentials& current,
                                                               const std::string& replacement,
                                                               const Origin& origin)
{
    if (auto strength = passwords::check_strength(replacement); !strength)
        return strength.error();
    auto user = check_current_credentials(signed_in, current, origin);
    if (!user)
        return user.error();
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
    if (name.empty() || name.size() > domain::limits::name)
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

core::Status IdentityService::request_own_email_change(const SignedIn& signed_in,
                                                       const CurrentCredentials& current,
                                                       const std::string& new_email, const Origin& origin,
                                                       const Translate& translate)
{
    // The address is checked before the password, so a mistyped address costs no attempt.
    auto checked = m_database.read(
        [&](store::Session& session) { return checked_new_email(session, new_email, "email"); });
    if (!checked)
        return checked.error();
    auto user = check_current_credentials(signed_in, current, origin);
    if (!user)
        return user.error();
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto address = checked_new_email(transaction, new_email, "email"); // taken in the meantime?
        if (!address)
            return address.error();
        start_email_change(transaction, m_public_url, *user, *address, as_user(origin, user->id, user->name),
                           translate);
        return core::success();
    });
}

core::Status IdentityService::check_email_confirmation(const std::string& token)
{
    bool valid =
        m_database.read([&](store::Session& session) { return email_change_link_valid(session, token); });
    if (!valid)
        return core::Error::invalid(core::msgid("The link has expired or has already been used."));
    return core::success();
}

core::Status IdentityService::confirm_email_change(const std::string& token, const Origin& origin,
                                                   const Translate& translate)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        return apply_email_change(transaction, m_public_url, token, origin, translate);
    });
}

} // namespace rekrut::services
