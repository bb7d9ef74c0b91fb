#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::core {
class SecretKey;
}
namespace rekrut::store {
class Database;
struct Migration;
} // namespace rekrut::store

namespace rekrut::services::operations {

/// Where the PostgreSQL client programs (pg_dump, pg_restore) are.
struct BackupTools {
    std::string postgresql_bin_dir = "/usr/lib/postgresql/15/bin";
};

/// What `write_backup` wrote.
struct BackupSummary {
    std::string path;
    std::int64_t bytes = 0;
    int schema_version = 0;
    std::int64_t tables = 0;
    std::int64_t rows = 0;
    std::int64_t audit_events = 0;
};

/// Writes a backup of `database` (whose URL is `url`) to `path`: one tar file holding
/// `manifest.json` (format, dialect, schema version, the installation key's fingerprint, every
/// table's row count, the audit chain's head, the dump's size and BLAKE2b) and the database itself
/// (an SQLite copy made with the online backup API, or a pg_dump in custom format). Never the key.
/// The file is written under a temporary name, synced, made mode 0600 and renamed into place.
core::Result<BackupSummary> write_backup(store::Database& database, const std::string& url,
                                         const std::string& path, const BackupTools& tools);

/// One line of a verification's report.
struct BackupCheck {
    std::string name;
    bool passed = false;
    std::string detail;
};

struct VerifyReport {
    std::vector<BackupCheck> checks;
    bool passed() const;
};

struct VerifyOptions {
    const core::SecretKey* key = nullptr; ///< The installation key the backup must open with.
    std::string migrations_dir;           ///< This binary's migrations (both dialects).
    std::string postgresql_url; ///< A server on which a PostgreSQL backup's scratch database is made.
    BackupTools tools;
    int attachment_sample = 20;
};

/// Restores the backup into a scratch database and checks it: the archive is complete, the dump's
/// checksum, the schema version against this binary, the key's fingerprint, the applied migrations'
/// checksums, every row count and the audit head against the manifest, the audit chain, and a
/// sample of attachments decrypted with their applications' keys. The scratch database is removed.
VerifyReport verify_backup(const std::string& path, const VerifyOptions& options);

/// What a restore took from the backup's manifest: what identifies the backup, never personal data.
struct RestoredBackup {
    std::string backup_id;       ///< The dump's BLAKE2b, as the manifest states it.
    std::int64_t created_at = 0; ///< When the backup was made (Unix time).
    std::string dialect;
    int schema_version = 0;
    std::int64_t audit_head_id = 0;
};

/// Restores the backup into the empty database at `target_url`. Refuses a target that holds any
/// table, a backup whose schema is newer than `migrations`, a backup of another installation key
/// and a damaged backup (before anything is written).
core::Result<RestoredBackup> restore_backup(const std::string& path, const std::string& target_url,
                                            const core::SecretKey& key,
                                            const std::vector<store::Migration>& migrations,
                                            const BackupTools& tools);

/// Records `backup.restored` in the restored database's audit trail, after its migrations: which
/// backup (its id and time) was restored, by the command line on this host.
void record_restore(store::Database& database, const RestoredBackup& restored);

/// The scheduled backup: `backup.directory`, every `backup.interval_hours`, keeping `backup.keep`.
struct BackupSchedule {
    std::string directory;
    unsigned interval_hours = 24;
    unsigned keep = 7;
    std::string url;
    BackupTools tools;
};

/// Makes the backup of the current time slot when no node has made it yet (the slot is claimed in
/// the database first, so of several nodes one makes it), then deletes the oldest backups in the
/// directory beyond `keep`. Returns the path written, or "" when this node had nothing to do.
std::string run_scheduled_backup(store::Database& database, const BackupSchedule& schedule,
                                 core::UnixTime now);

/// Deletes the oldest `rekrut-backup-*.tar` files in `directory` beyond the newest `keep`; returns
/// how many it deleted.
int prune_backups(const std::string& directory, unsigned keep);

} // namespace rekrut::services::operations
