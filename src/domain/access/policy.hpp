#pragma once

#include <cstdint>
#include <optional>

#include "domain/access/actor.hpp"

namespace rekrut::domain {

/// Everything a permission is asked for. Handlers name one of these at their top.
enum class Action {
    // Platform operator
    create_institution,
    /// Start a new Superbruger for an institution (the role waits for a second operator).
    create_superbruger,
    view_outbox,
    request_operator_access,
    /// Announce incidents and service windows, update and resolve them, and read the measured
    /// availability (the status page's operator side).
    manage_service_status,
    /// See and change the service's run-time controls (the log level) and the linked libraries'
    /// versions.
    operate_service,
    /// Carry out (approve) or reject a request for the Superbruger role. The operator administers
    /// the role; whoever asked for the change is the other pair of eyes, so never the one who decides.
    decide_superbruger_request,
    /// Ask for an institution to be off-boarded (its data exported for it, then deleted).
    request_offboarding,
    /// Approve or reject an off-boarding: an operator, never the one who asked (`requested_by`).
    decide_offboarding,
    /// Download the export of an approved off-boarding and then delete the institution's data: the
    /// operator who approved it (`target_user_id`), never the one who asked (`requested_by`).
    carry_out_offboarding,
    // User administration
    view_users,
    create_user,
    change_user,
    deactivate_user,
    /// Grant or remove an institution role at once (or ask a second Superbruger to approve it).
    /// Never the Superbruger role, which is requested (request_superbruger_change).
    grant_institution_role,
    revoke_institution_role,
    /// Ask for the Superbruger role to be granted or removed; an operator carries the request out.
    request_superbruger_change,
    /// Approve or reject a request for the Administrator role (a second Superbruger).
    decide_role_request,
    review_administrator_rights,
    view_audit,
    /// Export the institution's active cases as an encrypted bundle for carrying on by hand during a
    /// long outage (contingency plan): an Administrator or Superbruger of the institution, or the
    /// operator while holding time-limited access to it.
    export_contingency_bundle,
    // Institution set-up
    edit_institution_setup,
    /// Read the institution's lists that case forms draw on (units, templates, agreements, ...).
    view_institution_lists,
    // Recruitment cases
    create_case,
    view_case,
    edit_case,
    manage_committee,
    /// Mark, score, tag and write notes on an application: a committee member who has declared on
    /// every application of the case and has no conflict of interest with this one.
    assess_applications,
    /// Propose the hiring decision (candidate, reserves, justification), or ask for a case with
    /// applications to be cancelled; record why an applicant with priority access is not invited.
    propose_case_decision,
    /// Approve or return a proposed decision (hiring or cancelling): the case's Ansættende leder,
    /// never the person who proposed it (`Resource::requested_by`), whatever roles they hold.
    approve_hiring_decision,
    // Applications
    /// See a case's applications, open one and download its files (every view is logged).
    view_applications,
    /// Register an application that arrived on paper or by e-mail.
    register_application,
    /// Correct an applicant's name, e-mail address and telephone number on their request (GDPR
    /// article 16): whoever manages the case's applications, and a member of the committee only
    /// when they may take part for this applicant.
    rectify_application,
    /// Search the applications of every case of the institution.
    search_all_applications,
    /// Read the log of who saw which application.
    view_access_log,
    // Communication
    /// Change the institution's e-mail templates.
    edit_email_templates,
    /// Make, change and drop a case's own copies of the e-mail templates.
    edit_case_email_templates,
    /// Send mails to a case's applicants, follow and cancel them, read the communication log.
    send_application_mail,
    // Assessment
    /// Declare, for each application of a case, whether one has a conflict of interest (a member).
    declare_conflicts,
    /// Read every member's conflict declarations of a case.
    view_conflict_declarations,
    /// Choose the case's screening methods and its weighted criteria.
    configure_screening,
    /// Move applications on (in assessment) or reject them, and confirm knockout rejections.
    change_application_status,
    /// Show an applicant's identity to the committee during an anonymised first round.
    lift_anonymity,
    /// See the applicant's name, contact data, attachments and other identifying details.
    see_applicant_identity,
    /// Save a new order of a case's ranking list, or make a new list.
    rank_applications,
    // Interviews
    /// Make interview rounds and their slots, invite applicants, give, move and cancel bookings.
    manage_interviews,
    /// Read a round's schedule: a committee member who has declared on every application, or whoever
    /// manages the case. The name of an applicant the member declared a conflict with stays hidden
    /// (see_applicant_identity decides per booking).
    view_interview_schedule,
};

/// What the action is about. Fields that do not apply stay empty.
struct Resource {
    std::optional<std::int64_t> institution_id;
    std::optional<std::int64_t> case_id;
    std::optional<std::int64_t> target_user_id;
    /// The target user holds Superbruger or Administrator.
    bool target_is_administrative = false;
    /// For role requests and case decisions: who asked for the grant or proposed the decision
    /// (nobody approves their own request).
    std::optional<std::int64_t> requested_by;
    /// The target user holds Superbruger: their account is the platform operator's to maintain.
    bool target_is_superbruger = false;
    /// The institution role granted, removed or requested, when the action is about one.
    std::optional<InstitutionRole> role = std::nullopt;
    /// The actor holds a role on the case and has not yet declared on some of its applications.
    bool declarations_pending = false;
    /// The actor declared a conflict of interest with the application the action is about.
    bool conflict_of_interest = false;
    /// The case screens anonymously and the application's anonymity has not been lifted.
    bool anonymous_round = false;
};

/// The one place that decides who may do what. Pure: no I/O, unit-tested as a table.
/// Cross-institution access is refused here as well as by the store's scoping.
bool can(const Actor& actor, Action action, const Resource& resource = {});

} // namespace rekrut::domain
