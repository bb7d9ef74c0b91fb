#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/application/application_records.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

/// Applications, their answers, the applicants' personal links and the access log. Every function
/// on an application takes the institution first and finds nothing of another institution; the
/// personal links are looked up by their token's hash alone, like sessions.
namespace applications {

/// What a personal link or a form's key leads to.
struct LinkTarget {
    std::int64_t institution_id = 0;
    std::int64_t application_id = 0;
};

/// Stores a new application with its answers; returns its id.
std::int64_t insert(soci::session& sql, const domain::ApplicationRecord& record);
/// The same unless the case has an application with the record's idempotency key already, stored
/// by a concurrent transaction that has committed meanwhile: then nothing is stored and nullopt
/// returned. (On PostgreSQL the insert waits for such a transaction to end.)
std::optional<std::int64_t> insert_once(soci::session& sql, const domain::ApplicationRecord& record);
/// The application sent with this idempotency key to this case, if any (a repeated submit).
std::optional<std::int64_t> find_by_idempotency_key(soci::session& sql, std::int64_t institution_id,
                                                    std::int64_t case_id, const std::string& key);
/// The application sent to `case_id` with this idempotency key, of whichever institution holds the
/// case: the applicant's receipt page names no institution, and the key is a secret of their form.
std::optional<LinkTarget> find_by_form_key(soci::session& sql, std::int64_t case_id, const std::string& key);
/// One application with its answers and attachments' metadata.
std::optional<domain::ApplicationRecord> find(soci::session& sql, std::int64_t institution_id,
                                              std::int64_t application_id);
/// A case's applications in the order received, without answers and attachments.
std::vector<domain::ApplicationRecord> list_for_case(soci::session& sql, std::int64_t institution_id,
                                                     std::int64_t case_id);
/// Applications of a case: all, and of those how many were withdrawn.
struct Counts {
    int total = 0;
    int withdrawn = 0;
};
Counts count_for_case(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);
/// The attachments' metadata of one application.
std::vector<domain::AttachmentRecord> attachments(soci::session& sql, std::int64_t institution_id,
                                                  std::int64_t application_id);
void set_status(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                domain::ApplicationStatus status, core::UnixTime now);
/// Replaces the cover letter and the answers (the applicant's own changes before the deadline).
void update_content(soci::session& sql, const domain::ApplicationRecord& record, core::UnixTime now);
/// Replaces the applicant's name, e-mail address and telephone number (HR's rectification).
void update_personal(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                     const std::string& full_name, const std::string& email, const std::string& phone,
                     core::UnixTime now);
void mark_deletion_requested(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                             core::UnixTime now);
/// Locks the application's row until the transaction ends.
void lock(soci::session& sql, std::int64_t institution_id, std::int64_t application_id);

void add_link(soci::session& sql, std::int64_t application_id, const std::string& token_hash,
              core::UnixTime now, core::UnixTime expires_at);
std::optional<LinkTarget> find_link(soci::session& sql, const std::string& token_hash, core::UnixTime now);
/// Applications sent from this address that are not final, across institutions (renewing links).
std::vector<LinkTarget> by_email(soci::session& sql, const std::string& email);

/// Appends one entry to the access log.
void log_access(soci::session& sql, const domain::AccessLogEntry& entry);
/// The institution's access log, newest first, optionally for one application.
std::vector<domain::AccessLogEntry> access_log(soci::session& sql, std::int64_t institution_id,
                                               std::optional<std::int64_t> application_id, int limit);

} // namespace applications
} // namespace rekrut::store
