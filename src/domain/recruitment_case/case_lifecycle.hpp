#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/recruitment_case/case_state.hpp"

namespace rekrut::domain {

/// What the state machine needs to know about a case to decide a transition.
struct CaseFacts {
    CaseState state = CaseState::draft;
    std::optional<core::UnixTime> application_deadline;
    bool has_projektleder = false;
    bool has_ansaettende_leder = false;
    /// The Projektleder and the Ansættende leder are the same person (not allowed).
    bool projektleder_is_ansaettende_leder = false;
    /// Problems found by validate_job_ad (message ids); empty when the ad is complete.
    std::vector<core::FieldError> ad_problems;
};

/// The transitions a user can ask for (the deadline closes applications by itself).
enum class CaseTransition {
    mark_ready,         ///< Draft → Ready for publication
    reopen_draft,       ///< Ready for publication → Draft
    publish,            ///< Ready for publication → Published
    close_applications, ///< Published → Closed for applications (at the deadline)
    start_assessment,   ///< Closed for applications → Assessment
    propose_decision,   ///< Assessment → Decision
    mark_filled,        ///< Decision → Filled
    cancel,             ///< Any state before Filled → Cancelled
};

CaseState target_state(CaseTransition transition);

/// Checks a transition. On refusal the error names every missing item (field errors), so the
/// user sees the whole list at once.
core::Status check_transition(const CaseFacts& facts, CaseTransition transition, core::UnixTime now);

/// The transitions that are possible from `state` (ignoring missing content), for showing buttons.
std::vector<CaseTransition> transitions_from(CaseState state);

std::string_view to_string(CaseTransition transition);
std::optional<CaseTransition> case_transition_from_string(std::string_view text);

} // namespace rekrut::domain
