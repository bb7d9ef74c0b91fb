#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rekrut::core {

/// Initialises libsodium; call once before threads start. Returns false if it cannot.
bool init_crypto();

/// `n` random bytes from the CSPRNG (raw bytes: keys, nonces).
std::string random_bytes(std::size_t n);

/// `bytes` random bytes from the CSPRNG, as lower-case hex (so 32 bytes give 64 characters).
std::string random_hex(std::size_t bytes);

/// BLAKE2b-256 of `data`, as lower-case hex.
std::string blake2b_hex(std::string_view data);

/// Compares two strings in time independent of where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

} // namespace rekrut::core
