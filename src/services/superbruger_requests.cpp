#include "services/superbruger_requests.hpp"

#include <functional>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "domain/access/policy.hpp"
#include "domain/access/role_rules.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"

namespace rekrut::services {
namespace {

using domain::Action;
using domain::InstitutionRole;
using domain::RoleChangeKind;

constexpr auto k_superbruger = InstitutionRole::superbruger;

constexpr const char* k_last_superbruger = core::msgid("The institution must keep at least one Superbruger.");

/// The policy's view of a request about `target`'s Superbruger role.
domain::Resource superbruger_resource(std::int64_t institution_id, std::int64_t user_id,
                                      std::optional<std::int64_t> requested_by = std::nullopt)
{
    domain::Resource resource{institution_id, {}, user_id, false, requested_by};
    resource.role = k_superbruger;
    return resource;
}

/// Carries out an approved request: grants or removes the role, recording who asked and who approved.
/// A grant to an account without a password yet (created with this request) sends its welcome mail.
core::Status carry_out(store::Transaction& transaction, const domain::Actor& actor,
                       const domain::RoleRequestRecord& request, const domain::UserRecord& target,
                       const Origin& origin, const std::function<void(const domain::UserRecord&)>& welcome)
{
    const bool held = store::roles::institution_roles_of(transaction, target.id).count(k_superbruger) > 0;
    const core::UnixTime now = core::now();
    const std::string after = json_object({{"role", "superbruger"},
                                           {"requested_by", std::to_string(request.requested_by)},
                                           {"approved_by", std::to_string(actor.user_id)}});
    if (request.change == RoleChangeKind::grant) {
        if (held)
            return core::success();
        store::roles::grant(transaction, request.institution_id, target.id, k_superbruger,
                            request.requested_by, actor.user_id, now);
        store::users::mark_rights_changed(transaction, target.id, now);
        record_audit(
            transaction, origin,
            {request.institution_id, "role.granted", "user", std::to_string(target.id), "{}", after});
        if (target.password_hash.empty() && target.status == domain::UserStatus::active)
            welcome(target);
        return core::success();
    }
    if (!held)
        return core::success();
    if (!keeps_a_superbruger(transaction, request.institution_id, target))
        return core::Error::conflict(k_last_superbruger);
    store::roles::revoke(transaction, request.institution_id, target.id, k_superbruger);
    store::users::mark_rights_changed(transaction, target.id, now);
    record_audit(transaction, origin,
                 {request.institution_id, "role.revoked", "user", std::to_string(target.id),
                  json_object({{"role", "superbruger"}}), after});
    return core::success();
}

} // namespace

bool keeps_a_superbruger(store::Transaction& transaction, std::int64_t institution_id,
                         const domain::UserRecord& target)
{
    const bool counted = target.status == domain::UserStatus::active &&
                         store::roles::institution_roles_of(transaction, target.id).count(k_superbruger) > 0;
    return domain::removal_keeps_a_superbruger(
        counted, store::roles::count_holders(transaction, institution_id, k_superbruger));
}

core::Result<RoleChange> request_superbruger_change(store::Transaction& transaction,
                                                    const domain::Actor& actor, std::int64_t institution_id,
                                                    const domain::UserRecord& target, RoleChangeKind change,
                                                    const Origin& origin)
{
    if (!domain::can(actor, Action::request_superbruger_change,
                     superbruger_resource(institution_id, target.id)))
        return core::Error::forbidden();
    const bool held = store::roles::institution_roles_of(transaction, target.id).count(k_superbruger) > 0;
    if (change == RoleChangeKind::grant && held)
        return core::Error::conflict(core::msgid("The user already has this role."));
    if (change == RoleChangeKind::revoke && !held)
        return core::Error::conflict(core::msgid("The user does not have this role."));
    if (store::role_requests::has_pending(transaction, institution_id, target.id, k_superbruger))
        return core::Error::conflict(core::msgid("A request for this role is already waiting for approval."));
    if (change == RoleChangeKind::revoke && !keeps_a_superbruger(transaction, institution_id, target))
        return core::Error::conflict(k_last_superbruger);
    auto request_id = store::role_requests::create(transaction, institution_id, target.id, k_superbruger,
                                                   change, actor.user_id, core::now());
    record_audit(transaction, origin,
                 {institution_id, "role.requested", "user", std::to_string(target.id), "{}",
                  json_object({{"role", "superbruger"},
                               {"change", std::string(domain::to_string(change))},
                               {"request_id", std::to_string(request_id)}})});
    return RoleChange::awaiting_operator;
}

core::Status UserAdministration::decide_superbruger_request(const domain::Actor& actor,
                                                            std::int64_t request_id, bool approve,
                                                            const Origin& origin, const Translate& translate)
{
    if (!domain::can(actor, Action::decide_superbruger_request))
        return core::Error::forbidden();
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto request = store::role_requests::find_across_institutions(transaction, request_id, k_superbruger);
        if (!request)
            return core::Error::not_found();
        if (request->state != "pending")
            return core::Error::conflict(core::msgid("The request has already been decided."));
        if (!domain::can(
                actor, Action::decide_superbruger_request,
                superbruger_resource(request->institution_id, request->user_id, request->requested_by)))
            return core::Error::invalid(
                core::msgid("Another operator than the one who asked must carry out this request."));
        auto target = store::users::find(transaction, request->institution_id, request->user_id);
        if (!target)
            return core::Error::not_found();
        const char* state = approve ? "approved" : "rejected";
        store::role_requests::decide(transaction, request->institution_id, request_id, state, actor.user_id,
                                     core::now());
        record_audit(transaction, origin,
                     {request->institution_id, approve ? "role.request_approved" : "role.request_rejected",
                      "role_request", std::to_string(request_id), json_object({{"state", "pending"}}),
                      json_object({{"state", state},
                                   {"role", "superbruger"},
                                   {"change", std::string(domain::to_string(request->change))}})});
        if (!approve)
            return core::success();
        // A refusal here (the last Superbruger) rolls the decision back with it.
        auto welcome = [&](const domain::UserRecord& user) {
            queue_password_link(transaction, m_public_url, user, true, translate);
        };
        return carry_out(transaction, actor, *request, *target, origin, welcome);
    });
}

} // namespace rekrut::services
