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
    return facts;
}

const CaseState k_states[] = {CaseState::draft,      CaseState::ready_for_publication,
                              CaseState::published,  CaseState::closed_for_applications,
                              CaseState::assessment, CaseState::decision,
                              CaseState::filled,     CaseState::cancelled};
const CaseTransition k_transitions[] = {CaseTransition::mark_ready,       CaseTransition::reopen_draft,
                                        CaseTransition::publish,          CaseTransition::close_applications,
                                        CaseTransition::start_assessment, CaseTransition::propose_decision,
                                        CaseTransition::mark_filled,      CaseTransition::cancel};

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
        EXPECT_EQ(std::set<CaseTransition>(listed.begin(), listed.end()), allowed.at(state))
            << to_string(state);
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

TEST(CaseLifecycle, transition_names_round_trip)
{
    for (auto transition : k_transitions)
        EXPECT_EQ(case_transition_from_string(to_string(transition)), transition);
    EXPECT_FALSE(case_transition_from_string("publish_now"));
}

} // namespace
} // namespace rekrut::domain
