#include "store/identity_store.hpp"

#include <soci/soci.h>

#include "store/prepared_statements.hpp"

namespace rekrut::store {
namespace {

constexpr const char* k_user_column_names[] = {"id",
                                               "institution_id",
                                               "email",
                                               "name",
                                               "password_hash",
                                               "status",
                                               "is_operator",
                                               "totp_secret",
                                               "totp_enabled",
                                               "totp_last_step",
                                               "totp_enabled_at",
                                               "last_login_at",
                                               "rights_changed_at",
                                               "created_at",
                                               "external_case_id"};

/// The users columns UserRow binds, in its order, each after `prefix` (a table alias and a dot).
std::string user_column_list(const std::string& prefix)
{
    std::string list;
    for (const char* name : k_user_column_names)
        list += (list.empty() ? "" : ", ") + prefix + name;
    return list;
}

const std::string k_user_columns = "SELECT " + user_column_list("") + " FROM users ";

/// Holds the raw columns of one users row with their NULL indicators.
struct UserRow {
    long long id = 0, institution_id = 0, totp_last_step = 0, totp_enabled_at = 0, last_login_at = 0,
              rights_changed_at = 0, created_at = 0, external_case_id = 0;
    int is_operator = 0, totp_enabled = 0;
    std::string email, name, password_hash, status, totp_secret;
    soci::indicator institution_null = soci::i_ok, hash_null = soci::i_ok, secret_null = soci::i_ok,
                    totp_at_null = soci::i_ok, login_null = soci::i_ok, external_null = soci::i_ok;

    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(institution_id, institution_null), soci::into(email),
            soci::into(name), soci::into(password_hash, hash_null), soci::into(status),
            soci::into(is_operator), soci::into(totp_secret, secret_null), soci::into(totp_enabled),
            soci::into(totp_last_step), soci::into(totp_enabled_at, totp_at_null),
            soci::into(last_login_at, login_null), soci::into(rights_changed_at), soci::into(created_at),
            soci::into(external_case_id, external_null);
    }

    UserRecord record() const
    {
        UserRecord user;
        user.id = id;
        if (institution_null == soci::i_ok)
            user.institution_id = institution_id;
        user.email = email;
        user.name = name;
        user.password_hash = hash_null == soci::i_ok ? password_hash : "";
        user.status = domain::user_status_from_string(status).value_or(domain::UserStatus::deactivated);
        user.is_operator = is_operator != 0;
        user.totp_secret = secret_null == soci::i_ok ? totp_secret : "";
        user.totp_enabled = totp_enabled != 0;
        user.totp_last_step = totp_last_step;
        if (totp_at_null == soci::i_ok)
            user.totp_enabled_at = totp_enabled_at;
        if (login_null == soci::i_ok)
            user.last_login_at = last_login_at;
        user.rights_changed_at = rights_changed_at;
        user.created_at = created_at;
        if (external_null == soci::i_ok)
            user.external_case_id = external_case_id;
        return user;
    }
};

template <typename... Keys>
std::optional<UserRecord> find_user(soci::session& sql, const std::string& where, const Keys&... keys)
{
    UserRow row;
    auto prepared = (sql.prepare << k_user_columns + where);
    row.bind(prepared);
    (prepared, ..., soci::use(keys));
    soci::statement statement(prepared);
    statement.execute(true);
    if (!statement.got_data())
        return std::nullopt;
    return row.record();
}

/// The user lookup by id, kept prepared: every signed-in request loads its user with it.
struct UserById {
    long long id = 0;
    UserRow row;
    KeptStatement statement;

    explicit UserById(soci::session& sql) : statement(sql, bound_to(sql, row, id)) {}

    static soci::details::prepare_temp_type bound_to(soci::session& sql, UserRow& row, long long& id)
    {
        auto prepared = (sql.prepare << k_user_columns + "WHERE id = :id", soci::use(id));
        row.bind(prepared);
        return prepared;
    }
};

/// Every role of one user in one query, kept prepared: every signed-in request loads the actor's
/// roles with it. `kind` tells the two kinds apart; `case_id` is 0 for an institution role.
struct RolesOfUser {
    long long user = 0, case_id = 0;
    std::string kind, role;
    KeptStatement statement;

    explicit RolesOfUser(soci::session& sql)
        : statement(sql, (sql.prepare
                              << "SELECT 'institution', 0, role FROM institution_roles WHERE user_id = :user"
                                 " UNION ALL"
                                 " SELECT 'case', case_id, role FROM case_roles WHERE user_id = :user2",
                          soci::use(user), soci::use(user), soci::into(kind), soci::into(case_id),
                          soci::into(role)))
    {
    }
};

/// The session by its token's hash with its user, in one statement kept prepared: every signed-in
/// request starts with it.
struct SessionAndUser {
    std::string token_hash, csrf_seed;
    long long id = 0, user = 0, created = 0, seen = 0, expires = 0, rotated = 0;
    int mfa = 0;
    UserRow row;
    KeptStatement statement;

    explicit SessionAndUser(soci::session& sql) : statement(sql, bound_to(sql, *this)) {}

    static soci::details::prepare_temp_type bound_to(soci::session& sql, SessionAndUser& found)
    {
        auto prepared = (sql.prepare << "SELECT s.id, s.user_id, s.mfa_passed, s.created_at, s.last_seen_at,"
                                        " s.expires_at, s.rotated_at, s.csrf_seed, " +
                                            user_column_list("u.") +
                                            " FROM sessions s JOIN users u ON u.id = s.user_id"
                                            " WHERE s.token_hash = :hash",
                         soci::into(found.id), soci::into(found.user), soci::into(found.mfa),
                         soci::into(found.created), soci::into(found.seen), soci::into(found.expires),
                         soci::into(found.rotated), soci::into(found.csrf_seed));
        found.row.bind(prepared);
        prepared, soci::use(found.token_hash);
        return prepared;
    }
};

} // namespace

namespace users {

std::optional<SessionWithUser> find_by_session(soci::session& sql, const std::string& token_hash)
{
    auto& lookup = kept_statements<SessionAndUser>(sql);
    lookup.token_hash = token_hash;
    if (!lookup.statement.first_row())
        return std::nullopt;
    return SessionWithUser{SessionRecord{lookup.id, lookup.user, lookup.mfa != 0, lookup.created, lookup.seen,
                                         lookup.expires, lookup.rotated, lookup.csrf_seed},
                           lookup.row.record()};
}

std::int64_t insert(soci::session& sql, const UserRecord& user, std::optional<std::int64_t> created_by)
{
    long long id = 0;
    long long institution = user.institution_id.value_or(0);
    soci::indicator institution_null = user.institution_id ? soci::i_ok : soci::i_null;
    long long creator = created_by.value_or(0);
    soci::indicator creator_null = created_by ? soci::i_ok : soci::i_null;
    std::string status(domain::to_string(user.status));
    int is_operator = user.is_operator ? 1 : 0;
    long long now = user.created_at;
    soci::indicator hash_null = user.password_hash.empty() ? soci::i_null : soci::i_ok;
    long long external_case = user.external_case_id.value_or(0);
    soci::indicator external_null = user.external_case_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO users (institution_id, email, name, password_hash, status, is_operator, "
           "rights_changed_at,"
           " created_at, created_by, external_case_id) VALUES (:institution, :email, :name, :hash, :status,"
           " :operator, :now, :now2, :creator, :external_case) RETURNING id",
        soci::use(institution, institution_null), soci::use(user.email), soci::use(user.name),
        soci::use(user.password_hash, hash_null), soci::use(status), soci::use(is_operator), soci::use(now),
        soci::use(now), soci::use(creator, creator_null), soci::use(external_case, external_null),
        soci::into(id);
    return id;
}

std::optional<UserRecord> find_by_email_for_login(soci::session& sql, const std::string& email)
{
    return find_user(sql, "WHERE email = :email", email);
}

std::optional<UserRecord> find_any(soci::session& sql, std::int64_t user_id)
{
    auto& lookup = kept_statements<UserById>(sql);
    lookup.id = user_id;
    if (!lookup.statement.first_row())
        return std::nullopt;
    return lookup.row.record();
}

std::optional<UserRecord> find(soci::session& sql, std::int64_t institution_id, std::int64_t user_id)
{
    long long institution = institution_id, id = user_id;
    return find_user(sql, "WHERE institution_id = :institution AND id = :id", institution, id);
}

std::vector<UserRecord> list(soci::session& sql, std::int64_t institution_id)
{
    std::vector<UserRecord> found;
    UserRow row;
    long long institution = institution_id;
    auto prepared = (sql.prepare << k_user_columns + "WHERE institution_id = :institution ORDER BY name, id",
                     soci::use(institution));
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.record());
    return found;
}

bool email_taken(soci::session& sql, const std::string& email)
{
    long long count = 0;
    sql << "SELECT COUNT(*) FROM users WHERE email = :email", soci::use(email), soci::into(count);
    return count > 0;
}

void update_profile(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
                    const std::string& name, const std::string& email, domain::UserStatus status)
{
    long long institution = institution_id, id = user_id;
    std::string status_text(domain::to_string(status));
    long long changed_at = core::now();
    // status_changed_at starts the period after which a deactivated account is erased.
    sql << "UPDATE users SET name = :name, email = :email, status_changed_at = CASE WHEN status = :same"
           " THEN status_changed_at ELSE :changed_at END, status = :status WHERE institution_id = "
           ":institution"
           " AND id = :id",
        soci::use(name), soci::use(email), soci::use(status_text), soci::use(changed_at),
        soci::use(status_text), soci::use(institution), soci::use(id);
}

void set_own_name(soci::session& sql, std::int64_t user_id, const std::string& name)
{
    long long id = user_id;
    sql << "UPDATE users SET name = :name WHERE id = :id", soci::use(name), soci::use(id);
}

void set_email(soci::session& sql, std::int64_t user_id, const std::string& email)
{
    long long id = user_id;
    sql << "UPDATE users SET email = :email WHERE id = :id", soci::use(email), soci::use(id);
}

void set_password_hash(soci::session& sql, std::int64_t user_id, const std::string& hash)
{
    long long id = user_id;
    sql << "UPDATE users SET password_hash = :hash WHERE id = :id", soci::use(hash), soci::use(id);
}

void set_totp(soci::session& sql, std::int64_t user_id, const std::string& secret, bool enabled,
              core::UnixTime now)
{
    long long id = user_id, at = now;
    int on = enabled ? 1 : 0;
    soci::indicator secret_null = secret.empty() ? soci::i_null : soci::i_ok;
    soci::indicator at_null = enabled ? soci::i_ok : soci::i_null;
    sql << "UPDATE users SET totp_secret = :secret, totp_enabled = :enabled, totp_enabled_at = :at WHERE id "
           "= :id",
        soci::use(secret, secret_null), soci::use(on), soci::use(at, at_null), soci::use(id);
}

std::vector<std::pair<std::int64_t, std::string>> unsealed_totp_secrets(soci::session& sql)
{
    std::vector<std::pair<std::int64_t, std::string>> found;
    long long id = 0;
    std::string secret;
    soci::statement statement =
        (sql.prepare
             << "SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL AND totp_secret <> ''"
                " AND totp_secret NOT LIKE 'enc1:%' ORDER BY id",
         soci::into(id), soci::into(secret));
    statement.execute();
    while (statement.fetch())
        found.emplace_back(id, secret);
    return found;
}

void replace_totp_secret(soci::session& sql, std::int64_t user_id, const std::string& stored)
{
    long long id = user_id;
    sql << "UPDATE users SET totp_secret = :secret WHERE id = :id", soci::use(stored), soci::use(id);
}

bool advance_totp_step(soci::session& sql, std::int64_t user_id, std::int64_t step)
{
    long long id = user_id, value = step;
    soci::statement statement =
        (sql.prepare << "UPDATE users SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step2",
         soci::use(value), soci::use(id), soci::use(value));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

void record_login(soci::session& sql, std::int64_t user_id, core::UnixTime now)
{
    long long id = user_id, at = now;
    sql << "UPDATE users SET last_login_at = :at WHERE id = :id", soci::use(at), soci::use(id);
}

void mark_rights_changed(soci::session& sql, std::int64_t user_id, core::UnixTime now)
{
    long long id = user_id, at = now;
    sql << "UPDATE users SET rights_changed_at = :at WHERE id = :id", soci::use(at), soci::use(id);
}

} // namespace users

namespace roles {

std::set<domain::InstitutionRole> institution_roles_of(soci::session& sql, std::int64_t user_id)
{
    std::set<domain::InstitutionRole> found;
    long long id = user_id;
    std::string role;
    soci::statement statement = (sql.prepare << "SELECT role FROM institution_roles WHERE user_id = :id",
                                 soci::use(id), soci::into(role));
    statement.execute();
    while (statement.fetch())
        if (auto parsed = domain::institution_role_from_string(role))
            found.insert(*parsed);
    return found;
}

HeldRoles held_by(soci::session& sql, std::int64_t user_id)
{
    HeldRoles held;
    auto& query = kept_statements<RolesOfUser>(sql);
    query.user = user_id;
    query.statement.each_row([&] {
        if (query.kind == "institution") {
            if (auto parsed = domain::institution_role_from_string(query.role))
                held.institution_roles.insert(*parsed);
        } else if (auto parsed = domain::case_role_from_string(query.role)) {
            held.case_roles[query.case_id].insert(*parsed);
        }
    });
    return held;
}

std::vector<InstitutionRoleRecord> institution_roles_in(soci::session& sql, std::int64_t institution_id)
{
    std::vector<InstitutionRoleRecord> found;
    long long institution = institution_id, user_id = 0, granted_by = 0, approved_by = 0, granted_at = 0;
    std::string role, granted_name, approved_name;
    soci::indicator granted_null = soci::i_ok, approved_null = soci::i_ok, granted_name_null = soci::i_ok,
                    approved_name_null = soci::i_ok;
    soci::statement statement =
        (sql.prepare << "SELECT r.user_id, r.role, r.granted_by, g.name, r.approved_by, a.name, r.granted_at"
                        " FROM institution_roles r LEFT JOIN users g ON g.id = r.granted_by"
                        " LEFT JOIN users a ON a.id = r.approved_by"
                        " WHERE r.institution_id = :institution ORDER BY r.user_id, r.role",
         soci::use(institution), soci::into(user_id), soci::into(role), soci::into(granted_by, granted_null),
         soci::into(granted_name, granted_name_null), soci::into(approved_by, approved_null),
         soci::into(approved_name, approved_name_null), soci::into(granted_at));
    statement.execute();
    while (statement.fetch()) {
        InstitutionRoleRecord record;
        record.user_id = user_id;
        record.role =
            domain::institution_role_from_string(role).value_or(domain::InstitutionRole::administrator);
        if (granted_null == soci::i_ok)
            record.granted_by = granted_by;
        record.granted_by_name = granted_name_null == soci::i_ok ? granted_name : "";
        if (approved_null == soci::i_ok)
            record.approved_by = approved_by;
        record.approved_by_name = approved_name_null == soci::i_ok ? approved_name : "";
        record.granted_at = granted_at;
        found.push_back(record);
    }
    return found;
}

int count_holders(soci::session& sql, std::int64_t institution_id, domain::InstitutionRole role)
{
    long long institution = institution_id, count = 0;
    std::string role_text(domain::to_string(role));
    sql << "SELECT COUNT(*) FROM institution_roles r JOIN users u ON u.id = r.user_id"
           " WHERE r.institution_id = :institution AND r.role = :role AND u.status = 'active'",
        soci::use(institution), soci::use(role_text), soci::into(count);
    return static_cast<int>(count);
}

void grant(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
           domain::InstitutionRole role, std::optional<std::int64_t> granted_by,
           std::optional<std::int64_t> approved_by, core::UnixTime now)
{
    long long institution = institution_id, user = user_id, granter = granted_by.value_or(0),
              approver = approved_by.value_or(0), at = now;
    soci::indicator granter_null = granted_by ? soci::i_ok : soci::i_null;
    soci::indicator approver_null = approved_by ? soci::i_ok : soci::i_null;
    std::string role_text(domain::to_string(role));
    sql << "INSERT INTO institution_roles (institution_id, user_id, role, granted_by, approved_by, "
           "granted_at)"
           " VALUES (:institution, :user, :role, :granter, :approver, :at)",
        soci::use(institution), soci::use(user), soci::use(role_text), soci::use(granter, granter_null),
        soci::use(approver, approver_null), soci::use(at);
}

bool revoke(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
            domain::InstitutionRole role)
{
    long long institution = institution_id, user = user_id;
    std::string role_text(domain::to_string(role));
    soci::statement statement =
        (sql.prepare << "DELETE FROM institution_roles WHERE institution_id = :institution"
                        " AND user_id = :user AND role = :role",
         soci::use(institution), soci::use(user), soci::use(role_text));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
}

} // namespace roles

namespace role_requests {

std::int64_t create(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
                    domain::InstitutionRole role, domain::RoleChangeKind change, std::int64_t requested_by,
                    core::UnixTime now)
{
    long long id = 0, institution = institution_id, user = user_id, requester = requested_by, at = now;
    std::string role_text(domain::to_string(role)), change_text(domain::to_string(change));
    sql << "INSERT INTO role_requests (institution_id, user_id, role, change, requested_by, requested_at,"
           " state) VALUES (:institution, :user, :role, :change, :requester, :at, 'pending') RETURNING id",
        soci::use(institution), soci::use(user), soci::use(role_text), soci::use(change_text),
        soci::use(requester), soci::use(at), soci::into(id);
    return id;
}

namespace {

constexpr const char* k_request_columns =
    "SELECT q.id, q.institution_id, q.user_id, u.name, q.role, q.requested_by, r.name, q.requested_at, "
    "q.state, q.change, i.name"
    " FROM role_requests q JOIN users u ON u.id = q.user_id JOIN users r ON r.id = q.requested_by"
    " JOIN institutions i ON i.id = q.institution_id ";

struct RequestRow {
    long long id = 0, institution_id = 0, user_id = 0, requested_by = 0, requested_at = 0;
    std::string user_name, role, requested_by_name, state, change, institution_name;
    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(institution_id), soci::into(user_id), soci::into(user_name),
            soci::into(role), soci::into(requested_by), soci::into(requested_by_name),
            soci::into(requested_at), soci::into(state), soci::into(change), soci::into(institution_name);
    }
    RoleRequestRecord record() const
    {
        return {id,
                institution_id,
                user_id,
                user_name,
                domain::institution_role_from_string(role).value_or(domain::InstitutionRole::administrator),
                requested_by,
                requested_by_name,
                requested_at,
                state,
                domain::role_change_from_string(change).value_or(domain::RoleChangeKind::grant),
                institution_name};
    }
};

} // namespace

std::vector<RoleRequestRecord> list_pending(soci::session& sql, std::int64_t institution_id)
{
    std::vector<RoleRequestRecord> found;
    long long institution = institution_id;
    RequestRow row;
    auto prepared =
        (sql.prepare << std::string(k_request_columns) +
                            "WHERE q.institution_id = :institution AND q.state = 'pending' ORDER BY q.id",
         soci::use(institution));
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.record());
    return found;
}

std::optional<RoleRequestRecord> find(soci::session& sql, std::int64_t institution_id,
                                      std::int64_t request_id)
{
    long long institution = institution_id, id = request_id;
    RequestRow row;
    auto prepared = (sql.prepare << std::string(k_request_columns) +
                                        "WHERE q.institution_id = :institution AND q.id = :id",
                     soci::use(institution), soci::use(id));
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute(true);
    if (!statement.got_data())
        return std::nullopt;
    return row.record();
}

std::vector<RoleRequestRecord> list_pending_across_institutions(soci::session& sql,
                                                                domain::InstitutionRole role)
{
    std::vector<RoleRequestRecord> found;
    std::string role_text(domain::to_string(role));
    RequestRow row;
    auto prepared = (sql.prepare << std::string(k_request_columns) +
                                        "WHERE q.role = :role AND q.state = 'pending' ORDER BY q.id",
                     soci::use(role_text));
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.record());
    return found;
}

std::optional<RoleRequestRecord> find_across_institutions(soci::session& sql, std::int64_t request_id,
                                                          domain::InstitutionRole role)
{
    long long id = request_id;
    std::string role_text(domain::to_string(role));
    RequestRow row;
    auto prepared = (sql.prepare << std::string(k_request_columns) + "WHERE q.id = :id AND q.role = :role",
                     soci::use(id), soci::use(role_text));
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute(true);
    if (!statement.got_data())
        return std::nullopt;
    return row.record();
}

bool has_pending(soci::session& sql, std::int64_t institution_id, std::int64_t user_id,
                 domain::InstitutionRole role)
{
    long long institution = institution_id, user = user_id, count = 0;
    std::string role_text(domain::to_string(role));
    sql << "SELECT COUNT(*) FROM role_requests WHERE institution_id = :institution AND user_id = :user AND"
           " role = :role AND state = 'pending'",
        soci::use(institution), soci::use(user), soci::use(role_text), soci::into(count);
    return count > 0;
}

void decide(soci::session& sql, std::int64_t institution_id, std::int64_t request_id,
            const std::string& state, std::int64_t decided_by, core::UnixTime now)
{
    long long institution = institution_id, id = request_id, decider = decided_by, at = now;
    sql << "UPDATE role_requests SET state = :state, decided_by = :decider, decided_at = :at"
           " WHERE institution_id = :institution AND id = :id AND state = 'pending'",
        soci::use(state), soci::use(decider), soci::use(at), soci::use(institution), soci::use(id);
}

} // namespace role_requests

namespace operator_access {

std::int64_t create(soci::session& sql, std::int64_t operator_user_id, std::int64_t institution_id,
                    const std::string& reason, core::UnixTime now, core::UnixTime expires_at)
{
    long long id = 0, operator_id = operator_user_id, institution = institution_id, at = now,
              expires = expires_at;
    sql << "INSERT INTO operator_access (operator_user_id, institution_id, reason, starts_at, expires_at)"
           " VALUES (:operator, :institution, :reason, :at, :expires) RETURNING id",
        soci::use(operator_id), soci::use(institution), soci::use(reason), soci::use(at), soci::use(expires),
        soci::into(id);
    return id;
}

namespace {

constexpr const char* k_access_columns =
    "SELECT a.id, a.operator_user_id, u.name, a.institution_id, i.name, a.reason, a.starts_at, a.expires_at,"
    " a.ended_at FROM operator_access a JOIN users u ON u.id = a.operator_user_id"
    " JOIN institutions i ON i.id = a.institution_id ";

struct AccessRow {
    long long id = 0, operator_id = 0, institution_id = 0, starts = 0, expires = 0, ended = 0;
    std::string operator_name, institution_name, reason;
    soci::indicator ended_null = soci::i_ok;
    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(operator_id), soci::into(operator_name),
            soci::into(institution_id), soci::into(institution_name), soci::into(reason), soci::into(starts),
            soci::into(expires), soci::into(ended, ended_null);
    }
    OperatorAccessRecord record() const
    {
        OperatorAccessRecord access{id,     operator_id, operator_name, institution_id, institution_name,
                                    reason, starts,      expires,       std::nullopt};
        if (ended_null == soci::i_ok)
            access.ended_at = ended;
        return access;
    }
};

} // namespace

std::optional<OperatorAccessRecord> active_for(soci::session& sql, std::int64_t operator_user_id,
                                               core::UnixTime now)
{
    long long operator_id = operator_user_id, at = now;
    AccessRow row;
    auto prepared = (sql.prepare << std::string(k_access_columns) +
                                        "WHERE a.operator_user_id = :operator AND a.ended_at IS NULL AND"
                                        " a.expires_at > :now ORDER BY a.id DESC",
                     soci::use(operator_id), soci::use(at));
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute(true);
    if (!statement.got_data())
        return std::nullopt;
    return row.record();
}

void end(soci::session& sql, std::int64_t operator_user_id, core::UnixTime now)
{
    long long operator_id = operator_user_id, at = now;
    sql << "UPDATE operator_access SET ended_at = :at WHERE operator_user_id = :operator AND ended_at IS "
           "NULL",
        soci::use(at), soci::use(operator_id);
}

std::vector<OperatorAccessRecord> list_for_institution(soci::session& sql, std::int64_t institution_id)
{
    std::vector<OperatorAccessRecord> found;
    long long institution = institution_id;
    AccessRow row;
    auto prepared = (sql.prepare << std::string(k_access_columns) +
                                        "WHERE a.institution_id = :institution ORDER BY a.id DESC",
                     soci::use(institution));
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.record());
    return found;
}

} // namespace operator_access

} // namespace rekrut::store
