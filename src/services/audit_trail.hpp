#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/access/account_records.hpp"
#include "domain/access/actor.hpp"
#include "domain/audit/audit_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// One page of the audit view.
struct AuditSearch {
    std::vector<domain::AuditEventRecord> events;
    std::int64_t total = 0;
    /// The filtered institution's users, for the user filter.
    std::vector<domain::UserRecord> users;
    /// The current name of each object the page's events are about, by (object type, object id):
    /// a case's title, a user's name, a unit's name. Objects that no longer exist, or whose type has
    /// no name, are missing.
    std::map<std::pair<std::string, std::string>, std::string> object_names;
};

/// Reading the audit trail: the audit view, the export, and events that record a read (an export,
/// the use of the operator's elevated access). Administrators and Superbrugere read their own
/// institution's events; the platform operator reads every institution's (a deliberate read
/// across institutions, itself recorded when exported).
class AuditTrail {
public:
    explicit AuditTrail(store::Database& database) : m_database(database) {}

    /// The events matching `filter` (one page), with the institution's users. With `events` false
    /// only the users are read (the filter form had problems).
    core::Result<AuditSearch> search(const domain::Actor& actor, const domain::AuditFilter& filter,
                                     bool events);

    /// Every event matching `filter` up to its limit, oldest first, for a document of record. The
    /// export itself is recorded, with the number of rows and `filter_fields` (the filter as the user
    /// entered it), in the same transaction.
    core::Result<std::vector<domain::AuditEventRecord>>
    export_events(const domain::Actor& actor, const domain::AuditFilter& filter,
                  const std::vector<std::pair<std::string, std::string>>& filter_fields,
                  const Origin& origin);

    /// Records that the actor saved text with what looks like a CPR number or sensitive data after
    /// being warned: the route, the fields and the kinds found, never the text or what was found.
    void record_sensitive_confirmed(const domain::Actor& actor, const std::string& route,
                                    const std::vector<std::string>& fields,
                                    const std::vector<std::string>& kinds, const Origin& origin);
    /// Records that the operator used elevated access to an institution for one request.
    void record_operator_access_used(const domain::Actor& actor, std::int64_t access_id,
                                     const std::string& method, const std::string& path,
                                     const Origin& origin);

private:
    store::Database& m_database;
};

} // namespace rekrut::services
