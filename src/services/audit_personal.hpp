#pragma once

// Personal data in the audit trail (ADR 0009). Before an event is appended, every value in it that
// names a person is sealed under that person's key (store/audit_subject_store.hpp) and stored as
// "sealed1:<subject>:<hex>"; the chain hashes the sealed text. Reading opens the values whose keys
// still exist; a value whose key was destroyed reads as k_erased_value. So erasing a person leaves
// every event, its time, action and actor id, and the chain intact, and nothing of the person
// readable.
//
// What is personal, and whose:
// - the actor's name and address: the signed-in user's ("user:<id>"); a visitor's address (not signed
//   in) belongs to the application the event is about, else to "visitor:<YYYY-MM>", destroyed after
//   the shortest access-log period;
// - the fields email, new_email, name, full_name, phone and rectification_reason (why HR corrected an
//   applicant's data, which may itself say something about the person): the user the event names ("user_id")
//   or is about (object "user"), or the application it is about; of a sign-in attempt for an unknown address,
//   the visitor's;
// - a case's "contacts" (its contact persons): the case's ("case:<id>").

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/audit/audit_records.hpp"

namespace rekrut::store {
class Database;
class Session;
class Transaction;
} // namespace rekrut::store

namespace rekrut::services {

/// What a sealed value whose key was destroyed reads as (the audit view shows it as "erased").
inline constexpr std::string_view k_erased_value = "\u2205erased";

/// Seals the personal values of `event`, which is about to be appended.
void seal_personal_data(store::Transaction& transaction, domain::AuditEventRecord& event);
/// Opens the sealed values of `events` for reading, in place.
void open_personal_data(store::Session& session, std::vector<domain::AuditEventRecord>& events);
/// The events matching `filter`, newest first, opened: for the command line (`rekrut audit export`),
/// which runs with the installation key and no signed-in actor.
std::vector<domain::AuditEventRecord> read_opened_audit_events(store::Database& database,
                                                               const domain::AuditFilter& filter);
/// True when `value` is sealed (as stored).
bool is_sealed_value(std::string_view value);

/// The key subject of a user, for erasure.
std::string user_subject(std::int64_t user_id);
/// The visitor subject of the month `occurred_at` falls in (UTC): "visitor:2026-12".
std::string visitor_subject(std::int64_t occurred_at);

struct SealingReport {
    bool done_now = false; ///< false: done before (or nothing to do on an empty trail)
    int events_changed = 0;
};
/// Seals the personal values of events written before migration 0020 and computes the chain again,
/// once per database, as the database owner (it lifts the append-only trigger for the duration of
/// its transaction). Appends `audit.resealed` with the old head's hash when it changed anything.
core::Result<SealingReport> seal_existing_audit_events(store::Database& owner);

/// For an anonymised copy (services/operations/anonymise.hpp): seals the personal values of `events`,
/// which were opened (open_personal_data) and had their values replaced, under the keys of the
/// transaction's installation key, computes the whole chain again under its audit key and writes every
/// event over its row (lifting the append-only trigger inside the transaction). `events` must be the
/// whole trail in id order. A value whose subject's key was destroyed stays erased.
void reseal_audit_trail(store::Transaction& transaction, std::vector<domain::AuditEventRecord>& events);

} // namespace rekrut::services
