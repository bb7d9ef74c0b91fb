#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/retention/retention.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
} // namespace rekrut::store

namespace rekrut::services {

/// A case whose applications are deleted within the coming days.
struct UpcomingDeletion {
    std::int64_t case_id = 0;
    std::string case_title;
    int applications = 0;
    core::UnixTime first_due = 0;
};

struct RetentionHold {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string case_title;
    std::string reason;
    std::string placed_by;
    core::UnixTime placed_at = 0;
};

struct DeletionReportLine {
    std::string month;        ///< "2026-11"
    std::int64_t case_id = 0; ///< 0: the access log
    std::string case_title;
    std::string kind; ///< applications | access_log
    int deleted = 0;
};

/// What an Administrator sees of the institution's deletion of personal data.
struct RetentionOverview {
    domain::RetentionSettings settings;
    std::vector<UpcomingDeletion> upcoming; ///< In the next 30 days.
    std::vector<RetentionHold> holds;
    std::vector<DeletionReportLine> report; ///< The last 12 months.
    /// Closed cases, for placing a hold.
    std::vector<std::pair<std::int64_t, std::string>> closed_cases;
};

/// Deletes personal data on time: each institution's retention periods, the job that deletes
/// applications (with everything about them) and old access-log entries, holds that stop it for a
/// case, and what Administrators see of it. The job is safe on several server instances: each
/// deletion is its own transaction and finds nothing when another instance was first.
class Retention {
public:
    /// `public_url` makes the personal links in the mails before a consent ends.
    explicit Retention(store::Database& database, std::string public_url = "")
        : m_database(database), m_public_url(std::move(public_url))
    {
    }

    core::Result<RetentionOverview> overview(const domain::Actor& actor, std::int64_t institution_id,
                                             core::UnixTime now);
    core::Status save_settings(const domain::Actor& actor, std::int64_t institution_id,
                               const domain::RetentionSettings& settings, const Origin& origin);
    /// A reason is required (at most 1,000 characters); the case must be the institution's.
    core::Status place_hold(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                            const std::string& reason, const Origin& origin);
    core::Status lift_hold(const domain::Actor& actor, std::int64_t institution_id, std::int64_t hold_id,
                           const Origin& origin);

    struct RunResult {
        int applications = 0;
        int access_log_entries = 0;
        int users = 0;             ///< Ended accounts erased.
        int consent_reminders = 0; ///< Applicants mailed that their consent to be kept ends.
    };
    /// The deletion job: everything due at `now`, in every institution.
    RunResult run(core::UnixTime now);

private:
    /// Rewrites SQLite's full-text index and empties its log when anything was deleted since the last
    /// time (by this job or by an erasure on request).
    void compact_after_deletions(core::UnixTime now);

    /// Mails each applicant whose consent to keep the application ends within a month a new personal
    /// link to renew it, once.
    int remind_consents_ending(core::UnixTime now);

    store::Database& m_database;
    std::string m_public_url;
    core::UnixTime m_compacted_at = 0;
};

} // namespace rekrut::services
