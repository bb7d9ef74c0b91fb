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
std::optional<CaseState> case_state_from_string(std::string_view text);

} // namespace rekrut::domain
