#pragma once

// Off-boarding of an institution (services/operations/offboarding.*): the requests with their
// deletion reports, the generic read of every row the institution has for its export, and the
// deletion of what is left once its applications and accounts are erased.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "domain/institution/offboarding_record.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

namespace offboarding {

std::int64_t create(soci::session& sql, std::int64_t institution_id, const std::string& reason,
                    std::int64_t requested_by, core::UnixTime now);
/// The request of any institution (the operator's queue), with the names of the institution and of
/// the operators involved; nullopt when there is none.
std::optional<domain::OffboardingRecord> find_across_institutions(soci::session& sql, std::int64_t id);
/// Every request, newest first.
std::vector<domain::OffboardingRecord> list(soci::session& sql);
/// Whether the institution has a request that is not rejected (waiting, approved, exported or done).
bool has_open(soci::session& sql, std::int64_t institution_id);
/// Moves the request from `from` to `to`, recording who and when in the column `at_column`
/// (decided_at, exported_at or deleted_at); false when it is no longer in state `from`.
bool advance(soci::session& sql, std::int64_t institution_id, std::int64_t id, std::string_view from,
             std::string_view to, std::optional<std::int64_t> decided_by, core::UnixTime now);
/// Puts an exported request back to approved (its export is out of date); false when it is not
/// exported.
bool reopen_export(soci::session& sql, std::int64_t institution_id, std::int64_t id);
/// Records the newest audit event of the institution the export covers.
void set_exported_through(soci::session& sql, std::int64_t institution_id, std::int64_t id,
                          std::int64_t audit_event_id);
/// The id of the institution's newest audit event other than the off-boarding's own (0 for none).
std::int64_t newest_audit_event(soci::session& sql, std::int64_t institution_id);
void save_report(soci::session& sql, std::int64_t institution_id, std::int64_t id, const std::string& report);

/// Whether the institution is off-boarded (its row kept as a tombstone).
bool is_offboarded(soci::session& sql, std::int64_t institution_id);
/// Whether any case of the institution is on hold (a complaint or lawsuit).
bool has_hold(soci::session& sql, std::int64_t institution_id);
std::vector<std::int64_t> application_ids(soci::session& sql, std::int64_t institution_id);
std::vector<std::int64_t> case_ids(soci::session& sql, std::int64_t institution_id);
std::vector<std::int64_t> user_ids(soci::session& sql, std::int64_t institution_id);

/// One value of a row read generically: its column, its text (nullopt for NULL) and whether it is a
/// number.
struct Cell {
    std::string column;
    std::optional<std::string> text;
    bool number = false;
};
using Row = std::vector<Cell>;

/// The tables of an institution's data that its export holds, in the export's order. Secrets
/// (password hashes, second-factor secrets, keys, link tokens) and encrypted file contents are not
/// among them; applications' files are exported decrypted by the service.
const std::vector<std::string>& exported_tables();
/// Each row of `table` (one of exported_tables()) that belongs to the institution, in id order.
void each_row(soci::session& sql, std::int64_t institution_id, const std::string& table,
              const std::function<void(const Row&)>& sink);

/// Deletes every row of the institution that is left once its applications are erased and its
/// accounts erased (their rows stay as "Slettet bruger N"): cases, ads, committees, templates,
/// texts, settings, mails, logs, requests and the rest; marks the institution off-boarded. Returns
/// the rows deleted per table (tables with none are left out).
std::vector<std::pair<std::string, int>>
delete_institution_data(soci::session& sql, std::int64_t institution_id, core::UnixTime now);

} // namespace offboarding

} // namespace rekrut::store
