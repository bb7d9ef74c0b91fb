#include "domain/recruitment_case/case_decision.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"

namespace rekrut::domain {
namespace {

std::size_t characters(std::string_view text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char byte) { return (byte & 0xC0) != 0x80; }));
}

} // namespace

std::string_view to_string(DecisionKind kind)
{
    return kind == DecisionKind::hire ? "hire" : "cancel";
}

std::string_view to_string(DecisionStatus status)
{
    switch (status) {
    case DecisionStatus::proposed: return "proposed";
    case DecisionStatus::approved: return "approved";
    case DecisionStatus::returned: return "returned";
    }
    return "proposed";
}

std::optional<DecisionKind> decision_kind_from_string(std::string_view text)
{
    if (text == "hire")
        return DecisionKind::hire;
    if (text == "cancel")
        return DecisionKind::cancel;
    return std::nullopt;
}

std::optional<DecisionStatus> decision_status_from_string(std::string_view text)
{
    for (auto status : {DecisionStatus::proposed, DecisionStatus::approved, DecisionStatus::returned})
        if (to_string(status) == text)
            return status;
    return std::nullopt;
}

core::Status check_decision_text(std::string_view text, bool required, std::string field)
{
    if (required && text.empty())
        return core::Error::invalid(core::msgid("Check the marked fields."),
                                    {{std::move(field), core::msgid("Write the justification.")}});
    if (!core::is_valid_utf8(text) || characters(text) > k_max_decision_text)
        return core::Error::invalid(core::msgid("Check the marked fields."),
                                    {{std::move(field), core::msgid("Write at most 5,000 characters.")}});
    return core::success();
}

core::Status check_hire_proposal(const HireProposal& proposal,
                                 const std::vector<ProposableApplication>& applications)
{
    std::vector<core::FieldError> problems;
    auto find = [&](std::int64_t id) {
        return std::find_if(applications.begin(), applications.end(),
                            [&](const ProposableApplication& application) { return application.id == id; });
    };
    auto candidate = find(proposal.candidate);
    if (candidate == applications.end())
        problems.push_back({"candidate", core::msgid("Choose the candidate among the case's applicants.")});
    else if (candidate->final)
        problems.push_back(
            {"candidate",
             core::msgid("The candidate's application is withdrawn, rejected or already hired.")});
    std::set<std::int64_t> seen{proposal.candidate};
    bool reserve_problem = false;
    for (auto reserve : proposal.reserves) {
        auto found = find(reserve);
        reserve_problem =
            reserve_problem || !seen.insert(reserve).second || found == applications.end() || found->final;
    }
    if (reserve_problem)
        problems.push_back(
            {"reserves",
             core::msgid("Each reserve must be a different applicant still in the process, and not "
                         "the candidate.")});
    if (proposal.reserves.size() > k_max_reserves)
        problems.push_back({"reserves", core::msgid("Name at most 10 reserves.")});
    if (auto text = check_decision_text(proposal.justification, true, "justification"); !text)
        for (auto& field : text.error().fields)
            problems.push_back(field);
    if (!problems.empty())
        return core::Error::invalid(core::msgid("The proposal cannot be made. Check the marked fields."),
                                    problems);
    return core::success();
}

int priority_applicants_not_invited(const std::vector<PriorityApplicant>& applicants)
{
    return static_cast<int>(std::count_if(applicants.begin(), applicants.end(), [](const auto& applicant) {
        return !applicant.withdrawn && !applicant.invited && !applicant.waived;
    }));
}

} // namespace rekrut::domain
