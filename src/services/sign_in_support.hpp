#pragma once

// What the identity service's files share about signing in: throttle keys and failures, the second
// factor's check and recovery codes. Internal to the services layer (it names store types).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/access/account_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::core {
class SecretKey;
}

namespace rekrut::store {
class Transaction;
}

namespace rekrut::services::sign_in {

/// The throttle key of an account, by its (normalised) address.
std::string account_key(const std::string& email);

/// The origin of a change, made by the user it is about.
Origin as_user(const Origin& origin, std::int64_t user_id, const std::string& name);

/// Until when `key` is blocked, read with its row locked, so that checks of one key take turns.
core::UnixTime blocked_until(store::Transaction& transaction, const std::string& key, core::UnixTime now);

/// Counts one failure for `key` (its row locked first). `scale` is higher for IP addresses, which
/// many people may share: growing delays after 5 × scale failures, a 15-minute lock from 10 × scale.
void record_failure(store::Transaction& transaction, const std::string& key, int scale, core::UnixTime now);

/// The second factor `code` passes for the user ("totp" or "recovery_code"), or nothing. Each TOTP
/// time step and each recovery code works once.
std::optional<std::string> second_factor_passed_by(store::Transaction& transaction,
                                                   const domain::UserRecord& user, const std::string& code,
                                                   core::UnixTime now);

/// Ten new recovery codes: three groups of six characters from an alphabet of 31 letters and digits
/// that are hard to confuse (0/o and 1/l/i are left out), about 89 bits each.
std::vector<std::string> new_recovery_codes();

/// How a recovery code is stored: "k1:" + BLAKE2b keyed with the installation's recovery-code key,
/// over the unkeyed BLAKE2b that codes were stored as before, so that those can be keyed in place.
std::string recovery_code_hash(const core::SecretKey& key, const std::string& code);
/// The stored form of a code that was stored unkeyed (`legacy_hash`) before.
std::string keyed_recovery_code_hash(const core::SecretKey& key, const std::string& legacy_hash);
/// The prefix of keyed recovery-code hashes.
inline constexpr const char* k_keyed_recovery_prefix = "k1:";

} // namespace rekrut::services::sign_in
