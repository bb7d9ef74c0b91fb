#pragma once

// What the policy needs to know about a committee member's standing on a case: whether they still
// have applications to declare on, whether they declared a conflict with an application, and whether
// the application is hidden by an anonymised first round. Shared by every service that shows
// applications to the committee (the application list, search, ranking lists).

#include <cstdint>
#include <optional>

#include "domain/access/actor.hpp"
#include "domain/access/policy.hpp"

namespace rekrut::store {
class Session;
}

namespace rekrut::services {

/// The resource of `case_id` (and of `application_id`, when given) as `actor` meets it, with the
/// committee facts filled in. Reads only for an actor holding a role on the case, and for the
/// anonymity of an application.
domain::Resource committee_resource(store::Session& session, const domain::Actor& actor,
                                    std::int64_t institution_id, std::int64_t case_id,
                                    std::optional<std::int64_t> application_id = std::nullopt);

/// True when the actor holds a role on the case: a committee member, who declares on every
/// application, is hidden from those they have a conflict with, and sees the anonymised round.
bool is_member(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id);

} // namespace rekrut::services
