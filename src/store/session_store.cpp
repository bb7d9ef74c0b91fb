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

ThrottleRecord lock(soci::session& sql, const std::string& key, core::UnixTime now)
{
    long long at = now;
    // An upsert that changes nothing still locks the row on PostgreSQL (and inserting a missing row
    // locks the new one), so the read below waits for any other transaction on the same key.
    sql << "INSERT INTO login_throttle (throttle_key, failures, last_failure_at, blocked_until)"
           " VALUES (:key, 0, :at, 0) ON CONFLICT (throttle_key) DO UPDATE SET"
           " failures = login_throttle.failures",
        soci::use(key), soci::use(at);
    return get(sql, key);
}

void clear(soci::session& sql, const std::string& key)
{
    sql << "DELETE FROM login_throttle WHERE throttle_key = :key", soci::use(key);
}

long long remove_expired(soci::session& sql, core::UnixTime now)
{
    long long quiet_since = now - k_throttle_window_seconds, at = now;
    soci::statement statement =
        (sql.prepare << "DELETE FROM login_throttle WHERE last_failure_at < :quiet AND blocked_until <= :now",
         soci::use(quiet_since), soci::use(at));
    statement.execute(true);
    return statement.get_affected_rows();
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

std::vector<std::pair<std::int64_t, std::string>> without_prefix(soci::session& sql,
                                                                 const std::string& prefix)
{
    std::vector<std::pair<std::int64_t, std::string>> found;
    long long id = 0;
    std::string hash;
    std::string pattern = prefix + "%";
    soci::statement statement = (sql.prepare << "SELECT id, code_hash FROM recovery_codes"
                                                " WHERE code_hash NOT LIKE :pattern ORDER BY id",
                                 soci::use(pattern), soci::into(id), soci::into(hash));
    statement.execute();
    while (statement.fetch())
        found.emplace_back(id, hash);
    return found;
}

void replace_hash(soci::session& sql, std::int64_t code_id, const std::string& code_hash)
{
    long long id = code_id;
    sql << "UPDATE recovery_codes SET code_hash = :hash WHERE id = :id", soci::use(code_hash), soci::use(id);
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

void revoke_for_user(soci::session& sql, std::int64_t user_id, core::UnixTime now)
{
    long long user = user_id, at = now;
    sql << "UPDATE password_resets SET used_at = :at WHERE user_id = :user AND used_at IS NULL",
        soci::use(at), soci::use(user);
}

} // namespace password_resets

namespace email_changes {

void create(soci::session& sql, const EmailChangeRecord& change, const std::string& token_hash,
            core::UnixTime now)
{
    long long user = change.user_id, at = now, expires = change.expires_at;
    long long requester = change.requested_by.value_or(0);
    soci::indicator requester_null = change.requested_by ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO email_changes (user_id, new_email, token_hash, requested_by, created_at, expires_at)"
           " VALUES (:user, :email, :hash, :requester, :at, :expires)",
        soci::use(user), soci::use(change.new_email), soci::use(token_hash),
        soci::use(requester, requester_null), soci::use(at), soci::use(expires);
}

std::optional<EmailChangeRecord> find_valid(soci::session& sql, const std::string& token_hash,
                                            core::UnixTime now)
{
    long long id = 0, user = 0, requester = 0, expires = 0, at = now;
    soci::indicator requester_null = soci::i_ok;
    std::string email;
    sql << "SELECT id, user_id, new_email, requested_by, expires_at FROM email_changes"
           " WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now",
        soci::use(token_hash), soci::use(at), soci::into(id), soci::into(user), soci::into(email),
        soci::into(requester, requester_null), soci::into(expires);
    if (!sql.got_data())
        return std::nullopt;
    EmailChangeRecord change{id, user, email, std::nullopt, expires};
    if (requester_null == soci::i_ok)
        change.requested_by = requester;
    return change;
}

bool consume(soci::session& sql, std::int64_t change_id, core::UnixTime now)
{
    long long id = change_id, at = now;
    soci::statement statement = (sql.prepare << "UPDATE email_changes SET used_at = :at WHERE id = :id"
                                                " AND used_at IS NULL AND expires_at > :now",
                                 soci::use(at), soci::use(id), soci::use(at));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

void revoke_for_user(soci::session& sql, std::int64_t user_id, core::UnixTime now)
{
    long long user = user_id, at = now;
    sql << "UPDATE email_changes SET used_at = :at WHERE user_id = :user AND used_at IS NULL", soci::use(at),
        soci::use(user);
}

} // namespace email_changes

} // namespace rekrut::store
