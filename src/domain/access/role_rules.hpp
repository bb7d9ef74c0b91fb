#pragma once

#include "domain/access/roles.hpp"

namespace rekrut::domain {

/// Rules about who may hold which role, beside the policy's "who may do what".

/// An external committee member (an account limited to one case, such as an employee
/// representative) may take part and may be the Ansættende leder's counterpart, but never leads
/// the case: the Projektleder changes the case and must be one of the institution's own staff.
constexpr bool external_member_may_hold(CaseRole role)
{
    return role != CaseRole::projektleder;
}

/// Who must agree before a change of an institution role takes effect.
enum class RoleApproval {
    none,               ///< It takes effect at once.
    second_superbruger, ///< Another Superbruger of the institution approves it.
    platform_operator,  ///< An operator other than the one who asked carries it out.
};

/// Segregation of duties for institution roles. The Superbruger role is the platform operator's to
/// administer (service description 6.2): every grant or removal of it is a request that an operator
/// who did not ask carries out, however many Superbrugere or operators there are. A grant of
/// Administrator waits for a second Superbruger once the institution has two or more; removing
/// Administrator takes effect at once.
constexpr RoleApproval approval_for(InstitutionRole role, RoleChangeKind change, int superbrugere)
{
    if (role == InstitutionRole::superbruger)
        return RoleApproval::platform_operator;
    if (change == RoleChangeKind::grant && superbrugere >= 2)
        return RoleApproval::second_superbruger;
    return RoleApproval::none;
}

/// An institution must keep at least one active Superbruger: removing the role (or deactivating its
/// holder) is refused when it would take away the last one. Locking the last one is allowed: a lock
/// is the operator's answer to a misused account and is lifted again, while the role stays.
constexpr bool removal_keeps_a_superbruger(bool holds_superbruger, int superbrugere)
{
    return !holds_superbruger || superbrugere > 1;
}

} // namespace rekrut::domain
