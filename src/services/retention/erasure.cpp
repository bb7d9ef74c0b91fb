#include "services/retention/erasure.hpp"

#include <string>

#include "domain/application/application_status.hpp"
#include "domain/retention/retention.hpp"
#include "services/audit_personal.hpp"
#include "store/application_store.hpp"
#include "store/audit_subject_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/retention_store.hpp"

namespace rekrut::services {
namespace {

void register_request(store::Transaction& transaction, const domain::ApplicationRecord& application,
                      std::string_view kind, std::string_view channel, std::string_view outcome,
                      std::optional<std::int64_t> handled_by, core::UnixTime now)
{
    store::retention::DataRequestRecord entry;
    entry.institution_id = application.institution_id;
    entry.kind = std::string(kind);
    entry.channel = std::string(channel);
    entry.application_id = application.id;
    entry.case_id = application.case_id;
    entry.outcome = std::string(outcome);
    entry.handled_by = handled_by;
    entry.received_at = now;
    store::retention::record_data_request(transaction, entry);
}

} // namespace

std::string_view to_string(ErasureOutcome outcome)
{
    switch (outcome) {
    case ErasureOutcome::erased: return "erased";
    case ErasureOutcome::scheduled: return "scheduled";
    case ErasureOutcome::kept_hired: return "kept_hired";
    case ErasureOutcome::kept_on_hold: return "kept_on_hold";
    }
    return "scheduled";
}

ErasureOutcome request_erasure(store::Transaction& transaction, const domain::ApplicationRecord& application,
                               std::string_view channel, std::optional<std::int64_t> handled_by,
                               core::UnixTime now)
{
    store::applications::mark_deletion_requested(transaction, application.institution_id, application.id,
                                                 now);
    auto record = store::cases::find(transaction, application.institution_id, application.case_id);
    bool hired = application.status == domain::ApplicationStatus::hired;
    bool on_hold = store::retention::on_hold(transaction, application.institution_id, application.case_id);
    domain::RetentionFacts facts{record ? record->closed_at : std::nullopt,
                                 hired,
                                 on_hold,
                                 application.keep_until,
                                 application.deletion_requested_at.value_or(now),
                                 application.status == domain::ApplicationStatus::withdrawn};
    auto due =
        domain::deletion_due(facts, store::retention::settings(transaction, application.institution_id));
    ErasureOutcome outcome = ErasureOutcome::scheduled;
    if (hired)
        outcome = ErasureOutcome::kept_hired;
    else if (on_hold)
        outcome = ErasureOutcome::kept_on_hold;
    else if (due && *due <= now)
        outcome = ErasureOutcome::erased;
    // The register entry first: erasing the application clears its id from the register.
    register_request(transaction, application, "erasure", channel, to_string(outcome), handled_by, now);
    if (outcome == ErasureOutcome::erased) {
        store::retention::erase_application(transaction, application.institution_id, application.id);
        store::retention::log_deletion(transaction, application.institution_id, application.case_id,
                                       "applications", 1, now);
    }
    return outcome;
}

bool erase_account(store::Transaction& transaction, std::int64_t institution_id, std::int64_t user_id,
                   const Origin& origin, core::UnixTime now)
{
    if (!store::retention::erase_user(transaction, institution_id, user_id, now))
        return false;
    store::audit_subjects::destroy(transaction, user_subject(user_id), now);
    store::retention::log_deletion(transaction, institution_id, std::nullopt, "users", 1, now);
    record_audit(transaction, origin,
                 {institution_id, "user.erased", "user", std::to_string(user_id), "{}", "{}"});
    return true;
}

void register_access_request(store::Transaction& transaction, const domain::ApplicationRecord& application,
                             std::string_view channel, std::optional<std::int64_t> handled_by,
                             core::UnixTime now)
{
    register_request(transaction, application, "access", channel, "exported", handled_by, now);
}

void register_rectification_request(store::Transaction& transaction,
                                    const domain::ApplicationRecord& application, std::int64_t handled_by,
                                    core::UnixTime now)
{
    register_request(transaction, application, "rectification", "staff", "rectified", handled_by, now);
}

} // namespace rekrut::services
