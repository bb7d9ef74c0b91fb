#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/status/availability.hpp"
#include "domain/status/service_notice.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
class Session;
} // namespace rekrut::store

namespace rekrut::services {

/// What the public status page shows.
struct StatusOverview {
    std::vector<domain::ServiceNotice> current; ///< Incidents and windows in force now.
    std::vector<domain::ServiceNotice> ahead;   ///< Service windows announced ahead, soonest first.
    std::vector<domain::ServiceNotice> history; ///< Resolved or ended within `k_history_days`, newest first.
};

/// The status page's use cases: the platform operator announces incidents and service windows,
/// adds updates and resolves them (each audited, in the transaction of the change); everyone reads
/// the overview and the banner; the availability probe records a sample a minute, and the operator
/// reads the availability per month against the target.
///
/// The notices the pages show are kept in memory (every page's banner asks, also on the event loop),
/// read again at once after a change through this node and by `refresh`, which a periodic job calls
/// every `k_refresh_seconds`, so another node shows a change within that time.
class ServiceNotices {
public:
    static constexpr int k_history_days = 90;
    static constexpr int k_refresh_seconds = 15;

    explicit ServiceNotices(store::Database& database) : m_database(database) {}

    core::Result<std::int64_t> announce(const domain::Actor& actor, const domain::NoticeInput& input,
                                        const Origin& origin);
    core::Status add_update(const domain::Actor& actor, std::int64_t notice_id, const std::string& text,
                            const Origin& origin);
    /// Ends an incident, or ends a service window early (or cancels one not yet begun).
    core::Status resolve(const domain::Actor& actor, std::int64_t notice_id, const Origin& origin);
    /// One notice for the operator; none for anyone else.
    std::optional<domain::ServiceNotice> notice(const domain::Actor& actor, std::int64_t notice_id);

    /// Reads the notices the pages show again.
    void refresh(core::UnixTime now);

    StatusOverview overview(core::UnixTime now);
    /// The notices the application's banner shows now (domain::notice_shows_banner).
    std::vector<domain::ServiceNotice> banner(core::UnixTime now);
    /// A counter raised by every change this node made, for caches of pages that show the banner.
    std::uint64_t version();

    /// The probe: records whether this node could serve in the current minute (at every hour, so that
    /// the first sample tells when the installation went into service; only the service hours count).
    /// Returns false when the database did not take the sample.
    bool record_probe(bool ready, core::UnixTime now);
    /// The availability of the month that holds `now` and the `months - 1` before it, newest first,
    /// for the operator.
    std::vector<domain::MonthAvailability> availability(const domain::Actor& actor, int months,
                                                        core::UnixTime now);
    /// The current month's figure for the public page (kept for a minute).
    domain::MonthAvailability current_month(core::UnixTime now);
    /// Keeps the raw samples of the month that holds `now` and the `k_sample_months` before it; every
    /// older month's figures are measured once and kept (`availability_months`), and its samples
    /// deleted, except the first sample ever. Safe on several nodes at once (each month in its own
    /// transaction, kept once). Does the work at most once an hour on this node (earlier calls return
    /// 0 at once); returns how many samples it deleted.
    std::int64_t prune_samples(core::UnixTime now);
    static constexpr int k_sample_months = 13;

private:
    std::shared_ptr<const std::vector<domain::ServiceNotice>> recent(core::UnixTime now);
    domain::MonthAvailability measure_month(int year, unsigned month, core::UnixTime now);
    domain::MonthAvailability measure_from_samples(store::Session& session, int year, unsigned month,
                                                   core::UnixTime now);
    void forget();

    store::Database& m_database;
    std::mutex m_mutex;
    std::shared_ptr<const std::vector<domain::ServiceNotice>> m_recent;
    std::uint64_t m_version = 0;
    std::optional<domain::MonthAvailability> m_month;
    core::UnixTime m_month_at = 0;
    std::optional<core::UnixTime> m_pruned_at;
};

} // namespace rekrut::services
