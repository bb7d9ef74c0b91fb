#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/audit/audit_records.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

using domain::AuditEventRecord;
using domain::AuditFilter;

class Database;

enum class Dialect;

namespace audit_events {
/// Appends `event` (id, previous_hash and hash are filled in) inside the caller's transaction.
/// Serialises appends so that the chain has one order: SQLite's write lock, a transaction-level
/// advisory lock on PostgreSQL.
/// `key` is the audit key of the installation's secret key (core::SecretKey::audit_key).
void append(soci::session& sql, Dialect dialect, const std::string& key, AuditEventRecord& event);
std::vector<AuditEventRecord> list(soci::session& sql, const AuditFilter& filter);
std::int64_t count(soci::session& sql, const AuditFilter& filter);
/// Calls `visit` for every event in id order (for verification and export).
void for_each(soci::session& sql, const std::function<void(const AuditEventRecord&)>& visit);

/// Whether the events written before migration 0020 were sealed (services/audit_personal.hpp).
bool sealing_done(soci::session& sql);
void mark_sealing_done(soci::session& sql, std::int64_t through_id, core::UnixTime now);
/// Writes the sealed personal values and the new hashes of `events` over their rows: the one change
/// ever made to written events (ADR 0009), as the database owner, with the append-only trigger
/// lifted inside the caller's transaction.
void rewrite_sealed(soci::session& sql, Dialect dialect, const std::vector<AuditEventRecord>& events);

/// The newest event of the chain: its id and hash.
struct ChainHead {
    std::int64_t id = 0;
    std::string hash;
};
/// The chain's head; nullopt while the trail is empty.
std::optional<ChainHead> head(soci::session& sql);
/// The hash of event `id`; nullopt when there is no such event.
std::optional<std::string> hash_of(soci::session& sql, std::int64_t id);
} // namespace audit_events

/// True when the database holds data written with the installation's key (audit events or sealed
/// TOTP secrets); false for a new database, also before its migrations.
bool holds_keyed_data(Database& database);

/// The canonical byte string an event's hash covers (every field, length-prefixed).
std::string audit_canonical_content(const AuditEventRecord& event);
/// BLAKE2b-256, keyed with `key`, of the previous hash followed by the canonical content, as hex.
/// Without the key nobody can recompute the chain after changing it, nor extend it.
std::string audit_event_hash(const std::string& key, const std::string& previous_hash,
                             const AuditEventRecord& event);

} // namespace rekrut::store
