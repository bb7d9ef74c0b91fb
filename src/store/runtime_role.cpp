#include "store/runtime_role.hpp"

#include <soci/soci.h>

#include "store/database.hpp"

namespace rekrut::store {

bool is_role_name(const std::string& role)
{
    if (role.empty() || role.size() > 63 ||
        !(std::islower(static_cast<unsigned char>(role[0])) || role[0] == '_'))
        return false;
    for (char ch : role)
        if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
            return false;
    return true;
}

core::Status grant_runtime_role(Database& owner, const std::string& role)
{
    if (owner.dialect() != Dialect::postgresql)
        return core::Error::invalid("database.runtime_role needs PostgreSQL; SQLite has no roles");
    if (!is_role_name(role))
        return core::Error::invalid("database.runtime_role is not a plain role name (a-z, 0-9, _)");
    return owner.transact([&](Transaction& transaction) -> core::Status {
        soci::session& sql = transaction;
        // The name was checked above; roles cannot be bound as parameters.
        sql << "GRANT USAGE ON SCHEMA public TO " + role;
        sql << "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role;
        sql << "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role;
        sql << "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM " + role;
        sql << "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM " + role;
        // The installation key's fingerprint is recorded once, by the owner, and never changed.
        sql << "REVOKE UPDATE, DELETE, TRUNCATE ON installation_key FROM " + role;
        return core::success();
    });
}

} // namespace rekrut::store
