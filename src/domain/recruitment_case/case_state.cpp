#include "domain/recruitment_case/case_state.hpp"

#include <array>
#include <utility>

namespace rekrut::domain {
namespace {

constexpr std::array<std::pair<CaseState, std::string_view>, 8> k_names = {{
    {CaseState::draft, "draft"},
    {CaseState::ready_for_publication, "ready_for_publication"},
    {CaseState::published, "published"},
    {CaseState::closed_for_applications, "closed_for_applications"},
    {CaseState::assessment, "assessment"},
    {CaseState::decision, "decision"},
    {CaseState::filled, "filled"},
    {CaseState::cancelled, "cancelled"},
}};

} // namespace

std::string_view to_string(CaseState state)
{
    for (const auto& [value, name] : k_names)
        if (value == state)
            return name;
    return "draft";
}

std::optional<CaseState> case_state_from_string(std::string_view text)
{
    for (const auto& [value, name] : k_names)
        if (name == text)
            return value;
    return std::nullopt;
}

} // namespace rekrut::domain
