#include "domain/recruitment_case/case_lifecycle.hpp"

#include <array>
#include <utility>

namespace rekrut::domain {
namespace {

struct Edge {
    CaseTransition transition;
    CaseState from;
    CaseState to;
    std::string_view name;
};

constexpr std::array<Edge, 8> k_edges = {{
    {CaseTransition::mark_ready, CaseState::draft, CaseState::ready_for_publication, "mark_ready"},
    {CaseTransition::reopen_draft, CaseState::ready_for_publication, CaseState::draft, "reopen_draft"},
    {CaseTransition::publish, CaseState::ready_for_publication, CaseState::published, "publish"},
    {CaseTransition::close_applications, CaseState::published, CaseState::closed_for_applications,
     "close_applications"},
    {CaseTransition::start_assessment, CaseState::closed_for_applications, CaseState::assessment,
     "start_assessment"},
    {CaseTransition::propose_decision, CaseState::assessment, CaseState::decision, "propose_decision"},
    {CaseTransition::return_decision, CaseState::decision, CaseState::assessment, "return_decision"},
    {CaseTransition::mark_filled, CaseState::decision, CaseState::filled, "mark_filled"},
}};

const Edge* edge_for(CaseTransition transition)
{
    for (const auto& edge : k_edges)
        if (edge.transition == transition)
            return &edge;
    return nullptr;
}

} // namespace

CaseState target_state(CaseTransition transition)
{
    if (transition == CaseTransition::cancel)
        return CaseState::cancelled;
    return edge_for(transition)->to;
}

std::vector<CaseTransition> transitions_from(CaseState state)
{
    std::vector<CaseTransition> possible;
    for (const auto& edge : k_edges)
        if (edge.from == state)
            possible.push_back(edge.transition);
    if (state != CaseState::filled && state != CaseState::cancelled)
        possible.push_back(CaseTransition::cancel);
    return possible;
}

core::Status check_transition(const CaseFacts& facts, CaseTransition transition, core::UnixTime now)
{
    if (transition == CaseTransition::cancel) {
        if (facts.state == CaseState::filled || facts.state == CaseState::cancelled)
            return core::Error::conflict(core::msgid("A filled or cancelled case cannot be cancelled."));
        if (facts.has_applications && !facts.cancellation_approved)
            return core::Error::conflict(
                core::msgid("The case has applications: cancelling it must be approved by the case's "
                            "Ansættende leder. Ask for the cancellation on the decision page."));
        return core::success();
    }
    const Edge* edge = edge_for(transition);
    if (!edge || edge->from != facts.state)
        return core::Error::conflict(core::msgid("This step is not possible in the case's current state."));

    std::vector<core::FieldError> missing;
    auto require_committee = [&] {
        if (!facts.has_projektleder)
            missing.push_back({"committee", core::msgid("The hiring committee needs a Projektleder.")});
        if (!facts.has_ansaettende_leder)
            missing.push_back({"committee", core::msgid("The hiring committee needs an Ansættende leder.")});
        if (facts.projektleder_is_ansaettende_leder)
            missing.push_back(
                {"committee",
                 core::msgid("The Projektleder and the Ansættende leder must be different people.")});
    };
    switch (transition) {
    case CaseTransition::mark_ready:
    case CaseTransition::publish:
        missing = facts.ad_problems;
        require_committee();
        if (facts.application_deadline && *facts.application_deadline <= now)
            missing.push_back(
                {"deadline_date", core::msgid("The application deadline must be in the future.")});
        break;
    case CaseTransition::close_applications:
        if (!facts.application_deadline || *facts.application_deadline > now)
            missing.push_back(
                {"deadline_date", core::msgid("Applications close at the deadline, which has not passed.")});
        break;
    case CaseTransition::propose_decision:
        if (facts.hiring_decision != DecisionStatus::proposed)
            missing.push_back(
                {"candidate",
                 core::msgid("Propose the candidate, with a justification, on the decision page.")});
        if (facts.priority_applicants_not_invited > 0)
            missing.push_back(
                {"priority_access",
                 core::msgid("Applicants who invoked priority access must be invited to interview, or you "
                             "must record why they do not meet the formal requirements.")});
        require_committee();
        break;
    case CaseTransition::return_decision:
        if (facts.hiring_decision != DecisionStatus::returned)
            missing.push_back(
                {"decision",
                 core::msgid("Only the Ansættende leder returns a proposal, on the decision page.")});
        break;
    case CaseTransition::mark_filled:
        if (facts.hiring_decision != DecisionStatus::approved)
            missing.push_back(
                {"decision", core::msgid("The hiring decision must be approved by the Ansættende leder.")});
        if (!facts.contract_signed)
            missing.push_back(
                {"contract_signed_on", core::msgid("Record the date the contract was signed.")});
        break;
    default: break;
    }
    if (!missing.empty())
        return core::Error::invalid(core::msgid("The case cannot move on yet. This is missing:"), missing);
    return core::success();
}

std::string_view to_string(CaseTransition transition)
{
    if (transition == CaseTransition::cancel)
        return "cancel";
    return edge_for(transition)->name;
}

std::optional<CaseTransition> case_transition_from_string(std::string_view text)
{
    if (text == "cancel")
        return CaseTransition::cancel;
    for (const auto& edge : k_edges)
        if (edge.name == text)
            return edge.transition;
    return std::nullopt;
}

} // namespace rekrut::domain
