#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "services/applications/applications.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
class FileStore;
} // namespace rekrut::store

namespace rekrut::services {

/// One application of the person asked about.
struct PersonApplication {
    std::int64_t application_id = 0;
    std::int64_t case_id = 0;
    std::string case_title;
    std::string name;
    std::string status;
    core::UnixTime received_at = 0;
};

/// Data-subject requests handled by the institution's Administrators: everything held about a person,
/// found by e-mail address across the institution's cases (Art. 15), and the same ZIP the applicant can
/// download through the personal link. Each search and export is audited without the address, and each
/// export is in the access log.
class DataRequests {
public:
    DataRequests(store::Database& database, store::FileStore& files, std::string spool_dir);

    /// The applications sent from `email` to the institution; invalid for an address that is not one.
    core::Result<std::vector<PersonApplication>> find(const domain::Actor& actor, std::int64_t institution_id,
                                                      const std::string& email, const Origin& origin);
    core::Result<DecryptedFile> export_application(const domain::Actor& actor, std::int64_t institution_id,
                                                   std::int64_t application_id, const Origin& origin);

private:
    store::Database& m_database;
    store::FileStore& m_files;
    std::string m_spool_dir;
};

} // namespace rekrut::services
