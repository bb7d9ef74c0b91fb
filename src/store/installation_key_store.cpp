#include "store/installation_key_store.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace rekrut::store::installation_key {
namespace {

struct Recorded {
    bool table_exists = false;
    std::string fingerprint;
};

Recorded read_recorded(Database& database)
{
    return database.read([](Session& session) {
        Recorded recorded;
        std::string fingerprint;
        try {
            session.sql() << "SELECT fingerprint FROM installation_key WHERE id = 1", soci::into(fingerprint);
        } catch (const soci::soci_error&) {
            return recorded; // before migration 0018
        }
        recorded.table_exists = true;
        if (session.sql().got_data())
            recorded.fingerprint = fingerprint;
        return recorded;
    });
}

/// Whether data already written with a key opens with `key`: the newest audit event's hash is
/// recomputed, and one sealed TOTP secret is opened. True for a database without such data.
bool key_opens_existing_data(Database& database, const core::SecretKey& key)
{
    return database.read([&key](Session& session) {
        domain::AuditFilter newest;
        newest.limit = 1;
        auto events = audit_events::list(session, newest);
        if (!events.empty() && audit_event_hash(key.audit_key(), events.front().previous_hash,
                                                events.front()) != events.front().hash)
            return false;
        std::string sealed;
        session.sql() << "SELECT totp_secret FROM users WHERE totp_secret LIKE 'enc1:%' ORDER BY id LIMIT 1",
            soci::into(sealed);
        return !session.sql().got_data() || key.open(sealed).has_value();
    });
}

} // namespace

std::string recorded_fingerprint(Database& database)
{
    return read_recorded(database).fingerprint;
}

Check check_or_record(Database& database)
{
    const auto& key = database.secret_key();
    Recorded recorded = read_recorded(database);
    if (!recorded.table_exists)
        return {Verdict::not_migrated, ""};
    if (!recorded.fingerprint.empty())
        return {recorded.fingerprint == key.fingerprint() ? Verdict::matches : Verdict::differs,
                recorded.fingerprint};
    if (!key_opens_existing_data(database, key))
        return {Verdict::opens_no_data, ""};
    // Of processes inserting at once, the primary key lets one row in; the others insert nothing and
    // read the winner's fingerprint back.
    const std::string fingerprint = key.fingerprint();
    (void)database.transact([&](Transaction& transaction) -> core::Status {
        long long now = core::now();
        transaction.sql()
            << "INSERT INTO installation_key (id, fingerprint, recorded_at) VALUES (1, :fingerprint,"
               " :now) ON CONFLICT (id) DO NOTHING",
            soci::use(fingerprint), soci::use(now);
        return core::success();
    });
    std::string winner = read_recorded(database).fingerprint;
    return {winner == fingerprint ? Verdict::recorded_now : Verdict::differs, winner};
}

} // namespace rekrut::store::installation_key
