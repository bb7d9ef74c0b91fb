#include "domain/access/policy.hpp"

namespace rekrut::domain {

bool Actor::has(std::int64_t case_id, CaseRole role) const
{
    auto roles = case_roles.find(case_id);
    return roles != case_roles.end() && roles->second.count(role) > 0;
}

bool Actor::has_any_role_on(std::int64_t case_id) const
{
    auto roles = case_roles.find(case_id);
    return roles != case_roles.end() && !roles->second.empty();
}

bool can(const Actor& actor, Action action, const Resource& resource)
{
    const bool own_institution = !actor.is_operator && actor.institution_id && resource.institution_id &&
                                 *actor.institution_id == *resource.institution_id;
    const bool operator_elevated = actor.is_operator && actor.elevated_institution_id &&
                                   resource.institution_id &&
                                   *actor.elevated_institution_id == *resource.institution_id;
    const bool superbruger = own_institution && actor.has(InstitutionRole::superbruger);
    const bool administrative = own_institution && (superbruger || actor.has(InstitutionRole::administrator));
    const bool targets_self = resource.target_user_id && *resource.target_user_id == actor.user_id;
    const bool own_request = resource.requested_by && *resource.requested_by == actor.user_id;
    const bool on_case = own_institution && resource.case_id;
    // The platform operator administers the Superbruger role and the accounts that hold it (service
    // description 6.2), for any institution but never without one.
    const bool operator_on_institution = actor.is_operator && resource.institution_id;
    const bool about_superbruger_role = resource.role == InstitutionRole::superbruger;

    switch (action) {
    case Action::create_institution:
    case Action::create_superbruger:
    case Action::view_outbox:
    case Action::request_operator_access: return actor.is_operator;
    case Action::decide_superbruger_request: return actor.is_operator && !own_request;

    case Action::view_users:
    case Action::review_administrator_rights: return administrative || operator_elevated;
    case Action::view_audit: return administrative || actor.is_operator;
    case Action::create_user: return administrative;
    case Action::change_user:
    case Action::deactivate_user:
        // Administrators look after case users; only a Superbruger changes administrators, and only
        // the operator changes Superbrugere. Own account changes go through the profile, never the
        // user administration.
        if (targets_self)
            return false;
        if (resource.target_is_superbruger)
            return operator_on_institution;
        return superbruger || (administrative && !resource.target_is_administrative);
    case Action::grant_institution_role:
    case Action::revoke_institution_role: return superbruger && !targets_self && !about_superbruger_role;
    case Action::request_superbruger_change: return (superbruger || operator_on_institution) && !targets_self;
    case Action::decide_role_request:
        return superbruger && !targets_self && !own_request && !about_superbruger_role;

    case Action::view_institution_lists: return own_institution || operator_elevated;
    case Action::edit_institution_setup:
    case Action::create_case: return administrative;
    case Action::view_case: return on_case && (administrative || actor.has_any_role_on(*resource.case_id));
    case Action::edit_case:
        return on_case && (administrative || actor.has(*resource.case_id, CaseRole::projektleder));
    case Action::manage_committee:
        return on_case && !targets_self &&
               (administrative || actor.has(*resource.case_id, CaseRole::projektleder));
    case Action::assess_applications: return on_case && actor.has_any_role_on(*resource.case_id);
    case Action::approve_hiring_decision:
        return on_case && actor.has(*resource.case_id, CaseRole::ansaettende_leder);
    case Action::view_applications:
        return on_case && (administrative || actor.has_any_role_on(*resource.case_id));
    case Action::register_application:
        return on_case && (administrative || actor.has(*resource.case_id, CaseRole::projektleder));
    case Action::search_all_applications:
    case Action::view_access_log:
    case Action::edit_email_templates: return administrative;
    case Action::edit_case_email_templates:
    case Action::send_application_mail:
        return on_case && (administrative || actor.has(*resource.case_id, CaseRole::projektleder));
    }
    return false;
}

} // namespace rekrut::domain
