#pragma once

// Separate database roles on PostgreSQL: the owner role runs the migrations, and the server connects
// as a runtime role that reads and writes the tables but may only read and append to the audit
// trail. The runtime role can then neither change nor delete audit events, nor drop the triggers
// that guard them (only a table's owner may), so a compromised server cannot rewrite history.

#include <string>

#include "core/result.hpp"

namespace rekrut::store {

class Database;

/// True for a name usable as a PostgreSQL role without quoting: a lower-case letter or underscore,
/// then up to 62 lower-case letters, digits or underscores.
bool is_role_name(const std::string& role);

/// Grants `role` what the server needs on every table and sequence, except UPDATE, DELETE and
/// TRUNCATE on `audit_events` and any write to `schema_migrations`. Run by the owner after each
/// migration (tables added later need their grants too). Refused on SQLite, which has no roles.
core::Status grant_runtime_role(Database& owner, const std::string& role);

} // namespace rekrut::store
