#include "store/retention_store.hpp"

#include <algorithm>
#include <map>
#include <soci/soci.h>
#include <tuple>

#include "store/database.hpp"

namespace rekrut::store::retention {
namespace {

/// Runs one DELETE with the application's id bound; returns how many rows went.
int delete_rows(soci::session& sql, const std::string& statement_text, long long application)
{
    soci::statement statement = (sql.prepare << statement_text, soci::use(application));
    statement.execute(true);
    return static_cast<int>(statement.get_affected_rows());
}

} // namespace

domain::RetentionSettings settings(soci::session& sql, std::int64_t institution_id)
{
    long long institution = institution_id;
    domain::RetentionSettings found;
    int applications = 0, access_log = 0, users = 0;
    sql << "SELECT applications_months, access_log_months, users_months FROM retention_settings WHERE"
           " institution_id = :id",
        soci::use(institution), soci::into(applications), soci::into(access_log), soci::into(users);
    if (sql.got_data()) {
        found.applications_months = applications;
        found.access_log_months = access_log;
        found.users_months = users;
    }
    return found;
}

void save_settings(soci::session& sql, std::int64_t institution_id, const domain::RetentionSettings& settings,
                   std::int64_t user_id, core::UnixTime now)
{
    long long institution = institution_id, user = user_id, at = now;
    soci::statement update =
        (sql.prepare
             << "UPDATE retention_settings SET applications_months = :applications, access_log_months ="
                " :access_log, users_months = :users, updated_by = :user, updated_at = :at WHERE "
                "institution_id ="
                " :id",
         soci::use(settings.applications_months), soci::use(settings.access_log_months),
         soci::use(settings.users_months), soci::use(user), soci::use(at), soci::use(institution));
    update.execute(true);
    if (update.get_affected_rows() > 0)
        return;
    sql << "INSERT INTO retention_settings (institution_id, applications_months, access_log_months,"
           " users_months, updated_by, updated_at) VALUES (:id, :applications, :access_log, :users, :user, "
           ":at)",
        soci::use(institution), soci::use(settings.applications_months),
        soci::use(settings.access_log_months), soci::use(settings.users_months), soci::use(user),
        soci::use(at);
}

int shortest_applications_months(soci::session& sql)
{
    int shortest = domain::RetentionSettings{}.applications_months, stored = 0;
    soci::indicator none = soci::i_ok;
    sql << "SELECT MIN(applications_months) FROM retention_settings", soci::into(stored, none);
    return none == soci::i_ok ? std::min(shortest, stored) : shortest;
}

std::vector<Candidate> candidates(soci::session& sql, std::optional<std::int64_t> institution_id,
                                  core::UnixTime closed_before, std::int64_t after_id, int limit)
{
    long long institution = institution_id.value_or(0), before = closed_before, after = after_id;
    int any_institution = institution_id ? 0 : 1;
    long long id = 0, owner = 0, case_id = 0, closed = 0, keep = 0, holds = 0, requested = 0;
    std::string status;
    soci::indicator closed_null = soci::i_ok, keep_null = soci::i_ok, requested_null = soci::i_ok;
    soci::statement statement =
        (sql.prepare
             << "SELECT a.id, a.institution_id, a.case_id, c.closed_at, a.keep_until,"
                " (SELECT COUNT(*) FROM case_holds h WHERE h.institution_id = c.institution_id AND"
                " h.case_id = c.id AND h.lifted_at IS NULL), a.deletion_requested_at, a.status"
                " FROM applications a JOIN recruitment_cases c ON c.id = a.case_id AND"
                " c.institution_id = a.institution_id"
                " WHERE ((c.closed_at IS NOT NULL AND c.closed_at < :before) OR (a.deletion_requested_at IS"
                " NOT NULL AND (a.status = 'withdrawn' OR c.closed_at IS NOT NULL))) AND a.status <> 'hired'"
                " AND (:any = 1 OR a.institution_id = :institution) AND a.id > :after ORDER BY a.id LIMIT"
                " :limit",
         soci::into(id), soci::into(owner), soci::into(case_id), soci::into(closed, closed_null),
         soci::into(keep, keep_null), soci::into(holds), soci::into(requested, requested_null),
         soci::into(status), soci::use(before), soci::use(any_institution), soci::use(institution),
         soci::use(after), soci::use(limit));
    statement.execute();
    std::vector<Candidate> found;
    while (statement.fetch()) {
        Candidate candidate;
        candidate.institution_id = owner;
        candidate.case_id = case_id;
        candidate.application_id = id;
        if (closed_null == soci::i_ok)
            candidate.closed_at = closed;
        if (keep_null == soci::i_ok)
            candidate.keep_until = keep;
        candidate.on_hold = holds > 0;
        if (requested_null == soci::i_ok)
            candidate.deletion_requested_at = requested;
        candidate.withdrawn = status == "withdrawn";
        found.push_back(candidate);
    }
    return found;
}

bool erase_application(Transaction& transaction, std::int64_t institution_id, std::int64_t application_id)
{
    soci::session& sql = transaction;
    long long institution = institution_id, application = application_id, found = 0;
    sql << "SELECT id FROM applications WHERE institution_id = :institution AND id = :id",
        soci::use(institution), soci::use(application), soci::into(found);
    if (!sql.got_data())
        return false;
    // The key first: from here on nothing sealed under it can be opened, whatever else remains.
    delete_rows(sql, "DELETE FROM application_keys WHERE application_id = :id", application);
    const std::string attachments_of = "(SELECT id FROM application_attachments WHERE application_id = :id)";
    const std::string statements[] = {
        "DELETE FROM attachment_chunks WHERE attachment_id IN " + attachments_of,
        "DELETE FROM attachment_texts WHERE attachment_id IN " + attachments_of,
        "DELETE FROM application_attachments WHERE application_id = :id",
        "DELETE FROM application_answers WHERE application_id = :id",
        "DELETE FROM application_links WHERE application_id = :id",
        "DELETE FROM conflict_declarations WHERE application_id = :id",
        "DELETE FROM assessment_marks WHERE application_id = :id",
        "DELETE FROM assessment_scores WHERE application_id = :id",
        "DELETE FROM assessment_summaries WHERE application_id = :id",
        "DELETE FROM application_notes WHERE application_id = :id",
        "DELETE FROM application_tags WHERE application_id = :id",
        "DELETE FROM anonymity_lifts WHERE application_id = :id",
        "DELETE FROM outbox WHERE application_id = :id",
        "UPDATE data_requests SET application_id = NULL WHERE application_id = :id",
        "DELETE FROM applications WHERE id = :id",
    };
    for (const auto& statement : statements)
        delete_rows(sql, statement, application);
    return true;
}

int erase_access_log(Transaction& transaction, std::int64_t institution_id, core::UnixTime before)
{
    soci::session& sql = transaction;
    long long institution = institution_id, at = before;
    soci::statement statement =
        (sql.prepare << "DELETE FROM access_log WHERE institution_id = :institution AND at < :before",
         soci::use(institution), soci::use(at));
    statement.execute(true);
    return static_cast<int>(statement.get_affected_rows());
}

void record_data_request(soci::session& sql, const DataRequestRecord& request)
{
    long long institution = request.institution_id, at = request.received_at;
    long long application = request.application_id.value_or(0), case_id = request.case_id.value_or(0),
              handler = request.handled_by.value_or(0);
    soci::indicator application_null = request.application_id ? soci::i_ok : soci::i_null;
    soci::indicator case_null = request.case_id ? soci::i_ok : soci::i_null;
    soci::indicator handler_null = request.handled_by ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO data_requests (institution_id, kind, channel, application_id, case_id, outcome, "
           "handled_by,"
           " received_at) VALUES (:institution, :kind, :channel, :application, :case_id, :outcome, :handler, "
           ":at)",
        soci::use(institution), soci::use(request.kind), soci::use(request.channel),
        soci::use(application, application_null), soci::use(case_id, case_null), soci::use(request.outcome),
        soci::use(handler, handler_null), soci::use(at);
}

std::vector<DataRequestRecord> data_requests(soci::session& sql, std::int64_t institution_id,
                                             core::UnixTime since, int limit)
{
    long long institution = institution_id, from = since, id = 0, application = 0, case_id = 0, handler = 0,
              at = 0;
    std::string kind, channel, outcome, handler_name;
    soci::indicator application_null = soci::i_ok, case_null = soci::i_ok, handler_null = soci::i_ok,
                    name_null = soci::i_ok;
    soci::statement statement =
        (sql.prepare
             << "SELECT r.id, r.kind, r.channel, r.application_id, r.case_id, r.outcome, r.handled_by,"
                " u.name, r.received_at FROM data_requests r LEFT JOIN users u ON u.id = r.handled_by"
                " WHERE r.institution_id = :institution AND r.received_at >= :since ORDER BY r.id DESC"
                " LIMIT :limit",
         soci::into(id), soci::into(kind), soci::into(channel), soci::into(application, application_null),
         soci::into(case_id, case_null), soci::into(outcome), soci::into(handler, handler_null),
         soci::into(handler_name, name_null), soci::into(at), soci::use(institution), soci::use(from),
         soci::use(limit));
    statement.execute();
    std::vector<DataRequestRecord> found;
    while (statement.fetch()) {
        DataRequestRecord record;
        record.id = id;
        record.institution_id = institution_id;
        record.kind = kind;
        record.channel = channel;
        if (application_null == soci::i_ok)
            record.application_id = application;
        if (case_null == soci::i_ok)
            record.case_id = case_id;
        record.outcome = outcome;
        if (handler_null == soci::i_ok)
            record.handled_by = handler;
        record.handled_by_name = name_null == soci::i_ok ? handler_name : "";
        record.received_at = at;
        found.push_back(std::move(record));
    }
    return found;
}

std::vector<std::pair<std::int64_t, std::int64_t>>
consent_reminders_due(soci::session& sql, core::UnixTime now, core::UnixTime until, int limit)
{
    long long from = now, to = until, institution = 0, application = 0;
    soci::statement statement =
        (sql.prepare
             << "SELECT a.institution_id, a.id FROM applications a JOIN recruitment_cases c ON c.id ="
                " a.case_id AND c.institution_id = a.institution_id WHERE a.keep_until > :from AND"
                " a.keep_until <= :to AND a.keep_reminded_at IS NULL AND a.deletion_requested_at IS NULL"
                " AND a.status NOT IN ('hired', 'withdrawn') AND c.closed_at IS NOT NULL ORDER BY a.id"
                " LIMIT :limit",
         soci::into(institution), soci::into(application), soci::use(from), soci::use(to), soci::use(limit));
    statement.execute();
    std::vector<std::pair<std::int64_t, std::int64_t>> found;
    while (statement.fetch())
        found.emplace_back(institution, application);
    return found;
}

bool mark_consent_reminded(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                           core::UnixTime now)
{
    long long institution = institution_id, id = application_id, at = now;
    soci::statement update =
        (sql.prepare << "UPDATE applications SET keep_reminded_at = :at WHERE institution_id ="
                        " :institution AND id = :id AND keep_reminded_at IS NULL",
         soci::use(at), soci::use(institution), soci::use(id));
    update.execute(true);
    return update.get_affected_rows() > 0;
}

bool renew_consent(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                   core::UnixTime until)
{
    long long institution = institution_id, id = application_id, to = until;
    soci::statement update =
        (sql.prepare
             << "UPDATE applications SET keep_until = :until, keep_reminded_at = NULL WHERE institution_id"
                " = :institution AND id = :id AND keep_until IS NOT NULL AND deletion_requested_at IS NULL",
         soci::use(to), soci::use(institution), soci::use(id));
    update.execute(true);
    return update.get_affected_rows() > 0;
}

std::vector<EndedAccount> ended_accounts(soci::session& sql, core::UnixTime before, int limit)
{
    long long cutoff = before;
    // A user deactivated before status_changed_at existed counts from the last change of rights.
    long long user = 0, institution = 0, ended = 0;
    soci::statement statement =
        (sql.prepare
             << "SELECT id, institution_id, ended_at FROM (SELECT u.id, u.institution_id, CASE WHEN"
                " u.status = 'deactivated' THEN COALESCE(u.status_changed_at, u.rights_changed_at) ELSE"
                " (SELECT c.closed_at FROM recruitment_cases c WHERE c.id = u.external_case_id) END AS"
                " ended_at FROM users u WHERE u.erased_at IS NULL AND u.institution_id IS NOT NULL AND"
                " u.is_operator = 0 AND (u.status = 'deactivated' OR u.external_case_id IS NOT NULL))"
                " ended WHERE ended_at IS NOT NULL AND ended_at < :before ORDER BY ended_at, id LIMIT :limit",
         soci::into(user), soci::into(institution), soci::into(ended), soci::use(cutoff), soci::use(limit));
    std::vector<EndedAccount> found;
    statement.execute();
    while (statement.fetch())
        found.push_back({user, institution, ended});
    return found;
}

bool erase_user(Transaction& transaction, std::int64_t institution_id, std::int64_t user_id,
                core::UnixTime now)
{
    soci::session& sql = transaction;
    long long id = user_id, institution = institution_id, at = now;
    std::string email;
    soci::indicator erased = soci::i_null;
    long long erased_at = 0;
    sql << "SELECT email, erased_at FROM users WHERE id = :id AND institution_id = :institution",
        soci::into(email), soci::into(erased_at, erased), soci::use(id), soci::use(institution);
    if (!sql.got_data() || erased == soci::i_ok)
        return false;
    sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(id);
    sql << "DELETE FROM recovery_codes WHERE user_id = :id", soci::use(id);
    sql << "DELETE FROM password_resets WHERE user_id = :id", soci::use(id);
    sql << "DELETE FROM email_changes WHERE user_id = :id", soci::use(id);
    std::string throttle = "account:" + email;
    sql << "DELETE FROM login_throttle WHERE throttle_key = :key", soci::use(throttle);
    sql << "DELETE FROM outbox WHERE recipient = :email", soci::use(email);
    // The address must stay unique and must not be deliverable.
    std::string placeholder = "erased-" + std::to_string(user_id) + "@erased.invalid";
    std::string name = "Slettet bruger " + std::to_string(user_id);
    sql << "UPDATE users SET name = :name, email = :email, password_hash = NULL, totp_secret = NULL,"
           " totp_enabled = 0, status = 'deactivated', erased_at = :at WHERE id = :id",
        soci::use(name), soci::use(placeholder), soci::use(at), soci::use(id);
    return true;
}

std::vector<std::int64_t> institutions_with_old_access_log(soci::session& sql, core::UnixTime before)
{
    long long at = before, institution = 0;
    soci::statement statement =
        (sql.prepare
             << "SELECT DISTINCT institution_id FROM access_log WHERE at < :before ORDER BY institution_id",
         soci::into(institution), soci::use(at));
    statement.execute();
    std::vector<std::int64_t> found;
    while (statement.fetch())
        found.push_back(institution);
    return found;
}

void compact_index(Transaction& transaction)
{
    soci::session& sql = transaction;
    if (sql.get_backend_name() == "postgresql")
        return;
    sql << "INSERT INTO application_search (application_search) VALUES ('optimize')";
}

void checkpoint(soci::session& sql)
{
    if (sql.get_backend_name() == "postgresql")
        return;
    sql << "PRAGMA wal_checkpoint(TRUNCATE)";
}

bool deleted_since(soci::session& sql, core::UnixTime since)
{
    long long at = since, count = 0;
    sql << "SELECT COUNT(*) FROM deletion_log WHERE deleted_at >= :since AND kind IN ('applications', "
           "'users')",
        soci::use(at), soci::into(count);
    return count > 0;
}

void log_deletion(soci::session& sql, std::int64_t institution_id, std::optional<std::int64_t> case_id,
                  const std::string& kind, int deleted, core::UnixTime now)
{
    long long institution = institution_id, at = now, case_key = case_id.value_or(0);
    soci::indicator case_null = case_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO deletion_log (institution_id, case_id, kind, deleted, deleted_at) VALUES "
           "(:institution,"
           " :case_id, :kind, :deleted, :at)",
        soci::use(institution), soci::use(case_key, case_null), soci::use(kind), soci::use(deleted),
        soci::use(at);
}

std::int64_t place_hold(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                        const std::string& reason, std::int64_t user_id, core::UnixTime now)
{
    long long institution = institution_id, id = case_id, user = user_id, at = now, hold = 0;
    sql << "INSERT INTO case_holds (institution_id, case_id, reason, placed_by, placed_at) VALUES "
           "(:institution,"
           " :case_id, :reason, :user, :at) RETURNING id",
        soci::use(institution), soci::use(id), soci::use(reason), soci::use(user), soci::use(at),
        soci::into(hold);
    return hold;
}

bool lift_hold(soci::session& sql, std::int64_t institution_id, std::int64_t hold_id, std::int64_t user_id,
               core::UnixTime now)
{
    long long institution = institution_id, id = hold_id, user = user_id, at = now;
    soci::statement statement =
        (sql.prepare << "UPDATE case_holds SET lifted_by = :user, lifted_at = :at WHERE institution_id ="
                        " :institution AND id = :id AND lifted_at IS NULL",
         soci::use(user), soci::use(at), soci::use(institution), soci::use(id));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

bool on_hold(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    long long institution = institution_id, id = case_id, holds = 0;
    sql << "SELECT COUNT(*) FROM case_holds WHERE institution_id = :institution AND case_id = :id AND "
           "lifted_at IS"
           " NULL",
        soci::use(institution), soci::use(id), soci::into(holds);
    return holds > 0;
}

std::vector<HoldRecord> active_holds(soci::session& sql, std::int64_t institution_id)
{
    long long institution = institution_id, id = 0, case_id = 0, placed = 0;
    std::string title, reason, name;
    soci::statement statement =
        (sql.prepare << "SELECT h.id, h.case_id, c.title, h.reason, COALESCE(u.name, ''), h.placed_at FROM"
                        " case_holds h JOIN recruitment_cases c ON c.id = h.case_id AND c.institution_id ="
                        " h.institution_id LEFT JOIN users u ON u.id = h.placed_by WHERE h.institution_id ="
                        " :institution AND h.lifted_at IS NULL ORDER BY h.id",
         soci::into(id), soci::into(case_id), soci::into(title), soci::into(reason), soci::into(name),
         soci::into(placed), soci::use(institution));
    statement.execute();
    std::vector<HoldRecord> holds;
    while (statement.fetch())
        holds.push_back({id, case_id, title, reason, name, placed});
    return holds;
}

std::vector<DeletionReportRow> deletion_report(soci::session& sql, std::int64_t institution_id,
                                               core::UnixTime since)
{
    long long institution = institution_id, at = since, case_id = 0, when = 0;
    soci::indicator case_null = soci::i_ok;
    std::string title, kind;
    int deleted = 0;
    soci::statement statement =
        (sql.prepare
             << "SELECT d.case_id, COALESCE(c.title, ''), d.kind, d.deleted, d.deleted_at FROM"
                " deletion_log d LEFT JOIN recruitment_cases c ON c.id = d.case_id AND c.institution_id ="
                " d.institution_id WHERE d.institution_id = :institution AND d.deleted_at >= :since",
         soci::into(case_id, case_null), soci::into(title), soci::into(kind), soci::into(deleted),
         soci::into(when), soci::use(institution), soci::use(at));
    statement.execute();
    // Summed per month, case and kind, newest month first.
    std::map<std::tuple<std::string, std::int64_t, std::string>, DeletionReportRow, std::greater<>> rows;
    while (statement.fetch()) {
        std::string month = core::format_copenhagen_date(when).substr(0, 7);
        std::int64_t key = case_null == soci::i_ok ? case_id : 0;
        auto& row = rows[{month, key, kind}];
        row.month = month;
        row.case_id = key;
        row.case_title = title;
        row.kind = kind;
        row.deleted += deleted;
    }
    std::vector<DeletionReportRow> report;
    report.reserve(rows.size());
    for (auto& [key, row] : rows)
        report.push_back(std::move(row));
    return report;
}

} // namespace rekrut::store::retention
