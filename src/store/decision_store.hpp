#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/application/application_status.hpp"
#include "domain/recruitment_case/case_decision.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

/// The decisions that end a case (hiring, cancelling), the reasons recorded for not inviting an
/// applicant with priority access, the signed contract and the closing. Every function takes the
/// institution first and finds nothing of another institution.
namespace decisions {

/// A decision as stored: for a hiring decision the justification and comment are sealed (hexadecimal
/// text, opened by the service); for a cancellation they are plain, in `decision`.
struct StoredDecision {
    domain::CaseDecision decision;
    std::string sealed_justification;
    std::string sealed_comment;
};

/// The latest decision of `kind` on the case.
std::optional<StoredDecision> latest(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                                     domain::DecisionKind kind);
/// Every decision of the case, newest first.
std::vector<StoredDecision> history(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);

/// Records a proposal. Throws (the unique index) when one of the same kind already waits.
std::int64_t propose(soci::session& sql, const StoredDecision& proposal);
/// Approves or returns the proposal `decision_id` if it still waits; false when it does not.
bool decide(soci::session& sql, std::int64_t institution_id, std::int64_t decision_id,
            domain::DecisionStatus status, std::int64_t decided_by, const std::string& sealed_comment,
            const std::string& comment, core::UnixTime now);

/// Where one application of the case stands at the end of the process.
struct Standing {
    std::int64_t application_id = 0;
    std::string full_name;
    domain::ApplicationStatus status = domain::ApplicationStatus::received;
    bool priority_access = false;
    /// Invited to interview: invited to an interview round, an invitation mail queued or sent (not
    /// cancelled), or a status after it.
    bool invited = false;
    /// A reason is recorded why the applicant (priority access) does not meet the formal requirements.
    bool waived = false;
    bool exclude_from_list = false;
    core::UnixTime received_at = 0;
};
/// The case's applications, oldest first.
std::vector<Standing> standings(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);

/// Records (or replaces) why the application's applicant is not invited despite priority access.
void waive_priority(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                    std::int64_t application_id, const std::string& sealed_reason, std::int64_t user_id,
                    core::UnixTime now);
/// The sealed reasons recorded on the case: application id → sealed reason.
std::vector<std::pair<std::int64_t, std::string>>
priority_waivers(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);

void set_contract_signed(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                         const std::string& date, core::UnixTime now);
/// Sets closed_at if the case is not closed yet; false when it already was.
bool close(soci::session& sql, std::int64_t institution_id, std::int64_t case_id, core::UnixTime now);

} // namespace decisions
} // namespace rekrut::store
