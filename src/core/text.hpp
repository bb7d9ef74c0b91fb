#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rekrut::core {

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// Escapes `text` for use inside a JSON string literal (without the quotes).
std::string json_escape(std::string_view text);

/// Lower-case hexadecimal of raw bytes.
std::string to_hex(std::string_view bytes);
/// The bytes of a hexadecimal text (either case); nullopt for an odd length or a non-hex digit.
std::optional<std::string> from_hex(std::string_view hex);

/// Appends the UTF-8 encoding of `code`; a surrogate or a value above U+10FFFF becomes U+FFFD.
void append_utf8(std::string& out, char32_t code);

/// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

/// The fields of `text` between `separator`s, empty ones included: "a,,b" gives "a", "" and "b", and ""
/// gives one empty field. The fields view `text`, which must outlive them.
std::vector<std::string_view> split(std::string_view text, char separator);

/// ASCII letters in lower case; other bytes (UTF-8 included) unchanged.
std::string ascii_lower(std::string_view text);

/// True when `text` is not empty and holds only the ASCII digits 0-9. (std::isdigit on a plain
/// char is undefined for bytes above 127, which every non-ASCII UTF-8 character has.)
bool is_ascii_digits(std::string_view text);

/// Escapes `&<>"'` for HTML text and attribute values. Pages escape through ctemplate; this is for
/// the few places that build HTML outside a template.
std::string html_escape(std::string_view text);

/// Replaces every translation marker `{{_ English text}}` in a template source with what `replace`
/// returns for the text (trailing spaces trimmed). Pages and mails both write their texts this way.
std::string expand_translation_markers(const std::string& source,
                                       const std::function<std::string(const std::string&)>& replace);

/// Percent-encodes everything except RFC 3986's unreserved characters (letters, digits, `-._~`),
/// for a query value or a path segment.
std::string url_encode(std::string_view text);

} // namespace rekrut::core
