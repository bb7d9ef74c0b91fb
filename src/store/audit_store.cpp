#include "store/audit_store.hpp"

#include <soci/soci.h>

#include "core/crypto.hpp"
#include "core/secret_key.hpp"
#include "store/database.hpp"

namespace rekrut::store {

std::string audit_canonical_content(const AuditEventRecord& event)
{
    std::string content;
    auto field = [&content](const std::string& value) {
        content += std::to_string(value.size());
        content += ':';
        content += value;
        content += ';';
    };
    field(std::to_string(event.occurred_at));
    field(event.actor_user_id ? std::to_string(*event.actor_user_id) : "");
    field(event.actor_name);
    field(event.institution_id ? std::to_string(*event.institution_id) : "");
    field(event.action);
    field(event.object_type);
    field(event.object_id);
    field(event.before_json);
    field(event.after_json);
    field(event.request_id);
    field(event.ip);
    return content;
}

bool holds_keyed_data(Database& database)
{
    return database.read([](Session& session) {
        long long events = 0, sealed = 0;
        try {
            session.sql() << "SELECT COUNT(*) FROM audit_events", soci::into(events);
            session.sql() << "SELECT COUNT(*) FROM users WHERE totp_secret LIKE 'enc1:%'", soci::into(sealed);
        } catch (const soci::soci_error&) {
            return false; // the tables do not exist yet: a new database
        }
        return events > 0 || sealed > 0;
    });
}

std::string audit_event_hash(const std::string& key, const std::string& previous_hash,
                             const AuditEventRecord& event)
{
    return core::blake2b_keyed_hex(previous_hash + "\n" + audit_canonical_content(event), key);
}

namespace audit_events {
namespace {

constexpr const char* k_columns =
    "SELECT id, occurred_at, actor_user_id, actor_name, institution_id, action, object_type, object_id,"
    " before_json, after_json, request_id, ip, previous_hash, hash FROM audit_events ";

struct EventRow {
    long long id = 0, occurred_at = 0, actor = 0, institution = 0;
    soci::indicator actor_null = soci::i_ok, institution_null = soci::i_ok;
    AuditEventRecord event;
    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(occurred_at), soci::into(actor, actor_null),
            soci::into(event.actor_name), soci::into(institution, institution_null), soci::into(event.action),
            soci::into(event.object_type), soci::into(event.object_id), soci::into(event.before_json),
            soci::into(event.after_json), soci::into(event.request_id), soci::into(event.ip),
            soci::into(event.previous_hash), soci::into(event.hash);
    }
    AuditEventRecord record() const
    {
        AuditEventRecord copy = event;
        copy.id = id;
        copy.occurred_at = occurred_at;
        copy.actor_user_id = actor_null == soci::i_ok ? std::optional<std::int64_t>(actor) : std::nullopt;
        copy.institution_id =
            institution_null == soci::i_ok ? std::optional<std::int64_t>(institution) : std::nullopt;
        return copy;
    }
};

/// Builds the WHERE clause and binds the filter's values in the same order.
struct FilterQuery {
    std::string where = "WHERE 1 = 1";
    long long institution = 0, actor = 0, from = 0, to = 0;
    const AuditFilter& filter;

    explicit FilterQuery(const AuditFilter& chosen) : filter(chosen)
    {
        if (filter.institution_id) {
            where += " AND institution_id = :institution";
            institution = *filter.institution_id;
        }
        if (filter.actor_user_id) {
            where += " AND actor_user_id = :actor";
            actor = *filter.actor_user_id;
        }
        if (!filter.object_type.empty())
            where += " AND object_type = :object_type";
        if (!filter.object_id.empty())
            where += " AND object_id = :object_id";
        if (!filter.action.empty())
            where += " AND action = :action";
        if (filter.from) {
            where += " AND occurred_at >= :from_time";
            from = *filter.from;
        }
        if (filter.to) {
            where += " AND occurred_at < :to_time";
            to = *filter.to;
        }
    }

    template <typename Statement> void bind(Statement& statement)
    {
        if (filter.institution_id)
            statement, soci::use(institution);
        if (filter.actor_user_id)
            statement, soci::use(actor);
        if (!filter.object_type.empty())
            statement, soci::use(filter.object_type);
        if (!filter.object_id.empty())
            statement, soci::use(filter.object_id);
        if (!filter.action.empty())
            statement, soci::use(filter.action);
        if (filter.from)
            statement, soci::use(from);
        if (filter.to)
            statement, soci::use(to);
    }
};

} // namespace

void append(soci::session& sql, Dialect dialect, const std::string& key, AuditEventRecord& event)
{
    if (dialect == Dialect::postgresql)
        sql << "SELECT pg_advisory_xact_lock(724101)";
    std::string previous;
    soci::indicator previous_null = soci::i_ok;
    sql << "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1", soci::into(previous, previous_null);
    event.previous_hash = sql.got_data() && previous_null == soci::i_ok ? previous : std::string(64, '0');
    event.hash = audit_event_hash(key, event.previous_hash, event);
    long long occurred = event.occurred_at, actor = event.actor_user_id.value_or(0),
              institution = event.institution_id.value_or(0), id = 0;
    soci::indicator actor_null = event.actor_user_id ? soci::i_ok : soci::i_null;
    soci::indicator institution_null = event.institution_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO audit_events (occurred_at, actor_user_id, actor_name, institution_id, action, "
           "object_type,"
           " object_id, before_json, after_json, request_id, ip, previous_hash, hash) VALUES (:occurred, "
           ":actor,"
           " :actor_name, :institution, :action, :object_type, :object_id, :before_json, :after_json, "
           ":request_id,"
           " :ip, :previous_hash, :hash) RETURNING id",
        soci::use(occurred), soci::use(actor, actor_null), soci::use(event.actor_name),
        soci::use(institution, institution_null), soci::use(event.action), soci::use(event.object_type),
        soci::use(event.object_id), soci::use(event.before_json), soci::use(event.after_json),
        soci::use(event.request_id), soci::use(event.ip), soci::use(event.previous_hash),
        soci::use(event.hash), soci::into(id);
    event.id = id;
}

bool sealing_done(soci::session& sql)
{
    soci::indicator done = soci::i_null;
    long long at = 0;
    sql << "SELECT sealed_at FROM audit_sealing WHERE id = 1", soci::into(at, done);
    // No row: a database made after sealing existed has nothing to seal.
    return !sql.got_data() || done == soci::i_ok;
}

void mark_sealing_done(soci::session& sql, std::int64_t through_id, core::UnixTime now)
{
    long long through = through_id, at = now;
    sql << "UPDATE audit_sealing SET sealed_through = :through, sealed_at = :at WHERE id = 1",
        soci::use(through), soci::use(at);
}

void rewrite_sealed(soci::session& sql, Dialect dialect, const std::vector<AuditEventRecord>& events)
{
    if (events.empty())
        return;
    // The append-only triggers are lifted inside this transaction only: a failure rolls back their
    // removal with the rewrite.
    if (dialect == Dialect::postgresql) {
        sql << "SELECT pg_advisory_xact_lock(724101)";
        sql << "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change";
    } else {
        sql << "DROP TRIGGER audit_events_no_update";
    }
    for (const auto& event : events) {
        long long id = event.id;
        sql << "UPDATE audit_events SET actor_name = :actor_name, ip = :ip, before_json = :before_json,"
               " after_json = :after_json, previous_hash = :previous_hash, hash = :hash WHERE id = :id",
            soci::use(event.actor_name), soci::use(event.ip), soci::use(event.before_json),
            soci::use(event.after_json), soci::use(event.previous_hash), soci::use(event.hash), soci::use(id);
    }
    if (dialect == Dialect::postgresql) {
        sql << "ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change";
    } else {
        sql << "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN"
               " SELECT RAISE(ABORT, 'audit_events is append-only'); END";
    }
}

std::vector<AuditEventRecord> list(soci::session& sql, const AuditFilter& filter)
{
    std::vector<AuditEventRecord> found;
    FilterQuery query(filter);
    EventRow row;
    int limit = filter.limit, offset = filter.offset;
    auto prepared = (sql.prepare << std::string(k_columns) + query.where +
                                        " ORDER BY id DESC LIMIT :limit OFFSET :offset");
    row.bind(prepared);
    query.bind(prepared);
    prepared, soci::use(limit), soci::use(offset);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.record());
    return found;
}

std::int64_t count(soci::session& sql, const AuditFilter& filter)
{
    FilterQuery query(filter);
    long long total = 0;
    auto prepared = (sql.prepare << "SELECT COUNT(*) FROM audit_events " + query.where, soci::into(total));
    query.bind(prepared);
    soci::statement statement(prepared);
    statement.execute(true);
    return total;
}

void for_each(soci::session& sql, const std::function<void(const AuditEventRecord&)>& visit)
{
    EventRow row;
    auto prepared = (sql.prepare << std::string(k_columns) + "ORDER BY id");
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        visit(row.record());
}

std::optional<ChainHead> head(soci::session& sql)
{
    long long id = 0;
    std::string hash;
    sql << "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1", soci::into(id), soci::into(hash);
    if (!sql.got_data())
        return std::nullopt;
    return ChainHead{id, hash};
}

std::optional<std::string> hash_of(soci::session& sql, std::int64_t id)
{
    long long key = id;
    std::string hash;
    sql << "SELECT hash FROM audit_events WHERE id = :id", soci::use(key), soci::into(hash);
    if (!sql.got_data())
        return std::nullopt;
    return hash;
}

} // namespace audit_events
} // namespace rekrut::store
