#include "store/case_store.hpp"

#include <map>
#include <soci/soci.h>

#include "store/prepared_statements.hpp"

namespace rekrut::store::cases {
namespace {

constexpr const char* k_select =
    "SELECT c.id, c.institution_id, c.title, c.state, c.unit_id, COALESCE(u.name, ''), c.place_of_work,"
    " c.municipality_code, c.occupation_code, c.employment_form, c.employment_basis, c.fixed_term_text, "
    "c.full_time,"
    " c.weekly_hours, c.salary_text, c.collective_agreement, c.position_category, c.positions, "
    "c.application_deadline, c.expected_start,"
    " c.readvertisement, c.ad_languages, c.template_id, c.copied_from, c.published_at, c.created_at, "
    "c.updated_at, c.contract_signed_on, c.closed_at, c.work_postcode, c.work_city";
constexpr const char* k_unit_join = " LEFT JOIN organisation_units u ON u.id = c.unit_id ";

std::string columns_from_cases()
{
    return std::string(k_select) + " FROM recruitment_cases c" + k_unit_join;
}

template <typename T> struct Nullable {
    T value{};
    soci::indicator indicator = soci::i_ok;
    std::optional<T> get() const { return indicator == soci::i_ok ? std::optional<T>(value) : std::nullopt; }
};

struct CaseRow {
    long long id = 0, institution_id = 0, created_at = 0, updated_at = 0;
    int full_time = 1, positions = 1, readvertisement = 0;
    double weekly_hours = 37;
    std::string title, state, unit_name, place, municipality, occupation, form, basis, fixed_term, salary,
        agreement, category, languages, contract_signed_on, postcode, city;
    Nullable<long long> unit_id, deadline, expected_start, template_id, copied_from, published_at, closed_at;

    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(institution_id), soci::into(title), soci::into(state),
            soci::into(unit_id.value, unit_id.indicator), soci::into(unit_name), soci::into(place),
            soci::into(municipality), soci::into(occupation), soci::into(form), soci::into(basis),
            soci::into(fixed_term), soci::into(full_time), soci::into(weekly_hours), soci::into(salary),
            soci::into(agreement), soci::into(category), soci::into(positions),
            soci::into(deadline.value, deadline.indicator),
            soci::into(expected_start.value, expected_start.indicator), soci::into(readvertisement),
            soci::into(languages), soci::into(template_id.value, template_id.indicator),
            soci::into(copied_from.value, copied_from.indicator),
            soci::into(published_at.value, published_at.indicator), soci::into(created_at),
            soci::into(updated_at), soci::into(contract_signed_on),
            soci::into(closed_at.value, closed_at.indicator), soci::into(postcode), soci::into(city);
    }

    CaseRecord record() const
    {
        CaseRecord record;
        record.id = id;
        record.institution_id = institution_id;
        record.title = title;
        record.state = domain::case_state_from_string(state).value_or(domain::CaseState::draft);
        record.unit_id = unit_id.get();
        record.unit_name = unit_name;
        record.place_of_work = place;
        record.municipality_code = municipality;
        record.occupation_code = occupation;
        record.employment_form = form;
        record.employment_basis = basis;
        record.fixed_term_text = fixed_term;
        record.full_time = full_time != 0;
        record.weekly_hours = weekly_hours;
        record.salary_text = salary;
        record.collective_agreement = agreement;
        record.position_category = category;
        record.positions = positions;
        record.application_deadline = deadline.get();
        record.expected_start = expected_start.get();
        record.readvertisement = readvertisement != 0;
        record.ad_languages = languages;
        record.template_id = template_id.get();
        record.copied_from = copied_from.get();
        record.published_at = published_at.get();
        record.created_at = created_at;
        record.updated_at = updated_at;
        record.contract_signed_on = contract_signed_on;
        record.closed_at = closed_at.get();
        record.work_postcode = postcode;
        record.work_city = city;
        return record;
    }
};

/// The case by its id, kept prepared on the session: nearly every page of a case reads it first.
struct CaseById {
    long long institution = 0, id = 0;
    CaseRow row;
    KeptStatement statement;

    explicit CaseById(soci::session& sql) : statement(sql, prepared(sql, row, institution, id)) {}

    static soci::details::prepare_temp_type prepared(soci::session& sql, CaseRow& row, long long& institution,
                                                     long long& id)
    {
        auto statement =
            (sql.prepare << columns_from_cases() + "WHERE c.institution_id = :institution AND c.id = :id");
        row.bind(statement);
        statement, soci::use(institution), soci::use(id);
        return statement;
    }
};

/// Input values with their NULL indicators, kept alive for the statement.
struct CaseValues {
    long long institution_id, unit_id, deadline, expected_start, template_id, copied_from, created_at,
        updated_at;
    soci::indicator unit_null, deadline_null, start_null, template_null, copied_null;
    int full_time, positions, readvertisement;
    double weekly_hours;
    std::string state;

    explicit CaseValues(const CaseRecord& record)
        : institution_id(record.institution_id), unit_id(record.unit_id.value_or(0)),
          deadline(record.application_deadline.value_or(0)),
          expected_start(record.expected_start.value_or(0)), template_id(record.template_id.value_or(0)),
          copied_from(record.copied_from.value_or(0)), created_at(record.created_at),
          updated_at(record.updated_at), unit_null(record.unit_id ? soci::i_ok : soci::i_null),
          deadline_null(record.application_deadline ? soci::i_ok : soci::i_null),
          start_null(record.expected_start ? soci::i_ok : soci::i_null),
          template_null(record.template_id ? soci::i_ok : soci::i_null),
          copied_null(record.copied_from ? soci::i_ok : soci::i_null), full_time(record.full_time ? 1 : 0),
          positions(record.positions), readvertisement(record.readvertisement ? 1 : 0),
          weekly_hours(record.weekly_hours), state(domain::to_string(record.state))
    {
    }
};

/// The values of the case list's filters and page, bound by the statements of one filter shape.
struct ListValues {
    long long institution = 0, member = 0, unit = 0, from = 0, to = 0;
    std::string state;
    int offset = 0;

    void assign(const CaseListFilter& filter)
    {
        institution = filter.institution_id;
        member = filter.member_user_id.value_or(0);
        state = filter.state ? std::string(domain::to_string(*filter.state)) : std::string();
        unit = filter.unit_id.value_or(0);
        from = filter.deadline_from.value_or(0);
        to = filter.deadline_to.value_or(0);
        offset = filter.offset;
    }
};

/// The shape of a case list query: its WHERE clause and order, which filters it binds.
struct ListQuery {
    std::string where, order;
    bool member = false, state = false, unit = false, from = false, to = false;

    explicit ListQuery(const CaseListFilter& filter)
        : member(filter.member_user_id.has_value()), state(filter.state.has_value()),
          unit(filter.unit_id.has_value()), from(filter.deadline_from.has_value()),
          to(filter.deadline_to.has_value())
    {
        where = "WHERE c.institution_id = :institution";
        if (member)
            where += " AND c.id IN (SELECT case_id FROM case_roles WHERE user_id = :member)";
        if (state)
            where += " AND c.state = :state";
        if (unit)
            where += " AND c.unit_id = :unit";
        if (from)
            where += " AND c.application_deadline >= :from_time";
        if (to)
            where += " AND c.application_deadline < :to_time";

        static const std::map<std::string, std::string> columns = {{"deadline", "c.application_deadline"},
                                                                   {"title", "c.title"},
                                                                   {"created", "c.created_at"},
                                                                   {"state", "c.state"}};
        auto column = columns.find(filter.sort);
        std::string direction = filter.descending ? " DESC" : " ASC";
        // NULL deadlines (drafts) sort last in both databases. Written as NULLS LAST rather than as an
        // expression, SQLite still walks the (institution_id, application_deadline, id) index instead
        // of sorting every case of the institution.
        order = " ORDER BY " +
                (column == columns.end() ? std::string("c.application_deadline") : column->second) +
                direction + " NULLS LAST, c.id" + direction;
    }

    /// The page's ids first, from the narrow rows of the index, then the page's whole rows: sorting
    /// and skipping thousands of whole rows (with their unit) took 10-15 ms at page 100 of 5,000 cases.
    /// The page size is part of the text (it is one of few values), so that PostgreSQL estimates the
    /// page's rows as well without it as with it and settles on one plan for the kept statement,
    /// instead of planning the query again on every run (0.6 ms, more than running it). There the
    /// whole rows are joined laterally: a plan made for any offset could otherwise read every case of
    /// the institution to join the page's ids.
    std::string page_text(bool postgresql, int limit) const
    {
        std::string page = "SELECT c.id FROM recruitment_cases c " + where + order + " LIMIT " +
                           std::to_string(limit) + " OFFSET :offset";
        // The institution's case list version, read with the page (see list_version).
        std::string select = std::string(k_select) +
                             ", COALESCE((SELECT version FROM case_list_versions WHERE institution_id = "
                             ":version_institution), 0)";
        if (postgresql)
            return select + " FROM (" + page +
                   ") AS page CROSS JOIN LATERAL (SELECT * FROM recruitment_cases WHERE id = page.id OFFSET "
                   "0) AS c" +
                   k_unit_join + order;
        return select + " FROM recruitment_cases c" + k_unit_join + "WHERE c.id IN (" + page + ")" + order;
    }
    std::string count_text() const { return "SELECT COUNT(*) FROM recruitment_cases c " + where; }

    template <typename Statement> void bind(Statement& statement, ListValues& values) const
    {
        statement, soci::use(values.institution);
        if (member)
            statement, soci::use(values.member);
        if (state)
            statement, soci::use(values.state);
        if (unit)
            statement, soci::use(values.unit);
        if (from)
            statement, soci::use(values.from);
        if (to)
            statement, soci::use(values.to);
    }
};

/// A page of the case list for one filter shape, kept prepared on the session: the case list is the
/// start page of every signed-in user.
struct CaseListPage {
    ListValues values;
    CaseRow row;
    long long version = 0;
    KeptStatement statement;

    CaseListPage(soci::session& sql, const std::string& text, const ListQuery& query)
        : statement(sql, prepared(sql, text, query, *this))
    {
    }

    static soci::details::prepare_temp_type prepared(soci::session& sql, const std::string& text,
                                                     const ListQuery& query, CaseListPage& page)
    {
        auto statement = (sql.prepare << text);
        page.row.bind(statement);
        statement, soci::into(page.version), soci::use(page.values.institution);
        ListValues& values = page.values;
        query.bind(statement, values);
        statement, soci::use(values.offset);
        return statement;
    }
};

/// The number of cases of the list for one filter shape, kept prepared beside CaseListPage.
struct CaseListCount {
    ListValues values;
    long long total = 0;
    KeptStatement statement;

    CaseListCount(soci::session& sql, const ListQuery& query)
        : statement(sql, prepared(sql, query, values, total))
    {
    }

    static soci::details::prepare_temp_type prepared(soci::session& sql, const ListQuery& query,
                                                     ListValues& values, long long& total)
    {
        auto statement = (sql.prepare << query.count_text(), soci::into(total));
        query.bind(statement, values);
        return statement;
    }
};

/// The institution's case list version, read before every cached count.
struct ListVersion {
    long long institution = 0, version = 0;
    KeptStatement statement;

    explicit ListVersion(soci::session& sql)
        : statement(sql, (sql.prepare
                              << "SELECT version FROM case_list_versions WHERE institution_id = :institution",
                          soci::use(institution), soci::into(version)))
    {
    }
};

} // namespace

std::int64_t insert(soci::session& sql, const CaseRecord& record)
{
    CaseValues values(record);
    long long id = 0;
    sql << "INSERT INTO recruitment_cases (institution_id, title, state, unit_id, place_of_work, "
           "municipality_code,"
           " occupation_code, employment_form, employment_basis, fixed_term_text, full_time, weekly_hours,"
           " salary_text, collective_agreement, position_category, positions, application_deadline, "
           "expected_start,"
           " readvertisement, ad_languages, template_id, copied_from, created_at, updated_at, work_postcode, "
           "work_city)"
           " VALUES "
           "(:institution,"
           " :title, :state, :unit, :place, :municipality, :occupation, :form, :basis, :fixed_term, "
           ":full_time, :hours,"
           " :salary, :agreement, :category, :positions, :deadline, :start, :readvertisement, :languages, "
           ":template, :copied,"
           " :created, :updated, :postcode, :city) RETURNING id",
        soci::use(values.institution_id), soci::use(record.title), soci::use(values.state),
        soci::use(values.unit_id, values.unit_null), soci::use(record.place_of_work),
        soci::use(record.municipality_code), soci::use(record.occupation_code),
        soci::use(record.employment_form), soci::use(record.employment_basis),
        soci::use(record.fixed_term_text), soci::use(values.full_time), soci::use(values.weekly_hours),
        soci::use(record.salary_text), soci::use(record.collective_agreement),
        soci::use(record.position_category), soci::use(values.positions),
        soci::use(values.deadline, values.deadline_null), soci::use(values.expected_start, values.start_null),
        soci::use(values.readvertisement), soci::use(record.ad_languages),
        soci::use(values.template_id, values.template_null),
        soci::use(values.copied_from, values.copied_null), soci::use(values.created_at),
        soci::use(values.updated_at), soci::use(record.work_postcode), soci::use(record.work_city),
        soci::into(id);
    return id;
}

std::optional<CaseRecord> find(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    auto& lookup = kept_statements<CaseById>(sql);
    lookup.institution = institution_id;
    lookup.id = case_id;
    if (!lookup.statement.first_row())
        return std::nullopt;
    return lookup.row.record();
}

void lock(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    if (sql.get_backend_name() != "postgresql")
        return;
    long long institution = institution_id, id = case_id, found = 0;
    sql << "SELECT id FROM recruitment_cases WHERE institution_id = :institution AND id = :id FOR UPDATE",
        soci::use(institution), soci::use(id), soci::into(found);
}

void lock_shared(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    if (sql.get_backend_name() != "postgresql")
        return;
    long long institution = institution_id, id = case_id, found = 0;
    sql << "SELECT id FROM recruitment_cases WHERE institution_id = :institution AND id = :id FOR SHARE",
        soci::use(institution), soci::use(id), soci::into(found);
}

std::optional<CaseRecord> find_published(soci::session& sql, std::int64_t case_id)
{
    long long id = case_id, institution = 0;
    sql << "SELECT institution_id FROM recruitment_cases WHERE id = :id AND state = 'published'",
        soci::use(id), soci::into(institution);
    if (!sql.got_data())
        return std::nullopt;
    return find(sql, institution, case_id);
}

bool close_if_published(soci::session& sql, std::int64_t case_id, core::UnixTime now)
{
    long long id = case_id, at = now;
    // Conditional, so that two server instances closing at once close (and log) it once.
    soci::statement statement =
        (sql.prepare << "UPDATE recruitment_cases SET state = 'closed_for_applications', updated_at = :at"
                        " WHERE id = :id AND state = 'published'",
         soci::use(at), soci::use(id));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

void update(soci::session& sql, const CaseRecord& record)
{
    CaseValues values(record);
    long long id = record.id;
    sql << "UPDATE recruitment_cases SET title = :title, unit_id = :unit, place_of_work = :place,"
           " municipality_code = :municipality, occupation_code = :occupation, employment_form = :form,"
           " employment_basis = :basis, fixed_term_text = :fixed_term, full_time = :full_time, weekly_hours "
           "= :hours,"
           " salary_text = :salary, collective_agreement = :agreement, position_category = :category,"
           " positions = :positions,"
           " application_deadline = :deadline, expected_start = :start, readvertisement = :readvertisement,"
           " ad_languages = :languages, updated_at = :updated, work_postcode = :postcode, work_city = :city"
           " WHERE institution_id = :institution AND id = :id",
        soci::use(record.title), soci::use(values.unit_id, values.unit_null), soci::use(record.place_of_work),
        soci::use(record.municipality_code), soci::use(record.occupation_code),
        soci::use(record.employment_form), soci::use(record.employment_basis),
        soci::use(record.fixed_term_text), soci::use(values.full_time), soci::use(values.weekly_hours),
        soci::use(record.salary_text), soci::use(record.collective_agreement),
        soci::use(record.position_category), soci::use(values.positions),
        soci::use(values.deadline, values.deadline_null), soci::use(values.expected_start, values.start_null),
        soci::use(values.readvertisement), soci::use(record.ad_languages), soci::use(values.updated_at),
        soci::use(record.work_postcode), soci::use(record.work_city), soci::use(values.institution_id),
        soci::use(id);
}

void set_state(soci::session& sql, std::int64_t institution_id, std::int64_t case_id, domain::CaseState state,
               std::optional<core::UnixTime> published_at, core::UnixTime now)
{
    long long institution = institution_id, id = case_id, at = now, published = published_at.value_or(0);
    std::string state_text(domain::to_string(state));
    if (published_at)
        sql << "UPDATE recruitment_cases SET state = :state, published_at = :published, updated_at = :at"
               " WHERE institution_id = :institution AND id = :id",
            soci::use(state_text), soci::use(published), soci::use(at), soci::use(institution), soci::use(id);
    else
        sql << "UPDATE recruitment_cases SET state = :state, updated_at = :at WHERE institution_id = "
               ":institution"
               " AND id = :id",
            soci::use(state_text), soci::use(at), soci::use(institution), soci::use(id);
}

CasePage page(soci::session& sql, const CaseListFilter& filter)
{
    CasePage found;
    ListQuery query(filter);
    std::string text = query.page_text(sql.get_backend_name() == "postgresql", filter.limit);
    auto& page = kept_statements<CaseListPage>(sql, text, text, query);
    page.values.assign(filter);
    page.statement.each_row([&] {
        found.cases.push_back(page.row.record());
        found.list_version = page.version;
    });
    return found;
}

std::vector<CaseRecord> list(soci::session& sql, const CaseListFilter& filter)
{
    return page(sql, filter).cases;
}

std::int64_t count(soci::session& sql, const CaseListFilter& filter)
{
    ListQuery query(filter);
    auto& count = kept_statements<CaseListCount>(sql, query.count_text(), query);
    count.values.assign(filter);
    count.total = 0;
    count.statement.first_row();
    return count.total;
}

std::int64_t list_version(soci::session& sql, std::int64_t institution_id)
{
    auto& lookup = kept_statements<ListVersion>(sql);
    lookup.institution = institution_id;
    lookup.version = 0;
    lookup.statement.first_row();
    return lookup.version;
}

std::vector<std::pair<std::int64_t, std::int64_t>> due_for_closing(soci::session& sql, core::UnixTime now)
{
    std::vector<std::pair<std::int64_t, std::int64_t>> due;
    long long at = now, institution = 0, id = 0;
    soci::statement statement =
        (sql.prepare << "SELECT institution_id, id FROM recruitment_cases WHERE state = 'published' AND"
                        " application_deadline <= :now ORDER BY id LIMIT 500",
         soci::use(at), soci::into(institution), soci::into(id));
    statement.execute();
    while (statement.fetch())
        due.emplace_back(institution, id);
    return due;
}

std::vector<domain::ContactPerson> contacts(soci::session& sql, std::int64_t institution_id,
                                            std::int64_t case_id)
{
    std::vector<domain::ContactPerson> found;
    long long institution = institution_id, id = case_id;
    domain::ContactPerson contact;
    soci::statement statement =
        (sql.prepare
             << "SELECT name, title, phone, email FROM case_contacts WHERE institution_id = :institution AND"
                " case_id = :id ORDER BY position, id",
         soci::use(institution), soci::use(id), soci::into(contact.name), soci::into(contact.title),
         soci::into(contact.phone), soci::into(contact.email));
    statement.execute();
    while (statement.fetch())
        found.push_back(contact);
    return found;
}

void replace_contacts(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                      const std::vector<domain::ContactPerson>& contacts)
{
    long long institution = institution_id, id = case_id;
    sql << "DELETE FROM case_contacts WHERE institution_id = :institution AND case_id = :id",
        soci::use(institution), soci::use(id);
    int position = 0;
    for (const auto& contact : contacts) {
        sql << "INSERT INTO case_contacts (institution_id, case_id, name, title, phone, email, position)"
               " VALUES (:institution, :id, :name, :title, :phone, :email, :position)",
            soci::use(institution), soci::use(id), soci::use(contact.name), soci::use(contact.title),
            soci::use(contact.phone), soci::use(contact.email), soci::use(position);
        ++position;
    }
}

std::vector<CommitteeMemberRecord> committee(soci::session& sql, std::int64_t institution_id,
                                             std::int64_t case_id)
{
    std::vector<CommitteeMemberRecord> found;
    long long institution = institution_id, id = case_id, user_id = 0, external_case = 0;
    std::string name, email, role;
    soci::indicator external_null = soci::i_ok;
    soci::statement statement =
        (sql.prepare
             << "SELECT r.user_id, u.name, u.email, r.role, u.external_case_id FROM case_roles r"
                " JOIN users u ON u.id = r.user_id WHERE r.institution_id = :institution AND r.case_id = :id"
                " ORDER BY r.role, u.name",
         soci::use(institution), soci::use(id), soci::into(user_id), soci::into(name), soci::into(email),
         soci::into(role), soci::into(external_case, external_null));
    statement.execute();
    while (statement.fetch())
        found.push_back({user_id, name, email,
                         domain::case_role_from_string(role).value_or(domain::CaseRole::projektdeltager),
                         external_null == soci::i_ok});
    return found;
}

void add_member(soci::session& sql, std::int64_t institution_id, std::int64_t case_id, std::int64_t user_id,
                domain::CaseRole role, std::int64_t granted_by, core::UnixTime now)
{
    long long institution = institution_id, id = case_id, user = user_id, granter = granted_by, at = now;
    std::string role_text(domain::to_string(role));
    sql << "INSERT INTO case_roles (institution_id, case_id, user_id, role, granted_by, granted_at)"
           " VALUES (:institution, :id, :user, :role, :granter, :at)",
        soci::use(institution), soci::use(id), soci::use(user), soci::use(role_text), soci::use(granter),
        soci::use(at);
}

bool remove_member(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                   std::int64_t user_id, domain::CaseRole role)
{
    long long institution = institution_id, id = case_id, user = user_id;
    std::string role_text(domain::to_string(role));
    soci::statement statement =
        (sql.prepare << "DELETE FROM case_roles WHERE institution_id = :institution AND"
                        " case_id = :id AND user_id = :user AND role = :role",
         soci::use(institution), soci::use(id), soci::use(user), soci::use(role_text));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
}

namespace {

constexpr const char* k_ad_columns =
    "SELECT a.id, a.language, a.version, a.body_source, a.body_html, a.mandatory_text_ids, COALESCE(u.name, "
    "''),"
    " a.created_at FROM job_ad_versions a LEFT JOIN users u ON u.id = a.created_by ";

struct AdRow {
    long long id = 0, created_at = 0;
    int version = 0;
    AdVersionRecord record;
    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(record.language), soci::into(version),
            soci::into(record.body_source), soci::into(record.body_html),
            soci::into(record.mandatory_text_ids), soci::into(record.created_by_name), soci::into(created_at);
    }
    AdVersionRecord get() const
    {
        AdVersionRecord copy = record;
        copy.id = id;
        copy.version = version;
        copy.created_at = created_at;
        return copy;
    }
};

} // namespace

std::vector<AdVersionRecord> ad_versions(soci::session& sql, std::int64_t institution_id,
                                         std::int64_t case_id, const std::string& language)
{
    std::vector<AdVersionRecord> found;
    long long institution = institution_id, id = case_id;
    AdRow row;
    auto prepared = (sql.prepare << std::string(k_ad_columns) +
                                        "WHERE a.institution_id = :institution AND a.case_id = :id AND"
                                        " a.language = :language ORDER BY a.version DESC");
    row.bind(prepared);
    prepared, soci::use(institution), soci::use(id), soci::use(language);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.get());
    return found;
}

std::optional<AdVersionRecord> latest_ad(soci::session& sql, std::int64_t institution_id,
                                         std::int64_t case_id, const std::string& language)
{
    auto versions = ad_versions(sql, institution_id, case_id, language);
    if (versions.empty())
        return std::nullopt;
    return versions.front();
}

std::optional<AdVersionRecord> ad_version(soci::session& sql, std::int64_t institution_id,
                                          std::int64_t case_id, std::int64_t version_id)
{
    long long institution = institution_id, id = case_id, version = version_id;
    AdRow row;
    auto prepared =
        (sql.prepare << std::string(k_ad_columns) +
                            "WHERE a.institution_id = :institution AND a.case_id = :id AND a.id = :version");
    row.bind(prepared);
    prepared, soci::use(institution), soci::use(id), soci::use(version);
    soci::statement statement(prepared);
    statement.execute(true);
    if (!statement.got_data())
        return std::nullopt;
    return row.get();
}

int add_ad_version(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                   const AdVersionRecord& ad, const std::vector<AdVersionText>& texts,
                   std::int64_t created_by)
{
    long long institution = institution_id, id = case_id, creator = created_by, at = ad.created_at;
    soci::indicator creator_null = created_by > 0 ? soci::i_ok : soci::i_null; // 0: written by the system
    int latest = 0;
    soci::indicator latest_null = soci::i_ok;
    sql << "SELECT MAX(version) FROM job_ad_versions WHERE institution_id = :institution AND case_id = :id "
           "AND"
           " language = :language",
        soci::use(institution), soci::use(id), soci::use(ad.language), soci::into(latest, latest_null);
    int version = (latest_null == soci::i_ok ? latest : 0) + 1;
    long long version_id = 0;
    sql << "INSERT INTO job_ad_versions (institution_id, case_id, language, version, body_source, body_html,"
           " mandatory_text_ids, created_by, created_at) VALUES (:institution, :id, :language, :version, "
           ":source,"
           " :html, :mandatory, :creator, :at) RETURNING id",
        soci::use(institution), soci::use(id), soci::use(ad.language), soci::use(version),
        soci::use(ad.body_source), soci::use(ad.body_html), soci::use(ad.mandatory_text_ids),
        soci::use(creator, creator_null), soci::use(at), soci::into(version_id);
    for (const auto& text : texts) {
        long long text_id = text.mandatory_text_id;
        sql << "INSERT INTO job_ad_version_texts (version_id, institution_id, mandatory_text_id, name, "
               "body_source,"
               " body_html, position) VALUES (:version, :institution, :text, :name, :source, :html, "
               ":position)",
            soci::use(version_id), soci::use(institution), soci::use(text_id), soci::use(text.name),
            soci::use(text.body_source), soci::use(text.body_html), soci::use(text.position);
    }
    return version;
}

std::vector<AdVersionText> ad_version_texts(soci::session& sql, std::int64_t institution_id,
                                            std::int64_t version_id)
{
    std::vector<AdVersionText> found;
    long long institution = institution_id, version = version_id, text_id = 0;
    AdVersionText text;
    soci::statement statement =
        (sql.prepare
             << "SELECT mandatory_text_id, name, body_source, body_html, position FROM job_ad_version_texts"
                " WHERE institution_id = :institution AND version_id = :version"
                " ORDER BY position, mandatory_text_id",
         soci::use(institution), soci::use(version), soci::into(text_id), soci::into(text.name),
         soci::into(text.body_source), soci::into(text.body_html), soci::into(text.position));
    statement.execute();
    while (statement.fetch()) {
        text.mandatory_text_id = text_id;
        found.push_back(text);
    }
    return found;
}

std::vector<CaseQuestionRecord> questions(soci::session& sql, std::int64_t institution_id,
                                          std::int64_t case_id)
{
    std::vector<CaseQuestionRecord> found;
    long long institution = institution_id, id = case_id, question_id = 0, template_id = 0;
    soci::indicator template_null = soci::i_ok;
    CaseQuestionRecord question;
    soci::statement statement =
        (sql.prepare << "SELECT id, template_id, text, kind, options, position FROM case_questions"
                        " WHERE institution_id = :institution AND case_id = :id ORDER BY position, id",
         soci::use(institution), soci::use(id), soci::into(question_id),
         soci::into(template_id, template_null), soci::into(question.text), soci::into(question.kind),
         soci::into(question.options), soci::into(question.position));
    statement.execute();
    while (statement.fetch()) {
        question.id = question_id;
        question.template_id =
            template_null == soci::i_ok ? std::optional<std::int64_t>(template_id) : std::nullopt;
        found.push_back(question);
    }
    return found;
}

void add_question(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                  const CaseQuestionRecord& question)
{
    long long institution = institution_id, id = case_id, template_id = question.template_id.value_or(0);
    soci::indicator template_null = question.template_id ? soci::i_ok : soci::i_null;
    int position = question.position;
    sql << "INSERT INTO case_questions (institution_id, case_id, template_id, text, kind, options, position)"
           " VALUES (:institution, :id, :template, :text, :kind, :options, :position)",
        soci::use(institution), soci::use(id), soci::use(template_id, template_null),
        soci::use(question.text), soci::use(question.kind), soci::use(question.options), soci::use(position);
}

std::optional<CaseQuestionRecord> find_question(soci::session& sql, std::int64_t institution_id,
                                                std::int64_t case_id, std::int64_t question_id)
{
    for (auto& question : questions(sql, institution_id, case_id))
        if (question.id == question_id)
            return std::move(question);
    return std::nullopt;
}

bool remove_question(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                     std::int64_t question_id)
{
    long long institution = institution_id, id = case_id, question = question_id;
    soci::statement statement =
        (sql.prepare << "DELETE FROM case_questions WHERE institution_id = :institution AND"
                        " case_id = :id AND id = :question",
         soci::use(institution), soci::use(id), soci::use(question));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
}

bool update_question(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                     const CaseQuestionRecord& question)
{
    long long institution = institution_id, id = case_id, question_id = question.id;
    soci::statement statement =
        (sql.prepare << "UPDATE case_questions SET text = :text, kind = :kind, options = :options"
                        " WHERE institution_id = :institution AND case_id = :id AND id = :question",
         soci::use(question.text), soci::use(question.kind), soci::use(question.options),
         soci::use(institution), soci::use(id), soci::use(question_id));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
}

} // namespace rekrut::store::cases
