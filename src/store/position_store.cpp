#include "store/position_store.hpp"

#include <soci/soci.h>

#include "store/database.hpp"

namespace rekrut::store {

std::vector<domain::OpenPosition> PositionStore::list_open(core::UnixTime now, int limit)
{
    return m_database.read(
        [&](Session& session) {
            std::vector<domain::OpenPosition> positions;
            long long case_id = 0, deadline = 0;
            long long now_value = now;
            domain::OpenPosition position;
            soci::statement statement =
                (session.sql().prepare
                     << "SELECT c.id, c.title, i.name, c.place_of_work, c.application_deadline"
                        " FROM recruitment_cases c JOIN institutions i ON i.id = c.institution_id"
                        " WHERE c.state = 'published' AND c.application_deadline > :now"
                        " ORDER BY c.application_deadline, c.id LIMIT :limit",
                 soci::use(now_value), soci::use(limit), soci::into(case_id), soci::into(position.title),
                 soci::into(position.institution_name), soci::into(position.place_of_work),
                 soci::into(deadline));
            statement.execute();
            while (statement.fetch()) {
                position.case_id = case_id;
                position.application_deadline = deadline;
                positions.push_back(position);
            }
            return positions;
        });
}

} // namespace rekrut::store
