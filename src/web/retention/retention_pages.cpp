#include "web/retention/retention_pages.hpp"

#include <charconv>
#include <ctemplate/template.h>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/application/application_status.hpp"
#include "services/retention/data_requests.hpp"
#include "services/retention/retention.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_labels.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {
namespace {

using core::msgid;

/// A whole number of months as typed, or -1 (which the domain refuses with its message).
int months_field(const Request& request, const std::string& name)
{
    std::string text(core::trim(request.form_or(name)));
    int value = -1;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? value : -1;
}

Response retention_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto overview = context.retention.overview(request.actor(), institution_of(request), core::now());
    if (!overview)
        return error_response(context, request, overview.error());
    const std::string& language = request.language;
    bool posted = request.method == "POST";
    return page(
        context, request, "retention/overview", tr(context, request, msgid("Deletion of personal data")),
        [&](Dictionary& dictionary) {
            const auto& settings = overview->settings;
            keep_value(dictionary, "applications_months",
                       posted ? request.form_or("applications_months")
                              : std::to_string(settings.applications_months));
            keep_value(dictionary, "access_log_months",
                       posted ? request.form_or("access_log_months")
                              : std::to_string(settings.access_log_months));
            keep_value(dictionary, "users_months",
                       posted ? request.form_or("users_months") : std::to_string(settings.users_months));
            keep_value(dictionary, "reason", request.form_or("reason"));
            if (overview->upcoming.empty())
                dictionary.ShowSection("NO_UPCOMING");
            auto* upcoming_table =
                overview->upcoming.empty() ? nullptr : dictionary.AddSectionDictionary("HAS_UPCOMING");
            for (const auto& upcoming : overview->upcoming) {
                auto* row = upcoming_table->AddSectionDictionary("UPCOMING");
                row->SetValue("CASE_ID", std::to_string(upcoming.case_id));
                row->SetValue("CASE_TITLE", upcoming.case_title);
                row->SetValue("COUNT", std::to_string(upcoming.applications));
                row->SetValue("DUE", core::format_date(upcoming.first_due, language));
            }
            if (overview->holds.empty())
                dictionary.ShowSection("NO_HOLDS");
            for (const auto& hold : overview->holds) {
                auto* row = dictionary.AddSectionDictionary("HOLD");
                row->SetValue("HOLD_ID", std::to_string(hold.id));
                row->SetValue("CASE_ID", std::to_string(hold.case_id));
                row->SetValue("CASE_TITLE", hold.case_title);
                row->SetValue("REASON", hold.reason);
                row->SetValue("BY", hold.placed_by);
                row->SetValue("AT", core::format_date(hold.placed_at, language));
            }
            std::string chosen = request.form_or("case_id");
            for (const auto& [case_id, title] : overview->closed_cases) {
                auto* option = dictionary.AddSectionDictionary("CASE_OPTION");
                option->SetValue("VALUE", std::to_string(case_id));
                option->SetValue("LABEL", title);
                if (chosen == std::to_string(case_id))
                    option->ShowSection("SELECTED");
            }
            if (overview->report.empty())
                dictionary.ShowSection("NO_REPORT");
            auto* report_table =
                overview->report.empty() ? nullptr : dictionary.AddSectionDictionary("HAS_REPORT");
            for (const auto& line : overview->report) {
                auto* row = report_table->AddSectionDictionary("REPORT");
                row->SetValue("MONTH", line.month);
                row->SetValue("WHAT",
                              line.kind == "access_log" ? tr(context, request, msgid("Access log entries"))
                              : line.kind == "users"    ? tr(context, request, msgid("Ended user accounts"))
                                                        : tr(context, request, msgid("Applications")));
                row->SetValue("CASE_TITLE", line.case_id == 0 ? "" : line.case_title);
                row->SetValue("COUNT", std::to_string(line.deleted));
            }
            if (request.query_value("saved"))
                show_notice(dictionary, context, request, msgid("Your changes have been saved."));
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

Response person_page(AppContext& context, Request& request,
                     const std::optional<std::vector<services::PersonApplication>>& found,
                     const std::optional<core::Error>& error)
{
    const std::string& language = request.language;
    auto response = page(
        context, request, "retention/person", tr(context, request, msgid("Everything held about a person")),
        [&](Dictionary& dictionary) {
            keep_value(dictionary, "email", request.form_or("email"));
            if (found) {
                auto* searched = dictionary.AddSectionDictionary("SEARCHED");
                if (found->empty())
                    searched->ShowSection("NONE_FOUND");
                auto* table = found->empty() ? nullptr : searched->AddSectionDictionary("HAS_FOUND");
                for (const auto& application : *found) {
                    auto* row = table->AddSectionDictionary("FOUND");
                    row->SetValue("APPLICATION_ID", std::to_string(application.application_id));
                    row->SetValue("CASE_TITLE", application.case_title);
                    row->SetValue("NAME", application.name);
                    row->SetValue("RECEIVED", core::format_date(application.received_at, language));
                    auto status = domain::application_status_from_string(application.status);
                    row->SetValue("STATUS",
                                  status ? tr(context, request, status_label(*status)) : application.status);
                }
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
    response.set_header("Cache-Control", "no-store");
    return response;
}

} // namespace

Response show_person_search(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), domain::Action::edit_institution_setup,
                     {institution_of(request), {}, {}, false, {}}))
        return error_page(context, request, 403);
    return person_page(context, request, std::nullopt, std::nullopt);
}

Response submit_person_search(AppContext& context, Request& request)
{
    auto found = context.data_requests.find(request.actor(), institution_of(request),
                                            request.form_or("email"), request.origin());
    if (!found && found.error().kind == core::ErrorKind::invalid)
        return person_page(context, request, std::nullopt, found.error());
    if (!found)
        return error_response(context, request, found.error());
    return person_page(context, request, *found, std::nullopt);
}

Response download_person_export(AppContext& context, Request& request)
{
    auto file =
        context.data_requests.export_application(request.actor(), institution_of(request),
                                                 parse_id(request.param("application_id")), request.origin());
    if (!file)
        return error_response(context, request, file.error());
    auto response = Response::file(file->path, file->media_type);
    response.remove_file_after = true;
    response.set_header("Content-Disposition", domain::content_disposition("attachment", file->filename));
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response show_retention(AppContext& context, Request& request)
{
    return retention_page(context, request, std::nullopt);
}

Response submit_retention_settings(AppContext& context, Request& request)
{
    domain::RetentionSettings settings{months_field(request, "applications_months"),
                                       months_field(request, "access_log_months"),
                                       months_field(request, "users_months")};
    auto result =
        context.retention.save_settings(request.actor(), institution_of(request), settings, request.origin());
    return after_submit(context, request, result, retention_page, "/retention?saved=1");
}

Response submit_retention_hold(AppContext& context, Request& request)
{
    auto result = context.retention.place_hold(request.actor(), institution_of(request),
                                               parse_id(request.form_or("case_id")),
                                               request.form_or("reason"), request.origin());
    return after_submit(context, request, result, retention_page, "/retention?saved=1#holds");
}

Response submit_retention_hold_lift(AppContext& context, Request& request)
{
    auto result = context.retention.lift_hold(request.actor(), institution_of(request),
                                              parse_id(request.param("hold_id")), request.origin());
    return after_submit(context, request, result, retention_page, "/retention?saved=1#holds");
}

namespace {

const char* outcome_label(std::string_view outcome)
{
    if (outcome == "erased")
        return msgid("Erased");
    if (outcome == "scheduled")
        return msgid("Scheduled: erased when the case is closed");
    if (outcome == "kept_hired")
        return msgid("Kept: the application of the person employed belongs with the employment");
    if (outcome == "kept_on_hold")
        return msgid("Kept while the case is on hold");
    if (outcome == "exported")
        return msgid("Everything held was handed out");
    if (outcome == "rectified")
        return msgid("Corrected");
    return msgid("Recorded");
}

} // namespace

Response show_person_erasure(AppContext& context, Request& request)
{
    auto application = context.data_requests.application(request.actor(), institution_of(request),
                                                         parse_id(request.param("application_id")));
    if (!application)
        return error_response(context, request, application.error());
    const std::string& language = request.language;
    auto response =
        page(context, request, "retention/erase", tr(context, request, msgid("Erase an application")),
             [&](Dictionary& dictionary) {
                 dictionary.SetValue("APPLICATION_ID", std::to_string(application->application_id));
                 dictionary.SetValue("CASE_TITLE", application->case_title);
                 dictionary.SetValue("NAME", application->name);
                 dictionary.SetValue("RECEIVED", core::format_date(application->received_at, language));
             });
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response submit_person_erasure(AppContext& context, Request& request)
{
    auto outcome =
        context.data_requests.request_erasure(request.actor(), institution_of(request),
                                              parse_id(request.param("application_id")), request.origin());
    if (!outcome)
        return error_response(context, request, outcome.error());
    return Response::redirect("/retention/requests?outcome=" + std::string(services::to_string(*outcome)));
}

Response show_data_requests(AppContext& context, Request& request)
{
    auto lines = context.data_requests.register_lines(request.actor(), institution_of(request), core::now());
    if (!lines)
        return error_response(context, request, lines.error());
    const std::string& language = request.language;
    return page(context, request, "retention/requests",
                tr(context, request, msgid("Requests from data subjects")), [&](Dictionary& dictionary) {
                    if (auto outcome = request.query_value("outcome"))
                        dictionary.SetValueAndShowSection(
                            "OUTCOME", tr(context, request, outcome_label(*outcome)), "HAS_OUTCOME");
                    if (lines->empty())
                        dictionary.ShowSection("NO_REQUESTS");
                    auto* table = lines->empty() ? nullptr : dictionary.AddSectionDictionary("HAS_REQUESTS");
                    for (const auto& line : *lines) {
                        auto* row = table->AddSectionDictionary("REQUEST");
                        row->SetValue("RECEIVED", core::format_date_time(line.received_at, language));
                        row->SetValue("KIND",
                                      tr(context, request,
                                         line.kind == "access"          ? msgid("Access (article 15)")
                                         : line.kind == "rectification" ? msgid("Rectification (article 16)")
                                                                        : msgid("Erasure (article 17)")));
                        row->SetValue("CHANNEL", tr(context, request,
                                                    line.channel == "staff" ? msgid("Through the institution")
                                                                            : msgid("By the applicant")));
                        row->SetValue("CASE_TITLE", line.case_title);
                        row->SetValue("OUTCOME", tr(context, request, outcome_label(line.outcome)));
                        row->SetValue("HANDLED_BY", line.handled_by.empty() ? "—" : line.handled_by);
                    }
                });
}

} // namespace rekrut::web
