#include "store/offboarding_store.hpp"

#include <ctime>
#include <map>
#include <soci/soci.h>

#include "store/database.hpp"

namespace rekrut::store::offboarding {
namespace {

constexpr const char* k_select =
    "SELECT o.id, o.institution_id, i.name, o.reason, o.state, o.requested_by, r.name, o.requested_at,"
    " o.decided_by, d.name, o.decided_at, o.exported_at, o.exported_through, o.deleted_at, o.report"
    " FROM institution_offboardings o JOIN institutions i ON i.id = o.institution_id"
    " JOIN users r ON r.id = o.requested_by LEFT JOIN users d ON d.id = o.decided_by";

struct Columns {
    long long id = 0, institution = 0, requested_by = 0, requested_at = 0, decided_by = 0, decided_at = 0,
              exported_at = 0, exported_through = 0, deleted_at = 0;
    std::string institution_name, reason, state, requested_by_name, decided_by_name, report;
    soci::indicator decided_by_null = soci::i_null, decided_name_null = soci::i_null,
                    decided_at_null = soci::i_null, exported_null = soci::i_null, through_null = soci::i_null,
                    deleted_null = soci::i_null;
};

void bind(soci::statement& statement, Columns& c)
{
    statement.exchange(soci::into(c.id));
    statement.exchange(soci::into(c.institution));
    statement.exchange(soci::into(c.institution_name));
    statement.exchange(soci::into(c.reason));
    statement.exchange(soci::into(c.state));
    statement.exchange(soci::into(c.requested_by));
    statement.exchange(soci::into(c.requested_by_name));
    statement.exchange(soci::into(c.requested_at));
    statement.exchange(soci::into(c.decided_by, c.decided_by_null));
    statement.exchange(soci::into(c.decided_by_name, c.decided_name_null));
    statement.exchange(soci::into(c.decided_at, c.decided_at_null));
    statement.exchange(soci::into(c.exported_at, c.exported_null));
    statement.exchange(soci::into(c.exported_through, c.through_null));
    statement.exchange(soci::into(c.deleted_at, c.deleted_null));
    statement.exchange(soci::into(c.report));
}

domain::OffboardingRecord record_of(const Columns& c)
{
    domain::OffboardingRecord record;
    record.id = c.id;
    record.institution_id = c.institution;
    record.institution_name = c.institution_name;
    record.reason = c.reason;
    record.state = c.state;
    record.requested_by = c.requested_by;
    record.requested_by_name = c.requested_by_name;
    record.requested_at = c.requested_at;
    if (c.decided_by_null == soci::i_ok)
        record.decided_by = c.decided_by;
    if (c.decided_name_null == soci::i_ok)
        record.decided_by_name = c.decided_by_name;
    if (c.decided_at_null == soci::i_ok)
        record.decided_at = c.decided_at;
    if (c.exported_null == soci::i_ok)
        record.exported_at = c.exported_at;
    if (c.through_null == soci::i_ok)
        record.exported_through = c.exported_through;
    if (c.deleted_null == soci::i_ok)
        record.deleted_at = c.deleted_at;
    record.report = c.report;
    return record;
}

std::vector<std::int64_t> ids(soci::session& sql, const std::string& query, std::int64_t institution_id)
{
    long long institution = institution_id, id = 0;
    soci::statement statement = (sql.prepare << query, soci::into(id), soci::use(institution));
    statement.execute();
    std::vector<std::int64_t> found;
    while (statement.fetch())
        found.push_back(id);
    return found;
}

/// The rows of each exported table that belong to the institution (`:institution`). Tables without
/// an institution column are reached through their parent.
const std::vector<std::pair<std::string, std::string>>& table_conditions()
{
    static const std::vector<std::pair<std::string, std::string>> conditions = {
        {"institutions", "id = :institution"},
        {"organisation_units", ""},
        {"mandatory_texts", ""},
        {"collective_agreements", ""},
        {"position_categories", ""},
        {"ad_templates", ""},
        {"question_templates", ""},
        {"email_templates", ""},
        {"retention_settings", ""},
        {"users", ""},
        {"institution_roles", ""},
        {"role_requests", ""},
        {"administrator_rights_reviews", ""},
        {"recruitment_cases", ""},
        {"case_contacts", ""},
        {"case_roles", ""},
        {"case_questions", ""},
        {"job_ad_versions", ""},
        {"job_ad_version_texts", ""},
        {"jobnet_jobs", ""},
        {"case_holds", ""},
        {"applications", ""},
        {"application_answers",
         "application_id IN (SELECT id FROM applications WHERE institution_id = :institution)"},
        {"application_attachments", ""},
        {"case_screening", ""},
        {"assessment_criteria", ""},
        {"conflict_declarations", ""},
        {"assessment_marks", ""},
        {"assessment_scores", ""},
        {"assessment_summaries", ""},
        {"application_notes", ""},
        {"application_tags", ""},
        {"anonymity_lifts", ""},
        {"ranking_lists", ""},
        {"ranking_versions", ""},
        {"ranking_entries",
         "version_id IN (SELECT id FROM ranking_versions WHERE institution_id = :institution)"},
        {"case_decisions", ""},
        {"decision_reserves",
         "decision_id IN (SELECT id FROM case_decisions WHERE institution_id = :institution)"},
        {"priority_access_waivers", ""},
        {"interview_rounds", ""},
        {"interview_slots", ""},
        {"interview_slot_members",
         "slot_id IN (SELECT id FROM interview_slots WHERE institution_id = :institution)"},
        {"interview_invitations", ""},
        {"interview_bookings", ""},
        {"mailings", ""},
        {"access_log", ""},
        {"data_requests", ""},
        {"deletion_log", ""},
    };
    return conditions;
}

/// Columns never exported: secrets that would let someone act as the account, and the encryption
/// header of a file (the files themselves are exported decrypted).
bool secret_column(const std::string& table, const std::string& column)
{
    return (table == "users" && (column == "password_hash" || column == "totp_secret")) ||
           column == "stream_header";
}

std::optional<std::string> text_of(const soci::row& row, std::size_t index, bool& number)
{
    number = false;
    if (row.get_indicator(index) == soci::i_null)
        return std::nullopt;
    switch (row.get_properties(index).get_data_type()) {
    case soci::dt_integer: number = true; return std::to_string(row.get<int>(index));
    case soci::dt_long_long: number = true; return std::to_string(row.get<long long>(index));
    case soci::dt_unsigned_long_long:
        number = true;
        return std::to_string(row.get<unsigned long long>(index));
    case soci::dt_double: number = true; return std::to_string(row.get<double>(index));
    case soci::dt_string: return row.get<std::string>(index);
    case soci::dt_date: {
        std::tm value = row.get<std::tm>(index);
        char buffer[32] = {};
        std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &value);
        return std::string(buffer);
    }
    default: return std::nullopt;
    }
}

/// Runs `statement_text`, whose placeholders (":institution", ":institution2") all take the institution.
int run(soci::session& sql, const std::string& statement_text, long long institution)
{
    const bool twice = statement_text.find(":institution2") != std::string::npos;
    soci::statement statement =
        twice ? (sql.prepare << statement_text, soci::use(institution), soci::use(institution))
              : (sql.prepare << statement_text, soci::use(institution));
    statement.execute(true);
    return static_cast<int>(statement.get_affected_rows());
}

} // namespace

std::int64_t create(soci::session& sql, std::int64_t institution_id, const std::string& reason,
                    std::int64_t requested_by, core::UnixTime now)
{
    long long institution = institution_id, by = requested_by, at = now, id = 0;
    sql << "INSERT INTO institution_offboardings (institution_id, reason, state, requested_by, requested_at)"
           " VALUES (:institution, :reason, 'pending', :by, :at) RETURNING id",
        soci::use(institution), soci::use(reason), soci::use(by), soci::use(at), soci::into(id);
    return id;
}

std::optional<domain::OffboardingRecord> find_across_institutions(soci::session& sql, std::int64_t id)
{
    Columns columns;
    long long wanted = id;
    soci::statement statement = (sql.prepare << std::string(k_select) + " WHERE o.id = :id");
    bind(statement, columns);
    statement.exchange(soci::use(wanted));
    statement.define_and_bind();
    if (!statement.execute(true))
        return std::nullopt;
    return record_of(columns);
}

std::vector<domain::OffboardingRecord> list(soci::session& sql)
{
    Columns columns;
    soci::statement statement = (sql.prepare << std::string(k_select) + " ORDER BY o.id DESC");
    bind(statement, columns);
    statement.define_and_bind();
    statement.execute();
    std::vector<domain::OffboardingRecord> found;
    while (statement.fetch())
        found.push_back(record_of(columns));
    return found;
}

bool has_open(soci::session& sql, std::int64_t institution_id)
{
    long long institution = institution_id, count = 0;
    sql << "SELECT COUNT(*) FROM institution_offboardings WHERE institution_id = :institution"
           " AND state <> 'rejected'",
        soci::use(institution), soci::into(count);
    return count > 0;
}

bool advance(soci::session& sql, std::int64_t institution_id, std::int64_t id, std::string_view from,
             std::string_view to, std::optional<std::int64_t> decided_by, core::UnixTime now)
{
    long long institution = institution_id, wanted = id, at = now, by = decided_by.value_or(0);
    std::string from_state(from), to_state(to);
    std::string column = "decided_at";
    if (to == "exported")
        column = "exported_at";
    else if (to == "deleted")
        column = "deleted_at";
    std::string text = "UPDATE institution_offboardings SET state = :to, " + column + " = :at" +
                       (decided_by ? std::string(", decided_by = :by") : std::string()) +
                       " WHERE institution_id = :institution AND id = :id AND state = :from";
    soci::statement statement = decided_by
                                    ? (sql.prepare << text, soci::use(to_state), soci::use(at), soci::use(by),
                                       soci::use(institution), soci::use(wanted), soci::use(from_state))
                                    : (sql.prepare << text, soci::use(to_state), soci::use(at),
                                       soci::use(institution), soci::use(wanted), soci::use(from_state));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

bool reopen_export(soci::session& sql, std::int64_t institution_id, std::int64_t id)
{
    long long institution = institution_id, wanted = id;
    soci::statement statement =
        (sql.prepare << "UPDATE institution_offboardings SET state = 'approved', exported_at = NULL,"
                        " exported_through = NULL WHERE institution_id = :institution AND id = :id"
                        " AND state = 'exported'",
         soci::use(institution), soci::use(wanted));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

void set_exported_through(soci::session& sql, std::int64_t institution_id, std::int64_t id,
                          std::int64_t audit_event_id)
{
    long long institution = institution_id, wanted = id, through = audit_event_id;
    sql << "UPDATE institution_offboardings SET exported_through = :through"
           " WHERE institution_id = :institution AND id = :id",
        soci::use(through), soci::use(institution), soci::use(wanted);
}

std::int64_t newest_audit_event(soci::session& sql, std::int64_t institution_id)
{
    long long institution = institution_id, newest = 0;
    soci::indicator none = soci::i_null;
    sql << "SELECT MAX(id) FROM audit_events WHERE institution_id = :institution"
           " AND action NOT LIKE 'offboarding.%'",
        soci::use(institution), soci::into(newest, none);
    return none == soci::i_ok ? newest : 0;
}

void save_report(soci::session& sql, std::int64_t institution_id, std::int64_t id, const std::string& report)
{
    long long institution = institution_id, wanted = id;
    sql << "UPDATE institution_offboardings SET report = :report WHERE institution_id = :institution AND id "
           "= :id",
        soci::use(report), soci::use(institution), soci::use(wanted);
}

bool is_offboarded(soci::session& sql, std::int64_t institution_id)
{
    long long institution = institution_id, count = 0;
    sql << "SELECT COUNT(*) FROM institutions WHERE id = :institution AND offboarded_at IS NOT NULL",
        soci::use(institution), soci::into(count);
    return count > 0;
}

bool has_hold(soci::session& sql, std::int64_t institution_id)
{
    long long institution = institution_id, count = 0;
    sql << "SELECT COUNT(*) FROM case_holds WHERE institution_id = :institution AND lifted_at IS NULL",
        soci::use(institution), soci::into(count);
    return count > 0;
}

std::vector<std::int64_t> application_ids(soci::session& sql, std::int64_t institution_id)
{
    return ids(sql, "SELECT id FROM applications WHERE institution_id = :institution ORDER BY id",
               institution_id);
}

std::vector<std::int64_t> case_ids(soci::session& sql, std::int64_t institution_id)
{
    return ids(sql, "SELECT id FROM recruitment_cases WHERE institution_id = :institution ORDER BY id",
               institution_id);
}

std::vector<std::int64_t> user_ids(soci::session& sql, std::int64_t institution_id)
{
    return ids(sql, "SELECT id FROM users WHERE institution_id = :institution ORDER BY id", institution_id);
}

const std::vector<std::string>& exported_tables()
{
    static const std::vector<std::string> tables = [] {
        std::vector<std::string> names;
        for (const auto& [table, condition] : table_conditions())
            names.push_back(table);
        return names;
    }();
    return tables;
}

void each_row(soci::session& sql, std::int64_t institution_id, const std::string& table,
              const std::function<void(const Row&)>& sink)
{
    std::string condition;
    bool known = false;
    for (const auto& [name, where] : table_conditions()) {
        if (name == table) {
            known = true;
            condition = where.empty() ? "institution_id = :institution" : where;
        }
    }
    if (!known)
        return;
    long long institution = institution_id;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT * FROM " + table + " WHERE " + condition + " ORDER BY 1",
         soci::use(institution));
    for (const auto& row : rows) {
        Row values;
        for (std::size_t index = 0; index < row.size(); ++index) {
            const std::string& column = row.get_properties(index).get_name();
            if (secret_column(table, column))
                continue;
            Cell cell;
            cell.column = column;
            cell.text = text_of(row, index, cell.number);
            values.push_back(std::move(cell));
        }
        sink(values);
    }
}

std::vector<std::pair<std::string, int>>
delete_institution_data(soci::session& sql, std::int64_t institution_id, core::UnixTime now)
{
    const long long institution = institution_id;
    const std::string cases_second =
        "(SELECT id FROM recruitment_cases WHERE institution_id = :institution2)";
    // Children before parents; what an erased application took with it is gone already.
    const std::vector<std::pair<std::string, std::string>> statements = {
        {"outbox", "DELETE FROM outbox WHERE institution_id = :institution OR case_id IN " + cases_second},
        {"access_log", "DELETE FROM access_log WHERE institution_id = :institution"},
        {"data_requests", "DELETE FROM data_requests WHERE institution_id = :institution"},
        {"deletion_log", "DELETE FROM deletion_log WHERE institution_id = :institution"},
        {"administrator_rights_reviews",
         "DELETE FROM administrator_rights_reviews WHERE institution_id = :institution"},
        {"case_holds", "DELETE FROM case_holds WHERE institution_id = :institution"},
        {"retention_settings", "DELETE FROM retention_settings WHERE institution_id = :institution"},
        {"jobnet_jobs", "DELETE FROM jobnet_jobs WHERE institution_id = :institution"},
        {"interview_bookings", "DELETE FROM interview_bookings WHERE institution_id = :institution"},
        {"interview_invitations", "DELETE FROM interview_invitations WHERE institution_id = :institution"},
        {"interview_slot_members", "DELETE FROM interview_slot_members WHERE slot_id IN"
                                   " (SELECT id FROM interview_slots WHERE institution_id = :institution)"},
        {"interview_slots", "DELETE FROM interview_slots WHERE institution_id = :institution"},
        {"interview_rounds", "DELETE FROM interview_rounds WHERE institution_id = :institution"},
        {"decision_reserves", "DELETE FROM decision_reserves WHERE decision_id IN"
                              " (SELECT id FROM case_decisions WHERE institution_id = :institution)"},
        {"priority_access_waivers",
         "DELETE FROM priority_access_waivers WHERE institution_id = :institution"},
        {"case_decisions", "DELETE FROM case_decisions WHERE institution_id = :institution"},
        {"ranking_entries", "DELETE FROM ranking_entries WHERE version_id IN"
                            " (SELECT id FROM ranking_versions WHERE institution_id = :institution)"},
        {"ranking_versions", "DELETE FROM ranking_versions WHERE institution_id = :institution"},
        {"ranking_lists", "DELETE FROM ranking_lists WHERE institution_id = :institution"},
        {"anonymity_lifts", "DELETE FROM anonymity_lifts WHERE institution_id = :institution"},
        {"application_tags", "DELETE FROM application_tags WHERE institution_id = :institution"},
        {"application_notes", "DELETE FROM application_notes WHERE institution_id = :institution"},
        {"assessment_summaries", "DELETE FROM assessment_summaries WHERE institution_id = :institution"},
        {"assessment_scores", "DELETE FROM assessment_scores WHERE institution_id = :institution"},
        {"assessment_marks", "DELETE FROM assessment_marks WHERE institution_id = :institution"},
        {"conflict_declarations", "DELETE FROM conflict_declarations WHERE institution_id = :institution"},
        {"assessment_criteria", "DELETE FROM assessment_criteria WHERE institution_id = :institution"},
        {"case_screening", "DELETE FROM case_screening WHERE institution_id = :institution"},
        {"mailings", "DELETE FROM mailings WHERE institution_id = :institution"},
        {"email_templates", "DELETE FROM email_templates WHERE institution_id = :institution"},
        {"job_ad_version_texts", "DELETE FROM job_ad_version_texts WHERE institution_id = :institution"},
        {"job_ad_versions", "DELETE FROM job_ad_versions WHERE institution_id = :institution"},
        {"case_questions", "DELETE FROM case_questions WHERE institution_id = :institution"},
        {"case_contacts", "DELETE FROM case_contacts WHERE institution_id = :institution"},
        {"case_roles", "DELETE FROM case_roles WHERE institution_id = :institution"},
        {"institution_roles", "DELETE FROM institution_roles WHERE institution_id = :institution"},
        {"role_requests", "DELETE FROM role_requests WHERE institution_id = :institution"},
        {"operator_access", "DELETE FROM operator_access WHERE institution_id = :institution"},
        {"", "UPDATE users SET external_case_id = NULL WHERE institution_id = :institution"},
        {"", "UPDATE recruitment_cases SET copied_from = NULL WHERE institution_id = :institution"},
        {"recruitment_cases", "DELETE FROM recruitment_cases WHERE institution_id = :institution"},
        {"ad_templates", "DELETE FROM ad_templates WHERE institution_id = :institution"},
        {"question_templates", "DELETE FROM question_templates WHERE institution_id = :institution"},
        {"organisation_units", "DELETE FROM organisation_units WHERE institution_id = :institution"},
        {"mandatory_texts", "DELETE FROM mandatory_texts WHERE institution_id = :institution"},
        {"collective_agreements", "DELETE FROM collective_agreements WHERE institution_id = :institution"},
        {"position_categories", "DELETE FROM position_categories WHERE institution_id = :institution"},
        // Kept by triggers (migrations 0027 and 0028), so deleted last: deleting a case, a role or a unit
        // above writes the institution's case list version again.
        {"", "DELETE FROM case_list_versions WHERE institution_id = :institution"},
        {"", "DELETE FROM declaration_counts WHERE institution_id = :institution"},
        {"", "DELETE FROM case_application_counts WHERE institution_id = :institution"},
    };
    std::vector<std::pair<std::string, int>> counts;
    for (const auto& [table, statement] : statements) {
        int deleted = run(sql, statement, institution);
        if (!table.empty() && deleted > 0)
            counts.emplace_back(table, deleted);
    }
    long long at = now;
    sql << "UPDATE institutions SET offboarded_at = :at WHERE id = :institution", soci::use(at),
        soci::use(institution);
    return counts;
}

} // namespace rekrut::store::offboarding
