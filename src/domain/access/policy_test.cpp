#include <gtest/gtest.h>
#include <string>
#include <vector>

#include "domain/access/policy.hpp"

namespace rekrut::domain {
namespace {

constexpr std::int64_t institution_a = 1;
constexpr std::int64_t institution_b = 2;
constexpr std::int64_t case_in_a = 10;
constexpr std::int64_t other_case_in_a = 11;

Actor person(std::int64_t id, std::optional<std::int64_t> institution)
{
    Actor actor;
    actor.user_id = id;
    actor.institution_id = institution;
    return actor;
}

struct Personas {
    Actor operator_plain = [] {
        auto actor = person(1, std::nullopt);
        actor.is_operator = true;
        return actor;
    }();
    Actor operator_elevated_a = [] {
        auto actor = person(2, std::nullopt);
        actor.is_operator = true;
        actor.elevated_institution_id = institution_a;
        return actor;
    }();
    Actor superbruger_a = [] {
        auto actor = person(3, institution_a);
        actor.institution_roles = {InstitutionRole::superbruger};
        return actor;
    }();
    Actor administrator_a = [] {
        auto actor = person(4, institution_a);
        actor.institution_roles = {InstitutionRole::administrator};
        return actor;
    }();
    Actor projektleder_a = [] {
        auto actor = person(5, institution_a);
        actor.case_roles[case_in_a] = {CaseRole::projektleder};
        return actor;
    }();
    Actor projektdeltager_a = [] {
        auto actor = person(6, institution_a);
        actor.case_roles[case_in_a] = {CaseRole::projektdeltager};
        return actor;
    }();
    Actor ansaettende_leder_a = [] {
        auto actor = person(7, institution_a);
        actor.case_roles[case_in_a] = {CaseRole::ansaettende_leder};
        return actor;
    }();
    Actor plain_user_a = person(8, institution_a);
    Actor superbruger_b = [] {
        auto actor = person(9, institution_b);
        actor.institution_roles = {InstitutionRole::superbruger};
        return actor;
    }();
};

struct Row {
    const char* who;
    Action action;
    Resource resource;
    bool allowed;
};

const Actor& lookup(const Personas& personas, const std::string& who)
{
    if (who == "operator")
        return personas.operator_plain;
    if (who == "operator_elevated_a")
        return personas.operator_elevated_a;
    if (who == "superbruger_a")
        return personas.superbruger_a;
    if (who == "administrator_a")
        return personas.administrator_a;
    if (who == "projektleder_a")
        return personas.projektleder_a;
    if (who == "projektdeltager_a")
        return personas.projektdeltager_a;
    if (who == "ansaettende_leder_a")
        return personas.ansaettende_leder_a;
    if (who == "plain_user_a")
        return personas.plain_user_a;
    return personas.superbruger_b;
}

Resource in_a()
{
    return {institution_a, {}, {}, false, {}};
}
Resource user_in_a(std::int64_t user, bool administrative)
{
    return {institution_a, {}, user, administrative, {}};
}
/// A user of institution A who holds Superbruger (and so is administrative).
Resource superbruger_in_a(std::int64_t user)
{
    Resource resource = user_in_a(user, true);
    resource.target_is_superbruger = true;
    return resource;
}
/// A change of `role` for `user` of institution A.
Resource role_for(std::int64_t user, InstitutionRole role, bool administrative = false)
{
    Resource resource = user_in_a(user, administrative);
    resource.role = role;
    return resource;
}
/// A request for the Superbruger role in institution A, asked for by `requested_by`.
Resource superbruger_request(std::int64_t user, std::int64_t requested_by)
{
    Resource resource = role_for(user, InstitutionRole::superbruger);
    resource.requested_by = requested_by;
    return resource;
}
/// An off-boarding of institution A asked for by `requested_by` and approved by `approved_by`.
Resource offboarding(std::optional<std::int64_t> requested_by, std::optional<std::int64_t> approved_by)
{
    Resource resource{institution_a, {}, approved_by, false, requested_by};
    return resource;
}
Resource case_a(std::int64_t id = case_in_a)
{
    return {institution_a, id, {}, false, {}};
}

/// The case with a proposed decision made by `proposer`.
Resource proposed_by(std::int64_t proposer)
{
    Resource resource = case_a();
    resource.requested_by = proposer;
    return resource;
}

void check(const std::vector<Row>& table)
{
    Personas personas;
    for (const auto& row : table) {
        const Actor& actor = lookup(personas, row.who);
        EXPECT_EQ(can(actor, row.action, row.resource), row.allowed)
            << row.who << " action #" << static_cast<int>(row.action);
    }
}

TEST(Policy, role_by_action_by_scope_table)
{
    const std::vector<Row> table = {
        // Platform operator duties belong to the operator alone.
        {"operator", Action::create_institution, {}, true},
        {"operator", Action::create_superbruger, in_a(), true},
        {"superbruger_a", Action::create_institution, {}, false},
        {"superbruger_a", Action::create_superbruger, in_a(), false},
        {"administrator_a", Action::view_outbox, {}, false},
        {"operator", Action::manage_service_status, {}, true},
        {"superbruger_a", Action::manage_service_status, {}, false},
        {"administrator_a", Action::manage_service_status, {}, false},
        {"operator", Action::operate_service, {}, true},
        {"superbruger_a", Action::operate_service, {}, false},
        {"operator", Action::request_operator_access, in_a(), true},
        // The operator sees institution data only with elevated access, and only that institution.
        {"operator", Action::view_users, in_a(), false},
        {"operator_elevated_a", Action::view_users, in_a(), true},
        {"operator_elevated_a", Action::view_users, {institution_b, {}, {}, false, {}}, false},
        {"operator_elevated_a", Action::create_user, in_a(), false},
        {"operator", Action::view_audit, in_a(), true},
        // User administration within the own institution.
        {"superbruger_a", Action::view_users, in_a(), true},
        {"administrator_a", Action::view_users, in_a(), true},
        {"projektleder_a", Action::view_users, in_a(), false},
        {"superbruger_b", Action::view_users, in_a(), false},
        {"administrator_a", Action::create_user, in_a(), true},
        {"plain_user_a", Action::create_user, in_a(), false},
        {"administrator_a", Action::change_user, user_in_a(8, false), true},
        {"administrator_a", Action::change_user, user_in_a(3, true), false},
        {"superbruger_a", Action::change_user, user_in_a(4, true), true},
        {"superbruger_a", Action::deactivate_user, user_in_a(4, true), true},
        {"administrator_a", Action::deactivate_user, user_in_a(3, true), false},
        {"superbruger_b", Action::change_user, user_in_a(8, false), false},
        // Nobody changes their own rights.
        {"superbruger_a", Action::change_user, user_in_a(3, true), false},
        {"superbruger_a", Action::grant_institution_role, user_in_a(3, true), false},
        {"superbruger_a", Action::grant_institution_role, user_in_a(8, false), true},
        {"administrator_a", Action::grant_institution_role, user_in_a(8, false), false},
        {"superbruger_a", Action::revoke_institution_role, user_in_a(4, true), true},
        {"superbruger_b", Action::grant_institution_role, user_in_a(8, false), false},
        // A role request is decided by a Superbruger other than the one who asked.
        {"superbruger_a", Action::decide_role_request, {institution_a, {}, 8, false, 3}, false},
        {"superbruger_a", Action::decide_role_request, {institution_a, {}, 8, false, 30}, true},
        {"administrator_a", Action::decide_role_request, {institution_a, {}, 8, false, 30}, false},
        {"superbruger_a", Action::review_administrator_rights, in_a(), true},
        // The contingency bundle: the institution's administration, or the operator with access to it.
        {"administrator_a", Action::export_contingency_bundle, in_a(), true},
        {"projektleder_a", Action::export_contingency_bundle, in_a(), false},
        {"plain_user_a", Action::export_contingency_bundle, in_a(), false},
        {"superbruger_b", Action::export_contingency_bundle, in_a(), false},
        {"operator", Action::export_contingency_bundle, in_a(), false},
        {"operator_elevated_a", Action::export_contingency_bundle, in_a(), true},
        {"operator_elevated_a", Action::export_contingency_bundle, {institution_b, {}, {}, false, {}}, false},
        {"administrator_a", Action::view_audit, in_a(), true},
        {"projektleder_a", Action::view_audit, in_a(), false},
        {"superbruger_b", Action::view_audit, in_a(), false},
        // Case roles act on their own case only.
        {"projektleder_a", Action::view_case, case_a(), true},
        {"projektleder_a", Action::edit_case, case_a(), true},
        {"projektdeltager_a", Action::view_case, case_a(), true},
        {"projektdeltager_a", Action::edit_case, case_a(), false},
        {"ansaettende_leder_a", Action::approve_hiring_decision, proposed_by(5), true},
        {"projektleder_a", Action::approve_hiring_decision, proposed_by(4), false},
        {"projektleder_a", Action::view_case, case_a(other_case_in_a), false},
        {"plain_user_a", Action::view_case, case_a(), false},
        {"administrator_a", Action::view_case, case_a(other_case_in_a), true},
        {"superbruger_b", Action::view_case, case_a(), false},
        {"projektleder_a", Action::manage_committee, {institution_a, case_in_a, 8, false, {}}, true},
        {"projektleder_a", Action::manage_committee, {institution_a, case_in_a, 5, false, {}}, false},
        {"projektdeltager_a", Action::manage_committee, {institution_a, case_in_a, 8, false, {}}, false},
        {"projektdeltager_a", Action::assess_applications, case_a(), true},
        // Applications: the committee and the institution's administration see them; a case's
        // Projektleder registers paper applications; only administration searches every case.
        {"projektdeltager_a", Action::view_applications, case_a(), true},
        {"ansaettende_leder_a", Action::view_applications, case_a(), true},
        {"administrator_a", Action::view_applications, case_a(other_case_in_a), true},
        {"projektleder_a", Action::view_applications, case_a(other_case_in_a), false},
        {"plain_user_a", Action::view_applications, case_a(), false},
        {"superbruger_b", Action::view_applications, case_a(), false},
        {"operator_elevated_a", Action::view_applications, case_a(), false},
        {"projektleder_a", Action::register_application, case_a(), true},
        {"projektdeltager_a", Action::register_application, case_a(), false},
        {"administrator_a", Action::register_application, case_a(), true},
        {"administrator_a", Action::edit_email_templates, in_a(), true},
        {"superbruger_a", Action::edit_email_templates, in_a(), true},
        {"projektleder_a", Action::edit_email_templates, in_a(), false},
        {"superbruger_b", Action::edit_email_templates, in_a(), false},
        {"operator_elevated_a", Action::edit_email_templates, in_a(), false},
        {"projektleder_a", Action::edit_case_email_templates, case_a(), true},
        {"projektleder_a", Action::edit_case_email_templates, case_a(other_case_in_a), false},
        {"projektdeltager_a", Action::edit_case_email_templates, case_a(), false},
        {"administrator_a", Action::edit_case_email_templates, case_a(), true},
        {"projektleder_a", Action::send_application_mail, case_a(), true},
        {"projektdeltager_a", Action::send_application_mail, case_a(), false},
        {"ansaettende_leder_a", Action::send_application_mail, case_a(), false},
        {"superbruger_b", Action::send_application_mail, case_a(), false},
        {"administrator_a", Action::search_all_applications, in_a(), true},
        {"projektleder_a", Action::search_all_applications, in_a(), false},
        {"superbruger_b", Action::search_all_applications, in_a(), false},
        {"administrator_a", Action::view_access_log, in_a(), true},
        {"projektleder_a", Action::view_access_log, in_a(), false},
        {"administrator_a", Action::edit_institution_setup, in_a(), true},
        {"projektleder_a", Action::edit_institution_setup, in_a(), false},
        // The lists behind the case forms: anyone of the institution, nobody of another.
        {"projektdeltager_a", Action::view_institution_lists, in_a(), true},
        {"superbruger_b", Action::view_institution_lists, in_a(), false},
        {"operator", Action::view_institution_lists, in_a(), false},
        {"operator_elevated_a", Action::view_institution_lists, in_a(), true},
    };
    check(table);
}

TEST(Policy, the_operator_administers_the_superbruger_role)
{
    const std::vector<Row> table = {
        // The Superbruger role is the operator's to administer: a Superbruger asks for it, an
        // operator carries it out, and nobody grants it alone.
        {"superbruger_a", Action::grant_institution_role, role_for(8, InstitutionRole::superbruger), false},
        {"superbruger_a", Action::revoke_institution_role, role_for(30, InstitutionRole::superbruger, true),
         false},
        {"superbruger_a", Action::grant_institution_role, role_for(8, InstitutionRole::administrator), true},
        {"operator", Action::grant_institution_role, role_for(8, InstitutionRole::superbruger), false},
        {"operator", Action::grant_institution_role, role_for(8, InstitutionRole::administrator), false},
        {"superbruger_a", Action::request_superbruger_change, role_for(8, InstitutionRole::superbruger),
         true},
        {"superbruger_a", Action::request_superbruger_change, role_for(3, InstitutionRole::superbruger),
         false},
        {"superbruger_b", Action::request_superbruger_change, role_for(8, InstitutionRole::superbruger),
         false},
        {"administrator_a", Action::request_superbruger_change, role_for(8, InstitutionRole::superbruger),
         false},
        {"operator", Action::request_superbruger_change, role_for(8, InstitutionRole::superbruger), true},
        {"operator", Action::request_superbruger_change, {}, false},
        {"operator", Action::decide_superbruger_request, superbruger_request(8, 3), true},
        {"operator_elevated_a", Action::decide_superbruger_request, superbruger_request(8, 1), true},
        {"operator", Action::decide_superbruger_request, superbruger_request(8, 1), false},
        {"superbruger_a", Action::decide_superbruger_request, superbruger_request(8, 30), false},
        {"superbruger_a", Action::decide_role_request, superbruger_request(8, 30), false},
        // Off-boarding: one operator asks, another decides, and only the one who approved carries
        // it out; nobody of an institution takes part.
        {"operator", Action::request_offboarding, offboarding(std::nullopt, std::nullopt), true},
        {"operator", Action::request_offboarding, {}, false},
        {"superbruger_a", Action::request_offboarding, offboarding(std::nullopt, std::nullopt), false},
        {"operator", Action::decide_offboarding, offboarding(2, std::nullopt), true},
        {"operator", Action::decide_offboarding, offboarding(1, std::nullopt), false},
        {"operator", Action::decide_offboarding, offboarding(std::nullopt, std::nullopt), false},
        {"superbruger_a", Action::decide_offboarding, offboarding(2, std::nullopt), false},
        {"administrator_a", Action::decide_offboarding, offboarding(2, std::nullopt), false},
        {"operator", Action::carry_out_offboarding, offboarding(2, 1), true},
        {"operator", Action::carry_out_offboarding, offboarding(2, 5), false},
        {"operator", Action::carry_out_offboarding, offboarding(1, 1), false},
        {"operator_elevated_a", Action::carry_out_offboarding, offboarding(1, 1), false},
        {"superbruger_a", Action::carry_out_offboarding, offboarding(2, 3), false},
        // Superbrugere are changed, locked and deactivated by the operator, not by each other.
        {"superbruger_a", Action::change_user, superbruger_in_a(30), false},
        {"superbruger_a", Action::deactivate_user, superbruger_in_a(30), false},
        {"administrator_a", Action::change_user, superbruger_in_a(30), false},
        {"operator", Action::change_user, superbruger_in_a(30), true},
        {"operator", Action::deactivate_user, superbruger_in_a(30), true},
        {"operator", Action::change_user, user_in_a(4, true), false},
        {"operator", Action::deactivate_user, user_in_a(8, false), false},
        {"operator", Action::change_user, {std::nullopt, {}, 30, true, {}, true}, false},
    };
    check(table);
}

/// Case A as seen by a member who has not yet declared on all of its applications.
Resource undeclared_case_a()
{
    Resource resource = case_a();
    resource.declarations_pending = true;
    return resource;
}
/// An application of case A with which the actor declared a conflict of interest.
Resource conflicted_application_a()
{
    Resource resource = case_a();
    resource.conflict_of_interest = true;
    return resource;
}
/// An application of case A in an anonymised first round whose anonymity is not lifted.
Resource anonymous_application_a()
{
    Resource resource = case_a();
    resource.anonymous_round = true;
    return resource;
}

TEST(Policy, a_member_takes_part_only_after_declaring_and_never_with_a_conflict)
{
    const std::vector<Row> table = {
        // Declaring is for the committee, whatever their role on the case; not for the administration.
        {"projektdeltager_a", Action::declare_conflicts, undeclared_case_a(), true},
        {"projektleder_a", Action::declare_conflicts, undeclared_case_a(), true},
        {"ansaettende_leder_a", Action::declare_conflicts, case_a(), true},
        {"administrator_a", Action::declare_conflicts, case_a(), false},
        {"projektdeltager_a", Action::declare_conflicts, case_a(other_case_in_a), false},
        {"superbruger_b", Action::declare_conflicts, case_a(), false},
        // Before the declarations: no applications, no assessment, no ranking.
        {"projektdeltager_a", Action::view_applications, undeclared_case_a(), false},
        {"projektdeltager_a", Action::assess_applications, undeclared_case_a(), false},
        {"projektdeltager_a", Action::rank_applications, undeclared_case_a(), false},
        {"projektleder_a", Action::change_application_status, undeclared_case_a(), false},
        {"projektdeltager_a", Action::rank_applications, case_a(), true},
        {"administrator_a", Action::rank_applications, case_a(), false},
        // The administration is not a member and declares nothing.
        {"administrator_a", Action::view_applications, undeclared_case_a(), true},
        // A conflict hides the applicant from that member, and only from them.
        {"projektdeltager_a", Action::view_applications, conflicted_application_a(), false},
        {"projektdeltager_a", Action::assess_applications, conflicted_application_a(), false},
        {"projektdeltager_a", Action::see_applicant_identity, conflicted_application_a(), false},
        {"projektleder_a", Action::change_application_status, conflicted_application_a(), false},
        {"projektleder_a", Action::lift_anonymity, conflicted_application_a(), false},
        {"projektleder_a", Action::change_application_status, case_a(), true},
        {"administrator_a", Action::change_application_status, conflicted_application_a(), true},
        {"projektdeltager_a", Action::change_application_status, case_a(), false},
        // Rectification (article 16): whoever manages the case's applications, never across
        // institutions, never a member who may not take part for the applicant.
        {"projektleder_a", Action::rectify_application, case_a(), true},
        {"administrator_a", Action::rectify_application, case_a(), true},
        {"superbruger_a", Action::rectify_application, case_a(), true},
        {"administrator_a", Action::rectify_application, conflicted_application_a(), true},
        {"projektleder_a", Action::rectify_application, conflicted_application_a(), false},
        {"projektleder_a", Action::rectify_application, undeclared_case_a(), false},
        {"projektleder_a", Action::rectify_application, case_a(other_case_in_a), false},
        {"projektdeltager_a", Action::rectify_application, case_a(), false},
        {"ansaettende_leder_a", Action::rectify_application, case_a(), false},
        {"plain_user_a", Action::rectify_application, case_a(), false},
        {"superbruger_b", Action::rectify_application, case_a(), false},
        {"operator_elevated_a", Action::rectify_application, case_a(), false},
        // The Projektleder and the administration see the declarations and choose the methods.
        {"projektleder_a", Action::view_conflict_declarations, case_a(), true},
        {"administrator_a", Action::view_conflict_declarations, case_a(), true},
        {"projektdeltager_a", Action::view_conflict_declarations, case_a(), false},
        {"projektleder_a", Action::configure_screening, case_a(), true},
        {"ansaettende_leder_a", Action::configure_screening, case_a(), false},
        {"superbruger_b", Action::configure_screening, case_a(), false},
    };
    check(table);
}

TEST(Policy, interviews_are_managed_by_who_leads_the_case_and_read_by_the_committee)
{
    const std::vector<Row> table = {
        {"projektleder_a", Action::manage_interviews, case_a(), true},
        {"administrator_a", Action::manage_interviews, case_a(), true},
        {"projektdeltager_a", Action::manage_interviews, case_a(), false},
        {"ansaettende_leder_a", Action::manage_interviews, case_a(), false},
        {"superbruger_b", Action::manage_interviews, case_a(), false},
        {"projektdeltager_a", Action::view_interview_schedule, case_a(), true},
        {"ansaettende_leder_a", Action::view_interview_schedule, case_a(), true},
        {"administrator_a", Action::view_interview_schedule, case_a(), true},
        {"projektdeltager_a", Action::view_interview_schedule, undeclared_case_a(), false},
        {"superbruger_b", Action::view_interview_schedule, case_a(), false},
        // The schedule is read, but the conflicted applicant's name is not shown to that member.
        {"projektdeltager_a", Action::see_applicant_identity, conflicted_application_a(), false},
    };
    check(table);
}

TEST(Policy, the_anonymised_round_hides_the_applicant_from_the_committee_only)
{
    const std::vector<Row> table = {
        {"projektdeltager_a", Action::see_applicant_identity, case_a(), true},
        {"projektdeltager_a", Action::see_applicant_identity, anonymous_application_a(), false},
        {"projektleder_a", Action::see_applicant_identity, anonymous_application_a(), false},
        {"administrator_a", Action::see_applicant_identity, anonymous_application_a(), true},
        {"superbruger_b", Action::see_applicant_identity, case_a(), false},
        {"projektleder_a", Action::lift_anonymity, anonymous_application_a(), true},
        {"projektdeltager_a", Action::lift_anonymity, anonymous_application_a(), false},
        {"administrator_a", Action::lift_anonymity, anonymous_application_a(), true},
    };
    check(table);
}

TEST(Policy, a_decision_needs_two_people_whatever_roles_they_hold)
{
    const std::vector<Row> table = {
        // The Projektleder and the administration propose; the committee's other members do not.
        {"projektleder_a", Action::propose_case_decision, case_a(), true},
        {"administrator_a", Action::propose_case_decision, case_a(), true},
        {"projektdeltager_a", Action::propose_case_decision, case_a(), false},
        {"ansaettende_leder_a", Action::propose_case_decision, case_a(), false},
        {"projektleder_a", Action::propose_case_decision, undeclared_case_a(), false},
        {"superbruger_b", Action::propose_case_decision, case_a(), false},
        // Only the case's Ansættende leder approves, and only a proposal someone else made.
        {"ansaettende_leder_a", Action::approve_hiring_decision, proposed_by(5), true},
        {"ansaettende_leder_a", Action::approve_hiring_decision, proposed_by(7), false},
        {"ansaettende_leder_a", Action::approve_hiring_decision, case_a(), false},
        {"administrator_a", Action::approve_hiring_decision, proposed_by(5), false},
        {"superbruger_a", Action::approve_hiring_decision, proposed_by(5), false},
        {"projektleder_a", Action::approve_hiring_decision, proposed_by(4), false},
        {"superbruger_b", Action::approve_hiring_decision, proposed_by(5), false},
    };
    check(table);

    // Holding both roles does not let anyone approve their own proposal.
    Actor both = person(20, institution_a);
    both.case_roles[case_in_a] = {CaseRole::projektleder, CaseRole::ansaettende_leder};
    both.institution_roles = {InstitutionRole::superbruger};
    EXPECT_TRUE(can(both, Action::propose_case_decision, case_a()));
    EXPECT_FALSE(can(both, Action::approve_hiring_decision, proposed_by(20)));
    EXPECT_TRUE(can(both, Action::approve_hiring_decision, proposed_by(5)));

    // The Ansættende leder of another case approves nothing here.
    Actor elsewhere = person(21, institution_a);
    elsewhere.case_roles[other_case_in_a] = {CaseRole::ansaettende_leder};
    EXPECT_FALSE(can(elsewhere, Action::approve_hiring_decision, proposed_by(5)));

    // A conflict of interest with the candidate bars the approver too.
    Resource conflicted = proposed_by(5);
    conflicted.conflict_of_interest = true;
    EXPECT_FALSE(can(Personas().ansaettende_leder_a, Action::approve_hiring_decision, conflicted));
}

TEST(Policy, missing_institution_on_the_resource_is_refused)
{
    Personas personas;
    EXPECT_FALSE(can(personas.superbruger_a, Action::view_users, {}));
    EXPECT_FALSE(can(personas.projektleder_a, Action::view_case, {std::nullopt, case_in_a, {}, false, {}}));
}

TEST(Policy, operator_data_scope_is_the_elevated_institution)
{
    Personas personas;
    EXPECT_FALSE(personas.operator_plain.data_institution());
    EXPECT_EQ(personas.operator_elevated_a.data_institution(), institution_a);
    EXPECT_EQ(personas.superbruger_b.data_institution(), institution_b);
}

} // namespace
} // namespace rekrut::domain
