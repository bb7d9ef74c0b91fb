#include "services/system_status.hpp"

#include "store/anonymised_copy_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace rekrut::services {

SystemStatus::SystemStatus(store::Database& database, std::vector<store::Migration> migrations)
    : m_database(database), m_migrations(std::move(migrations))
{
    m_anonymised_copy = m_database.read(
        [](store::Session& session) { return store::anonymised_copy::marked_at(session).has_value(); });
}

SystemStatus::~SystemStatus() = default;

bool SystemStatus::database_reachable()
{
    return m_database.ping();
}

bool SystemStatus::migrations_current()
{
    return store::migrations_current(m_database, m_migrations);
}

unsigned SystemStatus::sessions_in_use() const
{
    return m_database.sessions_in_use();
}

unsigned SystemStatus::pool_size() const
{
    return m_database.pool_size();
}

} // namespace rekrut::services
