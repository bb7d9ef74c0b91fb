#pragma once

// The status page's notices (incidents and service windows) with their updates, and the samples of
// the availability probe. Platform-wide data: no institution owns it.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/status/availability.hpp"
#include "domain/status/service_notice.hpp"

namespace soci {
class session;
}

namespace rekrut::store::status {

std::int64_t create_notice(soci::session& sql, const domain::ServiceNotice& notice, std::int64_t user_id);
/// The notice with its updates; none when there is no such notice.
std::optional<domain::ServiceNotice> find_notice(soci::session& sql, std::int64_t notice_id);
/// Notices that are unresolved and not yet over at `now`, or that started, ended or were resolved
/// after `since`, with their updates, newest start first, at most `limit`.
std::vector<domain::ServiceNotice> notices_since(soci::session& sql, core::UnixTime since, core::UnixTime now,
                                                 int limit);
std::int64_t add_update(soci::session& sql, std::int64_t notice_id, const std::string& text,
                        std::int64_t user_id, core::UnixTime at);
/// Sets resolved_at when it is not set; false when the notice was already resolved.
bool resolve(soci::session& sql, std::int64_t notice_id, core::UnixTime at);

/// Records that some node could (ok) or could not serve in `minute`; a later "could" wins.
void record_sample(soci::session& sql, std::int64_t minute, bool ok);
/// The samples of the minutes [from, to).
std::map<std::int64_t, bool> samples(soci::session& sql, std::int64_t from_minute, std::int64_t to_minute);
/// The first minute ever sampled.
std::optional<std::int64_t> first_sample(soci::session& sql);
/// The figures kept for a month whose samples were pruned; none when the month is not kept.
std::optional<domain::MonthAvailability> kept_month(soci::session& sql, int year, unsigned month);
/// Keeps a month's figures (ON CONFLICT DO NOTHING); false when they were kept already.
bool keep_month(soci::session& sql, const domain::MonthAvailability& figures, core::UnixTime now);
/// Deletes the samples of the minutes [from, to) except `keep_minute`; returns how many it deleted.
std::int64_t delete_samples(soci::session& sql, std::int64_t from_minute, std::int64_t to_minute,
                            std::int64_t keep_minute);
/// The service windows overlapping [from, to), each up to its end or its early end; a window
/// cancelled before it began is none.
std::vector<domain::TimeSpan> windows_between(soci::session& sql, core::UnixTime from, core::UnixTime to);

/// A run-time setting the operator changed (runtime_settings); none when never changed.
std::optional<std::string> runtime_setting(soci::session& sql, const std::string& name);
void save_runtime_setting(soci::session& sql, const std::string& name, const std::string& value,
                          std::int64_t user_id, core::UnixTime at);

/// One review of an institution's administrator rights, with the names to show.
struct RightsReview {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::string institution_name;
    std::string reviewer_name;
    core::UnixTime reviewed_at = 0;
    std::string outcome;
    std::string note;
};

std::int64_t record_rights_review(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
                                  core::UnixTime at, const std::string& outcome, const std::string& note);
/// The most recent reviews of every institution, newest first, at most `limit`.
std::vector<RightsReview> rights_reviews(soci::session& sql, int limit);

} // namespace rekrut::store::status
