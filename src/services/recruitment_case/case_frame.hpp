#pragma once

// The one frame for every change to an existing recruitment case. Internal to the case services.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/access/policy.hpp"
#include "domain/recruitment_case/case_lifecycle.hpp"
#include "services/audit_log.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"

namespace rekrut::services::recruitment_case {

/// Whether the change is allowed only while the case is being written (until publication).
enum class Editable { until_published, in_any_state };
/// Whether a case that was ready for publication goes back to draft, to be checked again.
enum class Recheck { back_to_draft, no };

struct ChangeRules {
    domain::Action action = domain::Action::edit_case;
    Editable editable = Editable::until_published;
    Recheck recheck = Recheck::back_to_draft;
    /// The conflict message when the case is no longer editable (a msgid).
    const char* locked_message = core::msgid("A published case can no longer be edited here.");
    /// The user the change is about (committee changes), for the policy.
    std::optional<std::int64_t> target_user_id;
};

/// What a change sees: the transaction, the locked case as it was, and where to record its audit
/// event. Every successful change records exactly one event.
class CaseEdit {
public:
    CaseEdit(store::Transaction& transaction, const domain::CaseRecord& record, const Origin& origin)
        : transaction(transaction), record(record), m_origin(origin)
    {
    }

    store::Transaction& transaction;
    const domain::CaseRecord& record;

    /// Records the change on the case in the audit trail, inside the change's transaction.
    void audit(const std::string& action, std::string before, std::string after)
    {
        record_audit(transaction, m_origin,
                     {record.institution_id, action, "recruitment_case", std::to_string(record.id),
                      std::move(before), std::move(after)});
        m_audited = true;
    }
    bool audited() const { return m_audited; }

private:
    const Origin& m_origin;
    bool m_audited = false;
};

/// Those who may not do `action` but may see the case are told "forbidden"; anyone else sees "not
/// found", as for a case that does not exist.
std::optional<core::Error> case_refusal(const domain::Actor& actor, domain::Action action,
                                        const domain::Resource& resource);

/// After a change: a case that was ready for publication goes back to draft.
void recheck(store::Transaction& transaction, const domain::CaseRecord& record);

/// permission → lock → load → editable check → change → back to draft when required, all in one
/// transaction. `change(CaseEdit&)` returns a core::Result or core::Status and records its audit
/// event through the CaseEdit; an error from it rolls everything back. The lock serialises
/// concurrent changes of one case (two ad saves taking the same version number, two equal committee
/// additions both passing the duplicate check).
template <typename Change>
auto change_case(store::Database& database, const domain::Actor& actor, std::int64_t institution_id,
                 std::int64_t case_id, const ChangeRules& rules, const Origin& origin, Change&& change)
    -> std::invoke_result_t<Change&, CaseEdit&>
{
    using Outcome = std::invoke_result_t<Change&, CaseEdit&>;
    if (auto refusal =
            case_refusal(actor, rules.action, {institution_id, case_id, rules.target_user_id, false, {}}))
        return *refusal;
    return database.transact([&](store::Transaction& transaction) -> Outcome {
        store::cases::lock(transaction, institution_id, case_id);
        auto record = store::cases::find(transaction, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        if (rules.editable == Editable::until_published && !domain::is_editable(record->state))
            return core::Error::conflict(rules.locked_message);
        CaseEdit edit(transaction, *record, origin);
        Outcome outcome = change(edit);
        if (!outcome)
            return outcome;
        if (rules.recheck == Recheck::back_to_draft)
            recheck(transaction, *record);
        if (!edit.audited())
            throw std::logic_error("a case change was made without an audit event");
        return outcome;
    });
}

} // namespace rekrut::services::recruitment_case
