#pragma once

// An applicant's request for erasure (GDPR article 17), from self-service or through the institution:
// one rule for both, and the register entry for each.

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/clock.hpp"
#include "domain/application/application_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Transaction;
}

namespace rekrut::services {

enum class ErasureOutcome {
    erased,      ///< Carried out at once: the application was withdrawn or its case closed.
    scheduled,   ///< Recorded; the retention job erases it as soon as the case closes.
    kept_hired,  ///< The chosen candidate's application belongs with the employment: not erased.
    kept_on_hold ///< A hold on the case (a complaint or lawsuit) keeps it until lifted.
};
std::string_view to_string(ErasureOutcome outcome);

/// Records the request on the application and carries it out when the retention rule allows it now.
/// Writes the register entry (`channel`: staff | applicant, `handled_by` for staff).
ErasureOutcome request_erasure(store::Transaction& transaction, const domain::ApplicationRecord& application,
                               std::string_view channel, std::optional<std::int64_t> handled_by,
                               core::UnixTime now);

/// Erases a user account of the institution (its name and address replaced; password, second factor,
/// sessions, codes, links and mails deleted; the key of what the audit trail holds about the person
/// destroyed), counts it in the deletion report and records `user.erased`. False when there is no
/// such account or it was erased already.
bool erase_account(store::Transaction& transaction, std::int64_t institution_id, std::int64_t user_id,
                   const Origin& origin, core::UnixTime now);

/// Writes a register entry for an access request answered with an export.
void register_access_request(store::Transaction& transaction, const domain::ApplicationRecord& application,
                             std::string_view channel, std::optional<std::int64_t> handled_by,
                             core::UnixTime now);

/// Writes a register entry for a rectification (article 16) carried out by the institution.
void register_rectification_request(store::Transaction& transaction,
                                    const domain::ApplicationRecord& application, std::int64_t handled_by,
                                    core::UnixTime now);

} // namespace rekrut::services
