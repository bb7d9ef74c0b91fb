#include "domain/job_ad/placeholders.hpp"

#include <array>
#include <utility>

namespace rekrut::domain {

bool is_placeholder(std::string_view name)
{
    for (const auto& placeholder : k_placeholder_names)
        if (name == placeholder.english || name == placeholder.danish)
            return true;
    return false;
}

std::optional<std::string> fill_placeholders(std::string_view text, const PlaceholderValues& values,
                                             std::size_t limit)
{
    const std::string nothing;
    // In the order of k_placeholder_names.
    const std::array<const std::string*, 6> value_of = {
        &values.title, &values.place_of_work, &values.salary, &values.deadline, &values.contact, &nothing};
    std::array<std::pair<std::string, const std::string*>, 12> placeholders;
    for (std::size_t i = 0; i < value_of.size(); ++i) {
        const auto& name = k_placeholder_names[i];
        placeholders[2 * i] = {"{{" + std::string(name.english) + "}}", value_of[i]};
        placeholders[2 * i + 1] = {"{{" + std::string(name.danish) + "}}", value_of[i]};
    }
    std::string filled;
    std::size_t copied = 0;
    auto append = [&](std::string_view part) {
        if (part.size() > limit - filled.size())
            return false;
        filled += part;
        return true;
    };
    for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at + 1)) {
        std::string_view rest = text.substr(at);
        for (const auto& [placeholder, value] : placeholders) {
            if (!rest.starts_with(placeholder))
                continue;
            if (!append(text.substr(copied, at - copied)) || !append(*value))
                return std::nullopt;
            copied = at + placeholder.size();
            at = copied - 1;
            break;
        }
    }
    if (!append(text.substr(copied)))
        return std::nullopt;
    return filled;
}

} // namespace rekrut::domain
