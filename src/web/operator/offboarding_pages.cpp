#include "web/operator/offboarding_pages.hpp"

#include <ctemplate/template.h>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "domain/access/policy.hpp"
#include "domain/application/file_rules.hpp"
#include "services/open_positions.hpp"
#include "services/operations/offboarding.hpp"
#include "services/user_administration.hpp"
#include "web/app_context.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/operator/operator_pages.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {
namespace {

using domain::Action;

bool is_operator(const Request& request)
{
    return domain::can(request.actor(), Action::create_institution);
}

bool shown_on_form(const core::Error& error)
{
    return error.kind == core::ErrorKind::invalid || error.kind == core::ErrorKind::conflict;
}

const char* state_label(const std::string& state)
{
    if (state == "pending")
        return msgid("Waiting for a second operator");
    if (state == "rejected")
        return msgid("Rejected");
    if (state == "approved")
        return msgid("Approved: the export is waiting to be downloaded");
    if (state == "exported")
        return msgid("Exported: the data is waiting to be deleted");
    return msgid("Off-boarded: the data is deleted");
}

/// The deletion report's kinds the interface names; the others are shown by their table's name.
const char* kind_label(const std::string& kind)
{
    static const std::vector<std::pair<std::string, const char*>> labels{
        {"ads_left_at_jobnet", msgid("Ads left at Jobnet, to close there by hand")},
        {"applications", msgid("Applications")},
        {"users", msgid("Users")},
        {"recruitment_cases", msgid("Cases")},
        {"ad_templates", msgid("Ad templates")},
        {"mandatory_texts", msgid("Mandatory texts")},
        {"email_templates", msgid("E-mail templates")},
        {"organisation_units", msgid("Units")},
        {"collective_agreements", msgid("Collective agreements")},
        {"position_categories", msgid("Position categories")},
        {"question_templates", msgid("Screening-question templates")},
        {"access_log", msgid("Access log")},
        {"ranking_lists", msgid("Ranking lists")},
        {"case_contacts", msgid("Contact persons")},
        {"case_roles", msgid("Hiring committee")},
        {"interview_rounds", msgid("Interview rounds")},
        {"application_notes", msgid("Notes")},
        {"case_questions", msgid("Screening questions")},
    };
    for (const auto& [code, label] : labels)
        if (code == kind)
            return label;
    return nullptr;
}

void fill_record(Dictionary& dictionary, const AppContext& context, const Request& request,
                 const domain::OffboardingRecord& record)
{
    dictionary.SetValue("OFFBOARDING_ID", std::to_string(record.id));
    dictionary.SetValue("INSTITUTION_ID", std::to_string(record.institution_id));
    dictionary.SetValue("INSTITUTION_NAME", record.institution_name);
    dictionary.SetValue("STATE", tr(context, request, state_label(record.state)));
    dictionary.SetValue("STATE_CODE", record.state);
    dictionary.SetValue("REQUESTED_BY", record.requested_by_name);
    dictionary.SetValue("REQUESTED_AT", core::format_date_time(record.requested_at, request.language));
    dictionary.SetValue("REASON", record.reason);
    if (record.decided_at)
        dictionary.SetValueAndShowSection("DECIDED_BY", record.decided_by_name, "DECIDED");
    if (record.decided_at)
        dictionary.SetValue("DECIDED_AT", core::format_date_time(*record.decided_at, request.language));
    if (record.exported_at)
        dictionary.SetValueAndShowSection(
            "EXPORTED_AT", core::format_date_time(*record.exported_at, request.language), "EXPORTED");
    if (record.deleted_at)
        dictionary.SetValueAndShowSection(
            "DELETED_AT", core::format_date_time(*record.deleted_at, request.language), "DELETED");
}

Response list_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto records = context.offboarding->list(request.actor());
    auto institutions = context.administration.institutions();
    const auto chosen = parse_id(request.form_or("institution_id"));
    return page(
        context, request, "operator/offboardings",
        tr(context, request, msgid("Off-boarding of institutions")),
        [&](Dictionary& dictionary) {
            if (records.empty())
                dictionary.ShowSection("NO_OFFBOARDINGS");
            else
                dictionary.ShowSection("HAS_OFFBOARDINGS");
            for (const auto& record : records)
                fill_record(*dictionary.AddSectionDictionary("OFFBOARDING"), context, request, record);
            fill_institution_options(dictionary, institutions, chosen);
            if (error) {
                keep_value(dictionary, "reason", request.form_or("reason"));
                show_form_errors(dictionary, *error, context.translator, request);
            }
        },
        form_status(error));
}

Response detail_page(AppContext& context, Request& request, const domain::OffboardingRecord& record,
                     const std::optional<core::Error>& error)
{
    const auto& actor = request.actor();
    domain::Resource asked{record.institution_id, {}, {}, false, record.requested_by};
    domain::Resource approved{record.institution_id, {}, record.decided_by, false, record.requested_by};
    const bool may_carry_out = domain::can(actor, Action::carry_out_offboarding, approved);
    return page(
        context, request, "operator/offboarding", record.institution_name,
        [&](Dictionary& dictionary) {
            fill_record(dictionary, context, request, record);
            auto notice = request.query_value("done");
            if (notice == "requested")
                show_notice(dictionary, context, request,
                            msgid("The off-boarding waits for a second operator."));
            else if (notice == "approved")
                show_notice(dictionary, context, request, msgid("The off-boarding has been approved."));
            else if (notice == "rejected")
                show_notice(dictionary, context, request, msgid("The off-boarding has been rejected."));
            else if (notice == "deleted")
                show_notice(dictionary, context, request, msgid("The institution's data has been deleted."));
            if (record.state == "pending")
                dictionary.ShowSection(domain::can(actor, Action::decide_offboarding, asked) ? "CAN_DECIDE"
                                                                                             : "OWN_REQUEST");
            if (record.state == "approved")
                dictionary.ShowSection(may_carry_out ? "CAN_EXPORT" : "WAITS_FOR_APPROVER");
            if (record.state == "exported")
                dictionary.ShowSection(may_carry_out ? "CAN_DELETE" : "WAITS_FOR_APPROVER");
            if (record.state == "deleted") {
                dictionary.ShowSection("REPORT");
                for (const auto& count : services::Offboarding::report_of(record)) {
                    auto* row = dictionary.AddSectionDictionary("REPORT_ROW");
                    const char* label = kind_label(count.kind);
                    row->SetValue("KIND", label ? tr(context, request, label) : count.kind);
                    row->SetValue("COUNT", std::to_string(count.count));
                }
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

std::optional<domain::OffboardingRecord> record_from_path(AppContext& context, const Request& request)
{
    if (!is_operator(request))
        return std::nullopt;
    auto id = parse_id(request.param("offboarding_id"));
    if (id == 0)
        return std::nullopt;
    return context.offboarding->find(request.actor(), id);
}

std::string detail_path(std::int64_t id)
{
    return "/operator/offboarding/" + std::to_string(id);
}

} // namespace

Response show_offboardings(AppContext& context, Request& request)
{
    if (!is_operator(request))
        return not_found(context, request);
    return list_page(context, request, std::nullopt);
}

Response submit_offboarding(AppContext& context, Request& request)
{
    if (!is_operator(request))
        return not_found(context, request);
    const auto institution_id = parse_id(request.form_or("institution_id"));
    if (institution_id == 0)
        return list_page(context, request,
                         core::Error::invalid(msgid("Check the marked fields."),
                                              {{"institution_id", msgid("Choose an institution.")}}));
    auto created = context.offboarding->request(request.actor(), institution_id, request.form_or("reason"),
                                                request.origin());
    if (!created) {
        if (created.error().kind == core::ErrorKind::not_found)
            return list_page(context, request,
                             core::Error::invalid(msgid("Check the marked fields."),
                                                  {{"institution_id", msgid("Choose an institution.")}}));
        if (shown_on_form(created.error()))
            return list_page(context, request, created.error());
        return error_response(context, request, created.error());
    }
    return Response::redirect(detail_path(*created) + "?done=requested");
}

Response show_offboarding(AppContext& context, Request& request)
{
    auto record = record_from_path(context, request);
    if (!record)
        return not_found(context, request);
    return detail_page(context, request, *record, std::nullopt);
}

Response submit_offboarding_decision(AppContext& context, Request& request)
{
    auto record = record_from_path(context, request);
    if (!record)
        return not_found(context, request);
    const std::string decision = request.form_or("decision");
    if (decision != "approve" && decision != "reject")
        return detail_page(context, request, *record,
                           core::Error::invalid(msgid("Choose whether to approve or reject the request.")));
    auto decided =
        context.offboarding->decide(request.actor(), record->id, decision == "approve", request.origin());
    if (!decided) {
        if (shown_on_form(decided.error()))
            return detail_page(context, request, *record, decided.error());
        return error_response(context, request, decided.error());
    }
    return Response::redirect(detail_path(record->id) +
                              (decision == "approve" ? "?done=approved" : "?done=rejected"));
}

Response submit_offboarding_export(AppContext& context, Request& request)
{
    auto record = record_from_path(context, request);
    if (!record)
        return not_found(context, request);
    auto archive =
        context.offboarding->export_archive(request.actor(), record->id, request.form_or("passphrase"),
                                            request.form_or("passphrase_repeat"), request.origin());
    if (!archive) {
        // The passphrase is never shown again: a refused form asks for it anew.
        if (shown_on_form(archive.error()))
            return detail_page(context, request, *record, archive.error());
        return error_response(context, request, archive.error());
    }
    Response response;
    response.content_type = "application/zip";
    response.body = std::move(archive->bytes);
    response.set_header("Content-Disposition", domain::content_disposition("attachment", archive->filename));
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    return response;
}

Response submit_offboarding_deletion(AppContext& context, Request& request)
{
    auto record = record_from_path(context, request);
    if (!record)
        return not_found(context, request);
    auto deleted =
        context.offboarding->delete_data(request.actor(), record->id, request.form_or("confirmation"),
                                         request.form_or("leave_at_jobnet") == "1", request.origin());
    if (!deleted) {
        if (shown_on_form(deleted.error()))
            return detail_page(context, request, *record, deleted.error());
        return error_response(context, request, deleted.error());
    }
    // The career site drops the institution's ads now on this node (the others within a second).
    context.open_positions.refresh();
    return Response::redirect(detail_path(record->id) + "?done=deleted");
}

} // namespace rekrut::web
