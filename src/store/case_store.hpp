#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/access/roles.hpp"
#include "domain/job_ad/job_ad.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "domain/recruitment_case/case_state.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

using domain::AdVersionRecord;
using domain::AdVersionText;
using domain::CaseListFilter;
using domain::CaseQuestionRecord;
using domain::CaseRecord;
using domain::CommitteeMemberRecord;

namespace cases {
std::int64_t insert(soci::session& sql, const CaseRecord& record);
std::optional<CaseRecord> find(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);
/// Serialises the changes of one case: on PostgreSQL the case row stays locked until the transaction
/// ends (on SQLite, BEGIN IMMEDIATE already serialises writers).
void lock(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);
/// Keeps the case as it is until the transaction ends, without serialising those who take this
/// lock too: on PostgreSQL a shared row lock, which waits for a change of the case holding lock()
/// and holds such a change back (on SQLite, BEGIN IMMEDIATE already serialises writers). For work
/// that depends on the case's state and deadline but not on the other work of its kind, such as
/// storing an application.
void lock_shared(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);
/// A published case of any institution, for the public career site.
std::optional<CaseRecord> find_published(soci::session& sql, std::int64_t case_id);
/// Moves a published case to closed_for_applications; false when it was not published (any more).
bool close_if_published(soci::session& sql, std::int64_t case_id, core::UnixTime now);
/// Saves the editable fields (not state, not publication time).
void update(soci::session& sql, const CaseRecord& record);
void set_state(soci::session& sql, std::int64_t institution_id, std::int64_t case_id, domain::CaseState state,
               std::optional<core::UnixTime> published_at, core::UnixTime now);
/// A page of the case list, with the institution's case list version read in the same statement
/// (none when the page is empty).
struct CasePage {
    std::vector<CaseRecord> cases;
    std::optional<std::int64_t> list_version;
};
CasePage page(soci::session& sql, const CaseListFilter& filter);
std::vector<CaseRecord> list(soci::session& sql, const CaseListFilter& filter);
std::int64_t count(soci::session& sql, const CaseListFilter& filter);
/// A number that changes, in the same transaction, with every change to the institution's cases or to
/// the case roles in it (kept by triggers; 0 before the first). Read it before counting: a count read
/// after it is at least as new.
std::int64_t list_version(soci::session& sql, std::int64_t institution_id);
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
