#include "domain/access/roles.hpp"

namespace rekrut::domain {

std::string_view to_string(InstitutionRole role)
{
    return role == InstitutionRole::superbruger ? "superbruger" : "administrator";
}

std::string_view to_string(CaseRole role)
{
    switch (role) {
    case CaseRole::projektleder: return "projektleder";
    case CaseRole::projektdeltager: return "projektdeltager";
    case CaseRole::ansaettende_leder: return "ansaettende_leder";
    }
    return "projektdeltager";
}

std::string_view to_string(UserStatus status)
{
    switch (status) {
    case UserStatus::active: return "active";
    case UserStatus::locked: return "locked";
    case UserStatus::deactivated: return "deactivated";
    }
    return "deactivated";
}

std::string_view to_string(RoleChangeKind change)
{
    return change == RoleChangeKind::grant ? "grant" : "revoke";
}

std::optional<InstitutionRole> institution_role_from_string(std::string_view text)
{
    if (text == "superbruger")
        return InstitutionRole::superbruger;
    if (text == "administrator")
        return InstitutionRole::administrator;
    return std::nullopt;
}

std::optional<CaseRole> case_role_from_string(std::string_view text)
{
    for (auto role : {CaseRole::projektleder, CaseRole::projektdeltager, CaseRole::ansaettende_leder})
        if (to_string(role) == text)
            return role;
    return std::nullopt;
}

std::optional<UserStatus> user_status_from_string(std::string_view text)
{
    for (auto status : {UserStatus::active, UserStatus::locked, UserStatus::deactivated})
        if (to_string(status) == text)
            return status;
    return std::nullopt;
}

std::optional<RoleChangeKind> role_change_from_string(std::string_view text)
{
    if (text == "grant")
        return RoleChangeKind::grant;
    if (text == "revoke")
        return RoleChangeKind::revoke;
    return std::nullopt;
}

} // namespace rekrut::domain
