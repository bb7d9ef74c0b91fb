#include "services/audit_log.hpp"

#include "core/clock.hpp"
#include "core/text.hpp"
#include "services/audit_personal.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace rekrut::services {

void record_audit(store::Transaction& transaction, const Origin& origin, const AuditEntry& entry)
{
    domain::AuditEventRecord event;
    event.occurred_at = core::now();
    event.actor_user_id = origin.user_id;
    event.actor_name = origin.user_name;
    event.institution_id = entry.institution_id;
    event.action = entry.action;
    event.object_type = entry.object_type;
    event.object_id = entry.object_id;
    event.before_json = entry.before;
    event.after_json = entry.after;
    event.request_id = origin.request_id;
    event.ip = origin.ip;
    seal_personal_data(transaction, event);
    // Chained as the transaction's last step: the chain's lock (PostgreSQL) is held until the commit,
    // and for no more than that.
    transaction.before_commit([event = std::move(event)](store::Transaction& last) mutable {
        store::audit_events::append(last, last.dialect(), last.secret_key().audit_key(), event);
    });
}

AuditVerification verify_audit_chain(store::Database& database)
{
    const std::string& key = database.secret_key().audit_key();
    return database.read([&](store::Session& session) {
        AuditVerification report;
        std::string expected_previous(64, '0');
        store::audit_events::for_each(session, [&](const domain::AuditEventRecord& event) {
            if (report.first_broken_id)
                return;
            ++report.events;
            if (event.previous_hash != expected_previous) {
                report.first_broken_id = event.id;
                report.problem = "its previous hash does not match the row before it (a row was inserted or "
                                 "deleted before it)";
                return;
            }
            if (store::audit_event_hash(key, event.previous_hash, event) != event.hash) {
                report.first_broken_id = event.id;
                report.problem =
                    "its content does not match its hash (the row was edited, or the chain was not "
                    "written with this installation's key)";
                return;
            }
            expected_previous = event.hash;
        });
        return report;
    });
}

std::string json_object(std::initializer_list<std::pair<std::string, std::string>> fields)
{
    return json_object(std::vector<std::pair<std::string, std::string>>(fields));
}

std::string json_object(const std::vector<std::pair<std::string, std::string>>& fields)
{
    std::string out = "{";
    bool first = true;
    for (const auto& [key, value] : fields) {
        if (!first)
            out += ",";
        first = false;
        out += "\"" + core::json_escape(key) + "\":\"" + core::json_escape(value) + "\"";
    }
    return out + "}";
}

} // namespace rekrut::services
