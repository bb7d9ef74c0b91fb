#pragma once

// Retention: the institutions' periods, holds on cases, the erasure of an application with every
// row about it, and the log of what was deleted (counts only).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/retention/retention.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

class Transaction;

namespace retention {

/// The institution's periods; the defaults when it never set them.
domain::RetentionSettings settings(soci::session& sql, std::int64_t institution_id);
void save_settings(soci::session& sql, std::int64_t institution_id, const domain::RetentionSettings& settings,
                   std::int64_t user_id, core::UnixTime now);

/// An application of a closed case that is not the hired one: what decides its deletion.
struct Candidate {
    std::int64_t institution_id = 0;
    std::int64_t case_id = 0;
    std::int64_t application_id = 0;
    std::optional<core::UnixTime> closed_at;
    std::optional<core::UnixTime> keep_until;
    bool on_hold = false;
    std::optional<core::UnixTime> deletion_requested_at;
    bool withdrawn = false;
};

/// The shortest period any institution keeps applications (the default where none is set).
int shortest_applications_months(soci::session& sql);

/// Applications of cases closed before `closed_before`, and applications whose applicant asked for
/// erasure that are withdrawn or whose case is closed (of every institution, or of one), without the
/// hired ones, in id order after `after_id`, at most `limit`.
std::vector<Candidate> candidates(soci::session& sql, std::optional<std::int64_t> institution_id,
                                  core::UnixTime closed_before, std::int64_t after_id, int limit);

/// Deletes the application and every row about it: its data key first (so its files and mail bodies
/// can no longer be opened), then attachments with their chunks and extracted texts, answers,
/// personal links, committee declarations, marks, scores, summaries, notes, tags, lifted anonymity,
/// mails with their bodies, and the application (its search entry, ranking entries, interview
/// invitations and bookings follow by cascade). False when it was already gone.
bool erase_application(Transaction& transaction, std::int64_t institution_id, std::int64_t application_id);

/// Deletes the institution's access-log entries made before `before`; returns how many.
int erase_access_log(Transaction& transaction, std::int64_t institution_id, core::UnixTime before);

/// Institutions that have access-log entries made before `before`.
/// One entry of the register of data-subject requests; it names no person.
struct DataRequestRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::string kind;    ///< access | erasure
    std::string channel; ///< staff | applicant
    std::optional<std::int64_t> application_id;
    std::optional<std::int64_t> case_id;
    std::string outcome; ///< exported | erased | scheduled | kept_hired | kept_on_hold
    std::optional<std::int64_t> handled_by;
    std::string handled_by_name;
    core::UnixTime received_at = 0;
};
void record_data_request(soci::session& sql, const DataRequestRecord& request);
/// The institution's register since `since`, newest first, at most `limit`.
std::vector<DataRequestRecord> data_requests(soci::session& sql, std::int64_t institution_id,
                                             core::UnixTime since, int limit);

/// Applications whose consent to be kept ends within (now, until], of closed cases, not yet reminded:
/// (institution id, application id), at most `limit`.
std::vector<std::pair<std::int64_t, std::int64_t>>
consent_reminders_due(soci::session& sql, core::UnixTime now, core::UnixTime until, int limit);
/// Marks the reminder sent; false when another node was first.
bool mark_consent_reminded(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                           core::UnixTime now);
/// The applicant renews the consent: kept until `until`, and reminded again before that.
bool renew_consent(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                   core::UnixTime until);

/// An account that may be erased once its institution's period has passed: deactivated (since
/// `ended_at`), or an external member's whose case was closed (at `ended_at`).
struct EndedAccount {
    std::int64_t user_id = 0;
    std::int64_t institution_id = 0;
    core::UnixTime ended_at = 0;
};
/// Ended accounts not erased yet that ended before `before`, oldest first, at most `limit`.
std::vector<EndedAccount> ended_accounts(soci::session& sql, core::UnixTime before, int limit);
/// Erases the account: its name and e-mail address are replaced, its password, second factor,
/// sessions, recovery codes, reset and e-mail-change links and its mails are deleted, and it is
/// deactivated for good. The row stays, so that what the account did keeps its actor id. Returns
/// false when it was already erased or is not the institution's.
bool erase_user(Transaction& transaction, std::int64_t institution_id, std::int64_t user_id,
                core::UnixTime now);

std::vector<std::int64_t> institutions_with_old_access_log(soci::session& sql, core::UnixTime before);

/// After deletions on SQLite: rewrites the full-text index without the deleted entries' words and
/// empties the write-ahead log into the database file, so that (with secure_delete) no copy of the
/// deleted data stays in either file. Nothing on PostgreSQL, where VACUUM reclaims dead rows.
void compact_index(Transaction& transaction);
/// Empties SQLite's write-ahead log into the database file (outside a transaction).
void checkpoint(soci::session& sql);

/// Whether anything was deleted at or after `since` (by the deletion log).
bool deleted_since(soci::session& sql, core::UnixTime since);

void log_deletion(soci::session& sql, std::int64_t institution_id, std::optional<std::int64_t> case_id,
                  const std::string& kind, int deleted, core::UnixTime now);

struct HoldRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string case_title;
    std::string reason;
    std::string placed_by_name;
    core::UnixTime placed_at = 0;
};

std::int64_t place_hold(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                        const std::string& reason, std::int64_t user_id, core::UnixTime now);
/// False when the hold is not the institution's or was lifted already.
bool lift_hold(soci::session& sql, std::int64_t institution_id, std::int64_t hold_id, std::int64_t user_id,
               core::UnixTime now);
/// Whether a hold is in place on the case.
bool on_hold(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);
std::vector<HoldRecord> active_holds(soci::session& sql, std::int64_t institution_id);

/// What the deletion log holds for one month and case (case_id 0 for the access log).
struct DeletionReportRow {
    std::string month; ///< "2026-11"
    std::int64_t case_id = 0;
    std::string case_title;
    std::string kind;
    int deleted = 0;
};

/// The institution's deletions since `since`, newest month first.
std::vector<DeletionReportRow> deletion_report(soci::session& sql, std::int64_t institution_id,
                                               core::UnixTime since);

} // namespace retention
} // namespace rekrut::store
