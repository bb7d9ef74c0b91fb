#pragma once

// What the policy needs to know about a committee member's standing on a case: whether they still
// have applications to declare on, whether they declared a conflict with an application, and whether
// the application is hidden by an anonymised first round. Shared by every service that shows
// applications to the committee (the application list, search, ranking lists).

#include <cstdint>
#include <optional>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/access/policy.hpp"
#include "domain/assessment/assessment.hpp"
#include "domain/assessment/assessment_records.hpp"

namespace rekrut::store {
class Session;
}

namespace rekrut::services {

/// What committee_resource reads on its way that a caller may need too.
struct CommitteeReads {
    domain::ScreeningMethods methods;
    /// For an actor holding a role on the case: their declarations, counted.
    std::optional<domain::DeclarationTally> tally;
};

/// The resource of `case_id` (and of `application_id`, when given) as `actor` meets it, with the
/// committee facts filled in. Reads only for an actor holding a role on the case, and for the
/// anonymity of an application. What it read is given to `reads` when the caller needs it too.
domain::Resource committee_resource(store::Session& session, const domain::Actor& actor,
                                    std::int64_t institution_id, std::int64_t case_id,
                                    std::optional<std::int64_t> application_id = std::nullopt,
                                    CommitteeReads* reads = nullptr);

/// The refusal for an actor who may not do what the policy was asked about `resource`: the
/// declarations for a member who still owes some, not found for those who may not see the case (or
/// the applicant, when `hide_applicant`: a conflict hides them), forbidden for the others.
core::Error committee_refusal(const domain::Actor& actor, const domain::Resource& resource,
                              bool hide_applicant = false);

/// True when the actor holds a role on the case: a committee member, who declares on every
/// application, is hidden from those they have a conflict with, and sees the anonymised round.
bool is_member(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id);

} // namespace rekrut::services
