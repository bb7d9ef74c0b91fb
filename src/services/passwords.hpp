#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace rekrut::services {

/// Passwords are hashed with argon2id at libsodium's interactive limits (about 150 ms and 64 MiB
/// per hash). Handlers that hash run on the server's small hashing pool, so at most that many
/// hashes run at once and logins never stall other requests.
namespace passwords {

/// At least 12 characters (counted as code points), at most 1,000 bytes.
core::Status check_strength(const std::string& password);
std::string hash(const std::string& password);
/// Whether `password` matches the stored hash. An account without a password yet (empty hash)
/// never matches, but is verified against a dummy hash all the same, so that it answers as slowly
/// as any other account and its state cannot be told from the time a login takes.
bool verify(const std::string& stored_hash, const std::string& password);
/// True when the stored hash used other limits than today's (rehash at the next login).
bool needs_rehash(const std::string& stored_hash);
/// Spends the time of one verification, so unknown accounts answer as slowly as known ones.
void verify_dummy(const std::string& password);
/// How many argon2id verifications (real or dummy) this process has run. Lets tests see that every
/// login pays for exactly one, whatever the account's state.
std::uint64_t verifications_run();
/// A random password of 20 characters for accounts created from the command line.
std::string generate();

} // namespace passwords
} // namespace rekrut::services
