#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rekrut::domain {

/// The case's values that an ad text names with placeholders: {{title}}, {{place_of_work}},
/// {{salary}}, {{deadline}} and {{contact}}. {{mandatory_texts}} stands for nothing: the mandatory
/// texts follow the ad.
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
