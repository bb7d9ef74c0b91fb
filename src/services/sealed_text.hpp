#pragma once

// Free texts about an application (notes, comments, justifications) are sealed under the
// application's data key and stored as hexadecimal text, so destroying the key erases them.

#include <optional>
#include <string>

namespace rekrut::services {

/// `text` sealed under `key` as hexadecimal text; empty for an empty text or a destroyed key.
std::string seal_text(const std::optional<std::string>& key, const std::string& text);
/// The text `sealed` holds; empty when it is empty, damaged or its key is destroyed.
std::string open_text(const std::optional<std::string>& key, const std::string& sealed);

} // namespace rekrut::services
