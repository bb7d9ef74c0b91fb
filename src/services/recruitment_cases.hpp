#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/job_ad/job_ad.hpp"
#include "domain/job_ad/screening_question.hpp"
#include "domain/recruitment_case/case_lifecycle.hpp"
#include "services/audit_log.hpp"
#include "services/user_administration.hpp"
#include "store/case_store.hpp"
#include "store/setup_store.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// The case fields as entered in the case form (text, parsed and checked by the service).
struct CaseInput {
    std::string title;
    std::string unit_id;
    std::string place_of_work;
    std::string municipality_code;
    std::string occupation_code;
    std::string employment_form;
    std::string employment_basis;
    std::string fixed_term_text;
    std::string working_time; ///< "full_time" or "part_time"
    std::string weekly_hours;
    std::string salary_text;
    std::string collective_agreement;
    std::string position_category;
    std::string positions;
    std::string deadline_date;
    std::string deadline_time;
    std::string expected_start_date;
    bool readvertisement = false;
    std::vector<std::string> ad_languages;
    std::vector<domain::ContactPerson> contacts;
};

/// One mandatory text as it appears in an ad.
struct AdBlock {
    store::MandatoryTextRecord text; ///< As the institution has it now.
    bool included = false;
    std::string body_source; ///< As it stands in the ad (an editable text may be adapted).
    std::string body_html;   ///< Sanitized rendering of body_source.
};

/// Everything the case pages show.
struct CaseOverview {
    store::CaseRecord record;
    std::vector<domain::ContactPerson> contacts;
    std::vector<store::CommitteeMemberRecord> committee;
    std::vector<store::CaseQuestionRecord> questions;
    std::vector<domain::CaseTransition> transitions;
    /// Per ad language: the missing items (empty = complete).
    std::vector<core::FieldError> ad_problems;
};

/// A rendered ad, exactly as applicants see it.
struct RenderedAd {
    std::string language;
    std::string title;
    std::string body_html;                ///< Sanitized.
    std::vector<std::string> blocks_html; ///< Mandatory texts, sanitized.
    store::CaseRecord record;
    std::vector<domain::ContactPerson> contacts;
    std::string institution_name;
};

struct CaseList {
    std::vector<store::CaseRecord> cases;
    std::int64_t total = 0;
};

/// Recruitment cases: creation from a template or a copy, the fields, the hiring committee, the job
/// ad with versions, screening questions and the lifecycle. Checks the policy in every method and
/// writes audit events in the same transaction as each change.
class RecruitmentCases {
public:
    RecruitmentCases(store::Database& database, std::string public_url)
        : m_database(database), m_public_url(std::move(public_url))
    {
    }

    CaseList list(const domain::Actor& actor, store::CaseListFilter filter);

    core::Result<std::int64_t> create(const domain::Actor& actor, std::int64_t institution_id,
                                      std::optional<std::int64_t> template_id, const std::string& title,
                                      const Origin& origin);
    /// A copy of everything but dates, applicants and history; a draft.
    core::Result<std::int64_t> copy(const domain::Actor& actor, std::int64_t institution_id,
                                    std::int64_t case_id, const Origin& origin);

    core::Result<CaseOverview> overview(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t case_id);
    core::Status update(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                        const CaseInput& input, const Origin& origin);

    /// The ad editor's current state for one language: the source text and the mandatory texts.
    struct AdDraft {
        store::CaseRecord record;
        std::string body_source;
        std::vector<AdBlock> blocks;
        int version = 0;
    };
    core::Result<AdDraft> ad_draft(const domain::Actor& actor, std::int64_t institution_id,
                                   std::int64_t case_id, const std::string& language);
    /// Saves a new version. Required mandatory texts are always included; others as chosen. An
    /// editable text takes the wording in `adapted_texts` (by mandatory text id) when given; a locked
    /// one is always the institution's wording.
    core::Status save_ad(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                         const std::string& language, const std::string& body_source,
                         const std::vector<std::int64_t>& chosen_texts,
                         const std::map<std::int64_t, std::string>& adapted_texts, const Origin& origin);
    core::Result<std::vector<store::AdVersionRecord>> ad_versions(const domain::Actor& actor,
                                                                  std::int64_t institution_id,
                                                                  std::int64_t case_id,
                                                                  const std::string& language);
    /// The version and the one before it (for the diff), or not found.
    core::Result<std::pair<store::AdVersionRecord, std::optional<store::AdVersionRecord>>>
    ad_version_pair(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                    std::int64_t version_id);
    core::Result<RenderedAd> render_ad(const domain::Actor& actor, std::int64_t institution_id,
                                       std::int64_t case_id, const std::string& language);
    /// The public ad of a published case (no actor: the career site).
    std::optional<RenderedAd> public_ad(std::int64_t case_id, const std::string& language);

    core::Status transition(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                            domain::CaseTransition transition, const Origin& origin);
    /// Closes published cases whose deadline has passed. Returns how many were closed.
    int close_due_cases();

    core::Status add_member(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                            std::int64_t user_id, domain::CaseRole role, const Origin& origin);
    core::Status remove_member(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                               std::int64_t user_id, domain::CaseRole role, const Origin& origin);
    /// Invites someone without an account (e.g. an employee representative) to a limited account
    /// that sees only this case; they get a mail with a link to choose a password.
    core::Status invite_external(const domain::Actor& actor, std::int64_t institution_id,
                                 std::int64_t case_id, const std::string& email, const std::string& name,
                                 domain::CaseRole role, const Origin& origin, const Translate& translate);

    core::Status add_question(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                              std::int64_t template_id, const Origin& origin);
    core::Status remove_question(const domain::Actor& actor, std::int64_t institution_id,
                                 std::int64_t case_id, std::int64_t question_id, const Origin& origin);
    /// One of the case's questions, for its edit form.
    core::Result<store::CaseQuestionRecord> question(const domain::Actor& actor, std::int64_t institution_id,
                                                     std::int64_t case_id, std::int64_t question_id);
    /// Adapts one of the case's questions (the template stays as it is); until the case is published.
    core::Status update_question(const domain::Actor& actor, std::int64_t institution_id,
                                 std::int64_t case_id, std::int64_t question_id,
                                 domain::ScreeningQuestion changed, const Origin& origin);

    /// Users of the institution that can be added to the case's committee (not the limited accounts
    /// of other cases' external members).
    std::vector<store::UserRecord> candidates(const domain::Actor& actor, std::int64_t institution_id,
                                              std::int64_t case_id);
    std::vector<store::AdTemplateRecord> templates(std::int64_t institution_id);
    std::vector<store::OrganisationUnitRecord> units(std::int64_t institution_id);
    /// The institution's lists the case form draws on.
    std::vector<store::NamedRecord> collective_agreements(std::int64_t institution_id);
    std::vector<store::NamedRecord> position_categories(std::int64_t institution_id);
    std::vector<store::QuestionTemplateRecord> question_templates(std::int64_t institution_id);

private:
    store::Database& m_database;
    std::string m_public_url;
};

} // namespace rekrut::services
