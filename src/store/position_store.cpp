#include "store/position_store.hpp"

#include <soci/soci.h>

#include "store/database.hpp"

namespace rekrut::store {

std::vector<domain::OpenPosition> PositionStore::list_open(core::UnixTime now, int limit)
{
    return m_database.read(
        [&](Session& session) {
            std::vector<domain::OpenPosition> positions;
            long long case_id = 0, institution_id = 0, deadline = 0, published = 0, updated = 0;
            int full_time = 1;
            double hours = 37;
            soci::indicator published_indicator = soci::i_ok;
            long long now_value = now;
            domain::OpenPosition position;
            soci::statement statement =
                (session.sql().prepare
                     << "SELECT c.id, c.institution_id, c.title, i.name, c.place_of_work, c.employment_form,"
                        " c.position_category, c.municipality_code, c.full_time, c.weekly_hours,"
                        " c.application_deadline, c.published_at, c.updated_at"
                        " FROM recruitment_cases c JOIN institutions i ON i.id = c.institution_id"
                        " WHERE c.state = 'published' AND c.application_deadline > :now"
                        " ORDER BY c.application_deadline, c.id LIMIT :limit",
                 soci::use(now_value), soci::use(limit), soci::into(case_id), soci::into(institution_id),
                 soci::into(position.title), soci::into(position.institution_name),
                 soci::into(position.place_of_work), soci::into(position.employment_form),
                 soci::into(position.position_category), soci::into(position.municipality_code),
                 soci::into(full_time), soci::into(hours), soci::into(deadline),
                 soci::into(published, published_indicator), soci::into(updated));
            statement.execute();
            while (statement.fetch()) {
                position.case_id = case_id;
                position.institution_id = institution_id;
                position.full_time = full_time != 0;
                position.weekly_hours = hours;
                position.application_deadline = deadline;
                position.updated_at = updated;
                // A published case has its publication time; the creation's update time stands in otherwise.
                position.published_at = published_indicator == soci::i_ok ? published : updated;
                positions.push_back(position);
            }
            return positions;
        });
}

std::vector<domain::InstitutionPresentation> PositionStore::list_presentations()
{
    return m_database.read(
        [&](Session& session) {
            std::vector<domain::InstitutionPresentation> presentations;
            long long institution_id = 0, updated = 0;
            domain::InstitutionPresentation presentation;
            soci::statement statement =
                (session.sql().prepare
                     << "SELECT institution_id, language, body_html, updated_at FROM mandatory_texts"
                        " WHERE kind = 'presentation' AND required = 1"
                        " ORDER BY institution_id, language, position, id",
                 soci::into(institution_id), soci::into(presentation.language),
                 soci::into(presentation.body_html), soci::into(updated));
            statement.execute();
            while (statement.fetch()) {
                presentation.institution_id = institution_id;
                presentation.updated_at = updated;
                presentations.push_back(presentation);
            }
            return presentations;
        });
}

// An off-boarded institution's row stays as a tombstone; the career site no longer names it.
constexpr const char* k_named_institutions =
    "SELECT id, name FROM institutions WHERE offboarded_at IS NULL ORDER BY id";

std::vector<std::pair<std::int64_t, std::string>> PositionStore::list_institutions()
{
    return m_database.read([&](Session& session) {
        std::vector<std::pair<std::int64_t, std::string>> institutions;
        long long id = 0;
        std::string name;
        soci::statement statement =
            (session.sql().prepare << k_named_institutions, soci::into(id), soci::into(name));
        statement.execute();
        while (statement.fetch())
            institutions.emplace_back(id, name);
        return institutions;
    });
}

} // namespace rekrut::store
