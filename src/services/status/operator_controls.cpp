#include "services/status/operator_controls.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/field_limits.hpp"
#include "integrations/component_versions.hpp"
#include "store/component_versions.hpp"
#include "store/database.hpp"
#include "store/institution_store.hpp"
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

core::Status OperatorControls::record_rights_review(const domain::Actor& actor, std::int64_t institution_id,
                                                    const std::string& outcome, const std::string& note_input,
                                                    const Origin& origin)
{
    if (!domain::can(actor, domain::Action::operate_service))
        return core::Error::forbidden();
    std::vector<core::FieldError> problems;
    if (outcome != "no_changes" && outcome != "changes_made" && outcome != "changes_requested")
        problems.push_back({"outcome", core::msgid("Choose the outcome of the review.")});
    const std::string note(core::trim(note_input));
    if (!core::is_valid_utf8(note))
        problems.push_back({"note", core::msgid("The text contains characters that cannot be read.")});
    else if (note.size() > domain::limits::reason)
        problems.push_back({"note", core::msgid("The note can be at most 1000 characters.")});
    if (institution_id <= 0)
        problems.push_back({"institution_id", core::msgid("Choose an institution from the list.")});
    if (!problems.empty())
        return core::Error::invalid(core::msgid("Check the marked fields."), problems);
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        if (!store::InstitutionStore::find_in(transaction, institution_id))
            return core::Error::invalid(
                core::msgid("Check the marked fields."),
                {{"institution_id", core::msgid("Choose an institution from the list.")}});
        auto id = store::status::record_rights_review(transaction, institution_id, actor.user_id, core::now(),
                                                      outcome, note);
        // The note stays in its table: the audit trail names the review and its outcome.
        record_audit(transaction, origin,
                     {institution_id, "administrator_rights.reviewed", "administrator_rights_review",
                      std::to_string(id), "{}", json_object({{"outcome", outcome}})});
        return core::success();
    });
}

std::vector<RightsReviewRecord> OperatorControls::rights_reviews(const domain::Actor& actor, int limit)
{
    if (!domain::can(actor, domain::Action::operate_service))
        return {};
    auto rows = m_database.read(
        [&](store::Session& session) { return store::status::rights_reviews(session, limit); });
    std::vector<RightsReviewRecord> reviews;
    for (auto& row : rows)
        reviews.push_back({row.id, row.institution_id, std::move(row.institution_name),
                           std::move(row.reviewer_name), row.reviewed_at, std::move(row.outcome),
                           std::move(row.note)});
    return reviews;
}

std::vector<core::ComponentVersion> OperatorControls::linked_components()
{
    auto components = core::core_component_versions();
    for (auto&& part : {store::store_component_versions(), integrations::integration_component_versions()})
        components.insert(components.end(), part.begin(), part.end());
    return components;
}

} // namespace rekrut::services
