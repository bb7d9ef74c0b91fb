#include "services/audit_trail.hpp"

#include <algorithm>
#include <optional>

#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "services/audit_log.hpp"
#include "services/audit_personal.hpp"
#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"
#include "store/institution_store.hpp"
#include "store/setup_store.hpp"

namespace rekrut::services {
namespace {

bool may_read(const domain::Actor& actor, const domain::AuditFilter& filter)
{
    // Only the operator reads without an institution: everyone else is confined to their own.
    if (!filter.institution_id && !actor.is_operator)
        return false;
    return domain::can(actor, domain::Action::view_audit, {filter.institution_id, {}, {}, false, {}});
}

std::optional<std::int64_t> parse_object_id(const std::string& text)
{
    if (text.empty() || text.size() > 18 || !core::is_ascii_digits(text))
        return std::nullopt;
    return std::stoll(text);
}

/// The current name of the object an event is about, looked up in the event's own institution.
std::optional<std::string> object_name(store::Session& session, const domain::AuditEventRecord& event)
{
    auto id = parse_object_id(event.object_id);
    if (!id)
        return std::nullopt;
    const std::string& type = event.object_type;
    if (type == "institution") {
        auto institution = store::InstitutionStore::find_in(session, *id);
        return institution ? std::optional(institution->name) : std::nullopt;
    }
    if (type == "user") {
        auto user = event.institution_id ? store::users::find(session, *event.institution_id, *id)
                                         : store::users::find_any(session, *id);
        return user ? std::optional(user->name) : std::nullopt;
    }
    if (!event.institution_id)
        return std::nullopt;
    std::int64_t institution_id = *event.institution_id;
    auto name_of = [](const auto& record) -> std::optional<std::string> {
        return record ? std::optional(record->name) : std::nullopt;
    };
    if (type == "recruitment_case") {
        auto record = store::cases::find(session, institution_id, *id);
        return record ? std::optional(record->title) : std::nullopt;
    }
    if (type == "organisation_unit")
        return name_of(store::organisation_units::find(session, institution_id, *id));
    if (type == "mandatory_text")
        return name_of(store::mandatory_texts::find(session, institution_id, *id));
    if (type == "ad_template")
        return name_of(store::ad_templates::find(session, institution_id, *id));
    if (type == "question_template") {
        auto question = store::question_templates::find(session, institution_id, *id);
        return question ? std::optional(question->text) : std::nullopt;
    }
    return std::nullopt;
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
            open_personal_data(session, search.events);
            for (const auto& event : search.events) {
                std::pair<std::string, std::string> key{event.object_type, event.object_id};
                if (search.object_names.contains(key))
                    continue;
                if (auto name = object_name(session, event))
                    search.object_names.emplace(std::move(key), std::move(*name));
            }
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
            open_personal_data(transaction, events);
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

void AuditTrail::record_sensitive_confirmed(const domain::Actor& actor, const std::string& route,
                                            const std::vector<std::string>& fields,
                                            const std::vector<std::string>& kinds, const Origin& origin)
{
    auto joined = [](const std::vector<std::string>& values) {
        std::string text;
        for (const auto& value : values)
            text += (text.empty() ? "" : ",") + value;
        return text;
    };
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        record_audit(transaction, origin,
                     {actor.data_institution(), "free_text.sensitive_confirmed", "route", route, "{}",
                      json_object({{"fields", joined(fields)}, {"kinds", joined(kinds)}})});
        return core::success();
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
