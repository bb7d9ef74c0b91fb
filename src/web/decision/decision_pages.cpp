#include "web/decision/decision_pages.hpp"

#include <ctemplate/template.h>

#include "core/display_format.hpp"
#include "domain/application/file_rules.hpp"
#include "services/decision/case_decisions.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_labels.hpp"
#include "web/cases/case_labels.hpp"
#include "web/forms.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {

using core::msgid;
using domain::DecisionKind;
using domain::DecisionStatus;

namespace {

/// How many reserves the form offers.
constexpr int k_reserve_fields = 3;

std::string decision_path(std::int64_t case_id)
{
    return "/cases/" + std::to_string(case_id) + "/decision";
}

const char* decision_status_label(DecisionStatus status)
{
    switch (status) {
    case DecisionStatus::proposed: return msgid("Waiting for approval");
    case DecisionStatus::approved: return msgid("Approved");
    case DecisionStatus::returned: return msgid("Returned");
    }
    return "";
}

std::string label_of(const services::DecisionOverview& overview, std::int64_t application_id)
{
    for (const auto& [id, label] : overview.labels)
        if (id == application_id)
            return label;
    return "–"; // deleted, or hidden by a conflict of interest
}

/// The link to the mail page with the applicants chosen and the rejection of `kind` in place, where
/// the mails are reviewed before they are sent.
std::string rejection_link(std::int64_t case_id, const char* kind,
                           const std::vector<services::DecisionApplicant>& applicants)
{
    std::string link = "/cases/" + std::to_string(case_id) + "/mail?kind=" + kind;
    for (const auto& applicant : applicants)
        link += "&application_id=" + std::to_string(applicant.id);
    return link;
}

void fill_decision(Dictionary& section, const AppContext& context, const Request& request,
                   const services::DecisionOverview& overview, const domain::CaseDecision& decision)
{
    section.SetValue("STATUS", tr(context, request, decision_status_label(decision.status)));
    section.SetValue("STATUS_KIND", std::string(domain::to_string(decision.status)));
    section.SetValue("PROPOSED_BY", decision.proposed_by_name);
    section.SetValue("PROPOSED_AT", core::format_date_time(decision.proposed_at, request.language));
    section.SetValue("JUSTIFICATION", decision.justification);
    if (decision.application_id)
        section.SetValue("CANDIDATE", label_of(overview, *decision.application_id));
    if (!decision.reserves.empty()) {
        auto* reserves = section.AddSectionDictionary("HAS_RESERVES");
        for (auto reserve : decision.reserves)
            reserves->SetValueAndShowSection("LABEL", label_of(overview, reserve), "RESERVE");
    }
    if (decision.decided_at) {
        auto* decided = section.AddSectionDictionary("DECIDED");
        decided->SetValue("BY", decision.decided_by_name);
        decided->SetValue("AT", core::format_date_time(*decision.decided_at, request.language));
        if (!decision.comment.empty())
            decided->SetValueAndShowSection("COMMENT", decision.comment, "HAS_COMMENT");
    }
}

void fill_options(Dictionary& parent, const char* section, const services::DecisionOverview& overview,
                  std::int64_t chosen)
{
    for (const auto& applicant : overview.open) {
        auto* option = parent.AddSectionDictionary(section);
        option->SetIntValue("ID", applicant.id);
        option->SetValue("LABEL", applicant.label);
        if (applicant.id == chosen)
            option->ShowSection("SELECTED");
    }
}

void fill_priority(Dictionary& dictionary, const AppContext& context, const Request& request,
                   const services::DecisionOverview& overview)
{
    if (overview.priority.empty())
        return;
    auto* section = dictionary.AddSectionDictionary("HAS_PRIORITY");
    const bool may_waive =
        overview.can_propose && (overview.case_record.state == domain::CaseState::assessment ||
                                 overview.case_record.state == domain::CaseState::closed_for_applications);
    for (const auto& applicant : overview.priority) {
        auto* row = section->AddSectionDictionary("PRIORITY_ROW");
        row->SetIntValue("APPLICATION_ID", applicant.id);
        row->SetValue("LABEL", applicant.label);
        row->SetValue("STATUS", tr(context, request, status_label(applicant.status)));
        if (applicant.invited)
            row->ShowSection("INVITED");
        else if (applicant.waived)
            row->SetValueAndShowSection("REASON", applicant.waiver_reason, "WAIVED");
        else
            row->ShowSection("NOT_INVITED");
        if (!applicant.invited && may_waive) {
            auto* form = row->AddSectionDictionary("CAN_WAIVE");
            form->SetIntValue("APPLICATION_ID", applicant.id);
            form->SetValue("LABEL", applicant.label);
        }
    }
    if (overview.priority_not_invited > 0)
        section->SetValueAndShowSection("COUNT", std::to_string(overview.priority_not_invited), "BLOCKING");
}

Response decision_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto overview = context.decisions.overview(request.actor(), institution_of(request), case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    const auto& record = overview->case_record;
    const auto state = record.state;
    auto response = page(
        context, request, "decision/decision", tr(context, request, msgid("Hiring decision")),
        [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetValue("CASE_TITLE", record.title);
            dictionary.SetValue("STATE", tr(context, request, state_label(state)));
            if (overview->someone_holds_both_roles)
                dictionary.ShowSection("BOTH_ROLES");
            fill_priority(dictionary, context, request, *overview);

            const auto& hire = overview->hire;
            if (hire) {
                auto* section = dictionary.AddSectionDictionary("HAS_HIRE");
                fill_decision(*section, context, request, *overview, *hire);
                if (overview->can_approve_hire)
                    section->ShowSection("CAN_APPROVE_HIRE");
                if (hire->status == DecisionStatus::proposed && !overview->can_approve_hire)
                    section->ShowSection("WAITS_FOR_OTHER");
            }
            const bool pending_hire = hire && hire->status == DecisionStatus::proposed;
            if (state == domain::CaseState::assessment && overview->can_propose && !pending_hire) {
                auto* form = dictionary.AddSectionDictionary("CAN_PROPOSE");
                fill_options(*form, "CANDIDATE_OPTION", *overview,
                             error ? parse_id(request.form_or("candidate")) : 0);
                for (int number = 1; number <= k_reserve_fields; ++number) {
                    auto* field = form->AddSectionDictionary("RESERVE_FIELD");
                    field->SetIntValue("NUMBER", number);
                    fill_options(*field, "OPTION", *overview,
                                 error ? parse_id(request.form_or("reserve_" + std::to_string(number))) : 0);
                }
                if (error)
                    form->SetValue("VALUE_JUSTIFICATION", request.form_or("justification"));
                if (overview->priority_not_invited > 0)
                    form->ShowSection("PRIORITY_BLOCKS");
            }
            const bool approved = hire && hire->status == DecisionStatus::approved;
            if (state == domain::CaseState::decision && approved && overview->can_finish) {
                auto* form = dictionary.AddSectionDictionary("CAN_RECORD_CONTRACT");
                form->SetValue("TODAY", core::format_copenhagen_date(core::now()));
                if (error)
                    form->SetValue("VALUE_CONTRACT_SIGNED_ON", request.form_or("contract_signed_on"));
            }
            if (approved && overview->can_finish)
                dictionary.ShowSection("CAN_DOWNLOAD_LETTER");
            if (overview->can_finish && record.employment_basis == "civil_servant" &&
                !domain::is_editable(state) && state != domain::CaseState::published)
                dictionary.ShowSection("HAS_APPLICANT_LIST");
            if (!record.contract_signed_on.empty())
                dictionary.SetValueAndShowSection("SIGNED_ON", record.contract_signed_on, "CONTRACT_SIGNED");

            if (state == domain::CaseState::filled || state == domain::CaseState::cancelled) {
                auto* section = dictionary.AddSectionDictionary("END");
                const auto& before = overview->reject_before_interview;
                const auto& after = overview->reject_after_interview;
                if (state == domain::CaseState::filled && (!before.empty() || !after.empty())) {
                    auto* rejections = section->AddSectionDictionary("HAS_REJECTIONS");
                    if (!before.empty()) {
                        auto* group = rejections->AddSectionDictionary("BEFORE");
                        group->SetIntValue("COUNT", static_cast<long>(before.size()));
                        group->SetValue("HREF",
                                        rejection_link(case_id, "rejection_before_interview", before));
                    }
                    if (!after.empty()) {
                        auto* group = rejections->AddSectionDictionary("AFTER");
                        group->SetIntValue("COUNT", static_cast<long>(after.size()));
                        group->SetValue("HREF", rejection_link(case_id, "rejection_after_interview", after));
                    }
                } else if (state == domain::CaseState::filled) {
                    section->ShowSection("ALL_ANSWERED");
                }
                if (record.closed_at) {
                    section->SetValueAndShowSection(
                        "CLOSED_AT", core::format_date_time(*record.closed_at, request.language), "CLOSED");
                } else if (overview->can_finish) {
                    section->ShowSection("CAN_CLOSE");
                }
            }

            const auto& cancel = overview->cancel;
            const bool pending_cancel = cancel && cancel->status == DecisionStatus::proposed;
            if (pending_cancel) {
                auto* section = dictionary.AddSectionDictionary("CANCEL_PENDING");
                fill_decision(*section, context, request, *overview, *cancel);
                section->ShowSection(overview->can_approve_cancel ? "CAN_APPROVE_CANCEL" : "WAITS_FOR_OTHER");
            }
            const bool open_case =
                state != domain::CaseState::filled && state != domain::CaseState::cancelled;
            if (open_case && overview->has_applications && overview->can_propose && !pending_cancel) {
                auto* form = dictionary.AddSectionDictionary("CAN_REQUEST_CANCEL");
                if (error)
                    form->SetValue("VALUE_REASON", request.form_or("reason"));
            }

            if (!overview->history.empty()) {
                auto* section = dictionary.AddSectionDictionary("HAS_HISTORY");
                for (const auto& decision : overview->history) {
                    auto* row = section->AddSectionDictionary("HISTORY_ROW");
                    row->SetValue("KIND",
                                  tr(context, request,
                                     decision.kind == DecisionKind::hire ? msgid("Hiring")
                                                                         : msgid("Cancelling the case")));
                    row->SetValue("STATUS", tr(context, request, decision_status_label(decision.status)));
                    row->SetValue("PROPOSED",
                                  decision.proposed_by_name + ", " +
                                      core::format_date_time(decision.proposed_at, request.language));
                    if (decision.decided_at)
                        row->SetValue("DECIDED",
                                      decision.decided_by_name + ", " +
                                          core::format_date_time(*decision.decided_at, request.language));
                }
            }

            static const std::pair<const char*, const char*> k_notices[] = {
                {"proposed", msgid("The proposal has been sent to the Ansættende leder for approval.")},
                {"approved", msgid("The decision has been approved.")},
                {"returned", msgid("The proposal has been returned to the Projektleder.")},
                {"cancel_requested",
                 msgid("The cancellation has been sent to the Ansættende leder for approval.")},
                {"waived", msgid("The reason has been recorded.")},
                {"contract", msgid("The contract is recorded and the case is filled.")},
                {"closed", msgid("The case is closed.")},
            };
            for (const auto& [key, message] : k_notices)
                if (request.query_value(key))
                    show_notice(dictionary, context, request, message);
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response after_decision(AppContext& context, Request& request, const core::Status& result, const char* notice)
{
    return after_submit(context, request, result, decision_page,
                        decision_path(parse_id(request.param("case_id"))) + "?" + notice + "=1");
}

Response document_response(AppContext& context, Request& request,
                           const core::Result<services::GeneratedDocument>& document)
{
    if (!document)
        return error_response(context, request, document.error());
    Response response;
    response.content_type = document->media_type;
    response.body = document->bytes;
    response.set_header("Content-Disposition", domain::content_disposition("attachment", document->filename));
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    return response;
}

} // namespace

Response show_decision(AppContext& context, Request& request)
{
    return decision_page(context, request, std::nullopt);
}

Response submit_proposal(AppContext& context, Request& request)
{
    domain::HireProposal proposal;
    proposal.candidate = parse_id(request.form_or("candidate"));
    for (int number = 1; number <= k_reserve_fields; ++number)
        if (auto reserve = parse_id(request.form_or("reserve_" + std::to_string(number))); reserve > 0)
            proposal.reserves.push_back(reserve);
    proposal.justification = request.form_or("justification");
    auto result = context.decisions.propose(request.actor(), institution_of(request),
                                            parse_id(request.param("case_id")), proposal, request.origin());
    return after_decision(context, request, result, "proposed");
}

Response submit_decision_answer(AppContext& context, Request& request)
{
    auto kind = domain::decision_kind_from_string(request.form_or("kind"));
    auto answer = request.form_or("answer");
    if (!kind || (answer != "approve" && answer != "return"))
        return decision_page(
            context, request,
            core::Error::invalid(msgid("Choose whether to approve or return the proposal.")));
    const bool approve = answer == "approve";
    auto result =
        context.decisions.decide(request.actor(), institution_of(request), parse_id(request.param("case_id")),
                                 *kind, approve, request.form_or("comment"), request.origin());
    return after_decision(context, request, result, approve ? "approved" : "returned");
}

Response submit_cancellation_request(AppContext& context, Request& request)
{
    auto result = context.decisions.request_cancellation(request.actor(), institution_of(request),
                                                         parse_id(request.param("case_id")),
                                                         request.form_or("reason"), request.origin());
    return after_decision(context, request, result, "cancel_requested");
}

Response submit_priority_waiver(AppContext& context, Request& request)
{
    auto result = context.decisions.waive_priority(
        request.actor(), institution_of(request), parse_id(request.param("case_id")),
        parse_id(request.param("application_id")), request.form_or("reason"), request.origin());
    return after_decision(context, request, result, "waived");
}

Response submit_contract(AppContext& context, Request& request)
{
    auto result = context.decisions.record_contract(request.actor(), institution_of(request),
                                                    parse_id(request.param("case_id")),
                                                    request.form_or("contract_signed_on"), request.origin());
    return after_decision(context, request, result, "contract");
}

Response submit_case_close(AppContext& context, Request& request)
{
    auto result = context.decisions.close(request.actor(), institution_of(request),
                                          parse_id(request.param("case_id")), request.origin());
    return after_decision(context, request, result, "closed");
}

Response download_employment_letter(AppContext& context, Request& request)
{
    auto letter = context.decisions.employment_letter(request.actor(), institution_of(request),
                                                      parse_id(request.param("case_id")), request.origin());
    // A letter the case cannot fill is explained on the decision page, where the link was.
    if (!letter && letter.error().kind == core::ErrorKind::invalid)
        return decision_page(context, request, letter.error());
    return document_response(context, request, letter);
}

Response download_applicant_list(AppContext& context, Request& request)
{
    return document_response(context, request,
                             context.decisions.applicant_list(request.actor(), institution_of(request),
                                                              parse_id(request.param("case_id")),
                                                              request.origin(), request.language,
                                                              translator_in(context, request.language)));
}

} // namespace rekrut::web
