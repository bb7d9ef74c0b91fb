#pragma once

// `rekrut anonymise` (ADR 0012): turns a copy of a production database into test data. Names, e-mail
// addresses, phone numbers, postal addresses, free text, mails and files are replaced with synthetic
// values, the same original value by the same synthetic one everywhere in the copy (a keyed BLAKE2b
// under a random salt of the run, which is kept nowhere); every key is made anew under the copy's own
// key file; the audit trail is sealed again and chained under it; and the copy is marked as such.

#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "core/secret_key.hpp"

namespace rekrut::services::operations {

struct AnonymiseOptions {
    std::string copy_url; ///< The copy to anonymise (sqlite:PATH or a PostgreSQL URL).
    std::string live_url; ///< The configured database, which is refused.
    const core::SecretKey* original_key = nullptr; ///< The key the copy was written with.
    const core::SecretKey* new_key = nullptr;      ///< The copy's own key from now on.
    std::string migrations_dir;
};

struct AnonymiseReport {
    std::int64_t users = 0;
    std::int64_t applications = 0;
    std::int64_t attachments = 0;
    std::int64_t mails = 0;
    std::int64_t audit_events = 0;
    /// The password every account with a password now has; shown once, stored only as its hash.
    std::string test_password;
    /// The second-factor secret (hex) of every account that had one; shown once, stored sealed.
    std::string totp_secret_hex;
    /// Why the copy could not be compacted afterwards ("" when it was): its replaced values may then
    /// remain in free pages of the file until VACUUM (VACUUM FULL on PostgreSQL) is run on it.
    std::string compaction_problem;
};

/// Anonymises the copy at `options.copy_url` in one transaction. Refuses, changing nothing, the live
/// database, a missing SQLite file, a copy whose migrations are not all applied, and a copy that was
/// not written with `original_key`.
core::Result<AnonymiseReport> anonymise_copy(const AnonymiseOptions& options);

} // namespace rekrut::services::operations
