#include "domain/application/application_status.hpp"

#include <array>
#include <utility>

namespace rekrut::domain {

namespace {

constexpr std::array<std::pair<ApplicationStatus, std::string_view>, 7> k_names{{
    {ApplicationStatus::received, "received"},
    {ApplicationStatus::withdrawn, "withdrawn"},
    {ApplicationStatus::in_assessment, "in_assessment"},
    {ApplicationStatus::invited, "invited"},
    {ApplicationStatus::offered, "offered"},
    {ApplicationStatus::hired, "hired"},
    {ApplicationStatus::rejected, "rejected"},
}};

} // namespace

std::string_view to_string(ApplicationStatus status)
{
    for (const auto& [value, name] : k_names)
        if (value == status)
            return name;
    return "received";
}

std::optional<ApplicationStatus> application_status_from_string(std::string_view text)
{
    for (const auto& [value, name] : k_names)
        if (name == text)
            return value;
    return std::nullopt;
}

bool can_change_status(ApplicationStatus from, ApplicationStatus to)
{
    using S = ApplicationStatus;
    if (from == to || is_final(from))
        return false;
    switch (to) {
    case S::received: return false;
    case S::withdrawn: return true;
    case S::in_assessment: return from == S::received;
    case S::invited: return from == S::received || from == S::in_assessment;
    case S::offered: return from == S::in_assessment || from == S::invited;
    case S::hired: return from == S::offered;
    case S::rejected: return true;
    }
    return false;
}

} // namespace rekrut::domain
