#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/account_records.hpp"
#include "domain/access/actor.hpp"
#include "domain/institution/institution_record.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
class Transaction;
} // namespace rekrut::store

namespace rekrut::services {

/// Translates a message id into the language of the mail being written.
using Translate = std::function<std::string(const std::string&)>;

/// Mails written with their message ids as they are (English), where no reader's language is known.
inline std::string message_ids_as_they_are(const std::string& message)
{
    return message;
}

struct NewUser {
    std::string email;
    std::string name;
    std::optional<domain::InstitutionRole> role; ///< Only a Superbruger or the operator grants one.
    std::string password;                        ///< Empty: the user gets a link to choose one.
};

/// How long a welcome link for a new account lives, and a reset link.
constexpr int k_welcome_link_seconds = 72 * 3600;
constexpr int k_reset_link_seconds = 30 * 60;

/// Queues the mail with a single-use link to choose a password: a welcome link (72 hours) for a new
/// account or a reset link (30 minutes), inside the caller's transaction. Using any of a user's links
/// revokes the others.
void queue_password_link(store::Transaction& transaction, const std::string& public_url,
                         const domain::UserRecord& user, bool welcome, const Translate& translate);

/// What saving a user led to: saved, or saved with the new e-mail address waiting for its holder to
/// confirm it (services/email_change.hpp).
enum class UserChange { saved, awaiting_email_confirmation };

/// What a role change led to: granted or removed now, waiting for a second Superbruger (a grant of
/// Administrator), or sent to the platform operator (any change of the Superbruger role).
enum class RoleChange { granted, awaiting_approval, awaiting_operator, revoked };

/// One Superbruger/Administrator in the periodic review of administrator rights.
struct AdministratorReviewRow {
    domain::UserRecord user;
    std::vector<domain::InstitutionRoleRecord> roles;
};

/// The user administration: institutions (operator), users and institution roles, role approvals,
/// operator access and password resets. Every method checks the policy itself as well, so the
/// command line cannot bypass it, and writes its audit event in the same transaction.
class UserAdministration {
public:
    UserAdministration(store::Database& database, std::string public_url)
        : m_database(database), m_public_url(std::move(public_url))
    {
    }

    core::Result<std::int64_t> create_institution(const domain::Actor& actor, const std::string& cvr,
                                                  const std::string& name, const std::string& address,
                                                  const Origin& origin);
    std::vector<domain::InstitutionRecord> institutions();

    core::Result<std::int64_t> create_user(const domain::Actor& actor, std::int64_t institution_id,
                                           const NewUser& user, const Origin& origin,
                                           const Translate& translate);
    /// The platform operator account (command line only).
    core::Result<std::int64_t> create_operator(const std::string& email, const std::string& name,
                                               const std::string& password, const Origin& origin);

    std::vector<domain::UserRecord> users(const domain::Actor& actor, std::int64_t institution_id);
    core::Result<domain::UserRecord> user(const domain::Actor& actor, std::int64_t institution_id,
                                          std::int64_t user_id);
    /// Erases a deactivated user's account now, before the institution's period for ended accounts has
    /// run (docs/retention.md): allowed to those who may deactivate the user; a conflict while the
    /// account is not deactivated, or when it was erased already.
    core::Status erase_user(const domain::Actor& actor, std::int64_t institution_id, std::int64_t user_id,
                            const Origin& origin);
    /// Changes name and status at once. A new e-mail address is mailed a link that confirms it and
    /// the address in use is told; the address changes when the link is followed.
    core::Result<UserChange> update_user(const domain::Actor& actor, std::int64_t institution_id,
                                         std::int64_t user_id, const std::string& name,
                                         const std::string& email, domain::UserStatus status,
                                         const Origin& origin,
                                         const Translate& translate = message_ids_as_they_are);

    /// Grants `role`, or asks for it: a grant of Administrator waits for a second Superbruger when the
    /// institution has two or more; the Superbruger role is only ever requested, by a Superbruger of
    /// the institution or by an operator, and an operator who did not ask carries it out.
    core::Result<RoleChange> grant_role(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t user_id, domain::InstitutionRole role,
                                        const Origin& origin);
    /// Removes `role` at once, or, for the Superbruger role, asks an operator to remove it.
    core::Result<RoleChange> revoke_role(const domain::Actor& actor, std::int64_t institution_id,
                                         std::int64_t user_id, domain::InstitutionRole role,
                                         const Origin& origin);
    std::vector<domain::RoleRequestRecord> pending_role_requests(const domain::Actor& actor,
                                                                 std::int64_t institution_id);
    core::Status decide_role_request(const domain::Actor& actor, std::int64_t institution_id,
                                     std::int64_t request_id, bool approve, const Origin& origin);
    /// An operator carries out (approves) or rejects a request for the Superbruger role, of any
    /// institution; never their own request. A new account whose role is approved gets its welcome
    /// mail now, written with `translate`.
    core::Status decide_superbruger_request(const domain::Actor& actor, std::int64_t request_id, bool approve,
                                            const Origin& origin, const Translate& translate);

    std::vector<AdministratorReviewRow> administrator_review(const domain::Actor& actor,
                                                             std::int64_t institution_id);

    core::Status request_operator_access(const domain::Actor& actor, std::int64_t institution_id,
                                         const std::string& reason, int hours, const Origin& origin);
    void end_operator_access(const domain::Actor& actor, const Origin& origin);
    std::vector<domain::OperatorAccessRecord> operator_access_log(const domain::Actor& actor,
                                                                  std::int64_t institution_id);

    /// Always answers the same way, known address or not; mails a single-use link valid 30 minutes.
    void request_password_reset(const std::string& email, const Origin& origin, const Translate& translate);
    core::Status check_reset_token(const std::string& token);
    core::Status reset_password(const std::string& token, const std::string& password, const Origin& origin);

private:
    store::Database& m_database;
    std::string m_public_url;
};

} // namespace rekrut::services
