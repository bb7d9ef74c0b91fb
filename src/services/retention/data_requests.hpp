#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "services/applications/applications.hpp"
#include "services/audit_log.hpp"
#include "services/retention/erasure.hpp"

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

    /// One application of the institution, for confirming an erasure.
    core::Result<PersonApplication> application(const domain::Actor& actor, std::int64_t institution_id,
                                                std::int64_t application_id);
    /// Erasure on the person's behalf (Art. 17): carried out at once when the application is withdrawn or
    /// its case closed, else scheduled for then; the hired candidate's application and one on hold are
    /// kept, and the outcome says why. Audited and registered.
    core::Result<ErasureOutcome> request_erasure(const domain::Actor& actor, std::int64_t institution_id,
                                                 std::int64_t application_id, const Origin& origin);

    /// One line of the register as Administrators read it.
    struct RegisterLine {
        core::UnixTime received_at = 0;
        std::string kind;
        std::string channel;
        std::string outcome;
        std::optional<std::int64_t> case_id;
        std::string case_title;
        std::string handled_by;
    };
    /// The institution's register of requests of the last 12 months, newest first (at most 500).
    core::Result<std::vector<RegisterLine>> register_lines(const domain::Actor& actor,
                                                           std::int64_t institution_id, core::UnixTime now);

private:
    store::Database& m_database;
    store::FileStore& m_files;
    std::string m_spool_dir;
};

} // namespace rekrut::services
