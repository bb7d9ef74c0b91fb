#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/account_records.hpp"
#include "domain/access/actor.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// Session lifetimes (service description: idle 30 minutes, absolute 12 hours).
constexpr int k_session_idle_seconds = 30 * 60;
constexpr int k_session_absolute_seconds = 12 * 3600;

enum class LoginResult { signed_in, second_factor_needed, enrolment_needed, refused, throttled };

struct LoginOutcome {
    LoginResult result = LoginResult::refused;
    std::string session_token; ///< Set for the first three results.
    int retry_after_seconds = 0;
};

/// A resumed session: who is signed in and how far the login got.
struct SignedIn {
    domain::Actor actor;
    std::int64_t session_id = 0;
    std::string csrf_seed; ///< The session's own random value behind its CSRF token.
    std::string email;
    bool second_factor_passed = false;
    bool second_factor_required = false; ///< Operator, Superbruger and Administrator.
    bool totp_enabled = false;
    /// Set when the token was replaced (rights changed since it was issued); the web layer sends
    /// the new cookie.
    std::optional<std::string> new_token;
    std::optional<std::int64_t> operator_access_id;

    /// The session may use the application (not only the second-factor pages).
    bool complete() const { return second_factor_passed || (!second_factor_required && !totp_enabled); }
};

/// What a change of the account's keys (password, e-mail address, second factor) must show, so that
/// a session left open or taken over is not enough: the current password, and where a second factor
/// is enrolled the current code of the device or an unused recovery code.
struct CurrentCredentials {
    std::string password;
    std::string code;
};

/// Translates a message id into the language of the mail being written.
using Translate = std::function<std::string(const std::string&)>;

/// What is written into the audit trail for a login with an input that is no e-mail address, in
/// place of the input (which is neither bounded nor anyone's address).
inline constexpr const char* k_not_an_email_address = "(not an e-mail address)";

/// Login, second factor, sessions and logout; the own profile and the confirmation of a new e-mail
/// address (identity_profile.cpp).
class IdentityService {
public:
    /// `public_url` is where the links in mails lead.
    IdentityService(store::Database& database, std::string public_url)
        : m_database(database), m_public_url(std::move(public_url))
    {
    }

    /// Checks throttling, the password (always hashing, also for unknown accounts, accounts without
    /// a password and inputs that are no address), the account's status; writes login.succeeded or
    /// login.failed with the reason. The address recorded for a failure is one that passes the
    /// e-mail rule, else k_not_an_email_address; only an address gets a throttle row of its own.
    LoginOutcome login(const std::string& email, const std::string& password, const Origin& origin);

    /// Finds the session for a cookie token; ends it when idle or too old; rotates the token when
    /// the user's rights changed since it was issued; loads the Actor with every current right.
    std::optional<SignedIn> resume(const std::string& token);
    /// The CSRF token of a signed-in session: a keyed hash of its id and random seed (64 hex digits),
    /// so it is the same for every form of the session and worthless in any other.
    std::string csrf_token(const SignedIn& signed_in) const;

    /// Seals (core::SecretKey::seal) every TOTP secret still stored as written before secrets were
    /// sealed. Run at start; returns how many were sealed.
    int seal_stored_secrets();
    /// Keys (sign_in::keyed_recovery_code_hash) every recovery code still stored with the unkeyed
    /// hash of before. Run at start; returns how many were keyed. The codes keep working until used
    /// or replaced by a new enrolment.
    int key_stored_recovery_codes();
    /// Removes what has expired by `now`: throttle rows whose hour and lock have passed, and ended
    /// sessions. Run periodically.
    void purge_expired(core::UnixTime now);

    /// Checks a TOTP code (each time step works once) or a recovery code. On success the session
    /// gets a new token, returned.
    core::Result<std::string> pass_second_factor(const SignedIn& signed_in, const std::string& code,
                                                 const Origin& origin);

    /// A fresh secret for enrolment (not yet active).
    std::string start_enrolment(const SignedIn& signed_in);
    /// Whether enrolling from this session must show the current password: always, except for the
    /// enrolment a role forces right after the password was given at login.
    static bool enrolment_needs_password(const SignedIn& signed_in) { return signed_in.complete(); }
    /// Activates TOTP when `code` matches `secret`; returns ten recovery codes (shown once) and
    /// rotates the session token (second token in the pair). Replacing a second factor needs the
    /// current one in `current` as well (see enrolment_needs_password).
    core::Result<std::pair<std::vector<std::string>, std::string>>
    finish_enrolment(const SignedIn& signed_in, const std::string& secret, const std::string& code,
                     const CurrentCredentials& current, const Origin& origin);

    void logout(const SignedIn& signed_in, const Origin& origin);

    /// Changes the signed-in user's own password after checking `current`. Ends the user's other
    /// sessions; returns a new token for this one.
    core::Result<std::string> change_own_password(const SignedIn& signed_in,
                                                  const CurrentCredentials& current,
                                                  const std::string& replacement, const Origin& origin);
    core::Status change_own_name(const SignedIn& signed_in, const std::string& name, const Origin& origin);
    /// After checking `current`, mails a link to `new_email` that changes the own address when it is
    /// followed, and tells the address in use (services/email_change.hpp).
    core::Status request_own_email_change(const SignedIn& signed_in, const CurrentCredentials& current,
                                          const std::string& new_email, const Origin& origin,
                                          const Translate& translate);
    /// Whether `token` is an unused, unexpired link that confirms a new address.
    core::Status check_email_confirmation(const std::string& token);
    /// Follows the link that confirms a new address (apply_email_change in email_change.hpp).
    core::Status confirm_email_change(const std::string& token, const Origin& origin,
                                      const Translate& translate);
    int remaining_recovery_codes(std::int64_t user_id);

    /// The token's stored form.
    static std::string token_hash(const std::string& token);

private:
    std::string rotate_session(std::int64_t session_id, bool second_factor_passed);
    /// The signed-in user's record once `current` proves that the holder of the account is at the
    /// keyboard. A wrong password or code counts as a failed login of the account, and a locked
    /// account is refused.
    core::Result<domain::UserRecord> check_current_credentials(const SignedIn& signed_in,
                                                               const CurrentCredentials& current,
                                                               const Origin& origin);

    store::Database& m_database;
    std::string m_public_url;
};

} // namespace rekrut::services
