#include "store/status_store.hpp"

#include <algorithm>
#include <soci/soci.h>

namespace rekrut::store::status {
namespace {

constexpr const char* k_notice_columns =
    "SELECT id, kind, title, affected, actions, starts_at, ends_at, resolved_at, created_at, updated_at"
    " FROM service_notices";

/// The row's columns, in the order of k_notice_columns.
struct NoticeRow {
    long long id = 0, starts = 0, ends = 0, resolved = 0, created = 0, updated = 0;
    std::string kind, title, affected, actions;
    soci::indicator ends_null = soci::i_ok, resolved_null = soci::i_ok;

    domain::ServiceNotice to_notice() const
    {
        domain::ServiceNotice notice;
        notice.id = id;
        notice.kind = domain::notice_kind_from_string(kind).value_or(domain::NoticeKind::incident);
        notice.title = title;
        notice.affected = affected;
        notice.actions = actions;
        notice.starts_at = starts;
        if (ends_null == soci::i_ok)
            notice.ends_at = ends;
        if (resolved_null == soci::i_ok)
            notice.resolved_at = resolved;
        notice.created_at = created;
        notice.updated_at = updated;
        return notice;
    }
};

void bind_row(soci::statement& statement, NoticeRow& row)
{
    statement.exchange(soci::into(row.id));
    statement.exchange(soci::into(row.kind));
    statement.exchange(soci::into(row.title));
    statement.exchange(soci::into(row.affected));
    statement.exchange(soci::into(row.actions));
    statement.exchange(soci::into(row.starts));
    statement.exchange(soci::into(row.ends, row.ends_null));
    statement.exchange(soci::into(row.resolved, row.resolved_null));
    statement.exchange(soci::into(row.created));
    statement.exchange(soci::into(row.updated));
}

void load_updates(soci::session& sql, domain::ServiceNotice& notice)
{
    long long notice_id = notice.id, id = 0, at = 0;
    std::string text;
    soci::statement statement =
        (sql.prepare << "SELECT id, text, created_at FROM service_notice_updates WHERE notice_id = :id"
                        " ORDER BY id",
         soci::into(id), soci::into(text), soci::into(at), soci::use(notice_id));
    statement.execute();
    while (statement.fetch())
        notice.updates.push_back({id, notice.id, text, at});
}

} // namespace

std::int64_t create_notice(soci::session& sql, const domain::ServiceNotice& notice, std::int64_t user_id)
{
    long long starts = notice.starts_at, ends = notice.ends_at.value_or(0), user = user_id,
              at = notice.created_at, id = 0;
    soci::indicator ends_null = notice.ends_at ? soci::i_ok : soci::i_null;
    std::string kind = domain::to_string(notice.kind);
    sql << "INSERT INTO service_notices (kind, title, affected, actions, starts_at, ends_at, created_by,"
           " created_at, updated_at) VALUES (:kind, :title, :affected, :actions, :starts, :ends, :user, :at,"
           " :updated) RETURNING id",
        soci::use(kind), soci::use(notice.title), soci::use(notice.affected), soci::use(notice.actions),
        soci::use(starts), soci::use(ends, ends_null), soci::use(user), soci::use(at), soci::use(at),
        soci::into(id);
    return id;
}

std::optional<domain::ServiceNotice> find_notice(soci::session& sql, std::int64_t notice_id)
{
    long long wanted = notice_id;
    NoticeRow row;
    soci::statement statement = (sql.prepare << std::string(k_notice_columns) + " WHERE id = :id");
    bind_row(statement, row);
    statement.exchange(soci::use(wanted));
    statement.define_and_bind();
    if (!statement.execute(true))
        return std::nullopt;
    auto notice = row.to_notice();
    load_updates(sql, notice);
    return notice;
}

std::vector<domain::ServiceNotice> notices_since(soci::session& sql, core::UnixTime since, core::UnixTime now,
                                                 int limit)
{
    long long after = since, at = now;
    NoticeRow row;
    soci::statement statement =
        (sql.prepare << std::string(k_notice_columns) +
                            " WHERE (resolved_at IS NULL AND (ends_at IS NULL OR ends_at > :now OR kind ="
                            " 'incident')) OR starts_at >= :since1 OR resolved_at >= :since2 OR"
                            " (ends_at IS NOT NULL AND ends_at >= :since3)"
                            " ORDER BY starts_at DESC, id DESC LIMIT :limit");
    bind_row(statement, row);
    statement.exchange(soci::use(at));
    statement.exchange(soci::use(after));
    statement.exchange(soci::use(after));
    statement.exchange(soci::use(after));
    statement.exchange(soci::use(limit));
    statement.define_and_bind();
    statement.execute();
    std::vector<domain::ServiceNotice> found;
    while (statement.fetch())
        found.push_back(row.to_notice());
    for (auto& notice : found)
        load_updates(sql, notice);
    return found;
}

std::int64_t add_update(soci::session& sql, std::int64_t notice_id, const std::string& text,
                        std::int64_t user_id, core::UnixTime at)
{
    long long notice = notice_id, user = user_id, when = at, id = 0;
    sql << "INSERT INTO service_notice_updates (notice_id, text, created_by, created_at) VALUES (:notice,"
           " :text, :user, :at) RETURNING id",
        soci::use(notice), soci::use(text), soci::use(user), soci::use(when), soci::into(id);
    sql << "UPDATE service_notices SET updated_at = :at WHERE id = :id", soci::use(when), soci::use(notice);
    return id;
}

bool resolve(soci::session& sql, std::int64_t notice_id, core::UnixTime at)
{
    long long notice = notice_id, when = at;
    soci::statement statement =
        (sql.prepare
             << "UPDATE service_notices SET resolved_at = :at, updated_at = :updated WHERE id = :id AND"
                " resolved_at IS NULL",
         soci::use(when), soci::use(when), soci::use(notice));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
}

void record_sample(soci::session& sql, std::int64_t minute, bool ok)
{
    long long at = minute;
    int value = ok ? 1 : 0;
    sql << "INSERT INTO availability_samples (minute, ok) VALUES (:minute, :ok) ON CONFLICT (minute) DO "
           "UPDATE"
           " SET ok = excluded.ok WHERE excluded.ok > availability_samples.ok",
        soci::use(at), soci::use(value);
}

std::map<std::int64_t, bool> samples(soci::session& sql, std::int64_t from_minute, std::int64_t to_minute)
{
    long long from = from_minute, to = to_minute, minute = 0;
    int ok = 0;
    soci::statement statement =
        (sql.prepare << "SELECT minute, ok FROM availability_samples WHERE minute >= :from AND minute < :to",
         soci::into(minute), soci::into(ok), soci::use(from), soci::use(to));
    statement.execute();
    std::map<std::int64_t, bool> found;
    while (statement.fetch())
        found.emplace(minute, ok != 0);
    return found;
}

std::optional<std::int64_t> first_sample(soci::session& sql)
{
    long long first = 0;
    soci::indicator none = soci::i_ok;
    sql << "SELECT MIN(minute) FROM availability_samples", soci::into(first, none);
    if (!sql.got_data() || none != soci::i_ok)
        return std::nullopt;
    return first;
}

std::optional<domain::MonthAvailability> kept_month(soci::session& sql, int year, unsigned month)
{
    long long key = static_cast<long long>(year) * 100 + month;
    domain::MonthAvailability figures;
    figures.year = year;
    figures.month = month;
    sql << "SELECT service_minutes, window_minutes, not_measured, up_minutes, down_minutes FROM "
           "availability_months WHERE month_key = :key",
        soci::into(figures.service_minutes), soci::into(figures.window_minutes),
        soci::into(figures.not_measured), soci::into(figures.up_minutes), soci::into(figures.down_minutes),
        soci::use(key);
    if (!sql.got_data())
        return std::nullopt;
    const int counted = figures.up_minutes + figures.down_minutes;
    if (counted > 0)
        figures.percent = 100.0 * figures.up_minutes / counted;
    return figures;
}

bool keep_month(soci::session& sql, const domain::MonthAvailability& figures, core::UnixTime now)
{
    long long key = static_cast<long long>(figures.year) * 100 + figures.month, at = now;
    soci::statement statement =
        (sql.prepare << "INSERT INTO availability_months (month_key, service_minutes, window_minutes, "
                        "not_measured, up_minutes, down_minutes, kept_at) VALUES (:key, :service, :windows, "
                        ":not_measured, :up, :down, :at) ON CONFLICT (month_key) DO NOTHING",
         soci::use(key), soci::use(figures.service_minutes), soci::use(figures.window_minutes),
         soci::use(figures.not_measured), soci::use(figures.up_minutes), soci::use(figures.down_minutes),
         soci::use(at));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
}

std::int64_t delete_samples(soci::session& sql, std::int64_t from_minute, std::int64_t to_minute,
                            std::int64_t keep_minute)
{
    long long from = from_minute, to = to_minute, keep = keep_minute;
    soci::statement statement = (sql.prepare << "DELETE FROM availability_samples WHERE minute >= :from AND "
                                                "minute < :to AND minute <> :keep",
                                 soci::use(from), soci::use(to), soci::use(keep));
    statement.execute(true);
    return statement.get_affected_rows();
}

std::vector<domain::TimeSpan> windows_between(soci::session& sql, core::UnixTime from, core::UnixTime to)
{
    long long start = 0, end = 0, resolved = 0, lower = from, upper = to;
    soci::indicator resolved_null = soci::i_ok;
    soci::statement statement =
        (sql.prepare << "SELECT starts_at, ends_at, resolved_at FROM service_notices WHERE kind ="
                        " 'service_window' AND ends_at IS NOT NULL AND starts_at < :to AND ends_at > :from",
         soci::into(start), soci::into(end), soci::into(resolved, resolved_null), soci::use(upper),
         soci::use(lower));
    statement.execute();
    std::vector<domain::TimeSpan> found;
    while (statement.fetch()) {
        long long until = resolved_null == soci::i_ok ? std::min(end, resolved) : end;
        if (until > start)
            found.push_back({start, until});
    }
    return found;
}

std::optional<std::string> runtime_setting(soci::session& sql, const std::string& name)
{
    std::string value;
    sql << "SELECT value FROM runtime_settings WHERE name = :name", soci::use(name), soci::into(value);
    if (!sql.got_data())
        return std::nullopt;
    return value;
}

void save_runtime_setting(soci::session& sql, const std::string& name, const std::string& value,
                          std::int64_t user_id, core::UnixTime at)
{
    long long user = user_id, when = at;
    sql << "INSERT INTO runtime_settings (name, value, changed_by, changed_at) VALUES (:name, :value, :user, "
           ":at)"
           " ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by,"
           " changed_at = excluded.changed_at",
        soci::use(name), soci::use(value), soci::use(user), soci::use(when);
}

std::int64_t record_rights_review(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
                                  core::UnixTime at, const std::string& outcome, const std::string& note)
{
    long long institution = institution_id, user = user_id, when = at, id = 0;
    sql << "INSERT INTO administrator_rights_reviews (institution_id, reviewed_by, reviewed_at, outcome, "
           "note)"
           " VALUES (:institution, :user, :at, :outcome, :note) RETURNING id",
        soci::use(institution), soci::use(user), soci::use(when), soci::use(outcome), soci::use(note),
        soci::into(id);
    return id;
}

std::vector<RightsReview> rights_reviews(soci::session& sql, int limit)
{
    RightsReview row;
    long long id = 0, institution = 0, at = 0;
    soci::statement statement =
        (sql.prepare
             << "SELECT r.id, r.institution_id, i.name, u.name, r.reviewed_at, r.outcome, r.note"
                " FROM administrator_rights_reviews r JOIN institutions i ON i.id = r.institution_id"
                " JOIN users u ON u.id = r.reviewed_by ORDER BY r.reviewed_at DESC, r.id DESC LIMIT :limit",
         soci::into(id), soci::into(institution), soci::into(row.institution_name),
         soci::into(row.reviewer_name), soci::into(at), soci::into(row.outcome), soci::into(row.note),
         soci::use(limit));
    statement.execute();
    std::vector<RightsReview> found;
    while (statement.fetch()) {
        row.id = id;
        row.institution_id = institution;
        row.reviewed_at = at;
        found.push_back(row);
    }
    return found;
}

} // namespace rekrut::store::status
