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
    // A committee member (any role on the case) takes part only after declaring on every
    // application, and never for an applicant they declared a conflict with (forvaltningsloven § 3),
    // whatever institution role they also hold. The administration without a case role handles the
    // process and does not assess.
    const bool member = on_case && actor.has_any_role_on(*resource.case_id);
    const bool member_may_take_part =
        member && !resource.declarations_pending && !resource.conflict_of_interest;
    const bool leads_case =
        on_case && (administrative || actor.has(*resource.case_id, CaseRole::projektleder));

    switch (action) {
    case Action::create_institution:
    case Action::create_superbruger:
    case Action::view_outbox:
    case Action::manage_service_status:
    case Action::operate_service:
    case Action::request_operator_access: return actor.is_operator;
    case Action::decide_superbruger_request: return actor.is_operator && !own_request;
    case Action::request_offboarding: return operator_on_institution;
    case Action::decide_offboarding: return operator_on_institution && resource.requested_by && !own_request;
    case Action::carry_out_offboarding:
        return operator_on_institution && resource.requested_by && !own_request && targets_self;

    case Action::view_users:
    case Action::export_contingency_bundle:
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
    case Action::assess_applications: return member_may_take_part;
    case Action::propose_case_decision: return leads_case && (member ? member_may_take_part : true);
    case Action::approve_hiring_decision:
        // Four eyes: a proposal exists, and whoever made it never approves it.
        return on_case && actor.has(*resource.case_id, CaseRole::ansaettende_leder) &&
               resource.requested_by.has_value() && !own_request && !resource.conflict_of_interest;
    case Action::view_applications: return member ? member_may_take_part : on_case && administrative;
    case Action::register_application:
        return on_case && (administrative || actor.has(*resource.case_id, CaseRole::projektleder));
    case Action::search_all_applications:
    case Action::view_access_log:
    case Action::edit_email_templates: return administrative;
    case Action::edit_case_email_templates:
    case Action::send_application_mail:
        return on_case && (administrative || actor.has(*resource.case_id, CaseRole::projektleder));
    case Action::declare_conflicts: return member;
    case Action::view_conflict_declarations:
    case Action::configure_screening: return leads_case;
    case Action::change_application_status:
    case Action::rectify_application:
    case Action::lift_anonymity: return leads_case && (member ? member_may_take_part : true);
    case Action::see_applicant_identity:
        // The anonymised round hides the applicant from the committee; the administration handles
        // the applications and sees them as sent.
        return (member ? member_may_take_part : on_case && administrative) &&
               !(member && resource.anonymous_round);
    case Action::rank_applications: return member && !resource.declarations_pending;
    case Action::manage_interviews: return leads_case;
    case Action::view_interview_schedule: return leads_case || (member && !resource.declarations_pending);
    }
    return false;
}

} // namespace rekrut::domain
