#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/assessment/assessment_records.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

/// The committee's assessment of a case's applications: screening methods and criteria, conflict
/// declarations, marks, scores, summaries, notes, tags and lifted anonymity. Every function takes the
/// institution first and finds nothing of another institution.
namespace assessment {

domain::ScreeningMethods methods(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);
void save_methods(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                  const domain::ScreeningMethods& methods, std::int64_t user_id, core::UnixTime now);

/// The case's scorecard in its order.
std::vector<domain::Criterion> criteria(soci::session& sql, std::int64_t institution_id,
                                        std::int64_t case_id);
/// Makes the scorecard `criteria`, in that order: criteria with an id of the case are changed, those
/// without one added, and the case's others removed with their scores.
void save_criteria(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                   const std::vector<domain::Criterion>& criteria);

/// The case's applications (not withdrawn) on which the member has not declared yet.
struct Undeclared {
    std::int64_t application_id = 0;
    std::string full_name;
    core::UnixTime received_at = 0;
};
std::vector<Undeclared> undeclared(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                                   std::int64_t user_id);
/// The case's applications and the member's declarations and conflicts among them, as the triggers of
/// migration 0028 keep them counted.
domain::DeclarationTally declaration_tally(soci::session& sql, std::int64_t institution_id,
                                           std::int64_t case_id, std::int64_t user_id);
/// Whether some application of the case (not withdrawn) still waits for the member's declaration;
/// `tally` is the member's declaration_tally, read just before.
bool has_undeclared(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                    std::int64_t user_id, const domain::DeclarationTally& tally);
bool has_undeclared(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                    std::int64_t user_id);
/// Records the member's declaration on an application of the case; a declared conflict stays.
void declare(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
             std::int64_t application_id, std::int64_t user_id, bool conflict, core::UnixTime now);
bool has_conflict(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                  std::int64_t user_id);
/// The applications of the case the member declared a conflict with.
std::set<std::int64_t> conflicts_of(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                                    std::int64_t user_id);
/// Every declaration of the case, with the members' names, by application.
std::vector<domain::ConflictDeclaration> declarations(soci::session& sql, std::int64_t institution_id,
                                                      std::int64_t case_id);

void set_mark(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
              std::int64_t application_id, std::int64_t user_id, domain::Mark mark,
              const std::string& sealed_comment, core::UnixTime now);
std::vector<domain::MarkRecord> marks(soci::session& sql, std::int64_t institution_id,
                                      std::int64_t application_id);
/// Replaces the member's scores of the application.
void set_scores(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                std::int64_t application_id, const domain::MemberScores& scores, core::UnixTime now);
std::vector<domain::MemberScores> scores(soci::session& sql, std::int64_t institution_id,
                                         std::int64_t application_id);
/// Rewrites the stored summary of the application.
void save_summary(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                  std::int64_t application_id, const domain::AssessmentSummary& summary);
/// Rewrites the summaries of every application of the case (after its scorecard changed).
std::vector<std::int64_t> assessed_applications(soci::session& sql, std::int64_t institution_id,
                                                std::int64_t case_id);

std::int64_t add_note(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                      std::int64_t application_id, std::int64_t user_id, const std::string& sealed_text,
                      bool sensitive_confirmed, core::UnixTime now);
std::vector<domain::NoteRecord> notes(soci::session& sql, std::int64_t institution_id,
                                      std::int64_t application_id);

void replace_tags(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                  std::int64_t application_id, const std::vector<std::string>& tags);
std::vector<std::string> tags(soci::session& sql, std::int64_t institution_id, std::int64_t application_id);
/// The tags used in the case, for the list's filter.
std::vector<std::string> case_tags(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);

/// Records that the application's anonymity was lifted; false when it was already.
bool lift_anonymity(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                    std::int64_t application_id, std::int64_t user_id, core::UnixTime now);
bool anonymity_lifted(soci::session& sql, std::int64_t institution_id, std::int64_t application_id);

/// One page of the committee's list (keyset paging in the query's sort order).
domain::ApplicationListPage list(soci::session& sql, const domain::ApplicationListQuery& query);
/// How many applications the list would show without paging.
int count(soci::session& sql, const domain::ApplicationListQuery& query);

} // namespace assessment
} // namespace rekrut::store
