#pragma once

// The decisions that end a case under segregation of duties: hiring a candidate (with reserves) and
// cancelling a case that has applications. One person proposes, another approves or returns the
// proposal; the rules for what a proposal must hold live here, the rules for who may approve it in
// domain/access/policy.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::domain {

enum class DecisionKind { hire, cancel };
enum class DecisionStatus { proposed, approved, returned };

std::string_view to_string(DecisionKind kind);
std::string_view to_string(DecisionStatus status);
std::optional<DecisionKind> decision_kind_from_string(std::string_view text);
std::optional<DecisionStatus> decision_status_from_string(std::string_view text);

/// The most reserves a hiring decision names.
inline constexpr std::size_t k_max_reserves = 10;
/// The longest justification, comment or reason, in characters.
inline constexpr std::size_t k_max_decision_text = 5000;

/// A decision as the store keeps it; `justification` and `comment` are open (the service seals and
/// opens them under the candidate's data key).
struct CaseDecision {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::int64_t case_id = 0;
    DecisionKind kind = DecisionKind::hire;
    DecisionStatus status = DecisionStatus::proposed;
    std::optional<std::int64_t> application_id; ///< The candidate (hire); empty once deleted.
    std::vector<std::int64_t> reserves;         ///< In order.
    std::string justification;                  ///< Hire: why this candidate. Cancel: the reason.
    std::string comment;                        ///< The approver's comment (required on return).
    std::int64_t proposed_by = 0;
    std::string proposed_by_name;
    core::UnixTime proposed_at = 0;
    std::optional<std::int64_t> decided_by;
    std::string decided_by_name;
    std::optional<core::UnixTime> decided_at;
};

/// What the Projektleder proposes.
struct HireProposal {
    std::int64_t candidate = 0;
    std::vector<std::int64_t> reserves;
    std::string justification;
};

/// An application as a proposal sees it.
struct ProposableApplication {
    std::int64_t id = 0;
    bool final = false; ///< Withdrawn, rejected or hired: cannot be proposed.
};

/// Checks a proposal against the case's applications: a candidate of the case that is still in the
/// process, distinct reserves (at most k_max_reserves, not the candidate), and a justification of at
/// most k_max_decision_text characters. Every problem is named (field errors).
core::Status check_hire_proposal(const HireProposal& proposal,
                                 const std::vector<ProposableApplication>& applications);

/// Checks a free text of a decision: required when `required`, at most k_max_decision_text
/// characters of valid UTF-8. `field` names the form field in the error.
core::Status check_decision_text(std::string_view text, bool required, std::string field);

/// An applicant who invoked priority access, as the decision step sees them.
struct PriorityApplicant {
    bool withdrawn = false;
    bool invited = false; ///< Invited to interview (the invitation queued or sent, or later status).
    bool waived = false;  ///< The Projektleder recorded why they do not meet the formal requirements.
};

/// How many block the decision: neither withdrawn, invited nor waived.
int priority_applicants_not_invited(const std::vector<PriorityApplicant>& applicants);

} // namespace rekrut::domain
