#pragma once

// The end of a recruitment case under segregation of duties (key control 1): the Projektleder
// proposes the candidate and reserves, the case's Ansættende leder (never the proposer) approves or
// returns the proposal; after approval the offer goes out, HR records the signed contract and the
// case is filled; the remaining applicants are rejected and the case is closed. Cancelling a case
// that has applications takes the same two people. Applicants with priority access block the
// proposal until they are invited or the reason they are not is recorded.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/application/application_status.hpp"
#include "domain/recruitment_case/case_decision.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// An application as the decision page lists it.
struct DecisionApplicant {
    std::int64_t id = 0;
    std::string label; ///< The applicant's name, or the reference where the viewer may not see it.
    domain::ApplicationStatus status = domain::ApplicationStatus::received;
    bool priority_access = false;
    bool invited = false;
    bool waived = false;
    std::string waiver_reason; ///< Why they are not invited (priority access), as recorded.
};

struct DecisionOverview {
    domain::CaseRecord case_record;
    std::optional<domain::CaseDecision> hire;   ///< The latest hiring decision, opened.
    std::optional<domain::CaseDecision> cancel; ///< The latest cancellation request.
    std::vector<domain::CaseDecision> history;  ///< Every decision, newest first (texts opened).
    /// Applications still in the process (candidates and reserves to choose from).
    std::vector<DecisionApplicant> open;
    /// Applicants who invoked priority access (not withdrawn).
    std::vector<DecisionApplicant> priority;
    int priority_not_invited = 0;
    /// Still in the process once the candidate is chosen: to reject, by whether they were invited.
    std::vector<DecisionApplicant> reject_before_interview;
    std::vector<DecisionApplicant> reject_after_interview;
    /// Where the names come from for each id (for showing a decision's candidate and reserves).
    std::vector<std::pair<std::int64_t, std::string>> labels;
    bool has_applications = false;
    bool someone_holds_both_roles = false;
    bool can_propose = false; ///< May propose (the case's state aside).
    /// May approve or return the waiting proposal: the case's Ansættende leder, not its proposer.
    bool can_approve_hire = false;
    bool can_approve_cancel = false;
    bool can_finish = false; ///< May record the contract and close the case.
};

/// A document made for download.
struct GeneratedDocument {
    std::string filename;
    std::string media_type = "application/pdf";
    std::string bytes;
};

class CaseDecisions {
public:
    CaseDecisions(store::Database& database, std::string public_url)
        : m_database(database), m_public_url(std::move(public_url))
    {
    }

    core::Result<DecisionOverview> overview(const domain::Actor& actor, std::int64_t institution_id,
                                            std::int64_t case_id);
    /// Proposes the hiring decision and moves the case to Decision; the committee is told by mail.
    core::Status propose(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                         const domain::HireProposal& proposal, const Origin& origin);
    /// Approves (`approve`) or returns the waiting proposal of `kind`. Approving a hiring decision
    /// queues the offer to the candidate; returning it takes the case back to Assessment and needs a
    /// comment. Approving a cancellation cancels the case and tells its applicants. A refusal is
    /// audited.
    core::Status decide(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                        domain::DecisionKind kind, bool approve, const std::string& comment,
                        const Origin& origin);
    /// Asks for the case, which has applications, to be cancelled (`reason` required).
    core::Status request_cancellation(const domain::Actor& actor, std::int64_t institution_id,
                                      std::int64_t case_id, const std::string& reason, const Origin& origin);
    /// Records why an applicant who invoked priority access does not meet the formal requirements.
    core::Status waive_priority(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                                std::int64_t application_id, const std::string& reason, const Origin& origin);
    /// Records the date the candidate signed (YYYY-MM-DD, not in the future): the candidate is hired,
    /// the case filled, and the external committee members' accounts end.
    core::Status record_contract(const domain::Actor& actor, std::int64_t institution_id,
                                 std::int64_t case_id, const std::string& date, const Origin& origin);
    /// Closes a filled or cancelled case whose applications all have a final status; the retention
    /// period of its applications runs from now.
    core::Status close(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                       const Origin& origin);

    /// The employment letter of the approved candidate as PDF, from the case's text in force of the
    /// `employment_letter` template (the institution's, unless the case has its own copy).
    core::Result<GeneratedDocument> employment_letter(const domain::Actor& actor, std::int64_t institution_id,
                                                      std::int64_t case_id, const Origin& origin);
    /// For a civil-servant position, after the deadline: the list of the applicants' names as PDF
    /// (tjenestemandsloven § 5, stk. 3), without those who asked to be left off, with their count.
    /// Its texts are in `language`, through `translate`.
    core::Result<GeneratedDocument>
    applicant_list(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                   const Origin& origin, const std::string& language,
                   const std::function<std::string(const std::string&)>& translate);

private:
    store::Database& m_database;
    std::string m_public_url;
};

} // namespace rekrut::services
