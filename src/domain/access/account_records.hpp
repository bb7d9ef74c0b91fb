#pragma once

// User accounts, their institution roles, role requests and the operator's access grants.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/access/roles.hpp"

namespace rekrut::domain {

struct UserRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> institution_id;
    std::string email;
    std::string name;
    std::string password_hash;
    domain::UserStatus status = domain::UserStatus::active;
    bool is_operator = false;
    std::string totp_secret;
    bool totp_enabled = false;
    std::int64_t totp_last_step = 0;
    std::optional<core::UnixTime> totp_enabled_at;
    std::optional<core::UnixTime> last_login_at;
    core::UnixTime rights_changed_at = 0;
    core::UnixTime created_at = 0;
    /// Set for an external committee member: the one case the limited account belongs to.
    std::optional<std::int64_t> external_case_id;
};

struct InstitutionRoleRecord {
    std::int64_t user_id = 0;
    domain::InstitutionRole role = domain::InstitutionRole::administrator;
    std::optional<std::int64_t> granted_by;
    std::string granted_by_name;
    std::optional<std::int64_t> approved_by;
    std::string approved_by_name;
    core::UnixTime granted_at = 0;
};

struct RoleRequestRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::int64_t user_id = 0;
    std::string user_name;
    domain::InstitutionRole role = domain::InstitutionRole::administrator;
    std::int64_t requested_by = 0;
    std::string requested_by_name;
    core::UnixTime requested_at = 0;
    std::string state;
    domain::RoleChangeKind change = domain::RoleChangeKind::grant;
    std::string institution_name;
};

struct OperatorAccessRecord {
    std::int64_t id = 0;
    std::int64_t operator_user_id = 0;
    std::string operator_name;
    std::int64_t institution_id = 0;
    std::string institution_name;
    std::string reason;
    core::UnixTime starts_at = 0;
    core::UnixTime expires_at = 0;
    std::optional<core::UnixTime> ended_at;
};

} // namespace rekrut::domain
