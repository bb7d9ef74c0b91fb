#pragma once

#include <optional>
#include <string_view>

namespace rekrut::domain {

/// Roles held for a whole institution.
enum class InstitutionRole { superbruger, administrator };
/// Roles held for one recruitment case.
enum class CaseRole { projektleder, projektdeltager, ansaettende_leder };
/// Whether a user account may sign in.
enum class UserStatus { active, locked, deactivated };
/// What a role request asks for: that the role be granted, or taken away.
enum class RoleChangeKind { grant, revoke };

std::string_view to_string(InstitutionRole role);
std::string_view to_string(CaseRole role);
std::string_view to_string(UserStatus status);
std::string_view to_string(RoleChangeKind change);
std::optional<InstitutionRole> institution_role_from_string(std::string_view text);
std::optional<CaseRole> case_role_from_string(std::string_view text);
std::optional<UserStatus> user_status_from_string(std::string_view text);
std::optional<RoleChangeKind> role_change_from_string(std::string_view text);

} // namespace rekrut::domain
