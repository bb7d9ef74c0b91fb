#pragma once

// The Superbruger role's governance, shared by the user administration's methods: the role is the
// platform operator's to administer (service description 6.2), so a grant or removal of it is always
// a request that an operator who did not ask carries out.

#include <cstdint>

#include "core/result.hpp"
#include "domain/access/account_records.hpp"
#include "domain/access/actor.hpp"
#include "services/audit_log.hpp"
#include "services/user_administration.hpp"

namespace rekrut::store {
class Transaction;
}

namespace rekrut::services {

/// Asks, inside the caller's transaction, for the Superbruger role of `target` (a user of
/// `institution_id`) to be granted or removed. Refuses what the policy does not allow, a change that
/// is made already or is waiting, and a removal that would leave the institution without an active
/// Superbruger; otherwise records the request for an operator with its audit event.
core::Result<RoleChange> request_superbruger_change(store::Transaction& transaction,
                                                    const domain::Actor& actor, std::int64_t institution_id,
                                                    const domain::UserRecord& target,
                                                    domain::RoleChangeKind change, const Origin& origin);

/// Whether the institution still has an active Superbruger after `target` loses the role, or stops
/// being active while keeping it (`target` is counted only when it holds the role and is active).
bool keeps_a_superbruger(store::Transaction& transaction, std::int64_t institution_id,
                         const domain::UserRecord& target);

} // namespace rekrut::services
