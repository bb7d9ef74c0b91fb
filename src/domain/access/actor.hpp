#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "domain/access/roles.hpp"

namespace rekrut::domain {

/// The signed-in user as the policy sees them: who they are and every right they hold now.
/// Loaded fresh on every request, so a changed role takes effect from the next request.
struct Actor {
    std::int64_t user_id = 0;
    std::string name;
    std::optional<std::int64_t> institution_id; ///< Empty for the platform operator.
    bool is_operator = false;
    std::set<InstitutionRole> institution_roles;
    std::map<std::int64_t, std::set<CaseRole>> case_roles; ///< Case id → roles on that case.
    /// The institution whose data an operator may see right now (time-limited elevated access).
    std::optional<std::int64_t> elevated_institution_id;

    bool has(InstitutionRole role) const { return institution_roles.count(role) > 0; }
    bool has(std::int64_t case_id, CaseRole role) const;
    bool has_any_role_on(std::int64_t case_id) const;
    /// Superbruger and Administrator hold administrative rights and must use a second factor.
    bool is_administrative() const { return is_operator || !institution_roles.empty(); }

    /// The institution whose records this actor reads and writes: their own, or, for an operator,
    /// the one with active elevated access. Every store call is scoped by this.
    std::optional<std::int64_t> data_institution() const
    {
        return is_operator ? elevated_institution_id : institution_id;
    }
};

} // namespace rekrut::domain
