#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rekrut::core {

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// Escapes `text` for use inside a JSON string literal (without the quotes).
std::string json_escape(std::string_view text);

/// Lower-case hexadecimal of raw bytes.
std::string to_hex(std::string_view bytes);
/// The bytes of a hexadecimal text (either case); nullopt for an odd length or a non-hex digit.
std::optional<std::string> from_hex(std::string_view hex);

/// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

} // namespace rekrut::core
