#include "store/session_store.hpp"

#include <soci/soci.h>

#include "core/crypto.hpp"
#include "store/prepared_statements.hpp"

namespace rekrut::store {
namespace {

/// The session lookup by the token's hash, kept prepared: it runs on every signed-in request.
struct SessionByToken {
    std::string token_hash, csrf_seed;
    long long id = 0, user = 0, created = 0, seen = 0, expires = 0, rotated = 0;
    int mfa = 0;
    KeptStatement statement;

    explicit SessionByToken(soci::session& sql)
        : statement(sql,
                    (sql.prepare << "SELECT id, user_id, mfa_passed, created_at, last_seen_at, expires_at,"
                                    " rotated_at, csrf_seed FROM sessions WHERE token_hash = :hash",
                     soci::use(token_hash), soci::into(id), soci::into(user), soci::into(mfa),
                     soci::into(created), soci::into(seen), soci::into(expires), soci::into(rotated),
                     soci::into(csrf_seed)))
    {
    }
};

} // namespace

namespace sessions {

void create(soci::session& sql, const std::string& token_hash, std::int64_t user_id, bool mfa_passed,
            core::UnixTime now, core::UnixTime expires_at, const std::string& ip)
{
    long long user = user_id, at = now, expires = expires_at;
    int mfa = mfa_passed ? 1 : 0;
    std::string csrf_seed = core::random_hex(16);
    sql << "INSERT INTO sessions (token_hash, user_id, mfa_passed, created_at, last_seen_at, expires_at, "
           "rotated_at, ip, csrf_seed) VALUES (:hash, :user, :mfa, :at, :at2, :expires, :at3, :ip, :seed)",
        soci::use(token_hash), soci::use(user), soci::use(mfa), soci::use(at), soci::use(at),
        soci::use(expires), soci::use(at), soci::use(ip), soci::use(csrf_seed);
}

std::optional<SessionRecord> find(soci::session& sql, const std::string& token_hash)
{
    auto& lookup = kept_statements<SessionByToken>(sql);
    lookup.token_hash = token_hash;
    if (!lookup.statement.first_row())
        return std::nullopt;
    return SessionRecord{lookup.id,   lookup.user,    lookup.mfa != 0, lookup.created,
                         lookup.seen, lookup.expires, lookup.rotated,  lookup.csrf_seed};
}

void touch(soci::session& sql, std::int64_t session_id, core::UnixTime now)
{
    long long id = session_id, at = now;
    sql << "UPDATE sessions SET last_seen_at = :at WHERE id = :id", soci::use(at), soci::use(id);
}

void rotate(soci::session& sql, std::int64_t session_id, const std::string& new_token_hash, bool mfa_passed,
            core::UnixTime now)
{
    long long id = session_id, at = now;
    int mfa = mfa_passed ? 1 : 0;
    sql << "UPDATE sessions SET token_hash = :hash, mfa_passed = :mfa, rotated_at = :at, last_seen_at = :at2"
           " WHERE id = :id",
        soci::use(new_token_hash), soci::use(mfa), soci::use(at), soci::use(at), soci::use(id);
}

void remove(soci::session& sql, std::int64_t session_id)
{
    long long id = session_id;
    sql << "DELETE FROM sessions WHERE id = :id", soci::use(id);
}

void remove_for_user(soci::session& sql, std::int64_t user_id)
{
    long long id = user_id;
    sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(id);
}

void remove_expired(soci::session& sql, core::UnixTime idle_before, core::UnixTime now)
{
    long long idle = idle_before, at = now;
    sql << "DELETE FROM sessions WHERE last_seen_at < :idle OR expires_at < :now", soci::use(idle),
        soci::use(at);
}

} // namespace sessions

namespace login_throttle {

ThrottleRecord get(soci::session& sql, const std::string& key)
{
    ThrottleRecord record;
    int failures = 0;
    long long last = 0, blocked = 0;
    sql << "SELECT failures, last_failure_at, blocked_until FROM login_throttle WHERE throttle_key = :key",
        soci::use(key), soci::into(failures), soci::into(last), soci::into(blocked);
    if (sql.got_data())
        record = {failures, last, blocked};
    return record;
}

void put(soci::session& sql, const std::string& key, const ThrottleRecord& record)
{
    long long last = record.last_failure_at, blocked = record.blocked_until;
    int failures = record.failures;
    // One statement, so that two requests for the same key at once cannot both insert (on PostgreSQL
    // the second insert of a delete-then-insert failed on the primary key).
    sql << "INSERT INTO login_throttle (throttle_key, failures, last_failure_at, blocked_until)"
           " VALUES (:key, :failures, :last, :blocked) ON CONFLICT (throttle_key) DO UPDATE SET"
           " failures = excluded.failures, last_failure_at = excluded.last_failure_at,"
           " blocked_until = excluded.blocked_until",
        soci::use(key), soci::use(failures), soci::use(last), soci::use(blocked);
}

void clear(soci::session& sql, const std::string& key)
{
    sql << "DELETE FROM login_throttle WHERE throttle_key = :key", soci::use(key);
}

} // namespace login_throttle

namespace recovery_codes {

void replace(soci::session& sql, std::int64_t user_id, const std::vector<std::string>& code_hashes)
{
    long long user = user_id;
    sql << "DELETE FROM recovery_codes WHERE user_id = :user", soci::use(user);
    for (const auto& hash : code_hashes)
        sql << "INSERT INTO recovery_codes (user_id, code_hash) VALUES (:user, :hash)", soci::use(user),
            soci::use(hash);
}

bool use(soci::session& sql, std::int64_t user_id, const std::string& code_hash, core::UnixTime now)
{
    long long user = user_id, at = now;
    soci::statement statement =
        (sql.prepare << "UPDATE recovery_codes SET used_at = :at WHERE user_id = :user AND"
                        " code_hash = :hash AND used_at IS NULL",
         soci::use(at), soci::use(user), soci::use(code_hash));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
}

int remaining(soci::session& sql, std::int64_t user_id)
{
    long long user = user_id, count = 0;
    sql << "SELECT COUNT(*) FROM recovery_codes WHERE user_id = :user AND used_at IS NULL", soci::use(user),
        soci::into(count);
    return static_cast<int>(count);
}

} // namespace recovery_codes

namespace password_resets {

void create(soci::session& sql, std::int64_t user_id, const std::string& token_hash, core::UnixTime now,
            core::UnixTime expires_at)
{
    long long user = user_id, at = now, expires = expires_at;
    sql << "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at)"
           " VALUES (:user, :hash, :at, :expires)",
        soci::use(user), soci::use(token_hash), soci::use(at), soci::use(expires);
}

std::optional<std::int64_t> find_valid(soci::session& sql, const std::string& token_hash, core::UnixTime now)
{
    long long user = 0, at = now;
    sql << "SELECT user_id FROM password_resets WHERE token_hash = :hash AND used_at IS NULL AND expires_at "
           "> :now",
        soci::use(token_hash), soci::use(at), soci::into(user);
    if (!sql.got_data())
        return std::nullopt;
    return user;
}

bool consume(soci::session& sql, const std::string& token_hash, core::UnixTime now)
{
    long long at = now;
    soci::statement statement =
        (sql.prepare << "UPDATE password_resets SET used_at = :at WHERE token_hash = :hash"
                        " AND used_at IS NULL AND expires_at > :now",
         soci::use(at), soci::use(token_hash), soci::use(at));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

} // namespace password_resets

} // namespace rekrut::store
