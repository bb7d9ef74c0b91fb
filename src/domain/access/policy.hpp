#pragma once

#include <cstdint>
#include <optional>

#include "domain/access/actor.hpp"

namespace rekrut::domain {

/// Everything a permission is asked for. Handlers name one of these at their top.
enum class Action {
    // Platform operator
    create_institution,
    create_superbruger,
    view_outbox,
    request_operator_access,
    // User administration
    view_users,
    create_user,
    change_user,
    deactivate_user,
    grant_institution_role,
    revoke_institution_role,
    decide_role_request,
    review_administrator_rights,
    view_audit,
    // Institution set-up
    edit_institution_setup,
    /// Read the institution's lists that case forms draw on (units, templates, agreements, ...).
    view_institution_lists,
    // Recruitment cases
    create_case,
    view_case,
    edit_case,
    manage_committee,
    assess_applications,
    approve_hiring_decision,
};

/// What the action is about. Fields that do not apply stay empty.
struct Resource {
    std::optional<std::int64_t> institution_id;
    std::optional<std::int64_t> case_id;
    std::optional<std::int64_t> target_user_id;
    /// The target user holds Superbruger or Administrator.
    bool target_is_administrative = false;
    /// For role requests: who asked for the grant (nobody approves their own request).
    std::optional<std::int64_t> requested_by;
};

/// The one place that decides who may do what. Pure: no I/O, unit-tested as a table.
/// Cross-institution access is refused here as well as by the store's scoping.
bool can(const Actor& actor, Action action, const Resource& resource = {});

} // namespace rekrut::domain
