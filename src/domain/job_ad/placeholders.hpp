#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rekrut::domain {

/// One placeholder of an ad text, by its English and its Danish name (without the braces): an ad may
/// use either, so the editor can offer the names in the interface language.
struct PlaceholderName {
    std::string_view english;
    std::string_view danish;
};

/// Every placeholder, in the order the editor lists them.
inline constexpr PlaceholderName k_placeholder_names[] = {
    {"title", "titel"},
    {"place_of_work", "arbejdssted"},
    {"salary", "løn"},
    {"deadline", "ansøgningsfrist"},
    {"contact", "kontaktperson"},
    {"mandatory_texts", "obligatoriske_tekster"},
};

/// Whether `name` (without the braces) is a placeholder, by its English or its Danish name.
bool is_placeholder(std::string_view name);

/// The case's values that an ad text names with placeholders: {{title}}, {{place_of_work}},
/// {{salary}}, {{deadline}} and {{contact}} (or their Danish names {{titel}}, {{arbejdssted}}, {{løn}},
/// {{ansøgningsfrist}} and {{kontaktperson}}). {{mandatory_texts}} ({{obligatoriske_tekster}}) stands for
/// nothing: the mandatory texts follow the ad.
struct PlaceholderValues {
    std::string title;
    std::string place_of_work;
    std::string salary;
    std::string deadline;
    std::string contact;
};

/// The text with every placeholder replaced by its value, in one pass: a value goes in as written and
/// is never itself searched for placeholders. Since each placeholder may stand for a long value, the
/// result can be far longer than the text; nullopt when it would be longer than `limit` octets, found
/// out without building more than `limit` octets.
std::optional<std::string> fill_placeholders(std::string_view text, const PlaceholderValues& values,
                                             std::size_t limit);

} // namespace rekrut::domain
