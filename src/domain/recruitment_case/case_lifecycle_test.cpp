#include <gtest/gtest.h>
#include <map>
#include <set>

#include "domain/recruitment_case/case_lifecycle.hpp"

namespace rekrut::domain {
namespace {

constexpr long long k_now = 1'800'000'000;
constexpr long long k_day = 86400;

CaseFacts complete_case(CaseState state)
{
    CaseFacts facts;
    facts.state = state;
    facts.application_deadline = k_now + 14 * k_day;
    facts.has_projektleder = true;
    facts.has_ansaettende_leder = true;
    // The decision steps' own facts, as they stand when each step is due.
    if (state == CaseState::assessment)
        facts.hiring_decision = DecisionStatus::proposed;
    if (state == CaseState::decision) {
        facts.hiring_decision = DecisionStatus::approved;
        facts.contract_signed = true;
    }
    return facts;
}

const CaseState k_states[] = {CaseState::draft,      CaseState::ready_for_publication,
                              CaseState::published,  CaseState::closed_for_applications,
                              CaseState::assessment, CaseState::decision,
                              CaseState::filled,     CaseState::cancelled};
const CaseTransition k_transitions[] = {
    CaseTransition::mark_ready,         CaseTransition::reopen_draft,     CaseTransition::publish,
    CaseTransition::close_applications, CaseTransition::start_assessment, CaseTransition::propose_decision,
    CaseTransition::return_decision,    CaseTransition::mark_filled,      CaseTransition::cancel};

TEST(CaseLifecycle, every_state_and_transition_is_allowed_exactly_where_the_table_says)
{
    // from-state → the transitions allowed from it (with complete content and timing that fits).
    const std::map<CaseState, std::set<CaseTransition>> allowed = {
        {CaseState::draft, {CaseTransition::mark_ready, CaseTransition::cancel}},
        {CaseState::ready_for_publication,
         {CaseTransition::reopen_draft, CaseTransition::publish, CaseTransition::cancel}},
        {CaseState::published, {CaseTransition::close_applications, CaseTransition::cancel}},
        {CaseState::closed_for_applications, {CaseTransition::start_assessment, CaseTransition::cancel}},
        {CaseState::assessment, {CaseTransition::propose_decision, CaseTransition::cancel}},
        {CaseState::decision, {CaseTransition::mark_filled, CaseTransition::cancel}},
        // Returning is listed from Decision but needs a returned proposal (its own test).
        {CaseState::filled, {}},
        {CaseState::cancelled, {}},
    };
    for (auto state : k_states) {
        for (auto transition : k_transitions) {
            auto facts = complete_case(state);
            // Closing needs a passed deadline; everything else a future one.
            auto now = transition == CaseTransition::close_applications ? k_now + 30 * k_day : k_now;
            bool expected = allowed.at(state).count(transition) > 0;
            EXPECT_EQ(check_transition(facts, transition, now).ok(), expected)
                << to_string(state) << " --" << to_string(transition) << "-->";
        }
        std::vector<CaseTransition> listed = transitions_from(state);
        auto listable = allowed.at(state);
        if (state == CaseState::decision)
            listable.insert(CaseTransition::return_decision);
        EXPECT_EQ(std::set<CaseTransition>(listed.begin(), listed.end()), listable) << to_string(state);
    }
}

TEST(CaseLifecycle, marking_ready_names_everything_missing)
{
    CaseFacts facts;
    facts.state = CaseState::draft;
    facts.has_projektleder = true;
    facts.projektleder_is_ansaettende_leder = true;
    facts.ad_problems = {{"title", "The ad needs a title."}};
    auto result = check_transition(facts, CaseTransition::mark_ready, k_now);
    ASSERT_FALSE(result.ok());
    std::vector<std::string> messages;
    for (const auto& field : result.error().fields)
        messages.push_back(field.message);
    EXPECT_EQ(messages, (std::vector<std::string>{
                            "The ad needs a title.", "The hiring committee needs an Ansættende leder.",
                            "The Projektleder and the Ansættende leder must be different people."}));
}

TEST(CaseLifecycle, publishing_with_a_passed_deadline_is_refused)
{
    auto facts = complete_case(CaseState::ready_for_publication);
    facts.application_deadline = k_now - 60;
    EXPECT_FALSE(check_transition(facts, CaseTransition::publish, k_now).ok());
    facts.application_deadline = k_now + 60;
    EXPECT_TRUE(check_transition(facts, CaseTransition::publish, k_now).ok());
}

TEST(CaseLifecycle, applications_close_only_after_the_deadline)
{
    auto facts = complete_case(CaseState::published);
    EXPECT_FALSE(check_transition(facts, CaseTransition::close_applications, k_now).ok());
    EXPECT_TRUE(
        check_transition(facts, CaseTransition::close_applications, *facts.application_deadline).ok());
}

TEST(CaseLifecycle, the_decision_is_proposed_and_approved_before_the_case_moves_on)
{
    auto facts = complete_case(CaseState::assessment);
    facts.hiring_decision.reset();
    auto refused = check_transition(facts, CaseTransition::propose_decision, k_now);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().fields.at(0).field, "candidate");
    facts.hiring_decision = DecisionStatus::returned;
    EXPECT_FALSE(check_transition(facts, CaseTransition::propose_decision, k_now).ok());
    facts.hiring_decision = DecisionStatus::proposed;
    EXPECT_TRUE(check_transition(facts, CaseTransition::propose_decision, k_now).ok());

    // Approval alone does not fill the case: the contract must be signed too, and the other way round.
    auto decided = complete_case(CaseState::decision);
    decided.contract_signed = false;
    EXPECT_FALSE(check_transition(decided, CaseTransition::mark_filled, k_now).ok());
    decided.contract_signed = true;
    decided.hiring_decision = DecisionStatus::proposed;
    EXPECT_FALSE(check_transition(decided, CaseTransition::mark_filled, k_now).ok());

    // Returning needs the approver's return; a pending or approved proposal is not sent back.
    decided.hiring_decision = DecisionStatus::proposed;
    EXPECT_FALSE(check_transition(decided, CaseTransition::return_decision, k_now).ok());
    decided.hiring_decision = DecisionStatus::returned;
    EXPECT_TRUE(check_transition(decided, CaseTransition::return_decision, k_now).ok());
}

TEST(CaseLifecycle, an_applicant_with_priority_access_blocks_the_decision_until_invited_or_recorded)
{
    auto facts = complete_case(CaseState::assessment);
    facts.priority_applicants_not_invited = 1;
    auto refused = check_transition(facts, CaseTransition::propose_decision, k_now);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().fields.at(0).field, "priority_access");
    facts.priority_applicants_not_invited = 0;
    EXPECT_TRUE(check_transition(facts, CaseTransition::propose_decision, k_now).ok());

    EXPECT_EQ(priority_applicants_not_invited({{false, false, false}}), 1);
    EXPECT_EQ(priority_applicants_not_invited({{false, true, false}}), 0); // invited
    EXPECT_EQ(priority_applicants_not_invited({{false, false, true}}), 0); // reason recorded
    EXPECT_EQ(priority_applicants_not_invited({{true, false, false}}), 0); // withdrew
    EXPECT_EQ(priority_applicants_not_invited({{false, false, false}, {false, false, false}}), 2);
}

TEST(CaseLifecycle, a_person_holding_both_roles_stops_the_decision)
{
    auto facts = complete_case(CaseState::assessment);
    facts.projektleder_is_ansaettende_leder = true;
    EXPECT_FALSE(check_transition(facts, CaseTransition::propose_decision, k_now).ok());
}

TEST(CaseLifecycle, cancelling_a_case_with_applications_needs_an_approval)
{
    for (auto state : {CaseState::published, CaseState::assessment, CaseState::decision}) {
        auto facts = complete_case(state);
        facts.has_applications = true;
        EXPECT_FALSE(check_transition(facts, CaseTransition::cancel, k_now).ok()) << to_string(state);
        facts.cancellation_approved = true;
        EXPECT_TRUE(check_transition(facts, CaseTransition::cancel, k_now).ok()) << to_string(state);
    }
    auto empty = complete_case(CaseState::published);
    EXPECT_TRUE(check_transition(empty, CaseTransition::cancel, k_now).ok());
}

TEST(CaseDecision, a_proposal_names_every_problem)
{
    std::vector<ProposableApplication> applications = {{1, false}, {2, false}, {3, true}};
    EXPECT_TRUE(check_hire_proposal({1, {2}, "Best interview."}, applications).ok());
    auto refused = check_hire_proposal({3, {3, 9}, ""}, applications);
    ASSERT_FALSE(refused.ok());
    std::vector<std::string> fields;
    for (const auto& field : refused.error().fields)
        fields.push_back(field.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"candidate", "reserves", "justification"}));
    EXPECT_FALSE(check_hire_proposal({1, {1}, "x"}, applications).ok());    // the candidate as reserve
    EXPECT_FALSE(check_hire_proposal({1, {2, 2}, "x"}, applications).ok()); // a reserve twice
    EXPECT_FALSE(check_hire_proposal({42, {}, "x"}, applications).ok());    // not the case's
    EXPECT_FALSE(check_hire_proposal({1, {}, std::string(5001, 'a')}, applications).ok());
    EXPECT_TRUE(check_hire_proposal({1, {}, std::string(5000, 'a')}, applications).ok());
    EXPECT_FALSE(check_hire_proposal({1, {}, "\xff\xfe"}, applications).ok());
}

TEST(CaseLifecycle, transition_names_round_trip)
{
    for (auto transition : k_transitions)
        EXPECT_EQ(case_transition_from_string(to_string(transition)), transition);
    EXPECT_FALSE(case_transition_from_string("publish_now"));
}

} // namespace
} // namespace rekrut::domain
