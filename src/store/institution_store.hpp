#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/institution/institution_record.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

using domain::InstitutionRecord;

class Database;

/// Institutions are the tenants. Only the platform operator creates them; every other store call
/// is scoped by an institution id taken from the signed-in user, never from input.
class InstitutionStore {
public:
    explicit InstitutionStore(Database& database) : m_database(database) {}

    std::int64_t create(const std::string& cvr, const std::string& name, const std::string& address);
    std::optional<InstitutionRecord> find(std::int64_t id);
    std::optional<InstitutionRecord> find_by_cvr(const std::string& cvr);
    std::vector<InstitutionRecord> list();
    std::int64_t count();
    /// Lookup inside an open session (for services that already hold one).
    static std::optional<InstitutionRecord> find_in(soci::session& sql, std::int64_t id);
    /// Creation and the CVR check inside the caller's transaction (with its audit event).
    static std::int64_t insert_in(soci::session& sql, const std::string& cvr, const std::string& name,
                                  const std::string& address, std::int64_t now);
    static bool cvr_taken_in(soci::session& sql, const std::string& cvr);

private:
    Database& m_database;
};

} // namespace rekrut::store
