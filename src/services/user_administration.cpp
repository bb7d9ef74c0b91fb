#include "services/user_administration.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/access/role_rules.hpp"
#include "domain/email_address.hpp"
#include "domain/field_limits.hpp"
#include "services/audit_log.hpp"
#include "services/email_change.hpp"
#include "services/mail/links.hpp"
#include "services/mail/mail_composer.hpp"
#include "services/passwords.hpp"
#include "services/retention/erasure.hpp"
#include "services/superbruger_requests.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"
#include "store/institution_store.hpp"
#include "store/offboarding_store.hpp"
#include "store/session_store.hpp"

namespace rekrut::services {
namespace {

constexpr int k_reset_mails_per_account_per_hour = 3;
constexpr int k_reset_requests_per_ip_per_hour = 30;

/// Counts one use of `key` and says whether it stays within `limit` uses an hour (the count starts
/// over after an hour without use). The row is locked, so requests at once are counted in turn.
bool within_hourly_limit(store::Transaction& transaction, const std::string& key, int limit,
                         core::UnixTime now)
{
    auto record = store::login_throttle::lock(transaction, key, now);
    if (record.last_failure_at < now - 3600)
        record.failures = 0;
    if (record.failures >= limit)
        return false;
    ++record.failures;
    record.last_failure_at = now;
    store::login_throttle::put(transaction, key, record);
    return true;
}

using domain::Action;

std::string normalise_email(const std::string& email)
{
    std::string out(core::trim(email));
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return out;
}

/// The one address rule (domain/email_address.hpp), which also refuses every control character.
bool plausible_email(const std::string& email)
{
    return domain::normalize_email_address(email).has_value();
}

std::vector<core::FieldError> check_person(const std::string& email, const std::string& name)
{
    std::vector<core::FieldError> problems;
    if (name.empty() || name.size() > domain::limits::name)
        problems.push_back({"name", core::msgid("Enter the person's name.")});
    if (!plausible_email(email))
        problems.push_back(
            {"email", core::msgid("Enter a valid e-mail address, for example name@example.test.")});
    return problems;
}

core::Error forbidden()
{
    return core::Error::forbidden();
}

std::string role_json(const std::string& role)
{
    return json_object({{"role", role}});
}

std::string reset_token_hash(const std::string& token)
{
    return core::blake2b_hex("reset:" + token);
}

/// Gives a new account its role as any grant would: the Superbruger role is requested from an
/// operator, and an Administrator waits for a second Superbruger when the institution has two or more.
core::Result<RoleChange> give_first_role(store::Transaction& transaction, const domain::Actor& actor,
                                         std::int64_t institution_id, const domain::UserRecord& user,
                                         domain::InstitutionRole role, const Origin& origin)
{
    if (role == domain::InstitutionRole::superbruger)
        return request_superbruger_change(transaction, actor, institution_id, user,
                                          domain::RoleChangeKind::grant, origin);
    std::string role_name(domain::to_string(role));
    auto approval = domain::approval_for(
        role, domain::RoleChangeKind::grant,
        store::roles::count_holders(transaction, institution_id, domain::InstitutionRole::superbruger));
    if (approval != domain::RoleApproval::none) {
        auto request_id =
            store::role_requests::create(transaction, institution_id, user.id, role,
                                         domain::RoleChangeKind::grant, actor.user_id, user.created_at);
        record_audit(transaction, origin,
                     {institution_id, "role.requested", "user", std::to_string(user.id), "{}",
                      json_object({{"role", role_name}, {"request_id", std::to_string(request_id)}})});
        return RoleChange::awaiting_approval;
    }
    store::roles::grant(transaction, institution_id, user.id, role, actor.user_id, std::nullopt,
                        user.created_at);
    record_audit(
        transaction, origin,
        {institution_id, "role.granted", "user", std::to_string(user.id), "{}", role_json(role_name)});
    return RoleChange::granted;
}

/// Whether `actor` may create a user in the institution with `role` (if any): the operator starts
/// Superbrugere; a Superbruger creates users with a role they may grant or request.
bool may_create_with(const domain::Actor& actor, std::int64_t institution_id,
                     std::optional<domain::InstitutionRole> role)
{
    domain::Resource resource{institution_id, {}, {}, false, {}};
    if (!role)
        return domain::can(actor, Action::create_user, resource);
    if (*role == domain::InstitutionRole::superbruger && actor.is_operator)
        return domain::can(actor, Action::create_superbruger, resource);
    resource.role = role;
    Action grant = *role == domain::InstitutionRole::superbruger ? Action::request_superbruger_change
                                                                 : Action::grant_institution_role;
    return domain::can(actor, Action::create_user, resource) && domain::can(actor, grant, resource);
}

/// Whether `actor` may change the account `user` and give it `status`. The policy decides by the
/// roles the account holds (only the operator changes a Superbruger), and deactivating an active
/// Superbruger must leave the institution another.
core::Status check_account_change(store::Transaction& transaction, const domain::Actor& actor,
                                  std::int64_t institution_id, const domain::UserRecord& user,
                                  domain::UserStatus status)
{
    auto held = store::roles::institution_roles_of(transaction, user.id);
    domain::Resource resource{institution_id, {}, user.id, !held.empty(), {}};
    resource.target_is_superbruger = held.count(domain::InstitutionRole::superbruger) > 0;
    Action action = status == domain::UserStatus::deactivated ? Action::deactivate_user : Action::change_user;
    if (!domain::can(actor, action, resource))
        return core::Error::forbidden();
    if (status == domain::UserStatus::deactivated && !keeps_a_superbruger(transaction, institution_id, user))
        return core::Error::conflict(core::msgid("The institution must keep at least one Superbruger."));
    return core::success();
}

} // namespace

core::Result<std::int64_t> UserAdministration::create_institution(const domain::Actor& actor,
                                                                  const std::string& cvr_input,
                                                                  const std::string& name_input,
                                                                  const std::string& address_input,
                                                                  const Origin& origin)
{
    if (!domain::can(actor, Action::create_institution))
        return forbidden();
    std::string cvr(core::trim(cvr_input)), name(core::trim(name_input)), address(core::trim(address_input));
    std::vector<core::FieldError> problems;
    if (cvr.size() != 8 || !std::all_of(cvr.begin(), cvr.end(), ::isdigit))
        problems.push_back({"cvr", core::msgid("The CVR number must be 8 digits.")});
    if (name.empty() || name.size() > domain::limits::name)
        problems.push_back({"name", core::msgid("Enter the institution's name.")});
    if (address.size() > domain::limits::line)
        problems.push_back({"address", core::msgid("The address is too long.")});
    if (!problems.empty())
        return core::Error::invalid(core::msgid("Check the marked fields."), problems);
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        if (store::InstitutionStore::cvr_taken_in(transaction, cvr))
            return core::Error::invalid(
                core::msgid("Check the marked fields."),
                {{"cvr", core::msgid("An institution with this CVR number exists.")}});
        auto id = store::InstitutionStore::insert_in(transaction, cvr, name, address, core::now());
        record_audit(transaction, origin,
                     {id, "institution.created", "institution", std::to_string(id), "{}",
                      json_object({{"cvr", cvr}, {"name", name}, {"address", address}})});
        return id;
    });
}

std::vector<domain::InstitutionRecord> UserAdministration::institutions()
{
    return store::InstitutionStore(m_database).list();
}

core::Result<std::int64_t> UserAdministration::create_user(const domain::Actor& actor,
                                                           std::int64_t institution_id, const NewUser& input,
                                                           const Origin& origin, const Translate& translate)
{
    if (!may_create_with(actor, institution_id, input.role))
        return forbidden();
    std::string email = normalise_email(input.email);
    std::string name(core::trim(input.name));
    auto problems = check_person(email, name);
    if (!input.password.empty())
        if (auto strength = passwords::check_strength(input.password); !strength)
            for (const auto& field : strength.error().fields)
                problems.push_back(field);
    if (!problems.empty())
        return core::Error::invalid(core::msgid("Check the marked fields."), problems);
    std::string hash = input.password.empty() ? "" : passwords::hash(input.password);

    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        // An off-boarded institution is a tombstone: no account is made in it again.
        if (!store::InstitutionStore::find_in(transaction, institution_id) ||
            store::offboarding::is_offboarded(transaction, institution_id))
            return core::Error::not_found();
        if (store::users::email_taken(transaction, email))
            return core::Error::invalid(core::msgid("Check the marked fields."),
                                        {{"email", core::msgid("A user with this e-mail address exists.")}});
        domain::UserRecord user;
        user.institution_id = institution_id;
        user.email = email;
        user.name = name;
        user.password_hash = hash;
        user.created_at = core::now();
        user.id = store::users::insert(transaction, user, actor.user_id);
        record_audit(transaction, origin,
                     {institution_id, "user.created", "user", std::to_string(user.id), "{}",
                      json_object({{"email", email}, {"name", name}, {"status", "active"}})});
        auto role = input.role
                        ? give_first_role(transaction, actor, institution_id, user, *input.role, origin)
                        : core::Result<RoleChange>(RoleChange::granted);
        if (!role)
            return role.error();
        // An account made to be a Superbruger is of no use before an operator grants the role, so its
        // welcome mail goes out then.
        if (hash.empty() && *role != RoleChange::awaiting_operator)
            queue_password_link(transaction, m_public_url, user, true, translate);
        return user.id;
    });
}

core::Result<std::int64_t> UserAdministration::create_operator(const std::string& email_input,
                                                               const std::string& name_input,
                                                               const std::string& password,
                                                               const Origin& origin)
{
    std::string email = normalise_email(email_input);
    std::string name(core::trim(name_input));
    auto problems = check_person(email, name);
    if (auto strength = passwords::check_strength(password); !strength)
        problems.push_back({"password", strength.error().message});
    if (!problems.empty())
        return core::Error::invalid(problems.front().message, problems);
    std::string hash = passwords::hash(password);
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        if (store::users::email_taken(transaction, email))
            return core::Error::invalid(core::msgid("A user with this e-mail address exists."));
        domain::UserRecord user;
        user.email = email;
        user.name = name;
        user.password_hash = hash;
        user.is_operator = true;
        user.created_at = core::now();
        auto id = store::users::insert(transaction, user, std::nullopt);
        record_audit(transaction, origin,
                     {std::nullopt, "user.created", "user", std::to_string(id), "{}",
                      json_object({{"email", email}, {"name", name}, {"role", "operator"}})});
        return id;
    });
}

std::vector<domain::UserRecord> UserAdministration::users(const domain::Actor& actor,
                                                          std::int64_t institution_id)
{
    if (!domain::can(actor, Action::view_users, {institution_id, {}, {}, false, {}}))
        return {};
    return m_database.read(
        [&](store::Session& session) { return store::users::list(session, institution_id); });
}

core::Result<domain::UserRecord> UserAdministration::user(const domain::Actor& actor,
                                                          std::int64_t institution_id, std::int64_t user_id)
{
    if (!domain::can(actor, Action::view_users, {institution_id, {}, {}, false, {}}))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<domain::UserRecord> {
        auto found = store::users::find(session, institution_id, user_id);
        if (!found)
            return core::Error::not_found();
        return *found;
    });
}

core::Result<UserChange>
UserAdministration::update_user(const domain::Actor& actor, std::int64_t institution_id, std::int64_t user_id,
                                const std::string& name_input, const std::string& email_input,
                                domain::UserStatus status, const Origin& origin, const Translate& translate)
{
    std::string email = normalise_email(email_input);
    std::string name(core::trim(name_input));
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<UserChange> {
        auto existing = store::users::find(transaction, institution_id, user_id);
        if (!existing)
            return core::Error::not_found();
        if (auto allowed = check_account_change(transaction, actor, institution_id, *existing, status);
            !allowed)
            return allowed.error();
        auto problems = check_person(email, name);
        bool new_address = email != existing->email;
        if (new_address && problems.empty() && store::users::email_taken(transaction, email))
            problems.push_back({"email", core::msgid("A user with this e-mail address exists.")});
        if (!problems.empty())
            return core::Error::invalid(core::msgid("Check the marked fields."), problems);
        // The address stays until its new holder confirms it: whoever may change it must not be able
        // to point the account at a mailbox of their own and reset its password there.
        store::users::update_profile(transaction, institution_id, user_id, name, existing->email, status);
        if (status != domain::UserStatus::active)
            store::sessions::remove_for_user(transaction, user_id);
        record_audit(transaction, origin,
                     {institution_id, "user.changed", "user", std::to_string(user_id),
                      json_object({{"name", existing->name},
                                   {"status", std::string(domain::to_string(existing->status))}}),
                      json_object({{"name", name}, {"status", std::string(domain::to_string(status))}})});
        if (!new_address)
            return UserChange::saved;
        domain::UserRecord renamed = *existing;
        renamed.name = name;
        start_email_change(transaction, m_public_url, renamed, email, origin, translate);
        return UserChange::awaiting_email_confirmation;
    });
}

core::Result<RoleChange> UserAdministration::grant_role(const domain::Actor& actor,
                                                        std::int64_t institution_id, std::int64_t user_id,
                                                        domain::InstitutionRole role, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<RoleChange> {
        auto target = store::users::find(transaction, institution_id, user_id);
        if (!target)
            return core::Error::not_found();
        if (role == domain::InstitutionRole::superbruger)
            return request_superbruger_change(transaction, actor, institution_id, *target,
                                              domain::RoleChangeKind::grant, origin);
        auto held = store::roles::institution_roles_of(transaction, user_id);
        domain::Resource resource{institution_id, {}, user_id, !held.empty(), {}};
        resource.role = role;
        if (!domain::can(actor, Action::grant_institution_role, resource))
            return core::Error::forbidden();
        if (held.count(role))
            return core::Error::conflict(core::msgid("The user already has this role."));
        if (store::role_requests::has_pending(transaction, institution_id, user_id, role))
            return core::Error::conflict(
                core::msgid("A request for this role is already waiting for approval."));
        core::UnixTime now = core::now();
        std::string role_name(domain::to_string(role));
        // Segregation of duties: with two or more Superbrugere, a second one must approve.
        if (domain::approval_for(role, domain::RoleChangeKind::grant,
                                 store::roles::count_holders(transaction, institution_id,
                                                             domain::InstitutionRole::superbruger)) ==
            domain::RoleApproval::second_superbruger) {
            auto request_id = store::role_requests::create(transaction, institution_id, user_id, role,
                                                           domain::RoleChangeKind::grant, actor.user_id, now);
            record_audit(transaction, origin,
                         {institution_id, "role.requested", "user", std::to_string(user_id), "{}",
                          json_object({{"role", role_name}, {"request_id", std::to_string(request_id)}})});
            return RoleChange::awaiting_approval;
        }
        store::roles::grant(transaction, institution_id, user_id, role, actor.user_id, std::nullopt, now);
        store::users::mark_rights_changed(transaction, user_id, now);
        record_audit(
            transaction, origin,
            {institution_id, "role.granted", "user", std::to_string(user_id), "{}", role_json(role_name)});
        return RoleChange::granted;
    });
}

core::Result<RoleChange> UserAdministration::revoke_role(const domain::Actor& actor,
                                                         std::int64_t institution_id, std::int64_t user_id,
                                                         domain::InstitutionRole role, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<RoleChange> {
        auto target = store::users::find(transaction, institution_id, user_id);
        if (!target)
            return core::Error::not_found();
        // The Superbruger role goes only when an operator carries out the request; the rule that the
        // institution keeps an active Superbruger is checked then, and when it is asked for.
        if (role == domain::InstitutionRole::superbruger)
            return request_superbruger_change(transaction, actor, institution_id, *target,
                                              domain::RoleChangeKind::revoke, origin);
        auto held = store::roles::institution_roles_of(transaction, user_id);
        domain::Resource resource{institution_id, {}, user_id, !held.empty(), {}};
        resource.role = role;
        if (!domain::can(actor, Action::revoke_institution_role, resource))
            return core::Error::forbidden();
        if (!held.count(role))
            return core::Error::conflict(core::msgid("The user does not have this role."));
        core::UnixTime now = core::now();
        store::roles::revoke(transaction, institution_id, user_id, role);
        store::users::mark_rights_changed(transaction, user_id, now);
        record_audit(transaction, origin,
                     {institution_id, "role.revoked", "user", std::to_string(user_id),
                      role_json(std::string(domain::to_string(role))), "{}"});
        return RoleChange::revoked;
    });
}

std::vector<domain::RoleRequestRecord> UserAdministration::pending_role_requests(const domain::Actor& actor,
                                                                                 std::int64_t institution_id)
{
    if (!domain::can(actor, Action::view_users, {institution_id, {}, {}, false, {}}))
        return {};
    return m_database.read(
        [&](store::Session& session) { return store::role_requests::list_pending(session, institution_id); });
}

core::Status UserAdministration::decide_role_request(const domain::Actor& actor, std::int64_t institution_id,
                                                     std::int64_t request_id, bool approve,
                                                     const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto request = store::role_requests::find(transaction, institution_id, request_id);
        if (!request)
            return core::Error::not_found();
        if (request->state != "pending")
            return core::Error::conflict(core::msgid("The request has already been decided."));
        // A request for the Superbruger role is the operator's to decide (decide_superbruger_request).
        if (request->role == domain::InstitutionRole::superbruger)
            return core::Error::forbidden();
        domain::Resource resource{institution_id, {}, request->user_id, false, request->requested_by};
        resource.role = request->role;
        if (!domain::can(actor, Action::decide_role_request, resource))
            return core::Error::invalid(
                core::msgid("Another Superbruger than the one who asked must decide this request."));
        core::UnixTime now = core::now();
        std::string role_name(domain::to_string(request->role));
        store::role_requests::decide(transaction, institution_id, request_id,
                                     approve ? "approved" : "rejected", actor.user_id, now);
        record_audit(transaction, origin,
                     {institution_id, approve ? "role.request_approved" : "role.request_rejected",
                      "role_request", std::to_string(request_id), json_object({{"state", "pending"}}),
                      json_object({{"state", approve ? "approved" : "rejected"}, {"role", role_name}})});
        if (approve &&
            !store::roles::institution_roles_of(transaction, request->user_id).count(request->role)) {
            store::roles::grant(transaction, institution_id, request->user_id, request->role,
                                request->requested_by, actor.user_id, now);
            store::users::mark_rights_changed(transaction, request->user_id, now);
            record_audit(transaction, origin,
                         {institution_id, "role.granted", "user", std::to_string(request->user_id), "{}",
                          json_object({{"role", role_name},
                                       {"requested_by", std::to_string(request->requested_by)},
                                       {"approved_by", std::to_string(actor.user_id)}})});
        }
        return core::success();
    });
}

std::vector<AdministratorReviewRow> UserAdministration::administrator_review(const domain::Actor& actor,
                                                                             std::int64_t institution_id)
{
    if (!domain::can(actor, Action::review_administrator_rights, {institution_id, {}, {}, false, {}}))
        return {};
    return m_database.read([&](store::Session& session) {
        std::vector<AdministratorReviewRow> rows;
        for (const auto& role : store::roles::institution_roles_in(session, institution_id)) {
            auto existing = std::find_if(rows.begin(), rows.end(), [&](const AdministratorReviewRow& row) {
                return row.user.id == role.user_id;
            });
            if (existing == rows.end()) {
                auto user = store::users::find(session, institution_id, role.user_id);
                if (!user)
                    continue;
                rows.push_back({*user, {}});
                existing = rows.end() - 1;
            }
            existing->roles.push_back(role);
        }
        return rows;
    });
}

core::Status UserAdministration::request_operator_access(const domain::Actor& actor,
                                                         std::int64_t institution_id,
                                                         const std::string& reason_input, int hours,
                                                         const Origin& origin)
{
    if (!domain::can(actor, Action::request_operator_access, {institution_id, {}, {}, false, {}}))
        return core::Error::forbidden();
    std::string reason(core::trim(reason_input));
    std::vector<core::FieldError> problems;
    if (reason.size() < 5 || reason.size() > 1000)
        problems.push_back({"reason", core::msgid("State the reason for the access.")});
    if (hours < 1 || hours > 8)
        problems.push_back({"hours", core::msgid("The duration must be from 1 to 8 hours.")});
    if (!problems.empty())
        return core::Error::invalid(core::msgid("Check the marked fields."), problems);
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        if (!store::InstitutionStore::find_in(transaction, institution_id) ||
            store::offboarding::is_offboarded(transaction, institution_id))
            return core::Error::not_found();
        core::UnixTime now = core::now();
        store::operator_access::end(transaction, actor.user_id, now);
        auto id = store::operator_access::create(transaction, actor.user_id, institution_id, reason, now,
                                                 now + hours * 3600L);
        record_audit(transaction, origin,
                     {institution_id, "operator_access.granted", "operator_access", std::to_string(id), "{}",
                      json_object({{"reason", reason},
                                   {"hours", std::to_string(hours)},
                                   {"expires_at", core::format_iso_utc(now + hours * 3600L)}})});
        return core::success();
    });
}

void UserAdministration::end_operator_access(const domain::Actor& actor, const Origin& origin)
{
    if (!actor.is_operator || !actor.elevated_institution_id)
        return;
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        store::operator_access::end(transaction, actor.user_id, core::now());
        record_audit(
            transaction, origin,
            {actor.elevated_institution_id, "operator_access.ended", "operator_access", "", "{}", "{}"});
        return core::success();
    });
}

std::vector<domain::OperatorAccessRecord> UserAdministration::operator_access_log(const domain::Actor& actor,
                                                                                  std::int64_t institution_id)
{
    if (!domain::can(actor, Action::view_audit, {institution_id, {}, {}, false, {}}))
        return {};
    return m_database.read([&](store::Session& session) {
        return store::operator_access::list_for_institution(session, institution_id);
    });
}

void queue_password_link(store::Transaction& transaction, const std::string& public_url,
                         const domain::UserRecord& user, bool welcome, const Translate& translate)
{
    std::string token = core::random_hex(32);
    core::UnixTime now = core::now();
    core::UnixTime expires = now + (welcome ? k_welcome_link_seconds : k_reset_link_seconds);
    store::password_resets::create(transaction, user.id, reset_token_hash(token), now, expires);
    mail::queue(transaction, mail::installed_composer(), {user.institution_id, user.email},
                welcome ? mail::k_welcome : mail::k_password_reset,
                {{"NAME", user.name}, {"LINK", mail::password_link(public_url, token)}}, translate);
}

void UserAdministration::request_password_reset(const std::string& email_input, const Origin& origin,
                                                const Translate& translate)
{
    std::optional<std::string> email;
    if (email_input.size() <= domain::limits::email)
        email = domain::normalize_email_address(email_input);
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        core::UnixTime now = core::now();
        // Beyond the limits the page answers as always but nothing is sent: one person's inbox cannot
        // be flooded, and one address cannot sweep the accounts.
        if (!within_hourly_limit(transaction, "reset-ip:" + origin.ip, k_reset_requests_per_ip_per_hour,
                                 now)) {
            core::log_event("warn", "password_reset_limited", "\"scope\":\"ip\"");
            return core::success();
        }
        if (!email)
            return core::success();
        auto user = store::users::find_by_email_for_login(transaction, *email);
        if (!user || user->status != domain::UserStatus::active)
            return core::success();
        if (!within_hourly_limit(transaction, "reset-user:" + std::to_string(user->id),
                                 k_reset_mails_per_account_per_hour, now)) {
            core::log_event("warn", "password_reset_limited",
                            "\"scope\":\"account\",\"user_id\":" + std::to_string(user->id));
            return core::success();
        }
        queue_password_link(transaction, m_public_url, *user, false, translate);
        Origin who = origin;
        who.user_id = user->id;
        who.user_name = user->name;
        record_audit(transaction, who,
                     {user->institution_id, "password.reset_requested", "user", std::to_string(user->id)});
        return core::success();
    });
}

core::Status UserAdministration::check_reset_token(const std::string& token)
{
    auto user_id = m_database.read([&](store::Session& session) {
        return store::password_resets::find_valid(session, reset_token_hash(token), core::now());
    });
    if (!user_id)
        return core::Error::invalid(
            core::msgid("The link has expired or has already been used. Ask for a new one."));
    return core::success();
}

core::Status UserAdministration::reset_password(const std::string& token, const std::string& password,
                                                const Origin& origin)
{
    if (auto strength = passwords::check_strength(password); !strength)
        return strength.error();
    std::string hash = passwords::hash(password);
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        core::UnixTime now = core::now();
        auto user_id = store::password_resets::find_valid(transaction, reset_token_hash(token), now);
        if (!user_id || !store::password_resets::consume(transaction, reset_token_hash(token), now))
            return core::Error::invalid(
                core::msgid("The link has expired or has already been used. Ask for a new one."));
        // The other links of the user (a welcome link, earlier resets) end with this one.
        store::password_resets::revoke_for_user(transaction, *user_id, now);
        auto user = store::users::find_any(transaction, *user_id);
        store::users::set_password_hash(transaction, *user_id, hash);
        store::sessions::remove_for_user(transaction, *user_id);
        Origin who = origin;
        who.user_id = *user_id;
        who.user_name = user ? user->name : "";
        record_audit(
            transaction, who,
            {user ? user->institution_id : std::nullopt, "password.reset", "user", std::to_string(*user_id)});
        return core::success();
    });
}

core::Status UserAdministration::erase_user(const domain::Actor& actor, std::int64_t institution_id,
                                            std::int64_t user_id, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto user = store::users::find(transaction, institution_id, user_id);
        if (!user)
            return core::Error::not_found();
        if (auto allowed = check_account_change(transaction, actor, institution_id, *user,
                                                domain::UserStatus::deactivated);
            !allowed)
            return allowed;
        if (user->status != domain::UserStatus::deactivated)
            return core::Error::conflict(core::msgid("Deactivate the user before erasing the account."));
        if (!erase_account(transaction, institution_id, user_id, origin, core::now()))
            return core::Error::conflict(core::msgid("The account has already been erased."));
        return core::success();
    });
}

} // namespace rekrut::services
