#include "store/setup_store.hpp"

#include <functional>
#include <map>
#include <soci/soci.h>
#include <stdexcept>

#include "store/prepared_statements.hpp"

namespace rekrut::store {

namespace organisation_units {
namespace {

/// The units of an institution, kept prepared on the session: the case list's filter shows them.
struct UnitsOfInstitution {
    long long institution = 0, id = 0, parent = 0;
    soci::indicator parent_null = soci::i_ok;
    std::string name;
    KeptStatement statement;

    explicit UnitsOfInstitution(soci::session& sql)
        : statement(sql, (sql.prepare << "SELECT id, parent_id, name FROM organisation_units"
                                         " WHERE institution_id = :institution ORDER BY name, id",
                          soci::use(institution), soci::into(id), soci::into(parent, parent_null),
                          soci::into(name)))
    {
    }
};

} // namespace

std::int64_t insert(soci::session& sql, std::int64_t institution_id, std::optional<std::int64_t> parent_id,
                    const std::string& name, core::UnixTime now)
{
    long long id = 0, institution = institution_id, parent = parent_id.value_or(0), at = now;
    soci::indicator parent_null = parent_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO organisation_units (institution_id, parent_id, name, created_at)"
           " VALUES (:institution, :parent, :name, :at) RETURNING id",
        soci::use(institution), soci::use(parent, parent_null), soci::use(name), soci::use(at),
        soci::into(id);
    return id;
}

std::vector<OrganisationUnitRecord> list(soci::session& sql, std::int64_t institution_id)
{
    std::vector<OrganisationUnitRecord> flat;
    auto& units = kept_statements<UnitsOfInstitution>(sql);
    units.institution = institution_id;
    units.statement.each_row([&] {
        flat.push_back(
            {units.id,
             units.parent_null == soci::i_ok ? std::optional<std::int64_t>(units.parent) : std::nullopt,
             units.name, 0});
    });
    // Depth-first order: children right under their parent.
    std::multimap<std::int64_t, const OrganisationUnitRecord*> children;
    for (const auto& unit : flat)
        children.emplace(unit.parent_id.value_or(0), &unit);
    std::vector<OrganisationUnitRecord> ordered;
    std::function<void(std::int64_t, int)> visit = [&](std::int64_t parent_id, int depth) {
        auto [begin, end] = children.equal_range(parent_id);
        for (auto it = begin; it != end; ++it) {
            if (depth > 20)
                return; // a cycle cannot be created through the pages; stop anyway
            OrganisationUnitRecord unit = *it->second;
            unit.depth = depth;
            ordered.push_back(unit);
            visit(unit.id, depth + 1);
        }
    };
    visit(0, 0);
    return ordered;
}

std::optional<OrganisationUnitRecord> find(soci::session& sql, std::int64_t institution_id,
                                           std::int64_t unit_id)
{
    long long institution = institution_id, key = unit_id, id = 0, parent = 0;
    soci::indicator parent_null = soci::i_ok;
    std::string name;
    sql << "SELECT id, parent_id, name FROM organisation_units WHERE institution_id = :institution AND id = "
           ":id",
        soci::use(institution), soci::use(key), soci::into(id), soci::into(parent, parent_null),
        soci::into(name);
    if (!sql.got_data())
        return std::nullopt;
    return OrganisationUnitRecord{
        id, parent_null == soci::i_ok ? std::optional<std::int64_t>(parent) : std::nullopt, name, 0};
}

void rename(soci::session& sql, std::int64_t institution_id, std::int64_t unit_id, const std::string& name)
{
    long long institution = institution_id, id = unit_id;
    sql << "UPDATE organisation_units SET name = :name WHERE institution_id = :institution AND id = :id",
        soci::use(name), soci::use(institution), soci::use(id);
}

} // namespace organisation_units

namespace mandatory_texts {
namespace {

constexpr const char* k_columns =
    "SELECT id, name, kind, language, body_source, body_html, required, locked, position"
    " FROM mandatory_texts ";

struct TextRow {
    long long id = 0;
    int required = 1, locked = 1;
    MandatoryTextRecord record;
    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(record.name), soci::into(record.kind),
            soci::into(record.language), soci::into(record.body_source), soci::into(record.body_html),
            soci::into(required), soci::into(locked), soci::into(record.position);
    }
    MandatoryTextRecord get() const
    {
        MandatoryTextRecord copy = record;
        copy.id = id;
        copy.required = required != 0;
        copy.locked = locked != 0;
        return copy;
    }
};

} // namespace

std::int64_t insert(soci::session& sql, std::int64_t institution_id, const MandatoryTextRecord& text,
                    core::UnixTime now)
{
    long long id = 0, institution = institution_id, at = now;
    int required = text.required ? 1 : 0, locked = text.locked ? 1 : 0, position = text.position;
    sql << "INSERT INTO mandatory_texts (institution_id, name, kind, language, body_source, body_html, "
           "required,"
           " locked, position, created_at, updated_at) VALUES (:institution, :name, :kind, :language, "
           ":source,"
           " :html, :required, :locked, :position, :at, :at2) RETURNING id",
        soci::use(institution), soci::use(text.name), soci::use(text.kind), soci::use(text.language),
        soci::use(text.body_source), soci::use(text.body_html), soci::use(required), soci::use(locked),
        soci::use(position), soci::use(at), soci::use(at), soci::into(id);
    return id;
}

void update(soci::session& sql, std::int64_t institution_id, const MandatoryTextRecord& text,
            core::UnixTime now)
{
    long long id = text.id, institution = institution_id, at = now;
    int required = text.required ? 1 : 0, locked = text.locked ? 1 : 0, position = text.position;
    sql << "UPDATE mandatory_texts SET name = :name, kind = :kind, language = :language, body_source = "
           ":source,"
           " body_html = :html, required = :required, locked = :locked, position = :position, updated_at = "
           ":at"
           " WHERE institution_id = :institution AND id = :id",
        soci::use(text.name), soci::use(text.kind), soci::use(text.language), soci::use(text.body_source),
        soci::use(text.body_html), soci::use(required), soci::use(locked), soci::use(position), soci::use(at),
        soci::use(institution), soci::use(id);
}

std::vector<MandatoryTextRecord> list(soci::session& sql, std::int64_t institution_id)
{
    std::vector<MandatoryTextRecord> found;
    long long institution = institution_id;
    TextRow row;
    auto prepared =
        (sql.prepare << std::string(k_columns) +
                            "WHERE institution_id = :institution ORDER BY language, position, id");
    row.bind(prepared);
    prepared, soci::use(institution);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.get());
    return found;
}

std::optional<MandatoryTextRecord> find(soci::session& sql, std::int64_t institution_id, std::int64_t text_id)
{
    long long institution = institution_id, id = text_id;
    TextRow row;
    auto prepared =
        (sql.prepare << std::string(k_columns) + "WHERE institution_id = :institution AND id = :id");
    row.bind(prepared);
    prepared, soci::use(institution), soci::use(id);
    soci::statement statement(prepared);
    statement.execute(true);
    if (!statement.got_data())
        return std::nullopt;
    return row.get();
}

} // namespace mandatory_texts

namespace ad_templates {
namespace {

constexpr const char* k_columns =
    "SELECT id, name, language, title, salary_text, collective_agreement, employment_form, employment_basis,"
    " full_time, weekly_hours, body_source FROM ad_templates ";

struct TemplateRow {
    long long id = 0;
    int full_time = 1;
    AdTemplateRecord record;
    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(record.name), soci::into(record.language),
            soci::into(record.title), soci::into(record.salary_text), soci::into(record.collective_agreement),
            soci::into(record.employment_form), soci::into(record.employment_basis), soci::into(full_time),
            soci::into(record.weekly_hours), soci::into(record.body_source);
    }
    AdTemplateRecord get() const
    {
        AdTemplateRecord copy = record;
        copy.id = id;
        copy.full_time = full_time != 0;
        return copy;
    }
};

} // namespace

std::int64_t insert(soci::session& sql, std::int64_t institution_id, const AdTemplateRecord& ad_template,
                    core::UnixTime now)
{
    long long id = 0, institution = institution_id, at = now;
    int full_time = ad_template.full_time ? 1 : 0;
    double hours = ad_template.weekly_hours;
    sql << "INSERT INTO ad_templates (institution_id, name, language, title, salary_text, "
           "collective_agreement,"
           " employment_form, employment_basis, full_time, weekly_hours, body_source, created_at, updated_at)"
           " VALUES (:institution, :name, :language, :title, :salary, :agreement, :form, :basis, :full_time, "
           ":hours,"
           " :body, :at, :at2) RETURNING id",
        soci::use(institution), soci::use(ad_template.name), soci::use(ad_template.language),
        soci::use(ad_template.title), soci::use(ad_template.salary_text),
        soci::use(ad_template.collective_agreement), soci::use(ad_template.employment_form),
        soci::use(ad_template.employment_basis), soci::use(full_time), soci::use(hours),
        soci::use(ad_template.body_source), soci::use(at), soci::use(at), soci::into(id);
    return id;
}

void update(soci::session& sql, std::int64_t institution_id, const AdTemplateRecord& ad_template,
            core::UnixTime now)
{
    long long id = ad_template.id, institution = institution_id, at = now;
    int full_time = ad_template.full_time ? 1 : 0;
    double hours = ad_template.weekly_hours;
    sql << "UPDATE ad_templates SET name = :name, language = :language, title = :title, salary_text = "
           ":salary,"
           " collective_agreement = :agreement, employment_form = :form, employment_basis = :basis,"
           " full_time = :full_time, weekly_hours = :hours, body_source = :body, updated_at = :at"
           " WHERE institution_id = :institution AND id = :id",
        soci::use(ad_template.name), soci::use(ad_template.language), soci::use(ad_template.title),
        soci::use(ad_template.salary_text), soci::use(ad_template.collective_agreement),
        soci::use(ad_template.employment_form), soci::use(ad_template.employment_basis), soci::use(full_time),
        soci::use(hours), soci::use(ad_template.body_source), soci::use(at), soci::use(institution),
        soci::use(id);
}

std::vector<AdTemplateRecord> list(soci::session& sql, std::int64_t institution_id)
{
    std::vector<AdTemplateRecord> found;
    long long institution = institution_id;
    TemplateRow row;
    auto prepared =
        (sql.prepare << std::string(k_columns) + "WHERE institution_id = :institution ORDER BY name, id");
    row.bind(prepared);
    prepared, soci::use(institution);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.get());
    return found;
}

std::optional<AdTemplateRecord> find(soci::session& sql, std::int64_t institution_id,
                                     std::int64_t template_id)
{
    long long institution = institution_id, id = template_id;
    TemplateRow row;
    auto prepared =
        (sql.prepare << std::string(k_columns) + "WHERE institution_id = :institution AND id = :id");
    row.bind(prepared);
    prepared, soci::use(institution), soci::use(id);
    soci::statement statement(prepared);
    statement.execute(true);
    if (!statement.got_data())
        return std::nullopt;
    return row.get();
}

} // namespace ad_templates

namespace question_templates {

std::int64_t insert(soci::session& sql, std::int64_t institution_id, const QuestionTemplateRecord& question,
                    core::UnixTime now)
{
    long long id = 0, institution = institution_id, at = now;
    sql << "INSERT INTO question_templates (institution_id, text, kind, options, created_at)"
           " VALUES (:institution, :text, :kind, :options, :at) RETURNING id",
        soci::use(institution), soci::use(question.text), soci::use(question.kind),
        soci::use(question.options), soci::use(at), soci::into(id);
    return id;
}

void update(soci::session& sql, std::int64_t institution_id, const QuestionTemplateRecord& question)
{
    long long id = question.id, institution = institution_id;
    sql << "UPDATE question_templates SET text = :text, kind = :kind, options = :options"
           " WHERE institution_id = :institution AND id = :id",
        soci::use(question.text), soci::use(question.kind), soci::use(question.options),
        soci::use(institution), soci::use(id);
}

std::vector<QuestionTemplateRecord> list(soci::session& sql, std::int64_t institution_id)
{
    std::vector<QuestionTemplateRecord> found;
    long long institution = institution_id, id = 0;
    QuestionTemplateRecord question;
    soci::statement statement =
        (sql.prepare
             << "SELECT id, text, kind, options FROM question_templates WHERE institution_id = :institution"
                " ORDER BY id",
         soci::use(institution), soci::into(id), soci::into(question.text), soci::into(question.kind),
         soci::into(question.options));
    statement.execute();
    while (statement.fetch()) {
        question.id = id;
        found.push_back(question);
    }
    return found;
}

std::optional<QuestionTemplateRecord> find(soci::session& sql, std::int64_t institution_id,
                                           std::int64_t question_id)
{
    long long institution = institution_id, key = question_id, id = 0;
    QuestionTemplateRecord question;
    sql << "SELECT id, text, kind, options FROM question_templates WHERE institution_id = :institution AND "
           "id = :id",
        soci::use(institution), soci::use(key), soci::into(id), soci::into(question.text),
        soci::into(question.kind), soci::into(question.options);
    if (!sql.got_data())
        return std::nullopt;
    question.id = id;
    return question;
}

} // namespace question_templates

namespace named_lists {
namespace {

/// Only the two fixed table names are accepted, so the name can be part of the SQL text.
std::string checked_table(const char* table)
{
    std::string name = table;
    if (name != "collective_agreements" && name != "position_categories")
        throw std::invalid_argument("unknown list table");
    return name;
}

} // namespace

std::int64_t insert(soci::session& sql, const char* table, std::int64_t institution_id,
                    const std::string& name)
{
    long long id = 0, institution = institution_id;
    sql << "INSERT INTO " + checked_table(table) +
               " (institution_id, name) VALUES (:institution, :name) RETURNING id",
        soci::use(institution), soci::use(name), soci::into(id);
    return id;
}

void remove(soci::session& sql, const char* table, std::int64_t institution_id, std::int64_t id)
{
    long long institution = institution_id, key = id;
    sql << "DELETE FROM " + checked_table(table) + " WHERE institution_id = :institution AND id = :id",
        soci::use(institution), soci::use(key);
}

std::vector<NamedRecord> list(soci::session& sql, const char* table, std::int64_t institution_id)
{
    std::vector<NamedRecord> found;
    long long institution = institution_id, id = 0;
    std::string name;
    soci::statement statement = (sql.prepare << "SELECT id, name FROM " + checked_table(table) +
                                                    " WHERE institution_id = :institution ORDER BY name, id",
                                 soci::use(institution), soci::into(id), soci::into(name));
    statement.execute();
    while (statement.fetch())
        found.push_back({id, name});
    return found;
}

} // namespace named_lists

} // namespace rekrut::store
