#include "services/recruitment_case/case_frame.hpp"

#include "core/clock.hpp"
#include "store/case_store.hpp"

namespace rekrut::services::recruitment_case {

std::optional<core::Error> case_refusal(const domain::Actor& actor, domain::Action action,
                                        const domain::Resource& resource)
{
    if (domain::can(actor, action, resource))
        return std::nullopt;
    if (domain::can(actor, domain::Action::view_case,
                    {resource.institution_id, resource.case_id, {}, false, {}}))
        return core::Error::forbidden();
    return core::Error::not_found();
}

void recheck(store::Transaction& transaction, const domain::CaseRecord& record)
{
    auto state = domain::state_after_change(record.state);
    if (state != record.state)
        store::cases::set_state(transaction, record.institution_id, record.id, state, std::nullopt,
                                core::now());
}

} // namespace rekrut::services::recruitment_case
