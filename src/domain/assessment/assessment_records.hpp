#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/application/application_status.hpp"
#include "domain/assessment/assessment.hpp"

namespace rekrut::domain {

/// A member's declaration on one application (forvaltningsloven § 3).
struct ConflictDeclaration {
    std::int64_t application_id = 0;
    std::int64_t user_id = 0;
    std::string member_name;
    bool conflict = false;
    core::UnixTime declared_at = 0;
};

/// A member's mark of one applicant; the comment is sealed under the application's data key.
struct MarkRecord {
    std::int64_t user_id = 0;
    std::string member_name;
    Mark mark = Mark::maybe;
    std::string sealed_comment;
    core::UnixTime updated_at = 0;
};

/// A note on an application; the text is sealed under the application's data key.
struct NoteRecord {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string author_name;
    std::string sealed_text;
    bool sensitive_confirmed = false;
    core::UnixTime created_at = 0;
};

/// How the committee's list of a case's applications is sorted.
enum class ApplicationSort { received, name, committee, score };

/// Which of a case's applications the list shows, and which page of them.
struct ApplicationListQuery {
    std::int64_t institution_id = 0;
    std::int64_t case_id = 0;
    std::int64_t viewer_id = 0;
    /// The viewer is a committee member: their conflicts are left out and the committee's judgement
    /// shows only where they gave their own.
    bool member = false;
    std::optional<ApplicationStatus> status;
    std::optional<bool> knocked_out;
    std::optional<bool> priority_access;
    /// "none" for the applicants the viewer has not marked, or a mark's name.
    std::string own_mark;
    std::string tag;
    ApplicationSort sort = ApplicationSort::received;
    /// Keyset paging: the rows after (or before) the row with this id in the sort order.
    std::optional<std::int64_t> after_id;
    std::optional<std::int64_t> before_id;
    int limit = 50;
};

/// A committee member's declarations on a case, counted: the case's applications (withdrawn ones
/// included), how many of them the member has declared on, and how many of those declare a conflict.
struct DeclarationTally {
    std::int64_t applications = 0;
    std::int64_t declared = 0;
    std::int64_t conflicts = 0;
};

/// True when the query shows the whole case (less the viewer's conflicts): no filter is set.
bool shows_whole_case(const ApplicationListQuery& query);

/// How many applications the member's list of the whole case shows: all but those they declared a
/// conflict with. Counted from the tally, it needs no count of its own.
std::int64_t whole_case_total(const DeclarationTally& tally);

/// One row of the committee's list.
struct ApplicationListRow {
    std::int64_t id = 0;
    std::string full_name;
    ApplicationStatus status = ApplicationStatus::received;
    std::string channel;
    bool knocked_out = false;
    bool priority_access = false;
    bool on_time = true;
    core::UnixTime received_at = 0;
    std::optional<Mark> own_mark;
    bool scored_by_viewer = false;
    AssessmentSummary summary;
    bool anonymity_lifted = false;
    std::vector<std::string> tags;
};

struct ApplicationListPage {
    std::vector<ApplicationListRow> rows;
    bool has_next = false;
    bool has_previous = false;
};

} // namespace rekrut::domain
