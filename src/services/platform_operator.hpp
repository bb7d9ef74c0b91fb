#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/account_records.hpp"
#include "domain/access/actor.hpp"
#include "domain/institution/institution_record.hpp"
#include "domain/mail/outbox_message.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// A Superbruger or Administrator of an institution, as the operator sees them.
struct InstitutionAdministrator {
    std::int64_t user_id = 0;
    std::string name;
    std::string email;
    domain::InstitutionRole role = domain::InstitutionRole::administrator;
    domain::UserStatus status = domain::UserStatus::active;
};

/// What the platform operator reads about institutions without elevated access: whether an
/// institution can look after itself (its Superbrugere and Administrators), the Superbrugere the
/// operator maintains and the requests for the role, the outgoing mail, and the operator's own
/// current access. These are deliberate reads across institutions, for the operator alone.
class PlatformOperator {
public:
    explicit PlatformOperator(store::Database& database) : m_database(database) {}

    std::optional<domain::InstitutionRecord> institution(const domain::Actor& actor,
                                                         std::int64_t institution_id);
    std::vector<InstitutionAdministrator> administrators(const domain::Actor& actor,
                                                         std::int64_t institution_id);
    /// The account of a Superbruger of the institution (holding the role now), for the operator
    /// to change, lock or deactivate; anyone else is not found.
    std::optional<domain::UserRecord> superbruger(const domain::Actor& actor, std::int64_t institution_id,
                                                  std::int64_t user_id);
    /// Requests for the Superbruger role waiting for an operator, in every institution, oldest first.
    std::vector<domain::RoleRequestRecord> superbruger_requests(const domain::Actor& actor);
    /// The most recent mails in the outbox, newest first.
    std::vector<domain::OutboxMessage> recent_mail(const domain::Actor& actor, int limit);
    /// The operator's elevated access now in force, if any.
    std::optional<domain::OperatorAccessRecord> current_access(const domain::Actor& actor);

private:
    store::Database& m_database;
};

} // namespace rekrut::services
