#include "domain/job_ad/placeholders.hpp"

#include <array>
#include <utility>

namespace rekrut::domain {

std::optional<std::string> fill_placeholders(std::string_view text, const PlaceholderValues& values,
                                             std::size_t limit)
{
    const std::string nothing;
    const std::array<std::pair<std::string_view, const std::string*>, 6> placeholders = {{
        {"{{title}}", &values.title},
        {"{{place_of_work}}", &values.place_of_work},
        {"{{salary}}", &values.salary},
        {"{{deadline}}", &values.deadline},
        {"{{contact}}", &values.contact},
        {"{{mandatory_texts}}", &nothing},
    }};
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
