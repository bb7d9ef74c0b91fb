#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/access/account_records.hpp"
#include "domain/access/roles.hpp"
#include "store/session_store.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

using domain::InstitutionRoleRecord;
using domain::OperatorAccessRecord;
using domain::RoleRequestRecord;
using domain::UserRecord;

// Store functions for users, their institution roles, role requests and the operator's access to an
// institution (sessions and the other sign-in tables are in session_store.hpp). Each takes the open
// session (so a service can combine several calls and an audit event in one transaction) and,
// for tenant data, the institution id first. Records of another institution are not found.

namespace users {
std::int64_t insert(soci::session& sql, const UserRecord& user, std::optional<std::int64_t> created_by);
/// Login looks the account up by e-mail across institutions: the account decides the tenant.
std::optional<UserRecord> find_by_email_for_login(soci::session& sql, const std::string& email);
/// Unscoped lookup by id, for the signed-in user's own record and for operator tools. Kept prepared
/// per session, since every signed-in request loads its user with it.
std::optional<UserRecord> find_any(soci::session& sql, std::int64_t user_id);

/// A session and the user it belongs to.
struct SessionWithUser {
    SessionRecord session;
    UserRecord user;
};
/// The session with this token's hash and its user, read in one statement (every signed-in request
/// starts with it); none when no session has the hash.
std::optional<SessionWithUser> find_by_session(soci::session& sql, const std::string& token_hash);
std::optional<UserRecord> find(soci::session& sql, std::int64_t institution_id, std::int64_t user_id);
std::vector<UserRecord> list(soci::session& sql, std::int64_t institution_id);
bool email_taken(soci::session& sql, const std::string& email);
void update_profile(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
                    const std::string& name, const std::string& email, domain::UserStatus status);
void set_own_name(soci::session& sql, std::int64_t user_id, const std::string& name);
/// Sets the address a confirmed change leads to (the caller checked that no one else has it).
void set_email(soci::session& sql, std::int64_t user_id, const std::string& email);
void set_password_hash(soci::session& sql, std::int64_t user_id, const std::string& hash);
void set_totp(soci::session& sql, std::int64_t user_id, const std::string& secret, bool enabled,
              core::UnixTime now);
/// Users whose TOTP secret is stored as written before secrets were sealed: (id, stored value).
std::vector<std::pair<std::int64_t, std::string>> unsealed_totp_secrets(soci::session& sql);
/// Replaces the stored form of a user's TOTP secret (the secret itself stays the same).
void replace_totp_secret(soci::session& sql, std::int64_t user_id, const std::string& stored);
bool advance_totp_step(soci::session& sql, std::int64_t user_id, std::int64_t step);
void record_login(soci::session& sql, std::int64_t user_id, core::UnixTime now);
void mark_rights_changed(soci::session& sql, std::int64_t user_id, core::UnixTime now);
} // namespace users

/// Every role one user holds, as the actor needs them.
struct HeldRoles {
    std::set<domain::InstitutionRole> institution_roles;
    std::map<std::int64_t, std::set<domain::CaseRole>> case_roles; ///< Case id → roles on that case.
};

namespace roles {
std::set<domain::InstitutionRole> institution_roles_of(soci::session& sql, std::int64_t user_id);
/// The user's institution roles and case roles, read in one query (kept prepared per session, since
/// every signed-in request loads them). Like the user, they are found by the user's id.
HeldRoles held_by(soci::session& sql, std::int64_t user_id);
std::vector<InstitutionRoleRecord> institution_roles_in(soci::session& sql, std::int64_t institution_id);
int count_holders(soci::session& sql, std::int64_t institution_id, domain::InstitutionRole role);
void grant(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
           domain::InstitutionRole role, std::optional<std::int64_t> granted_by,
           std::optional<std::int64_t> approved_by, core::UnixTime now);
bool revoke(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
            domain::InstitutionRole role);
} // namespace roles

namespace role_requests {
std::int64_t create(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
                    domain::InstitutionRole role, domain::RoleChangeKind change, std::int64_t requested_by,
                    core::UnixTime now);
std::vector<RoleRequestRecord> list_pending(soci::session& sql, std::int64_t institution_id);
std::optional<RoleRequestRecord> find(soci::session& sql, std::int64_t institution_id,
                                      std::int64_t request_id);
/// The pending requests for `role` in every institution, oldest first, with the institution's name:
/// the platform operator's queue of Superbruger requests (a deliberate read across institutions).
std::vector<RoleRequestRecord> list_pending_across_institutions(soci::session& sql,
                                                                domain::InstitutionRole role);
/// A request for `role` by id in whichever institution it belongs to, for the operator who
/// decides it; requests for other roles are not found.
std::optional<RoleRequestRecord> find_across_institutions(soci::session& sql, std::int64_t request_id,
                                                          domain::InstitutionRole role);
bool has_pending(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
                 domain::InstitutionRole role);
void decide(soci::session& sql, std::int64_t institution_id, std::int64_t request_id,
            const std::string& state, std::int64_t decided_by, core::UnixTime now);
} // namespace role_requests

namespace operator_access {
std::int64_t create(soci::session& sql, std::int64_t operator_user_id, std::int64_t institution_id,
                    const std::string& reason, core::UnixTime now, core::UnixTime expires_at);
std::optional<OperatorAccessRecord> active_for(soci::session& sql, std::int64_t operator_user_id,
                                               core::UnixTime now);
void end(soci::session& sql, std::int64_t operator_user_id, core::UnixTime now);
std::vector<OperatorAccessRecord> list_for_institution(soci::session& sql, std::int64_t institution_id);
} // namespace operator_access

} // namespace rekrut::store
