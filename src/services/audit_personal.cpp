#include "services/audit_personal.hpp"

#include <array>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/clock.hpp"
#include "core/secret_key.hpp"
#include "core/secret_stream.hpp"
#include "core/text.hpp"
#include "services/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/audit_subject_store.hpp"
#include "store/database.hpp"

namespace rekrut::services {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view k_prefix = "sealed1:";
constexpr std::array<std::string_view, 7> k_personal_fields{
    "email", "new_email", "name", "full_name", "phone", "contacts", "rectification_reason"};

bool is_personal_field(std::string_view field)
{
    for (auto personal : k_personal_fields)
        if (field == personal)
            return true;
    return false;
}

/// Whose is `field` of an event's JSON, or "" when it is not a person's.
std::string field_subject(const domain::AuditEventRecord& event, const Json& object, const std::string& field)
{
    if (field == "contacts")
        return event.object_type == "recruitment_case" && !event.object_id.empty() ? "case:" + event.object_id
                                                                                   : "";
    if (!is_personal_field(field))
        return "";
    if (auto user = object.find("user_id");
        user != object.end() && user->is_string() && core::is_ascii_digits(user->get<std::string>()))
        return "user:" + user->get<std::string>();
    if (event.object_type == "user")
        return event.object_id.empty() ? visitor_subject(event.occurred_at) : "user:" + event.object_id;
    if (event.object_type == "application" && !event.object_id.empty())
        return "application:" + event.object_id;
    return "";
}

std::string actor_subject(const domain::AuditEventRecord& event)
{
    if (event.actor_user_id)
        return user_subject(*event.actor_user_id);
    if (event.object_type == "application" && !event.object_id.empty())
        return "application:" + event.object_id;
    return visitor_subject(event.occurred_at);
}

/// Seals with the keys of one transaction, each looked up once.
class Sealer {
public:
    explicit Sealer(store::Transaction& transaction) : m_transaction(transaction) {}

    std::string seal(const std::string& subject, const std::string& value)
    {
        if (value.empty() || is_sealed_value(value))
            return value;
        auto found = m_keys.find(subject);
        if (found == m_keys.end())
            found = m_keys
                        .emplace(subject,
                                 store::audit_subjects::key_for_sealing(m_transaction, subject, core::now()))
                        .first;
        std::string sealed = std::string(k_prefix) + subject + ":";
        // An erased person's key is not made again: the value is left out.
        if (found->second)
            sealed += core::to_hex(core::seal_with_key(*found->second, value, subject));
        return sealed;
    }

private:
    store::Transaction& m_transaction;
    std::map<std::string, std::optional<std::string>> m_keys;
};

/// `json` with its personal fields sealed; unchanged (byte for byte) when it has none.
std::string seal_json(Sealer& sealer, const domain::AuditEventRecord& event, const std::string& json)
{
    if (json.size() <= 2)
        return json;
    Json object = Json::parse(json, nullptr, false);
    if (!object.is_object())
        return json;
    bool changed = false;
    for (auto& [field, value] : object.items()) {
        if (!value.is_string())
            continue;
        auto subject = field_subject(event, object, field);
        if (subject.empty())
            continue;
        auto text = value.get<std::string>();
        auto sealed = sealer.seal(subject, text);
        if (sealed != text) {
            value = sealed;
            changed = true;
        }
    }
    return changed ? object.dump() : json;
}

/// Opens with the keys of one read, each looked up once.
class Opener {
public:
    explicit Opener(store::Session& session) : m_session(session) {}

    std::string open(const std::string& value)
    {
        if (!is_sealed_value(value))
            return value;
        auto rest = std::string_view(value).substr(k_prefix.size());
        auto colon = rest.rfind(':');
        if (colon == std::string_view::npos)
            return std::string(k_erased_value);
        std::string subject(rest.substr(0, colon));
        auto found = m_keys.find(subject);
        if (found == m_keys.end())
            found = m_keys.emplace(subject, store::audit_subjects::key(m_session, subject)).first;
        auto bytes = core::from_hex(rest.substr(colon + 1));
        if (!found->second || !bytes || bytes->empty())
            return std::string(k_erased_value);
        return core::open_with_key(*found->second, *bytes, subject).value_or(std::string(k_erased_value));
    }

    std::string open_json(const std::string& json)
    {
        if (json.find(k_prefix) == std::string::npos)
            return json;
        Json object = Json::parse(json, nullptr, false);
        if (!object.is_object())
            return json;
        for (auto& [field, value] : object.items())
            if (value.is_string())
                value = open(value.get<std::string>());
        return object.dump();
    }

private:
    store::Session& m_session;
    std::map<std::string, std::optional<std::string>> m_keys;
};

void seal_event(Sealer& sealer, domain::AuditEventRecord& event)
{
    if (event.actor_user_id)
        event.actor_name = sealer.seal(actor_subject(event), event.actor_name);
    event.ip = sealer.seal(actor_subject(event), event.ip);
    event.before_json = seal_json(sealer, event, event.before_json);
    event.after_json = seal_json(sealer, event, event.after_json);
}

} // namespace

bool is_sealed_value(std::string_view value)
{
    return value.starts_with(k_prefix);
}

std::string user_subject(std::int64_t user_id)
{
    return "user:" + std::to_string(user_id);
}

std::string visitor_subject(std::int64_t occurred_at)
{
    using std::chrono::days;
    using std::chrono::floor;
    using std::chrono::seconds;
    using std::chrono::sys_seconds;
    using std::chrono::year_month_day;
    year_month_day day{floor<days>(sys_seconds{seconds{occurred_at}})};
    auto month = static_cast<unsigned>(day.month());
    return "visitor:" + std::to_string(static_cast<int>(day.year())) + (month < 10 ? "-0" : "-") +
           std::to_string(month);
}

void seal_personal_data(store::Transaction& transaction, domain::AuditEventRecord& event)
{
    Sealer sealer(transaction);
    seal_event(sealer, event);
}

void open_personal_data(store::Session& session, std::vector<domain::AuditEventRecord>& events)
{
    Opener opener(session);
    for (auto& event : events) {
        event.actor_name = opener.open(event.actor_name);
        event.ip = opener.open(event.ip);
        event.before_json = opener.open_json(event.before_json);
        event.after_json = opener.open_json(event.after_json);
    }
}

std::vector<domain::AuditEventRecord> read_opened_audit_events(store::Database& database,
                                                               const domain::AuditFilter& filter)
{
    return database.read([&](store::Session& session) {
        auto events = store::audit_events::list(session, filter);
        open_personal_data(session, events);
        return events;
    });
}

core::Result<SealingReport> seal_existing_audit_events(store::Database& owner)
{
    return owner.transact([&](store::Transaction& transaction) -> core::Result<SealingReport> {
        SealingReport report;
        if (store::audit_events::sealing_done(transaction))
            return report;
        std::vector<domain::AuditEventRecord> events;
        store::audit_events::for_each(
            transaction, [&](const domain::AuditEventRecord& event) { events.push_back(event); });
        auto old_head = store::audit_events::head(transaction);
        const std::string& key = transaction.secret_key().audit_key();
        Sealer sealer(transaction);
        std::string previous(64, '0');
        std::vector<domain::AuditEventRecord> changed;
        for (auto& event : events) {
            auto original = event;
            seal_event(sealer, event);
            event.previous_hash = previous;
            event.hash = store::audit_event_hash(key, previous, event);
            previous = event.hash;
            if (event.hash != original.hash || event.previous_hash != original.previous_hash)
                changed.push_back(event);
        }
        store::audit_events::rewrite_sealed(transaction, transaction.dialect(), changed);
        report.events_changed = static_cast<int>(changed.size());
        report.done_now = true;
        if (!changed.empty() && old_head)
            record_audit(transaction, Origin::system("migration"),
                         {std::nullopt, "audit.resealed", "audit_trail", "",
                          json_object({{"previous_head_id", std::to_string(old_head->id)},
                                       {"previous_head_hash", old_head->hash}}),
                          json_object({{"events_changed", std::to_string(changed.size())}})});
        store::audit_events::mark_sealing_done(transaction, events.empty() ? 0 : events.back().id,
                                               core::now());
        return report;
    });
}

void reseal_audit_trail(store::Transaction& transaction, std::vector<domain::AuditEventRecord>& events)
{
    const std::string& key = transaction.secret_key().audit_key();
    Sealer sealer(transaction);
    std::string previous(64, '0');
    for (auto& event : events) {
        seal_event(sealer, event);
        event.previous_hash = previous;
        event.hash = store::audit_event_hash(key, previous, event);
        previous = event.hash;
    }
    store::audit_events::rewrite_sealed(transaction, transaction.dialect(), events);
}

} // namespace rekrut::services
