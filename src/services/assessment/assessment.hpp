#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/application/application_records.hpp"
#include "domain/assessment/assessment_records.hpp"
#include "domain/audit/audit_records.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// The message of the refusal given to a member who has not declared on every application yet; the
/// web layer sends them to the declarations instead of showing it.
inline constexpr const char* k_declarations_pending = core::msgid(
    "Declare for each applicant whether you have a conflict of interest before you see the applications.");
bool is_declarations_pending(const core::Error& error);

/// An application a member has yet to declare on.
struct PendingDeclaration {
    std::int64_t application_id = 0;
    std::string name;
    core::UnixTime received_at = 0;
};

struct DeclarationForm {
    domain::CaseRecord case_record;
    std::vector<PendingDeclaration> pending;
};

/// The case's declarations for the Projektleder: each member's, and who still has some to make.
struct DeclarationOverview {
    domain::CaseRecord case_record;
    std::vector<domain::ConflictDeclaration> conflicts;
    /// Member name → number of applications declared "no conflict".
    std::map<std::string, int> declared_none;
    /// Members who still have applications to declare on.
    std::vector<std::string> pending_members;
    /// Application id → how it is shown (name, or the reference in an anonymised round).
    std::map<std::int64_t, std::string> labels;
};

struct ScreeningSettings {
    domain::CaseRecord case_record;
    domain::ScreeningMethods methods;
    std::vector<domain::Criterion> criteria;
    bool can_configure = false;
};

/// One page of the committee's list of a case's applications.
struct AssessmentList {
    domain::CaseRecord case_record;
    domain::ScreeningMethods methods;
    domain::ApplicationListPage page;
    int total = 0; ///< Matching the filters, without paging (conflicts left out for a member).
    std::vector<std::string> tags;
    bool member = false;
    bool can_change_status = false;
    bool may_reject = false; ///< The deadline has passed.
    /// Rows whose applicant the viewer may not identify (anonymised round): shown by reference.
    std::map<std::int64_t, bool> anonymised;
};

/// A mark as the viewer may see it.
struct VisibleMark {
    std::string member_name;
    domain::Mark mark = domain::Mark::maybe;
    std::string comment;
    bool own = false;
};

struct VisibleNote {
    std::string author_name;
    std::string text;
    bool sensitive_confirmed = false;
    core::UnixTime created_at = 0;
};

/// The assessment panel of one application.
struct ApplicationAssessment {
    domain::ScreeningMethods methods;
    bool member = false;
    bool can_assess = false;
    bool can_change_status = false;
    bool can_lift_anonymity = false;
    bool anonymised = false; ///< The viewer sees the application masked.
    std::optional<domain::Mark> own_mark;
    std::string own_comment;
    /// The others' marks, shown once the viewer gave their own (or always, to the administration).
    std::vector<VisibleMark> committee_marks;
    bool committee_hidden = false;
    std::vector<domain::Criterion> criteria;
    std::map<std::int64_t, int> own_scores;
    domain::AssessmentSummary summary;
    bool scores_hidden = false;
    std::vector<VisibleNote> notes;
    std::vector<std::string> tags;
    std::vector<domain::AuditEventRecord> history;
};

/// A note waiting for the writer's confirmation: what the detector found, by category.
struct NoteInput {
    std::string text;
    bool confirmed_sensitive = false;
};

/// The outcome of a status change of several applications.
struct StatusChange {
    int changed = 0;
    int refused = 0; ///< Not visible to the actor, or a transition the status model does not allow.
};

/// The committee's work on a case's applications: conflict declarations, the screening methods and
/// scorecard, marks, scores, notes and tags, the anonymised round, and status changes. Audit events
/// name ids and field names, never what was written about an applicant.
class Assessment {
public:
    explicit Assessment(store::Database& database) : m_database(database) {}

    core::Result<DeclarationForm> declaration_form(const domain::Actor& actor, std::int64_t institution_id,
                                                   std::int64_t case_id);
    /// Records the member's declarations: a conflict for each of `conflicts`, none for each of `none`.
    /// Each must be an application of the case the member has yet to declare on.
    core::Status declare(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                         const std::vector<std::int64_t>& conflicts, const std::vector<std::int64_t>& none,
                         const Origin& origin);
    /// A member declares a conflict with an application they have seen (it leaves their view).
    core::Status declare_conflict(const domain::Actor& actor, std::int64_t institution_id,
                                  std::int64_t case_id, std::int64_t application_id, const Origin& origin);
    core::Result<DeclarationOverview> declarations(const domain::Actor& actor, std::int64_t institution_id,
                                                   std::int64_t case_id);

    core::Result<ScreeningSettings> screening(const domain::Actor& actor, std::int64_t institution_id,
                                              std::int64_t case_id);
    core::Status save_screening(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                                const domain::ScreeningMethods& methods,
                                std::vector<domain::Criterion> criteria, const Origin& origin);

    core::Result<AssessmentList> list(const domain::Actor& actor, domain::ApplicationListQuery query);

    core::Result<ApplicationAssessment> assessment_of(const domain::Actor& actor, std::int64_t institution_id,
                                                      std::int64_t case_id, std::int64_t application_id);
    /// Gives the member's mark with an optional comment; a comment that looks like sensitive data is
    /// refused with a warning until confirmed, like a note.
    core::Status set_mark(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                          std::int64_t application_id, domain::Mark mark, const NoteInput& comment,
                          const Origin& origin);
    core::Status set_scores(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                            std::int64_t application_id, const std::map<std::int64_t, int>& scores,
                            const Origin& origin);
    /// Adds a note. Text that looks like a CPR number or sensitive data is refused with a warning
    /// until the writer confirms it (the confirmation is audited).
    core::Status add_note(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                          std::int64_t application_id, const NoteInput& note, const Origin& origin);
    core::Status save_tags(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                           std::int64_t application_id, const std::string& tags, const Origin& origin);
    core::Status lift_anonymity(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                                std::int64_t application_id, const Origin& origin);
    /// Moves applications on (in assessment) or rejects them; a rejection only after the deadline and
    /// only when `confirmed`.
    core::Result<StatusChange> change_status(const domain::Actor& actor, std::int64_t institution_id,
                                             std::int64_t case_id,
                                             const std::vector<std::int64_t>& application_ids,
                                             domain::ApplicationStatus status, bool confirmed,
                                             const Origin& origin);

private:
    store::Database& m_database;
};

} // namespace rekrut::services
