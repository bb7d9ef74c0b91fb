#pragma once

#include <optional>
#include <string_view>

#include "web/request.hpp"

namespace rekrut::web {

/// The most fields a query string or a form may hold. A form needs a few dozen; two million empty
/// fields in a few megabytes would otherwise cost hundreds of megabytes of memory.
inline constexpr std::size_t k_max_fields = 1000;

/// The fields of a query string ("a=1&b=x+y&c"), in order and decoded: `+` is a space and `%XX` a
/// byte; an escape that is not two hex digits stays as written. A field without `=` has an empty
/// value; empty fields ("a&&b") are skipped. nullopt when there are more than `max_fields`.
std::optional<Fields> parse_query(std::string_view query, std::size_t max_fields = k_max_fields);

} // namespace rekrut::web
