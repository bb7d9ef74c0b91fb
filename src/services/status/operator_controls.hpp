#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/component_versions.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
} // namespace rekrut::store

namespace rekrut::services {

/// One review of an institution's administrator rights.
struct RightsReviewRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::string institution_name;
    std::string reviewer_name;
    core::UnixTime reviewed_at = 0;
    std::string outcome; ///< no_changes | changes_made | changes_requested
    std::string note;
};

/// The platform operator's controls of the running service (table 5.2 of the service description):
/// the log level, changed at run time for every node (stored, audited, and applied by each node
/// within seconds), and the versions of the libraries linked into the binary.
class OperatorControls {
public:
    explicit OperatorControls(store::Database& database) : m_database(database) {}

    /// The level this node logs at now.
    std::string log_level() const;
    /// Stores and applies a new level (trace, debug, info, warn, error or off), audited with the
    /// level before and after.
    core::Status change_log_level(const domain::Actor& actor, const std::string& level, const Origin& origin);
    /// Applies a stored level on this node (called every few seconds); the configured level stays
    /// until an operator changes it.
    void apply_stored_settings();

    /// Records the operator's review of an institution's administrator rights: the outcome
    /// (no_changes, changes_made or changes_requested) and a note (up to 1000 bytes), audited.
    core::Status record_rights_review(const domain::Actor& actor, std::int64_t institution_id,
                                      const std::string& outcome, const std::string& note,
                                      const Origin& origin);
    /// The latest reviews of every institution, newest first.
    std::vector<RightsReviewRecord> rights_reviews(const domain::Actor& actor, int limit);

    /// The libraries of the core, store and integrations layers (the web layer adds its own).
    static std::vector<core::ComponentVersion> linked_components();

private:
    store::Database& m_database;
};

} // namespace rekrut::services
