#include "services/recruitment_case/case_lifecycle.hpp"

#include "core/clock.hpp"
#include "core/text.hpp"
#include "services/audit_log.hpp"
#include "services/communication/mailings.hpp"
#include "services/jobnet/jobnet_transfer.hpp"
#include "services/recruitment_case/ad_assembly.hpp"
#include "services/recruitment_case/case_frame.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/decision_store.hpp"

namespace rekrut::services {
namespace {

/// The longest reason for cancelling a case, in characters.
constexpr std::size_t k_max_reason = 1000;

std::size_t characters(const std::string& text)
{
    std::size_t count = 0;
    for (unsigned char byte : text)
        count += (byte & 0xC0U) != 0x80U ? 1 : 0;
    return count;
}

/// A reason for cancelling: required, at most k_max_reason characters.
std::optional<core::Error> check_reason(const std::string& reason)
{
    if (reason.empty())
        return core::Error::invalid(core::msgid("Check the marked fields."),
                                    {{"reason", core::msgid("Give the reason for cancelling the case.")}});
    if (characters(reason) > k_max_reason || !core::is_valid_utf8(reason))
        return core::Error::invalid(
            core::msgid("Check the marked fields."),
            {{"reason", core::msgid("Write the reason in at most 1,000 characters.")}});
    return std::nullopt;
}

} // namespace

using recruitment_case::CaseEdit;
using recruitment_case::ChangeRules;
using recruitment_case::Editable;
using recruitment_case::Recheck;

core::Status CaseLifecycle::transition(const domain::Actor& actor, std::int64_t institution_id,
                                       std::int64_t case_id, domain::CaseTransition transition,
                                       const Origin& origin, const std::string& reason)
{
    std::string why(core::trim(reason));
    ChangeRules rules{domain::Action::edit_case, Editable::in_any_state, Recheck::no, nullptr, std::nullopt};
    return recruitment_case::change_case(
        m_database, actor, institution_id, case_id, rules, origin, [&](CaseEdit& edit) -> core::Status {
            core::UnixTime now = core::now();
            auto checked = domain::check_transition(
                recruitment_case::case_facts(edit.transaction, edit.record), transition, now);
            if (!checked)
                return checked.error();
            if (transition == domain::CaseTransition::cancel)
                if (auto refused = check_reason(why))
                    return *refused;
            auto target = domain::target_state(transition);
            std::optional<core::UnixTime> published;
            if (target == domain::CaseState::published)
                published = now;
            store::cases::set_state(edit.transaction, institution_id, case_id, target, published, now);
            // The transfer to Jobnet commits with the transition, or neither happens.
            if (target == domain::CaseState::published) {
                domain::CaseRecord published_record = edit.record;
                published_record.published_at = now;
                jobnet::queue_publication(edit.transaction, published_record, now);
            } else if (target == domain::CaseState::cancelled) {
                jobnet::queue_close(edit.transaction, institution_id, case_id, now);
                // A cancelled case is closed: the retention of its applications runs from now.
                store::decisions::close(edit.transaction, institution_id, case_id, now);
            }
            std::vector<std::pair<std::string, std::string>> after = {
                {"state", std::string(domain::to_string(target))},
                {"transition", std::string(domain::to_string(transition))}};
            if (!why.empty())
                after.emplace_back("reason", why);
            edit.audit("case.state_changed",
                       json_object({{"state", std::string(domain::to_string(edit.record.state))}}),
                       json_object(after));
            return core::success();
        });
}

int CaseLifecycle::close_due_cases()
{
    core::UnixTime now = core::now();
    auto due =
        m_database.read([&](store::Session& session) { return store::cases::due_for_closing(session, now); });
    int closed = 0;
    for (const auto& [due_institution, due_case] : due) {
        // Named copies: clang 14, which clang-tidy runs on, cannot capture structured bindings.
        std::int64_t institution_id = due_institution;
        std::int64_t case_id = due_case;
        auto result = m_database.transact([&](store::Transaction& transaction) -> core::Status {
            if (!store::cases::close_if_published(transaction, case_id, now))
                return core::Error::not_found(); // closed or changed meanwhile
            if (auto record = store::cases::find(transaction, institution_id, case_id))
                queue_committee_mail(transaction, *record, "deadline_passed", m_public_url);
            jobnet::queue_close(transaction, institution_id, case_id, now);
            record_audit(
                transaction, Origin::system("application deadline"),
                {institution_id, "case.state_changed", "recruitment_case", std::to_string(case_id),
                 json_object({{"state", "published"}}),
                 json_object({{"state", "closed_for_applications"}, {"transition", "close_applications"}})});
            return core::success();
        });
        if (result)
            ++closed;
    }
    return closed;
}

} // namespace rekrut::services
