#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace rekrut::integrations {

/// RFC 6238 time-based one-time passwords (30-second steps, 6 digits, HMAC-SHA1) through liboath.
namespace totp {

/// Initialises liboath; call once before threads start.
bool init();
/// A new random 160-bit secret, hex-encoded for storage.
std::string new_secret();
/// The secret in base32, as authenticator apps expect it.
std::string base32(const std::string& secret_hex);
/// The code for a given time (for tests and the demo).
std::string code_at(const std::string& secret_hex, core::UnixTime at);
/// The time step the code matches within ±1 step of `now`, or nothing. Callers refuse a step that
/// is not newer than the last accepted one, so a code works once.
std::optional<std::int64_t> matching_step(const std::string& secret_hex, const std::string& code,
                                          core::UnixTime now);
/// otpauth:// URI for enrolment.
std::string provisioning_uri(const std::string& secret_hex, const std::string& account);
/// The URI as an SVG QR code (one rect per dark module; libqrencode has no SVG writer).
std::string qr_svg(const std::string& text);

} // namespace totp
} // namespace rekrut::integrations
