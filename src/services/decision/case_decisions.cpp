#include "services/decision/case_decisions.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/mail/email_template.hpp"
#include "domain/recruitment_case/case_lifecycle.hpp"
#include "integrations/pdf_document.hpp"
#include "services/assessment/committee_facts.hpp"
#include "services/communication/email_templates.hpp"
#include "services/communication/mailings.hpp"
#include "services/recruitment_case/ad_assembly.hpp"
#include "services/sealed_text.hpp"
#include "store/application_store.hpp"
#include "store/assessment_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/decision_store.hpp"
#include "store/file_store.hpp"
#include "store/identity_store.hpp"
#include "store/institution_store.hpp"
#include "store/session_store.hpp"

namespace rekrut::services {
namespace {

using core::msgid;
using domain::Action;
using domain::DecisionKind;
using domain::DecisionStatus;

std::string ids_json(const std::vector<std::int64_t>& ids)
{
    std::string text = "[";
    for (auto id : ids)
        text += (text.size() > 1 ? "," : "") + std::to_string(id);
    return text + "]";
}

std::string reference_of(const store::decisions::Standing& standing)
{
    domain::ApplicationRecord record;
    record.id = standing.application_id;
    record.received_at = standing.received_at;
    return domain::application_reference(record);
}

/// Opens a stored decision's texts: sealed under the candidate's key for a hiring decision, plain
/// for a cancellation.
domain::CaseDecision opened(store::Session& session, const store::decisions::StoredDecision& stored)
{
    auto decision = stored.decision;
    if (decision.kind == DecisionKind::hire) {
        auto key = decision.application_id ? store::application_keys::load(session, *decision.application_id)
                                           : std::nullopt;
        decision.justification = open_text(key, stored.sealed_justification);
        decision.comment = open_text(key, stored.sealed_comment);
    }
    return decision;
}

/// The proposal of `kind` that waits for approval, if any.
std::optional<store::decisions::StoredDecision> pending(store::Session& session, std::int64_t institution_id,
                                                        std::int64_t case_id, DecisionKind kind)
{
    auto latest = store::decisions::latest(session, institution_id, case_id, kind);
    if (latest && latest->decision.status == DecisionStatus::proposed)
        return latest;
    return std::nullopt;
}

/// Moves the case by `transition` after checking it against the facts as they stand now (inside the
/// caller's transaction, after the decision was written).
core::Status move_case(store::Transaction& transaction, const domain::CaseRecord& record,
                       domain::CaseTransition transition)
{
    auto now = core::now();
    auto checked =
        domain::check_transition(recruitment_case::case_facts(transaction, record), transition, now);
    if (!checked)
        return checked;
    store::cases::set_state(transaction, record.institution_id, record.id, domain::target_state(transition),
                            std::nullopt, now);
    return core::success();
}

void audit_case(store::Transaction& transaction, const Origin& origin, const domain::CaseRecord& record,
                const std::string& action, const std::string& after)
{
    record_audit(transaction, origin,
                 {record.institution_id, action, "recruitment_case", std::to_string(record.id),
                  json_object({{"state", std::string(domain::to_string(record.state))}}), after});
}

/// The case `case_id` as `actor` may take it for `action` (with the committee facts), locked for the
/// rest of the transaction when `lock`; not found, or the policy's refusal, otherwise.
core::Result<domain::CaseRecord> case_for(store::Session& session, const domain::Actor& actor,
                                          std::int64_t institution_id, std::int64_t case_id, Action action,
                                          bool lock)
{
    if (lock)
        store::cases::lock(session, institution_id, case_id);
    auto record = store::cases::find(session, institution_id, case_id);
    if (!record)
        return core::Error::not_found();
    auto resource = committee_resource(session, actor, institution_id, case_id);
    if (!domain::can(actor, action, resource))
        return committee_refusal(actor, resource);
    return *record;
}

/// The institution's name and the lines of its address, for a letterhead.
std::vector<std::string> letterhead(store::Session& session, std::int64_t institution_id)
{
    std::vector<std::string> lines;
    auto institution = store::InstitutionStore::find_in(session, institution_id);
    if (!institution)
        return lines;
    lines.push_back(institution->name);
    std::string line;
    for (char character : institution->address + "\n") {
        if (character == '\n' || character == ',') {
            if (auto trimmed = std::string(core::trim(line)); !trimmed.empty())
                lines.push_back(trimmed);
            line.clear();
        } else {
            line += character;
        }
    }
    return lines;
}

/// Paragraphs of `text`: blank-line separated blocks, line breaks kept.
std::vector<integrations::PdfBlock> paragraphs(const std::string& text)
{
    std::vector<integrations::PdfBlock> blocks;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find("\n\n", start);
        if (end == std::string::npos)
            end = text.size();
        if (auto block = std::string(core::trim(text.substr(start, end - start))); !block.empty())
            blocks.push_back({integrations::PdfBlock::Kind::paragraph, block, {}});
        start = end + 2;
    }
    return blocks;
}

core::Result<GeneratedDocument> rendered(const integrations::PdfDocument& document, std::string filename)
{
    auto bytes = integrations::render_pdf(document);
    if (!bytes)
        return bytes.error();
    return GeneratedDocument{std::move(filename), "application/pdf", std::move(*bytes)};
}

} // namespace

core::Result<DecisionOverview> CaseDecisions::overview(const domain::Actor& actor,
                                                       std::int64_t institution_id, std::int64_t case_id)
{
    return m_database.read([&](store::Session& session) -> core::Result<DecisionOverview> {
        auto record = store::cases::find(session, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        auto resource = committee_resource(session, actor, institution_id, case_id);
        if (!domain::can(actor, Action::view_applications, resource))
            return committee_refusal(actor, resource);
        DecisionOverview overview;
        overview.case_record = *record;
        const bool member = is_member(actor, institution_id, case_id);
        std::set<std::int64_t> conflicts;
        if (member)
            conflicts = store::assessment::conflicts_of(session, institution_id, case_id, actor.user_id);
        const bool anonymous =
            member && store::assessment::methods(session, institution_id, case_id).anonymous;

        std::optional<std::int64_t> candidate;
        auto hire = store::decisions::latest(session, institution_id, case_id, DecisionKind::hire);
        if (hire && hire->decision.status != DecisionStatus::returned)
            candidate = hire->decision.application_id;
        std::map<std::int64_t, std::string> waivers;
        for (const auto& [application_id, sealed] :
             store::decisions::priority_waivers(session, institution_id, case_id))
            waivers[application_id] = sealed;

        std::vector<domain::PriorityApplicant> priority_facts;
        for (const auto& standing : store::decisions::standings(session, institution_id, case_id)) {
            const bool withdrawn = standing.status == domain::ApplicationStatus::withdrawn;
            overview.has_applications = overview.has_applications || !withdrawn;
            if (standing.priority_access)
                priority_facts.push_back({withdrawn, standing.invited, standing.waived});
            if (conflicts.count(standing.application_id) > 0)
                continue; // hidden from a member with a conflict of interest
            DecisionApplicant applicant{standing.application_id,
                                        standing.full_name,
                                        standing.status,
                                        standing.priority_access,
                                        standing.invited,
                                        standing.waived,
                                        {}};
            if (anonymous &&
                !store::assessment::anonymity_lifted(session, institution_id, standing.application_id))
                applicant.label = reference_of(standing);
            overview.labels.emplace_back(applicant.id, applicant.label);
            if (auto waiver = waivers.find(applicant.id); waiver != waivers.end())
                applicant.waiver_reason =
                    open_text(store::application_keys::load(session, applicant.id), waiver->second);
            if (standing.priority_access && !withdrawn)
                overview.priority.push_back(applicant);
            if (domain::is_final(standing.status))
                continue;
            overview.open.push_back(applicant);
            if (candidate == applicant.id)
                continue;
            (standing.invited ? overview.reject_after_interview : overview.reject_before_interview)
                .push_back(applicant);
        }
        overview.priority_not_invited = domain::priority_applicants_not_invited(priority_facts);

        for (const auto& stored : store::decisions::history(session, institution_id, case_id)) {
            auto decision = opened(session, stored);
            if (decision.application_id && conflicts.count(*decision.application_id) > 0) {
                decision.justification.clear();
                decision.comment.clear();
            }
            overview.history.push_back(decision);
            if (decision.kind == DecisionKind::hire && !overview.hire)
                overview.hire = decision;
            if (decision.kind == DecisionKind::cancel && !overview.cancel)
                overview.cancel = decision;
        }
        auto facts = recruitment_case::case_facts(session, *record);
        overview.someone_holds_both_roles = facts.projektleder_is_ansaettende_leder;
        overview.can_propose = domain::can(actor, Action::propose_case_decision, resource);
        overview.can_finish = domain::can(actor, Action::edit_case, resource);
        auto may_approve = [&](const std::optional<domain::CaseDecision>& decision) {
            if (!decision || decision->status != DecisionStatus::proposed)
                return false;
            auto approval =
                decision->kind == DecisionKind::hire && decision->application_id
                    ? committee_resource(session, actor, institution_id, case_id, decision->application_id)
                    : resource;
            approval.requested_by = decision->proposed_by;
            return domain::can(actor, Action::approve_hiring_decision, approval);
        };
        overview.can_approve_hire = may_approve(overview.hire);
        overview.can_approve_cancel = may_approve(overview.cancel);
        return overview;
    });
}

core::Status CaseDecisions::propose(const domain::Actor& actor, std::int64_t institution_id,
                                    std::int64_t case_id, const domain::HireProposal& input,
                                    const Origin& origin)
{
    domain::HireProposal proposal = input;
    proposal.justification = std::string(core::trim(proposal.justification));
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        store::cases::lock(transaction, institution_id, case_id);
        auto record = store::cases::find(transaction, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        auto resource =
            committee_resource(transaction, actor, institution_id, case_id,
                               proposal.candidate > 0 ? std::optional(proposal.candidate) : std::nullopt);
        if (!domain::can(actor, Action::propose_case_decision, resource))
            return committee_refusal(actor, resource);
        if (record->state != domain::CaseState::assessment)
            return core::Error::conflict(
                msgid("The hiring decision is proposed while the case is in assessment."));
        if (pending(transaction, institution_id, case_id, DecisionKind::hire))
            return core::Error::conflict(msgid("A proposal already waits for approval."));
        std::vector<domain::ProposableApplication> applications;
        for (const auto& standing : store::decisions::standings(transaction, institution_id, case_id))
            applications.push_back({standing.application_id, domain::is_final(standing.status)});
        if (auto checked = domain::check_hire_proposal(proposal, applications); !checked)
            return checked;
        auto key = store::application_keys::load(transaction, proposal.candidate);
        if (!key)
            return core::Error::invalid(
                msgid("The proposal cannot be made. Check the marked fields."),
                {{"candidate", msgid("The candidate's application is being deleted.")}});
        store::decisions::StoredDecision row;
        row.decision.institution_id = institution_id;
        row.decision.case_id = case_id;
        row.decision.kind = DecisionKind::hire;
        row.decision.application_id = proposal.candidate;
        row.decision.reserves = proposal.reserves;
        row.decision.proposed_by = actor.user_id;
        row.decision.proposed_at = core::now();
        row.sealed_justification = seal_text(key, proposal.justification);
        auto id = store::decisions::propose(transaction, row);
        if (auto moved = move_case(transaction, *record, domain::CaseTransition::propose_decision); !moved)
            return moved;
        audit_case(transaction, origin, *record, "case.decision_proposed",
                   json_object({{"state", "decision"},
                                {"decision_id", std::to_string(id)},
                                {"candidate", std::to_string(proposal.candidate)},
                                {"reserves", ids_json(proposal.reserves)}}));
        queue_committee_mail(transaction, *record, "decision_awaiting_approval", m_public_url);
        return core::success();
    });
}

core::Status CaseDecisions::decide(const domain::Actor& actor, std::int64_t institution_id,
                                   std::int64_t case_id, DecisionKind kind, bool approve,
                                   const std::string& comment_input, const Origin& origin)
{
    const std::string comment(core::trim(comment_input));
    if (auto checked = domain::check_decision_text(comment, !approve, "comment"); !checked)
        return checked;
    auto result = m_database.transact([&](store::Transaction& transaction) -> core::Status {
        store::cases::lock(transaction, institution_id, case_id);
        auto record = store::cases::find(transaction, institution_id, case_id);
        if (!record || !domain::can(actor, Action::view_case, {institution_id, case_id, {}, false, {}}))
            return core::Error::not_found();
        auto waiting = pending(transaction, institution_id, case_id, kind);
        if (!waiting)
            return core::Error::conflict(msgid("No proposal waits for approval."));
        const auto& decision = waiting->decision;
        auto resource =
            committee_resource(transaction, actor, institution_id, case_id,
                               kind == DecisionKind::hire ? decision.application_id : std::nullopt);
        resource.requested_by = decision.proposed_by;
        if (!domain::can(actor, Action::approve_hiring_decision, resource)) {
            if (decision.proposed_by == actor.user_id)
                return core::Error{core::ErrorKind::forbidden,
                                   msgid("You proposed this decision. Another person, the case's Ansættende "
                                         "leder, must approve or return it."),
                                   {}};
            return committee_refusal(actor, resource);
        }
        auto key = kind == DecisionKind::hire && decision.application_id
                       ? store::application_keys::load(transaction, *decision.application_id)
                       : std::nullopt;
        const auto now = core::now();
        const bool sealed = kind == DecisionKind::hire;
        if (!store::decisions::decide(transaction, institution_id, decision.id,
                                      approve ? DecisionStatus::approved : DecisionStatus::returned,
                                      actor.user_id, sealed ? seal_text(key, comment) : "",
                                      sealed ? "" : comment, now))
            return core::Error::conflict(msgid("No proposal waits for approval."));
        const std::string id = std::to_string(decision.id);
        if (kind == DecisionKind::hire && approve) {
            auto candidate = decision.application_id ? store::applications::find(transaction, institution_id,
                                                                                 *decision.application_id)
                                                     : std::nullopt;
            if (!candidate || domain::is_final(candidate->status))
                return core::Error::conflict(
                    msgid("The candidate's application is no longer in the process."));
            store::applications::set_status(transaction, institution_id, candidate->id,
                                            domain::ApplicationStatus::offered, now);
            queue_application_mail(transaction, *record, *candidate, "offer", "");
            audit_case(transaction, origin, *record, "case.decision_approved",
                       json_object({{"decision_id", id}, {"candidate", std::to_string(candidate->id)}}));
            return core::success();
        }
        if (kind == DecisionKind::hire) {
            if (auto moved = move_case(transaction, *record, domain::CaseTransition::return_decision); !moved)
                return moved;
            audit_case(transaction, origin, *record, "case.decision_returned",
                       json_object({{"state", "assessment"}, {"decision_id", id}}));
            return core::success();
        }
        if (!approve) {
            audit_case(transaction, origin, *record, "case.cancellation_returned",
                       json_object({{"decision_id", id}}));
            return core::success();
        }
        if (auto moved = move_case(transaction, *record, domain::CaseTransition::cancel); !moved)
            return moved;
        int told = 0;
        for (const auto& standing : store::decisions::standings(transaction, institution_id, case_id)) {
            if (domain::is_final(standing.status))
                continue;
            if (auto application =
                    store::applications::find(transaction, institution_id, standing.application_id)) {
                queue_application_mail(transaction, *record, *application, "case_cancelled", "");
                ++told;
            }
        }
        audit_case(
            transaction, origin, *record, "case.cancellation_approved",
            json_object(
                {{"state", "cancelled"}, {"decision_id", id}, {"applicants_told", std::to_string(told)}}));
        return core::success();
    });
    if (!result && (result.error().kind == core::ErrorKind::forbidden ||
                    result.error().kind == core::ErrorKind::not_found)) {
        // A refused approval is recorded, where the case exists in the actor's institution. The refusal
        // stands whether or not the record could be written.
        static_cast<void>(m_database.transact([&](store::Transaction& transaction) -> core::Status {
            if (store::cases::find(transaction, institution_id, case_id))
                record_audit(transaction, origin,
                             {institution_id, "case.decision_refused", "recruitment_case",
                              std::to_string(case_id), "{}",
                              json_object({{"proposal", std::string(domain::to_string(kind))},
                                           {"answer", approve ? "approve" : "return"}})});
            return core::success();
        }));
    }
    return result;
}

core::Status CaseDecisions::request_cancellation(const domain::Actor& actor, std::int64_t institution_id,
                                                 std::int64_t case_id, const std::string& reason_input,
                                                 const Origin& origin)
{
    const std::string reason(core::trim(reason_input));
    if (auto checked = domain::check_decision_text(reason, true, "reason"); !checked)
        return core::Error::invalid(checked.error().message,
                                    {{"reason", msgid("Give the reason for cancelling the case, in at most "
                                                      "5,000 characters.")}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto record =
            case_for(transaction, actor, institution_id, case_id, Action::propose_case_decision, true);
        if (!record)
            return record.error();
        if (record->state == domain::CaseState::filled || record->state == domain::CaseState::cancelled)
            return core::Error::conflict(msgid("A filled or cancelled case cannot be cancelled."));
        if (!recruitment_case::case_facts(transaction, *record).has_applications)
            return core::Error::conflict(
                msgid("The case has no applications: cancel it on the case page, without an approval."));
        if (pending(transaction, institution_id, case_id, DecisionKind::cancel))
            return core::Error::conflict(msgid("A proposal already waits for approval."));
        store::decisions::StoredDecision row;
        row.decision.institution_id = institution_id;
        row.decision.case_id = case_id;
        row.decision.kind = DecisionKind::cancel;
        row.decision.justification = reason;
        row.decision.proposed_by = actor.user_id;
        row.decision.proposed_at = core::now();
        auto id = store::decisions::propose(transaction, row);
        audit_case(transaction, origin, *record, "case.cancellation_requested",
                   json_object({{"decision_id", std::to_string(id)}, {"fields", "reason"}}));
        queue_committee_mail(transaction, *record, "decision_awaiting_approval", m_public_url);
        return core::success();
    });
}

core::Status CaseDecisions::waive_priority(const domain::Actor& actor, std::int64_t institution_id,
                                           std::int64_t case_id, std::int64_t application_id,
                                           const std::string& reason_input, const Origin& origin)
{
    const std::string reason(core::trim(reason_input));
    if (auto checked = domain::check_decision_text(reason, true, "reason"); !checked)
        return core::Error::invalid(checked.error().message,
                                    {{"reason", msgid("Write why the applicant does not meet the formal "
                                                      "requirements, in at most 5,000 characters.")}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto record = store::cases::find(transaction, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::propose_case_decision, resource))
            return committee_refusal(actor, resource, resource.conflict_of_interest);
        auto application = store::applications::find(transaction, institution_id, application_id);
        if (!application || application->case_id != case_id)
            return core::Error::not_found();
        if (!application->priority_access)
            return core::Error::conflict(msgid("The applicant did not invoke priority access."));
        if (record->state != domain::CaseState::assessment &&
            record->state != domain::CaseState::closed_for_applications)
            return core::Error::conflict(msgid("The reason is recorded before the decision is proposed."));
        auto key = store::application_keys::load(transaction, application_id);
        if (!key)
            return core::Error::not_found();
        store::decisions::waive_priority(transaction, institution_id, case_id, application_id,
                                         seal_text(key, reason), actor.user_id, core::now());
        record_audit(transaction, origin,
                     {institution_id, "application.priority_waived", "application",
                      std::to_string(application_id), "{}", json_object({{"fields", "reason"}})});
        return core::success();
    });
}

core::Status CaseDecisions::record_contract(const domain::Actor& actor, std::int64_t institution_id,
                                            std::int64_t case_id, const std::string& date_input,
                                            const Origin& origin)
{
    const std::string date(core::trim(date_input));
    const auto signed_at = date.size() == 10 ? core::parse_copenhagen(date, "00:00") : std::nullopt;
    if (!signed_at || *signed_at > core::now())
        return core::Error::invalid(
            msgid("Check the marked fields."),
            {{"contract_signed_on", msgid("Enter the date the contract was signed (YYYY-MM-DD), not in the "
                                          "future.")}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto record = case_for(transaction, actor, institution_id, case_id, Action::edit_case, true);
        if (!record)
            return record.error();
        auto hire = store::decisions::latest(transaction, institution_id, case_id, DecisionKind::hire);
        if (record->state != domain::CaseState::decision || !hire ||
            hire->decision.status != DecisionStatus::approved)
            return core::Error::conflict(
                msgid("The contract is recorded once the hiring decision is approved."));
        const auto now = core::now();
        store::decisions::set_contract_signed(transaction, institution_id, case_id, date, now);
        record->contract_signed_on = date;
        if (hire->decision.application_id)
            store::applications::set_status(transaction, institution_id, *hire->decision.application_id,
                                            domain::ApplicationStatus::hired, now);
        if (auto moved = move_case(transaction, *record, domain::CaseTransition::mark_filled); !moved)
            return moved;
        int ended = 0;
        for (const auto& member : store::cases::committee(transaction, institution_id, case_id)) {
            if (!member.external)
                continue;
            auto user = store::users::find(transaction, institution_id, member.user_id);
            if (!user || user->status != domain::UserStatus::active)
                continue;
            store::users::update_profile(transaction, institution_id, user->id, user->name, user->email,
                                         domain::UserStatus::deactivated);
            store::sessions::remove_for_user(transaction, user->id);
            record_audit(transaction, origin,
                         {institution_id, "user.changed", "user", std::to_string(user->id),
                          json_object({{"status", "active"}}),
                          json_object({{"status", "deactivated"}, {"reason", "case_filled"}})});
            ++ended;
        }
        audit_case(transaction, origin, *record, "case.contract_signed",
                   json_object({{"state", "filled"},
                                {"contract_signed_on", date},
                                {"external_accounts_ended", std::to_string(ended)}}));
        return core::success();
    });
}

core::Status CaseDecisions::close(const domain::Actor& actor, std::int64_t institution_id,
                                  std::int64_t case_id, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto record = case_for(transaction, actor, institution_id, case_id, Action::edit_case, true);
        if (!record)
            return record.error();
        if (record->state != domain::CaseState::filled && record->state != domain::CaseState::cancelled)
            return core::Error::conflict(msgid("A case is closed once it is filled or cancelled."));
        if (record->state == domain::CaseState::filled) {
            auto standings = store::decisions::standings(transaction, institution_id, case_id);
            auto open = std::count_if(standings.begin(), standings.end(), [](const auto& standing) {
                return !domain::is_final(standing.status);
            });
            if (open > 0)
                return core::Error::conflict(
                    msgid("Some applicants have not been rejected yet. Send the rejections first."));
        }
        if (!store::decisions::close(transaction, institution_id, case_id, core::now()))
            return core::Error::conflict(msgid("The case is already closed."));
        audit_case(transaction, origin, *record, "case.closed", json_object({{"closed", "true"}}));
        return core::success();
    });
}

core::Result<GeneratedDocument> CaseDecisions::employment_letter(const domain::Actor& actor,
                                                                 std::int64_t institution_id,
                                                                 std::int64_t case_id, const Origin& origin)
{
    struct Letter {
        integrations::PdfDocument document;
        std::string filename;
    };
    auto letter = m_database.transact([&](store::Transaction& transaction) -> core::Result<Letter> {
        auto record = case_for(transaction, actor, institution_id, case_id, Action::edit_case, false);
        if (!record)
            return record.error();
        auto hire = store::decisions::latest(transaction, institution_id, case_id, DecisionKind::hire);
        auto candidate =
            hire && hire->decision.status == DecisionStatus::approved && hire->decision.application_id
                ? store::applications::find(transaction, institution_id, *hire->decision.application_id)
                : std::nullopt;
        if (!candidate)
            return core::Error::conflict(msgid("The letter is made once the hiring decision is approved."));
        const std::string language = candidate->language == "en" ? "en" : "da";
        const bool english = language == "en";
        auto lines = letterhead(transaction, institution_id);
        auto wording = effective_template(transaction, institution_id, case_id, "employment_letter").record;
        auto values = application_merge_values(
            *record, lines.empty() ? "" : lines.front(),
            recruitment_case::contact_line(store::cases::contacts(transaction, institution_id, case_id)),
            *candidate, language);
        auto rendering = domain::render_mail(english ? wording.subject_en : wording.subject_da,
                                             english ? wording.body_en : wording.body_da, values);
        if (!rendering.mail) {
            std::string missing;
            for (const auto& field : rendering.missing) {
                // Named as the letter's text names them: Danish fields in a Danish letter.
                std::string name = field;
                for (const auto& known : domain::k_merge_fields)
                    if (known.english == field && !english)
                        name = std::string(known.danish);
                missing += (missing.empty() ? "" : ", ") + name;
            }
            return core::Error::invalid(
                msgid("The letter cannot be made."),
                {{"letter", msgid("These merge fields of the letter have no value in this case: {detail}."),
                  missing}});
        }
        Letter made;
        auto& document = made.document;
        document.title = rendering.mail->subject;
        document.language = language;
        document.letterhead = lines;
        const auto reference = domain::application_reference(*candidate);
        document.reference = (english ? "Case " : "Sagsnr. ") + std::to_string(case_id) + " / " + reference;
        document.date_line = core::format_date(hire->decision.decided_at.value_or(core::now()), language);
        std::string address = candidate->full_name;
        for (const auto& part : {candidate->address, candidate->postal_code + " " + candidate->city})
            if (auto trimmed = std::string(core::trim(part)); !trimmed.empty())
                address += "\n" + trimmed;
        document.blocks.push_back({integrations::PdfBlock::Kind::paragraph, address, {}});
        for (auto& block : paragraphs(rendering.mail->text))
            document.blocks.push_back(std::move(block));
        document.footer = lines.empty() ? "" : lines.front();
        made.filename = (english ? "employment-letter-" : "ansaettelsesbrev-") + reference + ".pdf";
        record_audit(transaction, origin,
                     {institution_id, "case.letter_made", "recruitment_case", std::to_string(case_id), "{}",
                      json_object({{"candidate", std::to_string(candidate->id)}})});
        return made;
    });
    if (!letter)
        return letter.error();
    return rendered(letter->document, letter->filename);
}

core::Result<GeneratedDocument>
CaseDecisions::applicant_list(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                              const Origin& origin, const std::string& language,
                              const std::function<std::string(const std::string&)>& translate)
{
    auto text = [&](const char* message, const std::string& value) {
        auto translated = translate(message);
        if (auto at = translated.find("{value}"); at != std::string::npos)
            translated.replace(at, 7, value);
        return translated;
    };
    auto document = m_database.transact([&](store::Transaction& transaction)
                                            -> core::Result<integrations::PdfDocument> {
        auto record = case_for(transaction, actor, institution_id, case_id, Action::edit_case, false);
        if (!record)
            return record.error();
        if (record->employment_basis != "civil_servant")
            return core::Error::conflict(msgid("Only a position for a civil servant has an applicant list."));
        if (domain::is_editable(record->state) || record->state == domain::CaseState::published)
            return core::Error::conflict(msgid("The applicant list is made after the application deadline."));
        integrations::PdfDocument list;
        list.language = language;
        list.title = text(msgid("Applicant list: {value}"), record->title);
        list.letterhead = letterhead(transaction, institution_id);
        list.reference = text(msgid("Case no. {value}"), std::to_string(case_id));
        list.date_line = core::format_date(core::now(), language);
        list.blocks.push_back({integrations::PdfBlock::Kind::paragraph,
                               text(msgid("The applicants for the position of {value}, as the Civil Servants "
                                          "Act (tjenestemandsloven) "
                                          "§ 5, subsection 3, provides."),
                                    record->title),
                               {}});
        int listed = 0, left_off = 0;
        std::vector<integrations::PdfBlock> rows;
        for (const auto& standing : store::decisions::standings(transaction, institution_id, case_id)) {
            if (standing.status == domain::ApplicationStatus::withdrawn)
                continue;
            if (standing.exclude_from_list) {
                ++left_off;
                continue;
            }
            ++listed;
            rows.push_back(
                {integrations::PdfBlock::Kind::table_row, "", {std::to_string(listed), standing.full_name}});
        }
        list.blocks.push_back({integrations::PdfBlock::Kind::heading,
                               text(msgid("Applicants: {value}"), std::to_string(listed)),
                               {}});
        for (auto& row : rows)
            list.blocks.push_back(std::move(row));
        list.blocks.push_back(
            {integrations::PdfBlock::Kind::paragraph,
             text(msgid("Applicants who asked to be left off the list: {value}"), std::to_string(left_off)),
             {}});
        list.footer = list.letterhead.empty() ? "" : list.letterhead.front();
        record_audit(
            transaction, origin,
            {institution_id, "case.applicant_list_made", "recruitment_case", std::to_string(case_id), "{}",
             json_object({{"listed", std::to_string(listed)}, {"left_off", std::to_string(left_off)}})});
        return list;
    });
    if (!document)
        return document.error();
    return rendered(*document, "ansoegerliste-" + std::to_string(case_id) + ".pdf");
}

} // namespace rekrut::services
