#include "services/retention/retention.hpp"

#include <algorithm>
#include <map>
#include <soci/soci.h>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "services/applications/application_support.hpp"
#include "services/audit_personal.hpp"
#include "services/communication/mailings.hpp"
#include "services/jobnet/jobnet_transfer.hpp"
#include "services/retention/erasure.hpp"
#include "store/application_store.hpp"
#include "store/audit_subject_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/retention_store.hpp"

namespace rekrut::services {
namespace {

using core::msgid;

constexpr core::UnixTime k_day = 86400;
/// How far ahead the overview looks, and how far back the report goes.
constexpr core::UnixTime k_upcoming = 30 * k_day;
constexpr int k_report_months = 12;
/// Candidates read at a time by the job and the overview.
constexpr int k_batch = 500;
constexpr std::size_t k_max_reason = 1000;

std::size_t characters(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char byte) {
        return (static_cast<unsigned char>(byte) & 0xC0U) != 0x80U;
    }));
}

/// Retention is part of the institution's set-up: its Administrators look after it.
bool may_manage(const domain::Actor& actor, std::int64_t institution_id)
{
    return domain::can(actor, domain::Action::edit_institution_setup, {institution_id, {}, {}, false, {}});
}

domain::RetentionFacts facts_of(const store::retention::Candidate& candidate)
{
    return {
        candidate.closed_at, false, candidate.on_hold, candidate.keep_until, candidate.deletion_requested_at,
        candidate.withdrawn};
}

/// The settings of every institution met, read once per run.
class SettingsCache {
public:
    explicit SettingsCache(store::Database& database) : m_database(database) {}

    const domain::RetentionSettings& of(std::int64_t institution_id)
    {
        auto found = m_settings.find(institution_id);
        if (found == m_settings.end())
            found = m_settings
                        .emplace(institution_id, m_database.read([&](store::Session& session) {
                            return store::retention::settings(session, institution_id);
                        }))
                        .first;
        return found->second;
    }

private:
    store::Database& m_database;
    std::map<std::int64_t, domain::RetentionSettings> m_settings;
};

} // namespace

core::Result<RetentionOverview> Retention::overview(const domain::Actor& actor, std::int64_t institution_id,
                                                    core::UnixTime now)
{
    if (!may_manage(actor, institution_id))
        return core::Error::forbidden();
    return m_database.read([&](store::Session& session) -> core::Result<RetentionOverview> {
        RetentionOverview overview;
        overview.settings = store::retention::settings(session, institution_id);
        // Everything whose case closed long enough ago to fall due within the window.
        core::UnixTime horizon = now + k_upcoming;
        core::UnixTime closed_before =
            domain::add_months(horizon, -overview.settings.applications_months) + 1;
        std::map<std::int64_t, UpcomingDeletion> by_case;
        std::int64_t after = 0;
        for (;;) {
            auto batch = store::retention::candidates(session, institution_id, closed_before, after, k_batch);
            for (const auto& candidate : batch) {
                auto due = domain::deletion_due(facts_of(candidate), overview.settings);
                if (!due || *due > horizon)
                    continue;
                auto& upcoming = by_case[candidate.case_id];
                upcoming.case_id = candidate.case_id;
                upcoming.first_due = upcoming.applications == 0 ? *due : std::min(upcoming.first_due, *due);
                ++upcoming.applications;
            }
            if (static_cast<int>(batch.size()) < k_batch)
                break;
            after = batch.back().application_id;
        }
        for (auto& [case_id, upcoming] : by_case) {
            if (auto record = store::cases::find(session, institution_id, case_id))
                upcoming.case_title = record->title;
            overview.upcoming.push_back(upcoming);
        }
        std::sort(
            overview.upcoming.begin(), overview.upcoming.end(),
            [](const UpcomingDeletion& a, const UpcomingDeletion& b) { return a.first_due < b.first_due; });
        for (const auto& hold : store::retention::active_holds(session, institution_id))
            overview.holds.push_back(
                {hold.id, hold.case_id, hold.case_title, hold.reason, hold.placed_by_name, hold.placed_at});
        for (auto& row : store::retention::deletion_report(session, institution_id,
                                                           domain::add_months(now, -k_report_months)))
            overview.report.push_back({row.month, row.case_id, row.case_title, row.kind, row.deleted});
        soci::session& sql = session;
        long long institution = institution_id, id = 0;
        std::string title;
        soci::statement cases =
            (sql.prepare << "SELECT id, title FROM recruitment_cases WHERE institution_id ="
                            " :institution AND closed_at IS NOT NULL ORDER BY closed_at DESC"
                            " LIMIT 200",
             soci::into(id), soci::into(title), soci::use(institution));
        cases.execute();
        while (cases.fetch())
            overview.closed_cases.emplace_back(id, title);
        return overview;
    });
}

core::Status Retention::save_settings(const domain::Actor& actor, std::int64_t institution_id,
                                      const domain::RetentionSettings& settings, const Origin& origin)
{
    if (!may_manage(actor, institution_id))
        return core::Error::forbidden();
    if (auto problems = domain::check_retention_settings(settings); !problems.empty())
        return core::Error::invalid(msgid("Check the marked fields."), std::move(problems));
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto before = store::retention::settings(transaction, institution_id);
        store::retention::save_settings(transaction, institution_id, settings, actor.user_id, core::now());
        record_audit(transaction, origin,
                     {institution_id, "retention.settings_changed", "institution",
                      std::to_string(institution_id),
                      json_object({{"applications_months", std::to_string(before.applications_months)},
                                   {"access_log_months", std::to_string(before.access_log_months)},
                                   {"users_months", std::to_string(before.users_months)}}),
                      json_object({{"applications_months", std::to_string(settings.applications_months)},
                                   {"access_log_months", std::to_string(settings.access_log_months)},
                                   {"users_months", std::to_string(settings.users_months)}})});
        return core::success();
    });
}

core::Status Retention::place_hold(const domain::Actor& actor, std::int64_t institution_id,
                                   std::int64_t case_id, const std::string& reason, const Origin& origin)
{
    if (!may_manage(actor, institution_id))
        return core::Error::forbidden();
    std::string why(core::trim(reason));
    std::vector<core::FieldError> problems;
    if (why.empty() || !core::is_valid_utf8(why) || characters(why) > k_max_reason)
        problems.push_back({"reason", msgid("Give the reason for the hold (at most 1,000 characters).")});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        if (!store::cases::find(transaction, institution_id, case_id))
            problems.push_back({"case_id", msgid("Choose one of the institution's closed cases.")});
        if (!problems.empty())
            return core::Error::invalid(msgid("Check the marked fields."), problems);
        auto hold = store::retention::place_hold(transaction, institution_id, case_id, why, actor.user_id,
                                                 core::now());
        // The reason may name a complaint or a lawsuit; it stays in the hold, not in the audit trail.
        record_audit(transaction, origin,
                     {institution_id, "retention.hold_placed", "recruitment_case", std::to_string(case_id),
                      "{}", json_object({{"hold_id", std::to_string(hold)}})});
        return core::success();
    });
}

core::Status Retention::lift_hold(const domain::Actor& actor, std::int64_t institution_id,
                                  std::int64_t hold_id, const Origin& origin)
{
    if (!may_manage(actor, institution_id))
        return core::Error::forbidden();
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        std::int64_t case_id = 0;
        for (const auto& hold : store::retention::active_holds(transaction, institution_id))
            if (hold.id == hold_id)
                case_id = hold.case_id;
        if (case_id == 0 ||
            !store::retention::lift_hold(transaction, institution_id, hold_id, actor.user_id, core::now()))
            return core::Error::not_found();
        record_audit(transaction, origin,
                     {institution_id, "retention.hold_lifted", "recruitment_case", std::to_string(case_id),
                      json_object({{"hold_id", std::to_string(hold_id)}}), "{}"});
        return core::success();
    });
}

namespace {

int erase_ended_accounts(store::Database& database, core::UnixTime now, SettingsCache& settings)
{
    // Accounts ended at least the shortest allowed period ago are candidates; the institution's own
    // period decides. Each erasure is its own transaction, so another node doing the same finds nothing.
    int erased_count = 0;
    auto ended = database.read([&](store::Session& session) {
        return store::retention::ended_accounts(session, domain::add_months(now, -1) + 1, k_batch);
    });
    for (const auto& account : ended) {
        if (account.ended_at > domain::add_months(now, -settings.of(account.institution_id).users_months))
            continue;
        auto erased = database.transact([&](store::Transaction& transaction) -> core::Result<bool> {
            return erase_account(transaction, account.institution_id, account.user_id,
                                 Origin::system("retention"), now);
        });
        if (erased && *erased)
            ++erased_count;
    }
    // Addresses of visitors who were not signed in, month by month, after the shortest access-log period.
    std::string oldest_kept = visitor_subject(domain::add_months(now, -6));
    auto visitor_keys = database.read(
        [](store::Session& session) { return store::audit_subjects::live_with_prefix(session, "visitor:"); });
    for (const auto& subject : visitor_keys) {
        if (subject >= oldest_kept)
            break;
        (void)database.transact([&](store::Transaction& transaction) -> core::Status {
            store::audit_subjects::destroy(transaction, subject, now);
            return core::success();
        });
    }
    return erased_count;
}

} // namespace

Retention::RunResult Retention::run(core::UnixTime now)
{
    RunResult result;
    SettingsCache settings(m_database);
    // Every application of a case closed at least the shortest period ago is a candidate; the
    // institution's own period and the applicant's consent decide.
    int shortest = m_database.read(
        [](store::Session& session) { return store::retention::shortest_applications_months(session); });
    core::UnixTime closed_before = domain::add_months(now, -shortest) + 1;
    std::map<std::pair<std::int64_t, std::int64_t>, int> deleted_by_case;
    std::int64_t after = 0;
    for (;;) {
        auto batch = m_database.read([&](store::Session& session) {
            return store::retention::candidates(session, std::nullopt, closed_before, after, k_batch);
        });
        for (const auto& candidate : batch) {
            auto due = domain::deletion_due(facts_of(candidate), settings.of(candidate.institution_id));
            if (!due || *due > now)
                continue;
            auto erased = m_database.transact([&](store::Transaction& transaction) -> core::Result<bool> {
                // A hold placed since the batch was read still stops it.
                auto fresh = store::retention::candidates(transaction, candidate.institution_id,
                                                          closed_before, candidate.application_id - 1, 1);
                if (fresh.empty() || fresh.front().application_id != candidate.application_id ||
                    fresh.front().on_hold)
                    return false;
                return store::retention::erase_application(transaction, candidate.institution_id,
                                                           candidate.application_id);
            });
            if (erased && *erased) {
                ++result.applications;
                ++deleted_by_case[{candidate.institution_id, candidate.case_id}];
            }
        }
        if (static_cast<int>(batch.size()) < k_batch)
            break;
        after = batch.back().application_id;
    }
    // The access log, by each institution's own period (the shortest allowed is 6 months).
    auto institutions = m_database.read([&](store::Session& session) {
        return store::retention::institutions_with_old_access_log(session, domain::add_months(now, -6));
    });
    for (auto institution_id : institutions) {
        core::UnixTime before = domain::add_months(now, -settings.of(institution_id).access_log_months);
        auto erased = m_database.transact([&](store::Transaction& transaction) -> core::Result<int> {
            int count = store::retention::erase_access_log(transaction, institution_id, before);
            if (count > 0)
                store::retention::log_deletion(transaction, institution_id, std::nullopt, "access_log", count,
                                               now);
            return count;
        });
        if (erased)
            result.access_log_entries += *erased;
    }
    result.users = erase_ended_accounts(m_database, now, settings);
    result.consent_reminders = remind_consents_ending(now);
    if (result.applications == 0) {
        compact_after_deletions(now);
        return result;
    }
    // One log line and one audit event per case: counts and ids, never who the applicants were.
    auto logged = m_database.transact([&](store::Transaction& transaction) -> core::Status {
        for (const auto& [key, count] : deleted_by_case) {
            store::retention::log_deletion(transaction, key.first, key.second, "applications", count, now);
            // The ad at Jobnet names the case's contact persons: it goes with the applications.
            jobnet::queue_delete(transaction, key.first, key.second, now);
            record_audit(transaction, Origin::system("retention"),
                         {key.first, "retention.applications_deleted", "recruitment_case",
                          std::to_string(key.second), "{}",
                          json_object({{"applications", std::to_string(count)}})});
        }
        return core::success();
    });
    if (!logged)
        core::log_event("error", "retention_log_failed",
                        "\"deleted\":" + std::to_string(result.applications));
    compact_after_deletions(now);
    core::log_event("info", "retention_deleted",
                    "\"applications\":" + std::to_string(result.applications) +
                        ",\"access_log_entries\":" + std::to_string(result.access_log_entries) +
                        ",\"users\":" + std::to_string(result.users));
    return result;
}

int Retention::remind_consents_ending(core::UnixTime now)
{
    int sent = 0;
    auto due = m_database.read([&](store::Session& session) {
        return store::retention::consent_reminders_due(
            session, now, now + core::UnixTime{domain::k_consent_reminder_days} * 86400, k_batch);
    });
    for (const auto& target : due) {
        // Named copies, which the lambda below captures (clang 14 cannot capture structured bindings).
        std::int64_t institution_id = target.first, application_id = target.second;
        auto reminded = m_database.transact([&](store::Transaction& transaction) -> core::Result<bool> {
            if (!store::retention::mark_consent_reminded(transaction, institution_id, application_id, now))
                return false;
            auto application = store::applications::find(transaction, institution_id, application_id);
            auto record = application ? store::cases::find(transaction, institution_id, application->case_id)
                                      : std::nullopt;
            if (!record)
                return false;
            auto token = core::random_hex(32);
            store::applications::add_link(transaction, application_id, core::blake2b_hex(token), now,
                                          now + applications::k_link_lifetime);
            queue_application_mail(transaction, *record, *application, "consent_ending",
                                   applications::self_service_link(m_public_url, token));
            record_audit(transaction, Origin::system("retention"),
                         {institution_id, "application.consent_reminded", "application",
                          std::to_string(application_id), "{}",
                          json_object({{"case_id", std::to_string(application->case_id)}})});
            return true;
        });
        if (reminded && *reminded)
            ++sent;
    }
    return sent;
}

void Retention::compact_after_deletions(core::UnixTime now)
{
    bool deleted = m_database.read(
        [&](store::Session& session) { return store::retention::deleted_since(session, m_compacted_at); });
    if (!deleted)
        return;
    auto compacted = m_database.transact([&](store::Transaction& transaction) -> core::Status {
        store::retention::compact_index(transaction);
        return core::success();
    });
    if (!compacted) {
        core::log_event("warn", "retention_compact_failed", "");
        return;
    }
    m_database.read([&](store::Session& session) { store::retention::checkpoint(session); });
    m_compacted_at = now;
}

} // namespace rekrut::services
