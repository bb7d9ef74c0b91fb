#pragma once

#include <vector>

namespace rekrut::store {
class Database;
struct Migration;
} // namespace rekrut::store

namespace rekrut::services {

/// What the health, readiness and metrics endpoints report about the database.
class SystemStatus {
public:
    /// `migrations` are the files shipped with this build, which readiness compares with the database.
    SystemStatus(store::Database& database, std::vector<store::Migration> migrations);
    ~SystemStatus();
    SystemStatus(const SystemStatus&) = delete;
    SystemStatus& operator=(const SystemStatus&) = delete;

    /// A trivial query succeeds.
    bool database_reachable();
    /// Every migration shipped with this build has been applied, unchanged.
    bool migrations_current();
    unsigned sessions_in_use() const;
    unsigned pool_size() const;
    /// The database is an anonymised test copy (`rekrut anonymise`, migration 0024), as read at start:
    /// every page then says so.
    bool anonymised_copy() const { return m_anonymised_copy; }

private:
    store::Database& m_database;
    std::vector<store::Migration> m_migrations;
    bool m_anonymised_copy = false;
};

} // namespace rekrut::services
