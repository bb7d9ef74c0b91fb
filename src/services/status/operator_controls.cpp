#include "services/status/operator_controls.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "domain/access/policy.hpp"
#include "integrations/component_versions.hpp"
#include "store/component_versions.hpp"
#include "store/database.hpp"
#include "store/status_store.hpp"

namespace rekrut::services {
namespace {

constexpr const char* k_log_level = "log.level";

} // namespace

std::string OperatorControls::log_level() const
{
    return core::log_level();
}

core::Status OperatorControls::change_log_level(const domain::Actor& actor, const std::string& level,
                                                const Origin& origin)
{
    if (!domain::can(actor, domain::Action::operate_service))
        return core::Error::forbidden();
    if (!core::is_log_level(level))
        return core::Error::invalid(core::msgid("Check the marked fields."),
                                    {{"level", core::msgid("Choose a level from the list.")}});
    const std::string before = core::log_level();
    auto saved = m_database.transact([&](store::Transaction& transaction) -> core::Status {
        store::status::save_runtime_setting(transaction, k_log_level, level, actor.user_id, core::now());
        record_audit(transaction, origin,
                     {std::nullopt, "log_level.changed", "runtime_setting", k_log_level,
                      json_object({{"level", before}}), json_object({{"level", level}})});
        return core::success();
    });
    if (saved)
        core::set_log_level(level);
    return saved;
}

void OperatorControls::apply_stored_settings()
{
    auto stored = m_database.read(
        [](store::Session& session) { return store::status::runtime_setting(session, k_log_level); });
    if (stored && *stored != core::log_level())
        core::set_log_level(*stored);
}

std::vector<core::ComponentVersion> OperatorControls::linked_components()
{
    auto components = core::core_component_versions();
    for (auto&& part : {store::store_component_versions(), integrations::integration_component_versions()})
        components.insert(components.end(), part.begin(), part.end());
    return components;
}

} // namespace rekrut::services
