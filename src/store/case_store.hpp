#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/access/roles.hpp"
#include "domain/job_ad/job_ad.hpp"
#include "domain/recruitment_case/case_state.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

/// A recruitment case row. Every function takes the institution first.
struct CaseRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::string title;
    domain::CaseState state = domain::CaseState::draft;
    std::optional<std::int64_t> unit_id;
    std::string unit_name;
    std::string place_of_work;
    std::string municipality_code;
    std::string occupation_code;
    std::string employment_form = "permanent";
    std::string employment_basis = "collective_agreement";
    std::string fixed_term_text;
    bool full_time = true;
    double weekly_hours = 37;
    std::string salary_text;
    std::string collective_agreement;
    std::string position_category; ///< One of the institution's position categories, or empty.
    int positions = 1;
    std::optional<core::UnixTime> application_deadline;
    std::optional<core::UnixTime> expected_start;
    bool readvertisement = false;
    std::string ad_languages = "da"; ///< "da", "en" or "da,en"
    std::optional<std::int64_t> template_id;
    std::optional<std::int64_t> copied_from;
    std::optional<core::UnixTime> published_at;
    core::UnixTime created_at = 0;
    core::UnixTime updated_at = 0;
};

struct CaseListFilter {
    std::int64_t institution_id = 0;
    std::optional<std::int64_t> member_user_id; ///< Only cases where this user holds a case role.
    std::optional<domain::CaseState> state;
    std::optional<std::int64_t> unit_id;
    std::optional<core::UnixTime> deadline_from;
    std::optional<core::UnixTime> deadline_to;
    std::string sort = "deadline"; ///< deadline | title | created | state
    bool descending = false;
    int limit = 25;
    int offset = 0;
};

struct CommitteeMemberRecord {
    std::int64_t user_id = 0;
    std::string name;
    std::string email;
    domain::CaseRole role = domain::CaseRole::projektdeltager;
    bool external = false;
};

/// A mandatory text as it stands in one version of an ad.
struct AdVersionText {
    std::int64_t mandatory_text_id = 0;
    std::string name;
    std::string body_source;
    std::string body_html; ///< Sanitized rendering of body_source.
    int position = 0;
};

struct AdVersionRecord {
    std::int64_t id = 0;
    std::string language;
    int version = 0;
    std::string body_source;
    std::string body_html;
    std::string mandatory_text_ids;   ///< "3,5,8"
    std::vector<AdVersionText> texts; ///< Only where asked for (ad_version_texts).
    std::string created_by_name;
    core::UnixTime created_at = 0;
};

struct CaseQuestionRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> template_id;
    std::string text;
    std::string kind;
    std::string options;
    int position = 0;
};

namespace cases {
std::int64_t insert(soci::session& sql, const CaseRecord& record);
std::optional<CaseRecord> find(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);
/// Serialises the changes of one case: on PostgreSQL the case row stays locked until the transaction
/// ends (on SQLite, BEGIN IMMEDIATE already serialises writers).
void lock(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);
/// A published case of any institution, for the public career site.
std::optional<CaseRecord> find_published(soci::session& sql, std::int64_t case_id);
/// Moves a published case to closed_for_applications; false when it was not published (any more).
bool close_if_published(soci::session& sql, std::int64_t case_id, core::UnixTime now);
/// Saves the editable fields (not state, not publication time).
void update(soci::session& sql, const CaseRecord& record);
void set_state(soci::session& sql, std::int64_t institution_id, std::int64_t case_id, domain::CaseState state,
               std::optional<core::UnixTime> published_at, core::UnixTime now);
std::vector<CaseRecord> list(soci::session& sql, const CaseListFilter& filter);
std::int64_t count(soci::session& sql, const CaseListFilter& filter);
/// Published cases whose deadline has passed, across institutions (for automatic closing).
std::vector<std::pair<std::int64_t, std::int64_t>> due_for_closing(soci::session& sql, core::UnixTime now);

std::vector<domain::ContactPerson> contacts(soci::session& sql, std::int64_t institution_id,
                                            std::int64_t case_id);
void replace_contacts(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                      const std::vector<domain::ContactPerson>& contacts);

std::vector<CommitteeMemberRecord> committee(soci::session& sql, std::int64_t institution_id,
                                             std::int64_t case_id);
void add_member(soci::session& sql, std::int64_t institution_id, std::int64_t case_id, std::int64_t user_id,
                domain::CaseRole role, std::int64_t granted_by, core::UnixTime now);
bool remove_member(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                   std::int64_t user_id, domain::CaseRole role);

std::optional<AdVersionRecord> latest_ad(soci::session& sql, std::int64_t institution_id,
                                         std::int64_t case_id, const std::string& language);
std::vector<AdVersionRecord> ad_versions(soci::session& sql, std::int64_t institution_id,
                                         std::int64_t case_id, const std::string& language);
std::optional<AdVersionRecord> ad_version(soci::session& sql, std::int64_t institution_id,
                                          std::int64_t case_id, std::int64_t version_id);
/// Adds the next version of the ad in its language, with the mandatory texts as they stand in it.
/// Returns the version number.
int add_ad_version(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                   const AdVersionRecord& ad, const std::vector<AdVersionText>& texts,
                   std::int64_t created_by);
/// The mandatory texts of one version, in order. Empty for versions saved before texts were kept
/// with the version.
std::vector<AdVersionText> ad_version_texts(soci::session& sql, std::int64_t institution_id,
                                            std::int64_t version_id);

std::vector<CaseQuestionRecord> questions(soci::session& sql, std::int64_t institution_id,
                                          std::int64_t case_id);
std::optional<CaseQuestionRecord> find_question(soci::session& sql, std::int64_t institution_id,
                                                std::int64_t case_id, std::int64_t question_id);
void add_question(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                  const CaseQuestionRecord& question);
bool remove_question(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                     std::int64_t question_id);
/// Saves the text, kind and options of one of the case's questions. False when there is no such question.
bool update_question(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                     const CaseQuestionRecord& question);
} // namespace cases

} // namespace rekrut::store
