#pragma once

#include <string>

namespace rekrut::store {

class Database;

namespace installation_key {

/// What the database says about the key set on it (Database::set_secret_key).
enum class Verdict {
    not_migrated,  ///< The table does not exist yet: nothing recorded, nothing checked.
    recorded_now,  ///< This key is now the installation's key (first start, or first after upgrading).
    matches,       ///< The recorded fingerprint is this key's.
    differs,       ///< Another key's fingerprint is recorded (perhaps by a node that started at once).
    opens_no_data, ///< Nothing is recorded, and the data already written with a key does not open
                   ///< with this one; nothing was recorded.
};

struct Check {
    Verdict verdict = Verdict::not_migrated;
    std::string recorded_fingerprint; ///< Empty unless one is recorded.
};

/// The recorded fingerprint, or empty when none is recorded or the table does not exist yet.
std::string recorded_fingerprint(Database& database);

/// Compares the database's key with the recorded fingerprint, and records it when none is. The
/// record is one row with a fixed primary key, inserted with ON CONFLICT DO NOTHING and read back,
/// so that of processes starting at once with different keys exactly one key wins and every other
/// one sees `differs`. Before the first record, a database with an audit trail or sealed second
/// factors must open them with the key (the newest audit event's hash, one sealed TOTP secret).
Check check_or_record(Database& database);

} // namespace installation_key
} // namespace rekrut::store
