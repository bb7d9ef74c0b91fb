#include "services/audit_trail.hpp"

#include <algorithm>

#include "domain/access/policy.hpp"
#include "services/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"

namespace rekrut::services {
namespace {

bool may_read(const domain::Actor& actor, const domain::AuditFilter& filter)
{
    // Only the operator reads without an institution: everyone else is confined to their own.
    if (!filter.institution_id && !actor.is_operator)
        return false;
    return domain::can(actor, domain::Action::view_audit, {filter.institution_id, {}, {}, false, {}});
}

} // namespace

core::Result<AuditSearch> AuditTrail::search(const domain::Actor& actor, const domain::AuditFilter& filter,
                                             bool events)
{
    if (!may_read(actor, filter))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) {
        AuditSearch search;
        if (filter.institution_id)
            search.users = store::users::list(session, *filter.institution_id);
        if (events) {
            search.total = store::audit_events::count(session, filter);
            search.events = store::audit_events::list(session, filter);
        }
        return search;
    });
}

core::Result<std::vector<domain::AuditEventRecord>>
AuditTrail::export_events(const domain::Actor& actor, const domain::AuditFilter& filter,
                          const std::vector<std::pair<std::string, std::string>>& filter_fields,
                          const Origin& origin)
{
    if (!may_read(actor, filter))
        return core::Error::not_found();
    return m_database.transact(
        [&](store::Transaction& transaction) -> core::Result<std::vector<domain::AuditEventRecord>> {
            auto events = store::audit_events::list(transaction, filter);
            // The store gives the newest first; a document of record reads from the oldest.
            std::reverse(events.begin(), events.end());
            std::string id = filter.institution_id ? std::to_string(*filter.institution_id) : "";
            std::vector<std::pair<std::string, std::string>> fields{{"rows", std::to_string(events.size())}};
            fields.insert(fields.end(), filter_fields.begin(), filter_fields.end());
            record_audit(
                transaction, origin,
                {filter.institution_id, "audit.exported", "audit_trail", id, "{}", json_object(fields)});
            return events;
        });
}

void AuditTrail::record_operator_access_used(const domain::Actor& actor, std::int64_t access_id,
                                             const std::string& method, const std::string& path,
                                             const Origin& origin)
{
    if (!actor.is_operator)
        return;
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        record_audit(transaction, origin,
                     {actor.elevated_institution_id, "operator_access.used", "operator_access",
                      std::to_string(access_id), "{}", json_object({{"method", method}, {"path", path}})});
        return core::success();
    });
}

} // namespace rekrut::services
