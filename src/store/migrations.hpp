#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"

namespace rekrut::store {

class Database;

/// One numbered SQL file, already resolved for the database's dialect.
struct Migration {
    int version = 0;
    std::string name;     ///< "0002_recruitment_cases"
    std::string sql;      ///< With dialect macros expanded.
    std::string checksum; ///< BLAKE2b of the file as written.
};

/// Reads `dir/NNNN_name.sql`; `dir/sqlite/` and `dir/postgresql/` hold dialect versions that replace
/// the common file of the same name. Macros: {{id}} (integer primary key), {{blob}}.
std::vector<Migration> read_migrations(const std::string& dir, bool sqlite);

struct MigrationReport {
    std::vector<std::string> applied; ///< Names applied by this run.
    int version = 0;                  ///< The newest migration's version, now applied.
};

/// Applies pending migrations in order, each in its own transaction, recording version and checksum.
/// Refuses (and applies nothing) when an applied migration's file has changed or is missing.
core::Result<MigrationReport> migrate(Database& database, const std::vector<Migration>& migrations);

/// True when every migration is applied with a matching checksum.
bool migrations_current(Database& database, const std::vector<Migration>& migrations);

} // namespace rekrut::store
