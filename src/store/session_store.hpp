#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

// Store functions for signing in: sessions, the login throttle, recovery codes for the second factor
// and password-reset tokens. Each takes the open session, so a service can combine several calls and
// an audit event in one transaction. Tokens and codes are stored only as hashes.

struct SessionRecord {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    bool mfa_passed = false;
    core::UnixTime created_at = 0;
    core::UnixTime last_seen_at = 0;
    core::UnixTime expires_at = 0;
    core::UnixTime rotated_at = 0;
    std::string csrf_seed; ///< Random, per session; the CSRF token is derived from it.
};

namespace sessions {
void create(soci::session& sql, const std::string& token_hash, std::int64_t user_id, bool mfa_passed,
            core::UnixTime now, core::UnixTime expires_at, const std::string& ip);
/// The session with this token hash. Kept prepared per session: it runs on every signed-in request.
std::optional<SessionRecord> find(soci::session& sql, const std::string& token_hash);
void touch(soci::session& sql, std::int64_t session_id, core::UnixTime now);
void rotate(soci::session& sql, std::int64_t session_id, const std::string& new_token_hash, bool mfa_passed,
            core::UnixTime now);
void remove(soci::session& sql, std::int64_t session_id);
void remove_for_user(soci::session& sql, std::int64_t user_id);
void remove_expired(soci::session& sql, core::UnixTime idle_before, core::UnixTime now);
} // namespace sessions

struct ThrottleRecord {
    int failures = 0;
    core::UnixTime last_failure_at = 0;
    core::UnixTime blocked_until = 0;
};

namespace login_throttle {
ThrottleRecord get(soci::session& sql, const std::string& key);
void put(soci::session& sql, const std::string& key, const ThrottleRecord& record);
void clear(soci::session& sql, const std::string& key);
} // namespace login_throttle

namespace recovery_codes {
void replace(soci::session& sql, std::int64_t user_id, const std::vector<std::string>& code_hashes);
bool use(soci::session& sql, std::int64_t user_id, const std::string& code_hash, core::UnixTime now);
int remaining(soci::session& sql, std::int64_t user_id);
} // namespace recovery_codes

namespace password_resets {
void create(soci::session& sql, std::int64_t user_id, const std::string& token_hash, core::UnixTime now,
            core::UnixTime expires_at);
/// The user id for an unused, unexpired token.
std::optional<std::int64_t> find_valid(soci::session& sql, const std::string& token_hash, core::UnixTime now);
/// Marks the token used; false if it was used in the meantime.
bool consume(soci::session& sql, const std::string& token_hash, core::UnixTime now);
} // namespace password_resets

} // namespace rekrut::store
