#include "services/status/service_notices.hpp"

#include <algorithm>

#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "store/database.hpp"
#include "store/status_store.hpp"

namespace rekrut::services {
namespace {

/// The most notices the pages consider (current, ahead and the history together).
constexpr int k_most_notices = 200;

std::string optional_time(const std::optional<core::UnixTime>& time)
{
    return time ? core::format_iso_utc(*time) : "";
}

} // namespace

core::Result<std::int64_t> ServiceNotices::announce(const domain::Actor& actor,
                                                    const domain::NoticeInput& input, const Origin& origin)
{
    if (!domain::can(actor, domain::Action::manage_service_status))
        return core::Error::forbidden();
    const core::UnixTime now = core::now();
    if (auto checked = domain::check_notice(input, now); !checked)
        return checked.error();
    domain::ServiceNotice notice;
    notice.kind = input.kind;
    notice.title = std::string(core::trim(input.title));
    notice.affected = std::string(core::trim(input.affected));
    notice.actions = std::string(core::trim(input.actions));
    notice.starts_at = input.starts_at.value_or(now);
    notice.ends_at = input.ends_at;
    notice.created_at = now;
    auto created = m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        auto id = store::status::create_notice(transaction, notice, actor.user_id);
        record_audit(transaction, origin,
                     {std::nullopt, "service_notice.announced", "service_notice", std::to_string(id), "{}",
                      json_object({{"kind", domain::to_string(notice.kind)},
                                   {"title", notice.title},
                                   {"starts_at", core::format_iso_utc(notice.starts_at)},
                                   {"ends_at", optional_time(notice.ends_at)}})});
        return id;
    });
    forget();
    return created;
}

core::Status ServiceNotices::add_update(const domain::Actor& actor, std::int64_t notice_id,
                                        const std::string& text, const Origin& origin)
{
    if (!domain::can(actor, domain::Action::manage_service_status))
        return core::Error::forbidden();
    if (auto checked = domain::check_update_text(text); !checked)
        return checked;
    auto added = m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto notice = store::status::find_notice(transaction, notice_id);
        if (!notice)
            return core::Error::not_found();
        if (notice->resolved_at)
            return core::Error::conflict(core::msgid("The notice is resolved and takes no more updates."));
        if (notice->updates.size() >= domain::k_most_updates)
            return core::Error::conflict(core::msgid("The notice has as many updates as it can have."));
        auto id = store::status::add_update(transaction, notice_id, std::string(core::trim(text)),
                                            actor.user_id, core::now());
        record_audit(transaction, origin,
                     {std::nullopt, "service_notice.updated", "service_notice", std::to_string(notice_id),
                      "{}", json_object({{"update_id", std::to_string(id)}})});
        return core::success();
    });
    forget();
    return added;
}

core::Status ServiceNotices::resolve(const domain::Actor& actor, std::int64_t notice_id, const Origin& origin)
{
    if (!domain::can(actor, domain::Action::manage_service_status))
        return core::Error::forbidden();
    auto resolved = m_database.transact([&](store::Transaction& transaction) -> core::Status {
        if (!store::status::find_notice(transaction, notice_id))
            return core::Error::not_found();
        const core::UnixTime now = core::now();
        if (!store::status::resolve(transaction, notice_id, now))
            return core::Error::conflict(core::msgid("The notice is already resolved."));
        record_audit(transaction, origin,
                     {std::nullopt, "service_notice.resolved", "service_notice", std::to_string(notice_id),
                      "{}", json_object({{"resolved_at", core::format_iso_utc(now)}})});
        return core::success();
    });
    forget();
    return resolved;
}

std::optional<domain::ServiceNotice> ServiceNotices::notice(const domain::Actor& actor,
                                                            std::int64_t notice_id)
{
    if (!domain::can(actor, domain::Action::manage_service_status))
        return std::nullopt;
    return m_database.read(
        [&](store::Session& session) { return store::status::find_notice(session, notice_id); });
}

void ServiceNotices::forget()
{
    {
        std::lock_guard lock(m_mutex);
        m_month.reset();
        ++m_version;
    }
    try {
        refresh(core::now());
    } catch (const std::exception&) {
        // The change is committed; the next page reads the notices again.
        std::lock_guard lock(m_mutex);
        m_recent.reset();
    }
}

std::uint64_t ServiceNotices::version()
{
    std::lock_guard lock(m_mutex);
    return m_version;
}

void ServiceNotices::refresh(core::UnixTime now)
{
    auto loaded = std::make_shared<const std::vector<domain::ServiceNotice>>(
        m_database.read([&](store::Session& session) {
            return store::status::notices_since(session, now - core::UnixTime{k_history_days} * 86400, now,
                                                k_most_notices);
        }));
    std::lock_guard lock(m_mutex);
    m_recent = loaded;
}

std::shared_ptr<const std::vector<domain::ServiceNotice>> ServiceNotices::recent(core::UnixTime now)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_recent)
            return m_recent;
    }
    refresh(now);
    std::lock_guard lock(m_mutex);
    return m_recent;
}

StatusOverview ServiceNotices::overview(core::UnixTime now)
{
    auto notices = recent(now);
    StatusOverview overview;
    for (const auto& notice : *notices) {
        if (domain::notice_is_current(notice, now))
            overview.current.push_back(notice);
        else if (domain::notice_is_ahead(notice, now))
            overview.ahead.push_back(notice);
        else if (notice.starts_at <= now || notice.resolved_at)
            overview.history.push_back(notice);
    }
    std::reverse(overview.ahead.begin(), overview.ahead.end()); // soonest first
    return overview;
}

std::vector<domain::ServiceNotice> ServiceNotices::banner(core::UnixTime now)
{
    auto notices = recent(now);
    std::vector<domain::ServiceNotice> shown;
    for (const auto& notice : *notices)
        if (domain::notice_shows_banner(notice, now))
            shown.push_back(notice);
    return shown;
}

bool ServiceNotices::record_probe(bool ready, core::UnixTime now)
{
    try {
        (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
            store::status::record_sample(transaction, now / 60, ready);
            return core::success();
        });
        return true;
    } catch (const std::exception& error) {
        // No sample is the record: the minute counts as down (domain/status/availability.hpp).
        core::log_event("warn", "availability_probe_failed",
                        "\"error\":\"" + core::json_escape(error.what()) + "\"");
        return false;
    }
}

namespace {

/// The first and the next month's first minute of (year, month), as Unix minutes (months begin at
/// midnight UTC, outside the service hours).
std::pair<std::int64_t, std::int64_t> month_minutes(int year, unsigned month)
{
    const std::int64_t first_day = core::days_from_civil(year, month, 1);
    const std::int64_t next_day =
        month == 12 ? core::days_from_civil(year + 1, 1, 1) : core::days_from_civil(year, month + 1, 1);
    return {first_day * 1440, next_day * 1440};
}

void step_back(int& year, unsigned& month)
{
    if (month == 1) {
        month = 12;
        --year;
    } else {
        --month;
    }
}

void step_forward(int& year, unsigned& month)
{
    if (month == 12) {
        month = 1;
        ++year;
    } else {
        ++month;
    }
}

} // namespace

domain::MonthAvailability ServiceNotices::measure_from_samples(store::Session& session, int year,
                                                               unsigned month, core::UnixTime now)
{
    auto [from, to] = month_minutes(year, month);
    auto samples = store::status::samples(session, from, to);
    auto first = store::status::first_sample(session);
    auto windows = store::status::windows_between(session, from * 60, to * 60);
    return domain::month_availability(year, month, samples, first, windows, now);
}

domain::MonthAvailability ServiceNotices::measure_month(int year, unsigned month, core::UnixTime now)
{
    return m_database.read([&](store::Session& session) {
        if (auto kept = store::status::kept_month(session, year, month))
            return *kept;
        return measure_from_samples(session, year, month, now);
    });
}

std::int64_t ServiceNotices::prune_samples(core::UnixTime now)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_pruned_at && now >= *m_pruned_at && now - *m_pruned_at < 3600)
            return 0;
        m_pruned_at = now;
    }
    auto first =
        m_database.read([](store::Session& session) { return store::status::first_sample(session); });
    if (!first)
        return 0;
    // The oldest month whose samples are kept: the current month (Copenhagen) and the 13 before it.
    int year = 0;
    unsigned month = 0, day = 0;
    core::civil_from_days((now + core::copenhagen_offset(now)) / 86400, year, month, day);
    for (int index = 0; index < k_sample_months; ++index)
        step_back(year, month);
    const std::int64_t kept_from = month_minutes(year, month).first;
    int pruned_year = 0;
    unsigned pruned_month = 0, pruned_day = 0;
    core::civil_from_days(*first / 1440, pruned_year, pruned_month, pruned_day);
    std::int64_t deleted = 0;
    for (; month_minutes(pruned_year, pruned_month).first < kept_from;
         step_forward(pruned_year, pruned_month)) {
        const int y = pruned_year;
        const unsigned m = pruned_month;
        const auto minutes = month_minutes(y, m);
        deleted +=
            m_database
                .transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
                    if (!store::status::kept_month(transaction, y, m))
                        store::status::keep_month(transaction, measure_from_samples(transaction, y, m, now),
                                                  now);
                    return store::status::delete_samples(transaction, minutes.first, minutes.second, *first);
                })
                .value();
    }
    if (deleted > 0)
        core::log_event("info", "availability_samples_pruned", "\"samples\":" + std::to_string(deleted));
    return deleted;
}

std::vector<domain::MonthAvailability> ServiceNotices::availability(const domain::Actor& actor, int months,
                                                                    core::UnixTime now)
{
    if (!domain::can(actor, domain::Action::manage_service_status))
        return {};
    int year = 0;
    unsigned month = 0, day = 0;
    core::civil_from_days((now + core::copenhagen_offset(now)) / 86400, year, month, day);
    std::vector<domain::MonthAvailability> found;
    for (int index = 0; index < months; ++index) {
        found.push_back(measure_month(year, month, now));
        step_back(year, month);
    }
    return found;
}

domain::MonthAvailability ServiceNotices::current_month(core::UnixTime now)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_month && now - m_month_at < 60 && now >= m_month_at)
            return *m_month;
    }
    int year = 0;
    unsigned month = 0, day = 0;
    core::civil_from_days((now + core::copenhagen_offset(now)) / 86400, year, month, day);
    auto measured = measure_month(year, month, now);
    std::lock_guard lock(m_mutex);
    m_month = measured;
    m_month_at = now;
    return measured;
}

} // namespace rekrut::services
