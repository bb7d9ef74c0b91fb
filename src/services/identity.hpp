#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
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

/// Login, second factor, sessions and logout.
class IdentityService {
public:
    explicit IdentityService(store::Database& database) : m_database(database) {}

    /// Checks throttling, the password (always hashing, also for unknown accounts), the account's
    /// status; writes login.succeeded or login.failed with the reason.
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

    /// Checks a TOTP code (each time step works once) or a recovery code. On success the session
    /// gets a new token, returned.
    core::Result<std::string> pass_second_factor(const SignedIn& signed_in, const std::string& code,
                                                 const Origin& origin);

    /// A fresh secret for enrolment (not yet active).
    std::string start_enrolment(const SignedIn& signed_in);
    /// Activates TOTP when `code` matches `secret`; returns the recovery codes (shown once) and
    /// rotates the session token (second token in the pair).
    core::Result<std::pair<std::vector<std::string>, std::string>> finish_enrolment(const SignedIn& signed_in,
                                                                                    const std::string& secret,
                                                                                    const std::string& code,
                                                                                    const Origin& origin);

    void logout(const SignedIn& signed_in, const Origin& origin);

    /// Changes the signed-in user's own password after checking the current one. Ends the user's
    /// other sessions; returns a new token for this one.
    core::Result<std::string> change_own_password(const SignedIn& signed_in, const std::string& current,
                                                  const std::string& replacement, const Origin& origin);
    core::Status change_own_name(const SignedIn& signed_in, const std::string& name, const Origin& origin);
    int remaining_recovery_codes(std::int64_t user_id);

    /// The token's stored form.
    static std::string token_hash(const std::string& token);

private:
    std::string create_session(std::int64_t user_id, bool second_factor_passed, const std::string& ip);
    std::string rotate_session(std::int64_t session_id, bool second_factor_passed);

    store::Database& m_database;
};

} // namespace rekrut::services
