#include "services/assessment/committee_facts.hpp"

#include "services/assessment/assessment.hpp"
#include "store/assessment_store.hpp"
#include "store/database.hpp"

namespace rekrut::services {

bool is_member(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id)
{
    return !actor.is_operator && actor.institution_id == institution_id && actor.has_any_role_on(case_id);
}

core::Error committee_refusal(const domain::Actor& actor, const domain::Resource& resource,
                              bool hide_applicant)
{
    if (resource.declarations_pending && is_member(actor, *resource.institution_id, *resource.case_id))
        return core::Error::conflict(k_declarations_pending);
    if (hide_applicant || !domain::can(actor, domain::Action::view_case,
                                       {resource.institution_id, resource.case_id, {}, false, {}}))
        return core::Error::not_found();
    return core::Error::forbidden();
}

domain::Resource committee_resource(store::Session& session, const domain::Actor& actor,
                                    std::int64_t institution_id, std::int64_t case_id,
                                    std::optional<std::int64_t> application_id, CommitteeReads* reads)
{
    domain::Resource resource{institution_id, case_id, {}, false, {}};
    std::optional<domain::DeclarationTally> tally;
    if (is_member(actor, institution_id, case_id)) {
        tally = store::assessment::declaration_tally(session, institution_id, case_id, actor.user_id);
        resource.declarations_pending =
            store::assessment::has_undeclared(session, institution_id, case_id, actor.user_id, *tally);
        if (application_id)
            resource.conflict_of_interest =
                store::assessment::has_conflict(session, institution_id, *application_id, actor.user_id);
    }
    const auto screening = store::assessment::methods(session, institution_id, case_id);
    if (reads != nullptr)
        *reads = {screening, tally};
    if (screening.anonymous)
        resource.anonymous_round =
            !application_id || !store::assessment::anonymity_lifted(session, institution_id, *application_id);
    return resource;
}

} // namespace rekrut::services
