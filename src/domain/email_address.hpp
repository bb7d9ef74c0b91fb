#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rekrut::domain {

/// The longest address SMTP can carry (RFC 5321: a 256-octet path minus the angle brackets).
constexpr std::size_t k_max_email_octets = 254;

/// The one rule for an e-mail address anyone types into Rekrut (users, invited members, contact
/// persons, applicants). Returns the address trimmed and with ASCII letters in lower case, or nullopt
/// when it is not plausible: empty local part, no dot in the domain, a second `@`, whitespace or
/// control characters (which could split a mail header), characters that separate addresses
/// (`<>,;"()[]\`), or more than 254 octets.
std::optional<std::string> normalize_email_address(std::string_view text);

} // namespace rekrut::domain
