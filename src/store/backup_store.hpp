#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace rekrut::store {

class Database;
class Session;

/// What a backup's manifest says about the database it holds, read in the same snapshot as the dump.
struct DatabaseFacts {
    int schema_version = 0;      ///< The newest applied migration.
    std::string key_fingerprint; ///< The installation key's recorded fingerprint ("" when none).
    std::vector<std::pair<std::string, std::int64_t>> row_counts; ///< Every table, by name.
    std::int64_t audit_events = 0;
    std::int64_t audit_head_id = 0; ///< The newest audit event (0 when there is none).
    std::string audit_head_hash;
};

/// The store's part of backups: consistent copies of either database and the facts beside them.
namespace backup {

/// The facts of the database behind `session`, in that session's snapshot or transaction.
DatabaseFacts read_facts(Session& session);

/// The applied migrations as (version, checksum), oldest first; empty before the first migration.
std::vector<std::pair<int, std::string>> applied_migrations(Database& database);

/// True when the database holds no table at all (a target a backup may be restored into).
bool is_empty(Database& database);

/// A PostgreSQL client program's call: its arguments, with the connection URL stripped of its
/// password, and that password, which goes to the program through a temporary password file
/// (PGPASSFILE, mode 0600, removed after the run) so that `ps` and /proc/PID/cmdline never show it.
struct ProgramCall {
    std::vector<std::string> arguments;
    std::string password; ///< Percent-decoded; empty when the URL has none.
};

/// The call of `program` with `--dbname=URL` and then `arguments`, the URL's password (in its user
/// information or as a `password=` parameter) moved out of the arguments.
ProgramCall postgresql_program_call(const std::string& program, std::vector<std::string> arguments,
                                    const std::string& url);

/// The libpq password file's line that matches any server with `password` (`:` and `\` escaped).
std::string password_file_line(const std::string& password);

/// Copies the SQLite database at `source_path` into a new file at `destination_path` with SQLite's
/// online backup API, which copies one consistent state while other connections go on writing.
core::Status copy_sqlite(const std::string& source_path, const std::string& destination_path);

/// Dumps the PostgreSQL database at `url` into `destination_path` with `pg_dump` in custom format.
/// The dump and the returned facts come from one snapshot (pg_export_snapshot in a repeatable-read
/// transaction on `database`, handed to pg_dump), so the counts match the dump exactly.
core::Result<DatabaseFacts> dump_postgresql(Database& database, const std::string& url,
                                            const std::string& pg_dump, const std::string& destination_path);

/// Restores a custom-format dump into the (empty) PostgreSQL database at `url` with `pg_restore`,
/// owned by the connecting role, in one transaction.
core::Status restore_postgresql(const std::string& pg_restore, const std::string& url,
                                const std::string& dump_path);

/// Creates an empty scratch database beside the one at `url` (same server, a random name) and
/// returns its URL; `drop_scratch_postgresql` removes it again.
core::Result<std::string> create_scratch_postgresql(const std::string& url);
void drop_scratch_postgresql(const std::string& url, const std::string& scratch_url);

/// One attachment picked for a verification: where it is and how large it should be.
struct AttachmentSample {
    std::int64_t institution_id = 0;
    std::int64_t application_id = 0;
    std::int64_t attachment_id = 0;
    std::int64_t size = 0;
    bool key_present = false; ///< False when the application's data key was destroyed (erasure).
};

/// Up to `limit` attachments chosen at random, across institutions (a check of the whole database).
std::vector<AttachmentSample> sample_attachments(Session& session, int limit);

/// Claims the scheduled backup of time slot `slot` (a Unix time) for this node; true for exactly one
/// of the nodes that try (a row with the slot as primary key, inserted with ON CONFLICT DO NOTHING).
bool claim_backup_slot(Database& database, std::int64_t slot, const std::string& node);

} // namespace backup
} // namespace rekrut::store
