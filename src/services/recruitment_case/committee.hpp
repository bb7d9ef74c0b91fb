#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/account_records.hpp"
#include "domain/access/actor.hpp"
#include "services/audit_log.hpp"
#include "services/user_administration.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// A case's hiring committee: members with their case roles, and external members (such as an
/// employee representative) invited to a limited account that sees only this case.
class CaseCommittee {
public:
    CaseCommittee(store::Database& database, std::string public_url)
        : m_database(database), m_public_url(std::move(public_url))
    {
    }

    core::Status add_member(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                            std::int64_t user_id, domain::CaseRole role, const Origin& origin);
    core::Status remove_member(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                               std::int64_t user_id, domain::CaseRole role, const Origin& origin);
    /// Creates the limited account and sends a mail with a link to choose a password.
    core::Status invite_external(const domain::Actor& actor, std::int64_t institution_id,
                                 std::int64_t case_id, const std::string& email, const std::string& name,
                                 domain::CaseRole role, const Origin& origin, const Translate& translate);
    /// Users of the institution that can be added to the case's committee (not the limited accounts
    /// of other cases' external members).
    std::vector<domain::UserRecord> candidates(const domain::Actor& actor, std::int64_t institution_id,
                                               std::int64_t case_id);

private:
    store::Database& m_database;
    std::string m_public_url;
};

} // namespace rekrut::services
