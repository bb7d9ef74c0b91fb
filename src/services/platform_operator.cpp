#include "services/platform_operator.hpp"

#include "core/clock.hpp"
#include "domain/access/policy.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"
#include "store/institution_store.hpp"
#include "store/outbox_store.hpp"

namespace rekrut::services {

std::optional<domain::InstitutionRecord> PlatformOperator::institution(const domain::Actor& actor,
                                                                       std::int64_t institution_id)
{
    if (!domain::can(actor, domain::Action::create_institution))
        return std::nullopt;
    return m_database.read(
        [&](store::Session& session) { return store::InstitutionStore::find_in(session, institution_id); });
}

std::vector<InstitutionAdministrator> PlatformOperator::administrators(const domain::Actor& actor,
                                                                       std::int64_t institution_id)
{
    if (!domain::can(actor, domain::Action::create_institution))
        return {};
    return m_database.read([&](store::Session& session) {
        std::vector<InstitutionAdministrator> rows;
        for (const auto& role : store::roles::institution_roles_in(session, institution_id))
            if (auto user = store::users::find(session, institution_id, role.user_id))
                rows.push_back({user->id, user->name, user->email, role.role, user->status});
        return rows;
    });
}

std::optional<domain::UserRecord>
PlatformOperator::superbruger(const domain::Actor& actor, std::int64_t institution_id, std::int64_t user_id)
{
    if (!domain::can(actor, domain::Action::create_superbruger, {institution_id, {}, user_id, true, {}}))
        return std::nullopt;
    return m_database.read([&](store::Session& session) -> std::optional<domain::UserRecord> {
        if (!store::roles::institution_roles_of(session, user_id).count(domain::InstitutionRole::superbruger))
            return std::nullopt;
        return store::users::find(session, institution_id, user_id);
    });
}

std::vector<domain::RoleRequestRecord> PlatformOperator::superbruger_requests(const domain::Actor& actor)
{
    if (!domain::can(actor, domain::Action::decide_superbruger_request))
        return {};
    return m_database.read([&](store::Session& session) {
        return store::role_requests::list_pending_across_institutions(session,
                                                                      domain::InstitutionRole::superbruger);
    });
}

std::vector<domain::OutboxMessage> PlatformOperator::recent_mail(const domain::Actor& actor, int limit)
{
    if (!domain::can(actor, domain::Action::view_outbox))
        return {};
    return m_database.read([&](store::Session& session) { return store::outbox::recent(session, limit); });
}

std::optional<domain::OperatorAccessRecord> PlatformOperator::current_access(const domain::Actor& actor)
{
    if (!actor.is_operator)
        return std::nullopt;
    return m_database.read([&](store::Session& session) {
        return store::operator_access::active_for(session, actor.user_id, core::now());
    });
}

} // namespace rekrut::services
