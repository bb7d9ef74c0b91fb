#pragma once

// The one rule for {{name}} fields in texts that users write and the system fills in: ad texts
// (their placeholders) and e-mail templates (their merge fields).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rekrut::domain {

/// A piece of a text with fields: either text as written or the name of a field.
struct TextPiece {
    std::string_view text;
    bool is_field = false;
};

/// Splits `text` into its pieces; a "{{" without a closing "}}" stays text. The pieces point into
/// `text`.
std::vector<TextPiece> split_fields(std::string_view text);

/// The first field name in `text` that `known` refuses, or "{{" for an opening without its "}}";
/// nullopt when every field is known. Texts are checked with this when saved, so an unknown or
/// misspelt name is refused there, by name, instead of reaching a reader as written.
std::optional<std::string> first_unknown_field(std::string_view text,
                                               const std::function<bool(std::string_view)>& known);

} // namespace rekrut::domain
