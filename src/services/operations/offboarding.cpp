#include "services/operations/offboarding.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/field_limits.hpp"
#include "integrations/encrypted_zip.hpp"
#include "services/audit_personal.hpp"
#include "services/operations/contingency.hpp"
#include "services/retention/erasure.hpp"
#include "services/sealed_text.hpp"
#include "store/audit_store.hpp"
#include "store/audit_subject_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/institution_store.hpp"
#include "store/jobnet_store.hpp"
#include "store/offboarding_store.hpp"
#include "store/outbox_store.hpp"
#include "store/retention_store.hpp"

namespace rekrut::services {
namespace {

using domain::Action;
using nlohmann::json;

constexpr const char* k_changed_since_export =
    core::msgid("The institution's data changed after the export was downloaded. Download the export again, "
                "then delete.");

constexpr const char* k_on_hold =
    core::msgid("A case of the institution is on hold (a complaint or lawsuit). Lift the hold before the "
                "institution is off-boarded.");

constexpr const char* k_at_jobnet =
    core::msgid("Ads of the institution are still at Jobnet. Rekrut is withdrawing them; delete again when "
                "Jobnet has confirmed it, or choose to close them at Jobnet by hand.");

domain::Resource institution_resource(std::int64_t institution_id)
{
    return {institution_id, {}, {}, false, {}};
}

/// The policy's view of a request: who asked, and who approved it.
domain::Resource request_resource(const domain::OffboardingRecord& record)
{
    return {record.institution_id, {}, record.decided_by, false, record.requested_by};
}

std::string dump(const json& value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// A file name safe as the last part of a path inside the archive.
std::string safe_name(const std::string& name)
{
    std::string safe;
    for (char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        safe += (byte < 0x20 || c == '/' || c == '\\' || c == ':' || byte == 0x7f) ? '_' : c;
    }
    if (safe.empty() || safe == "." || safe == "..")
        safe = "fil";
    return safe;
}

/// One JSON-lines file of the archive, counted.
struct Lines {
    std::string text;
    int count = 0;
    void add(const json& value)
    {
        text += dump(value);
        text += '\n';
        ++count;
    }
};

/// The row as a JSON object. Values sealed under the application's key (columns "sealed_*") are
/// opened and written without the prefix; a value that is not sealed is written as it is.
json row_json(store::Session& session, const store::offboarding::Row& row,
              std::map<std::int64_t, std::optional<std::string>>& keys)
{
    std::optional<std::int64_t> application_id;
    for (const auto& cell : row)
        if (cell.column == "application_id" && cell.text && cell.number)
            application_id = std::stoll(*cell.text);
    json object = json::object();
    for (const auto& cell : row) {
        if (!cell.text) {
            object[cell.column] = nullptr;
            continue;
        }
        if (cell.number) {
            object[cell.column] = json::parse(*cell.text, nullptr, false);
            continue;
        }
        if (cell.column.rfind("sealed_", 0) == 0) {
            std::string opened;
            if (application_id) {
                auto found = keys.find(*application_id);
                if (found == keys.end())
                    found =
                        keys.emplace(*application_id, store::application_keys::load(session, *application_id))
                            .first;
                opened = open_text(found->second, *cell.text);
            }
            object[cell.column.substr(7)] = opened.empty() ? *cell.text : opened;
            continue;
        }
        object[cell.column] = *cell.text;
    }
    return object;
}

json mail_json(const domain::OutboxMessage& mail)
{
    json object{{"id", mail.id},
                {"application_id", mail.application_id.value_or(0)},
                {"case_id", mail.case_id.value_or(0)},
                {"kind", mail.kind},
                {"recipient", mail.recipient},
                {"subject", mail.subject},
                {"body_text", mail.body_unreadable ? std::string() : mail.body_text},
                {"created_at", mail.created_at}};
    object["sent_at"] = mail.sent_at ? json(*mail.sent_at) : json(nullptr);
    return object;
}

json audit_json(const domain::AuditEventRecord& event)
{
    json object{{"id", event.id},
                {"occurred_at", core::format_iso_utc(event.occurred_at)},
                {"actor_name", event.actor_name},
                {"action", event.action},
                {"object_type", event.object_type},
                {"object_id", event.object_id},
                {"before", json::parse(event.before_json, nullptr, false)},
                {"after", json::parse(event.after_json, nullptr, false)},
                {"ip", event.ip},
                {"hash", event.hash}};
    object["actor_user_id"] = event.actor_user_id ? json(*event.actor_user_id) : json(nullptr);
    object["institution_id"] = event.institution_id ? json(*event.institution_id) : json(nullptr);
    return object;
}

struct ExportContents {
    std::vector<integrations::ZipEntry> entries;
    json counts = json::object();
    std::string institution_name;
    std::string cvr;
};

ExportContents read_export(store::Session& session, store::FileStore& files, std::int64_t institution_id)
{
    ExportContents contents;
    if (auto institution = store::InstitutionStore::find_in(session, institution_id)) {
        contents.institution_name = institution->name;
        contents.cvr = institution->cvr;
    }
    std::map<std::int64_t, std::optional<std::string>> keys;
    for (const auto& table : store::offboarding::exported_tables()) {
        Lines lines;
        store::offboarding::each_row(session, institution_id, table, [&](const store::offboarding::Row& row) {
            lines.add(row_json(session, row, keys));
        });
        contents.counts[table] = lines.count;
        contents.entries.push_back({table + ".jsonl", std::move(lines.text)});
    }

    Lines mails;
    const auto applications = store::offboarding::application_ids(session, institution_id);
    int attachments = 0;
    for (auto application_id : applications) {
        for (const auto& mail : store::outbox::for_application(session, institution_id, application_id))
            mails.add(mail_json(mail));
        auto key = store::application_keys::load(session, application_id);
        std::set<std::string> used;
        for (const auto& attachment : store::list_attachments(session, institution_id, application_id)) {
            std::string bytes;
            if (key) {
                auto read = files.read(session, institution_id, attachment.id, *key,
                                       [&](std::string_view piece) { bytes.append(piece); });
                if (!read)
                    continue;
            } else {
                continue;
            }
            std::string name = safe_name(attachment.filename);
            if (!used.insert(name).second)
                name.insert(0, std::to_string(attachment.id) + "-");
            contents.entries.push_back(
                {"attachments/" + std::to_string(application_id) + "/" + name, std::move(bytes)});
            ++attachments;
        }
    }
    contents.counts["mails"] = mails.count;
    contents.counts["attachments"] = attachments;
    contents.entries.push_back({"mails.jsonl", std::move(mails.text)});

    // The institution's audit events, oldest first, with their personal values opened.
    std::vector<domain::AuditEventRecord> events;
    domain::AuditFilter filter;
    filter.institution_id = institution_id;
    filter.limit = 1000;
    for (;;) {
        auto page = store::audit_events::list(session, filter);
        const auto read = page.size();
        open_personal_data(session, page);
        events.insert(events.end(), page.begin(), page.end());
        if (read < static_cast<std::size_t>(filter.limit))
            break;
        filter.offset += filter.limit;
    }
    Lines audit;
    for (auto event = events.rbegin(); event != events.rend(); ++event)
        audit.add(audit_json(*event));
    contents.counts["audit_events"] = audit.count;
    contents.entries.push_back({"audit_events.jsonl", std::move(audit.text)});
    return contents;
}

} // namespace

std::vector<domain::OffboardingRecord> Offboarding::list(const domain::Actor& actor)
{
    if (!domain::can(actor, Action::create_institution))
        return {};
    return m_database.read([&](store::Session& session) { return store::offboarding::list(session); });
}

std::optional<domain::OffboardingRecord> Offboarding::find(const domain::Actor& actor, std::int64_t id)
{
    if (!domain::can(actor, Action::create_institution))
        return std::nullopt;
    return m_database.read(
        [&](store::Session& session) { return store::offboarding::find_across_institutions(session, id); });
}

core::Result<std::int64_t> Offboarding::request(const domain::Actor& actor, std::int64_t institution_id,
                                                const std::string& reason, const Origin& origin)
{
    if (!domain::can(actor, Action::request_offboarding, institution_resource(institution_id)))
        return core::Error::forbidden();
    const auto trimmed = core::trim(reason);
    if (trimmed.empty() || !core::is_valid_utf8(trimmed) || trimmed.size() > domain::limits::reason)
        return core::Error::invalid(core::msgid("Check the marked fields."),
                                    {{"reason", core::msgid("Write a reason of at most 1,000 characters.")}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        auto institution = store::InstitutionStore::find_in(transaction, institution_id);
        if (!institution || store::offboarding::is_offboarded(transaction, institution_id))
            return core::Error::not_found();
        if (store::offboarding::has_open(transaction, institution_id))
            return core::Error::conflict(core::msgid("The institution's off-boarding is already under way."));
        if (store::offboarding::has_hold(transaction, institution_id))
            return core::Error::conflict(k_on_hold);
        auto id = store::offboarding::create(transaction, institution_id, std::string(trimmed), actor.user_id,
                                             core::now());
        record_audit(transaction, origin,
                     {institution_id, "offboarding.requested", "offboarding", std::to_string(id), "{}",
                      json_object({{"state", "pending"}})});
        return id;
    });
}

core::Status Offboarding::decide(const domain::Actor& actor, std::int64_t id, bool approve,
                                 const Origin& origin)
{
    if (!domain::can(actor, Action::create_institution))
        return core::Error::forbidden();
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto record = store::offboarding::find_across_institutions(transaction, id);
        if (!record)
            return core::Error::not_found();
        if (record->state != "pending")
            return core::Error::conflict(core::msgid("The request has already been decided."));
        domain::Resource resource{record->institution_id, {}, {}, false, record->requested_by};
        if (!domain::can(actor, Action::decide_offboarding, resource))
            return core::Error::invalid(
                core::msgid("Another operator than the one who asked must carry out this request."));
        const char* state = approve ? "approved" : "rejected";
        const core::UnixTime now = core::now();
        if (!store::offboarding::advance(transaction, record->institution_id, id, "pending", state,
                                         actor.user_id, now))
            return core::Error::conflict(core::msgid("The request has already been decided."));
        // The institution's ads leave Jobnet now, before the export: Jobnet's answers are recorded in
        // the audit trail, which the export then covers.
        if (approve)
            store::jobnet::withdraw_all(transaction, record->institution_id, now);
        record_audit(transaction, origin,
                     {record->institution_id, approve ? "offboarding.approved" : "offboarding.rejected",
                      "offboarding", std::to_string(id), json_object({{"state", "pending"}}),
                      json_object({{"state", state}})});
        return core::success();
    });
}

core::Result<OffboardingArchive> Offboarding::export_archive(const domain::Actor& actor, std::int64_t id,
                                                             const std::string& passphrase,
                                                             const std::string& repeated,
                                                             const Origin& origin)
{
    auto record = find(actor, id);
    if (!record)
        return core::Error::not_found();
    if (!domain::can(actor, Action::carry_out_offboarding, request_resource(*record)))
        return core::Error::conflict(
            core::msgid("Only the operator who approved the off-boarding carries it out."));
    if (record->state != "approved")
        return core::Error::conflict(
            core::msgid("The export has already been downloaded, or the off-boarding "
                        "is not approved."));
    if (auto refused = check_contingency_passphrase(passphrase, repeated))
        return *refused;
    // The newest change first: whatever is changed while the export is read counts as after it.
    const auto through = m_database.read([&](store::Session& session) {
        return store::offboarding::newest_audit_event(session, record->institution_id);
    });
    auto contents = m_database.read(
        [&](store::Session& session) { return read_export(session, m_files, record->institution_id); });
    const core::UnixTime now = core::now();
    json manifest{
        {"format", "rekrut-offboarding"},
        {"format_version", k_offboarding_format_version},
        {"institution",
         {{"id", record->institution_id}, {"name", contents.institution_name}, {"cvr", contents.cvr}}},
        {"offboarding_id", record->id},
        {"created_at", core::format_iso_utc(now)},
        {"counts", contents.counts}};
    contents.entries.insert(contents.entries.begin(), {"manifest.json", manifest.dump(2) + "\n"});
    auto zip = integrations::write_encrypted_zip(contents.entries, passphrase);
    if (!zip)
        return zip.error();
    OffboardingArchive archive;
    archive.filename = "offboarding-" + std::to_string(record->institution_id) + "-" +
                       core::format_iso_utc(now).substr(0, 10) + ".zip";
    archive.bytes = std::move(*zip);
    // Once: the request moves on only if no one else took the export meanwhile.
    auto taken = m_database.transact([&](store::Transaction& transaction) -> core::Status {
        if (!store::offboarding::advance(transaction, record->institution_id, id, "approved", "exported",
                                         std::nullopt, now))
            return core::Error::conflict(core::msgid("The export has already been downloaded, or the "
                                                     "off-boarding is not approved."));
        store::offboarding::set_exported_through(transaction, record->institution_id, id, through);
        std::vector<std::pair<std::string, std::string>> after{
            {"state", "exported"}, {"bytes", std::to_string(archive.bytes.size())}};
        for (const auto& item : contents.counts.items())
            after.emplace_back(item.key(), std::to_string(item.value().get<int>()));
        record_audit(transaction, origin,
                     {record->institution_id, "offboarding.exported", "offboarding", std::to_string(id),
                      json_object({{"state", "approved"}}), json_object(after)});
        return core::success();
    });
    if (!taken)
        return taken.error();
    return archive;
}

core::Result<std::vector<OffboardingCount>>
Offboarding::delete_data(const domain::Actor& actor, std::int64_t id, const std::string& confirmation,
                         bool leave_at_jobnet, const Origin& origin)
{
    if (!domain::can(actor, Action::create_institution))
        return core::Error::forbidden();
    using Counts = std::vector<OffboardingCount>;
    bool at_jobnet = false;
    auto deleted = m_database.transact([&](store::Transaction& transaction) -> core::Result<Counts> {
        auto record = store::offboarding::find_across_institutions(transaction, id);
        if (!record)
            return core::Error::not_found();
        if (!domain::can(actor, Action::carry_out_offboarding, request_resource(*record)))
            return core::Error::conflict(
                core::msgid("Only the operator who approved the off-boarding carries it out."));
        if (record->state != "exported")
            return core::Error::conflict(
                core::msgid("The institution's data is deleted only once its export has been downloaded."));
        const std::int64_t institution_id = record->institution_id;
        auto institution = store::InstitutionStore::find_in(transaction, institution_id);
        if (!institution)
            return core::Error::not_found();
        if (core::trim(confirmation) != institution->cvr)
            return core::Error::invalid(
                core::msgid("Check the marked fields."),
                {{"confirmation", core::msgid("Type the institution's CVR number.")}});
        if (store::offboarding::has_hold(transaction, institution_id))
            return core::Error::conflict(k_on_hold);
        const core::UnixTime now = core::now();
        // An ad still at Jobnet would outlive its case there. Its DeleteJob was queued at the approval;
        // the deletion waits for Jobnet, and each try asks again (one published since is queued, one
        // refused is retried), committed though nothing is deleted. An operator who will close the ads
        // at Jobnet by hand (a transfer that is off, or an ad Jobnet keeps refusing to delete) says so,
        // and the report counts them.
        const int left_at_jobnet = store::jobnet::still_at_jobnet(transaction, institution_id, now);
        if (left_at_jobnet > 0 && !leave_at_jobnet) {
            store::jobnet::withdraw_all(transaction, institution_id, now);
            at_jobnet = true;
            return Counts{};
        }
        if (store::offboarding::newest_audit_event(transaction, institution_id) >
            record->exported_through.value_or(0))
            return core::Error::conflict(k_changed_since_export);
        Counts counts;
        if (left_at_jobnet > 0)
            counts.push_back({"ads_left_at_jobnet", left_at_jobnet});
        // Applications first, each as the retention job erases it: its key before anything else.
        int applications = 0;
        for (auto application_id : store::offboarding::application_ids(transaction, institution_id))
            applications +=
                store::retention::erase_application(transaction, institution_id, application_id) ? 1 : 0;
        counts.push_back({"applications", applications});
        int users = 0;
        for (auto user_id : store::offboarding::user_ids(transaction, institution_id))
            users += erase_account(transaction, institution_id, user_id, origin, now) ? 1 : 0;
        counts.push_back({"users", users});
        int case_keys = 0;
        for (auto case_id : store::offboarding::case_ids(transaction, institution_id))
            case_keys +=
                store::audit_subjects::destroy(transaction, "case:" + std::to_string(case_id), now) ? 1 : 0;
        counts.push_back({"case_audit_keys", case_keys});
        for (const auto& [table, deleted] :
             store::offboarding::delete_institution_data(transaction, institution_id, now))
            counts.push_back({table, deleted});
        store::retention::compact_index(transaction);
        if (!store::offboarding::advance(transaction, institution_id, id, "exported", "deleted", std::nullopt,
                                         now))
            return core::Error::conflict(
                core::msgid("The institution's data is deleted only once its export has been downloaded."));
        json report{{"requested_by", record->requested_by},
                    {"approved_by", record->decided_by.value_or(0)},
                    {"deleted_by", actor.user_id},
                    {"deleted_at", now}};
        json by_kind = json::object();
        std::vector<std::pair<std::string, std::string>> after{{"state", "deleted"}};
        for (const auto& count : counts) {
            by_kind[count.kind] = count.count;
            after.emplace_back(count.kind, std::to_string(count.count));
        }
        report["counts"] = by_kind;
        store::offboarding::save_report(transaction, institution_id, id, report.dump());
        record_audit(transaction, origin,
                     {institution_id, "institution.offboarded", "offboarding", std::to_string(id),
                      json_object({{"state", "exported"}}), json_object(after)});
        return counts;
    });
    if (deleted && at_jobnet)
        return core::Error::conflict(k_at_jobnet);
    if (deleted || deleted.error().message != k_changed_since_export)
        return deleted;
    // The export no longer holds everything: it is to be taken again, and nothing is deleted.
    auto reopened = m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto record = store::offboarding::find_across_institutions(transaction, id);
        if (record && store::offboarding::reopen_export(transaction, record->institution_id, id))
            record_audit(transaction, origin,
                         {record->institution_id, "offboarding.export_outdated", "offboarding",
                          std::to_string(id), json_object({{"state", "exported"}}),
                          json_object({{"state", "approved"}})});
        return core::success();
    });
    if (!reopened)
        return reopened.error();
    return deleted;
}

std::vector<OffboardingCount> Offboarding::report_of(const domain::OffboardingRecord& record)
{
    std::vector<OffboardingCount> counts;
    auto report = json::parse(record.report, nullptr, false);
    if (report.is_discarded() || !report.is_object() || !report.contains("counts") ||
        !report["counts"].is_object())
        return counts;
    for (const auto& item : report["counts"].items())
        if (item.value().is_number_integer())
            counts.push_back({item.key(), item.value().get<int>()});
    return counts;
}

} // namespace rekrut::services
