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

/// Segregation of duties for institution roles (Superbruger, Administrator): once an institution has
/// two or more Superbrugere, a grant by one of them waits for a second one's approval. The platform
/// operator sets up an institution's first Superbrugere without one.
constexpr bool grant_needs_second_superbruger(bool granted_by_operator, int superbrugere)
{
    return !granted_by_operator && superbrugere >= 2;
}

/// An institution must keep at least one active Superbruger: removing the role (or deactivating its
/// holder) is refused when it would take away the last one.
constexpr bool removal_keeps_a_superbruger(bool holds_superbruger, int superbrugere)
{
    return !holds_superbruger || superbrugere > 1;
}

} // namespace rekrut::domain
