#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/recruitment_case/case_decision.hpp"
#include "domain/recruitment_case/case_state.hpp"

namespace rekrut::domain {

/// What the state machine needs to know about a case to decide a transition.
struct CaseFacts {
    CaseState state = CaseState::draft;
    std::optional<core::UnixTime> application_deadline;
    bool has_projektleder = false;
    bool has_ansaettende_leder = false;
    /// Someone holds both the Projektleder and the Ansættende leder role on the case (not allowed:
    /// the person who proposes the hiring decision never approves it).
    bool projektleder_is_ansaettende_leder = false;
    /// Problems found by validate_job_ad (message ids); empty when the ad is complete.
    std::vector<core::FieldError> ad_problems;
    /// The case has applications that are not withdrawn (cancelling it then needs four eyes).
    bool has_applications = false;
    /// The latest hiring decision of the case, if any.
    std::optional<DecisionStatus> hiring_decision;
    /// A request to cancel the case was approved by a second person.
    bool cancellation_approved = false;
    /// HR recorded the date the chosen candidate signed the contract.
    bool contract_signed = false;
    /// Applicants who invoked priority access, are not withdrawn, and were neither invited to
    /// interview nor recorded as not meeting the formal requirements.
    int priority_applicants_not_invited = 0;
};

/// The transitions a user can ask for (the deadline closes applications by itself).
enum class CaseTransition {
    mark_ready,         ///< Draft → Ready for publication
    reopen_draft,       ///< Ready for publication → Draft
    publish,            ///< Ready for publication → Published
    close_applications, ///< Published → Closed for applications (at the deadline)
    start_assessment,   ///< Closed for applications → Assessment
    propose_decision,   ///< Assessment → Decision (with a proposed hiring decision)
    return_decision,    ///< Decision → Assessment (the approver returned the proposal)
    mark_filled,        ///< Decision → Filled (approved, and the contract signed)
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
