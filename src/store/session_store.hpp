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

// Store functions for signing in: sessions, the login throttle, recovery codes for the second factor,
// password-reset tokens and the tokens that confirm a new e-mail address. Each takes the open session, so a
// service can combine several calls and an audit event in one transaction. Tokens and codes are stored only
// as hashes.

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

/// A throttle row counts failures within an hour; after an hour without failures, and once its lock
/// has run out, it has expired and counts for nothing.
constexpr core::UnixTime k_throttle_window_seconds = 3600;

namespace login_throttle {
ThrottleRecord get(soci::session& sql, const std::string& key);
/// The record for `key`, locked until the transaction ends (created empty when there is none), so
/// that concurrent checks of one key take turns: each sees the failures the others counted. On
/// SQLite the write transaction already holds the database.
ThrottleRecord lock(soci::session& sql, const std::string& key, core::UnixTime now);
void put(soci::session& sql, const std::string& key, const ThrottleRecord& record);
void clear(soci::session& sql, const std::string& key);
/// Removes the rows that have expired by `now` (see k_throttle_window_seconds); returns how many.
long long remove_expired(soci::session& sql, core::UnixTime now);
} // namespace login_throttle

namespace recovery_codes {
void replace(soci::session& sql, std::int64_t user_id, const std::vector<std::string>& code_hashes);
bool use(soci::session& sql, std::int64_t user_id, const std::string& code_hash, core::UnixTime now);
int remaining(soci::session& sql, std::int64_t user_id);
/// Stored codes whose hash does not start with `prefix` (written before it existed): (id, hash).
std::vector<std::pair<std::int64_t, std::string>> without_prefix(soci::session& sql,
                                                                 const std::string& prefix);
void replace_hash(soci::session& sql, std::int64_t code_id, const std::string& code_hash);
} // namespace recovery_codes

namespace password_resets {
void create(soci::session& sql, std::int64_t user_id, const std::string& token_hash, core::UnixTime now,
            core::UnixTime expires_at);
/// The user id for an unused, unexpired token.
std::optional<std::int64_t> find_valid(soci::session& sql, const std::string& token_hash, core::UnixTime now);
/// Marks the token used; false if it was used in the meantime.
bool consume(soci::session& sql, const std::string& token_hash, core::UnixTime now);
/// Marks every unused token of the user used: a link that has done its work, or a new address,
/// ends the others.
void revoke_for_user(soci::session& sql, std::int64_t user_id, core::UnixTime now);
} // namespace password_resets

/// A change of a user's e-mail address that waits for the new address to confirm it.
struct EmailChangeRecord {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string new_email;
    std::optional<std::int64_t> requested_by;
    core::UnixTime expires_at = 0;
};

namespace email_changes {
void create(soci::session& sql, const EmailChangeRecord& change, const std::string& token_hash,
            core::UnixTime now);
/// The unused, unexpired change for this token.
std::optional<EmailChangeRecord> find_valid(soci::session& sql, const std::string& token_hash,
                                            core::UnixTime now);
/// Marks the change confirmed; false if it was used or ended in the meantime.
bool consume(soci::session& sql, std::int64_t change_id, core::UnixTime now);
/// Ends every unconfirmed change of the user (a newer one replaces it).
void revoke_for_user(soci::session& sql, std::int64_t user_id, core::UnixTime now);
} // namespace email_changes

} // namespace rekrut::store
