#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rekrut::domain {

/// Where a recruitment case is in its life. Stored as the lower-case name.
enum class CaseState {
    draft,
    ready_for_publication,
    published,
    closed_for_applications,
    assessment,
    decision,
    filled,
    cancelled
};

std::string_view to_string(CaseState state);

/// A case's fields, ad and screening questions can be changed until it is published.
constexpr bool is_editable(CaseState state)
{
    return state == CaseState::draft || state == CaseState::ready_for_publication;
}
/// The state of a case after its content changed: one that was ready for publication goes back to
/// draft, since it must be checked again.
constexpr CaseState state_after_change(CaseState state)
{
    return state == CaseState::ready_for_publication ? CaseState::draft : state;
}
std::optional<CaseState> case_state_from_string(std::string_view text);

} // namespace rekrut::domain
