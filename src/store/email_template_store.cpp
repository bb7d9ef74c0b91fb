#include "store/email_template_store.hpp"

#include <soci/soci.h>

namespace rekrut::store::email_templates {
namespace {

constexpr const char* k_columns = "SELECT id, institution_id, case_id, kind, subject_da, body_da, subject_en,"
                                  " body_en, sets_status, updated_at FROM email_templates ";

/// "case_id IS NULL" or "case_id = :case_id", so one statement serves both kinds of row.
std::string case_condition(const std::optional<std::int64_t>& case_id)
{
    return case_id ? "case_id = :case_id" : "case_id IS NULL AND :case_id = 0";
}

std::vector<domain::EmailTemplateRecord> fetch(soci::session& sql, const std::string& where,
                                               std::int64_t institution_id,
                                               std::optional<std::int64_t> case_id, const std::string* kind)
{
    std::vector<domain::EmailTemplateRecord> found;
    long long id = 0, institution = institution_id, case_key = case_id.value_or(0), row_case = 0, updated = 0;
    soci::indicator case_null = soci::i_ok;
    domain::EmailTemplateRecord row;
    auto prepared = (sql.prepare << std::string(k_columns) + where, soci::into(id), soci::into(institution),
                     soci::into(row_case, case_null), soci::into(row.kind), soci::into(row.subject_da),
                     soci::into(row.body_da), soci::into(row.subject_en), soci::into(row.body_en),
                     soci::into(row.sets_status), soci::into(updated),
                     soci::use(institution_id, "institution"), soci::use(case_key, "case_id"));
    if (kind)
        prepared, soci::use(*kind, "kind");
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch()) {
        auto record = row;
        record.id = id;
        record.institution_id = institution;
        record.case_id = case_null == soci::i_ok ? std::optional<std::int64_t>(row_case) : std::nullopt;
        record.updated_at = updated;
        found.push_back(std::move(record));
    }
    return found;
}

} // namespace

std::vector<domain::EmailTemplateRecord> list(soci::session& sql, std::int64_t institution_id,
                                              std::optional<std::int64_t> case_id)
{
    return fetch(sql, "WHERE institution_id = :institution AND " + case_condition(case_id) + " ORDER BY id",
                 institution_id, case_id, nullptr);
}

std::optional<domain::EmailTemplateRecord> find(soci::session& sql, std::int64_t institution_id,
                                                std::optional<std::int64_t> case_id, const std::string& kind)
{
    auto found =
        fetch(sql, "WHERE institution_id = :institution AND " + case_condition(case_id) + " AND kind = :kind",
              institution_id, case_id, &kind);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

void save(soci::session& sql, const domain::EmailTemplateRecord& email_template, std::int64_t user_id)
{
    long long institution = email_template.institution_id, case_key = email_template.case_id.value_or(0),
              updated = email_template.updated_at, user = user_id;
    soci::indicator case_null = email_template.case_id ? soci::i_ok : soci::i_null;
    // Delete and insert rather than an upsert: the unique indexes are partial, which the two
    // databases' ON CONFLICT clauses name differently. The caller's transaction makes it one change.
    sql << "DELETE FROM email_templates WHERE institution_id = :institution AND " +
               case_condition(email_template.case_id) + " AND kind = :kind",
        soci::use(institution, "institution"), soci::use(case_key, "case_id"),
        soci::use(email_template.kind, "kind");
    sql << "INSERT INTO email_templates (institution_id, case_id, kind, subject_da, body_da, subject_en, "
           "body_en,"
           " sets_status, updated_at, updated_by) VALUES (:institution, :case_id, :kind, :subject_da, "
           ":body_da,"
           " :subject_en, :body_en, :sets_status, :updated, :user)",
        soci::use(institution), soci::use(case_key, case_null), soci::use(email_template.kind),
        soci::use(email_template.subject_da), soci::use(email_template.body_da),
        soci::use(email_template.subject_en), soci::use(email_template.body_en),
        soci::use(email_template.sets_status), soci::use(updated), soci::use(user);
}

bool remove_case_copy(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                      const std::string& kind)
{
    long long institution = institution_id, case_key = case_id;
    soci::statement remove =
        (sql.prepare << "DELETE FROM email_templates WHERE institution_id = :institution AND"
                        " case_id = :case_id AND kind = :kind",
         soci::use(institution), soci::use(case_key), soci::use(kind));
    remove.execute(true);
    return remove.get_affected_rows() > 0;
}

} // namespace rekrut::store::email_templates
