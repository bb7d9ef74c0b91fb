#include <ctemplate/template.h>

#include "core/clock.hpp"
#include "core/csv.hpp"
#include "core/display_format.hpp"
#include "services/applications/applications.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_pages.hpp"
#include "web/forms.hpp"

namespace rekrut::web {

using core::msgid;

namespace {

/// How many entries the page shows; the export has them all.
constexpr int k_page_entries = 200;

const char* access_label(const std::string& action)
{
    if (action == "view")
        return msgid("Opened the application");
    if (action == "download")
        return msgid("Downloaded an attachment");
    if (action == "view_text")
        return msgid("Read an attachment's text");
    if (action == "applicant_view")
        return msgid("The applicant opened it");
    if (action == "applicant_download")
        return msgid("The applicant downloaded an attachment");
    if (action == "applicant_withdraw")
        return msgid("The applicant withdrew it");
    if (action == "applicant_deletion")
        return msgid("The applicant asked for deletion");
    if (action == "applicant_change")
        return msgid("The applicant changed it");
    if (action == "applicant_export")
        return msgid("The applicant downloaded everything held");
    return msgid("Other");
}

std::optional<std::int64_t> wanted_application(const Request& request)
{
    auto id = parse_id(request.query_value("application").value_or(""));
    return id ? std::optional<std::int64_t>(id) : std::nullopt;
}

std::string who(const AppContext& context, const Request& request, const domain::AccessLogEntry& entry)
{
    if (!entry.user_id)
        return tr(context, request, msgid("The applicant"));
    return entry.user_name.empty() ? "#" + std::to_string(*entry.user_id) : entry.user_name;
}

} // namespace

Response show_access_log(AppContext& context, Request& request)
{
    auto application = wanted_application(request);
    auto entries = context.applications.access_log(request.actor(), institution_of(request), application,
                                                   k_page_entries);
    if (!entries)
        return error_response(context, request, entries.error());
    return page(context, request, "applications/access_log", tr(context, request, msgid("Access log")),
                [&](Dictionary& dictionary) {
                    if (application)
                        dictionary.SetIntValue("APPLICATION", *application);
                    dictionary.SetValue(
                        "EXPORT_HREF",
                        "/audit/access.csv" +
                            (application ? "?application=" + std::to_string(*application) : std::string()));
                    if (entries->empty())
                        dictionary.ShowSection("NO_ENTRIES");
                    else
                        dictionary.ShowSection("HAS_ENTRIES");
                    for (const auto& entry : *entries) {
                        auto* row = dictionary.AddSectionDictionary("ENTRY");
                        row->SetValue("AT", core::format_date_time(entry.at, request.language));
                        row->SetValue("AT_ISO", core::format_iso_utc(entry.at));
                        row->SetValue("WHO", who(context, request, entry));
                        row->SetValue("WHAT", tr(context, request, access_label(entry.action)));
                        row->SetIntValue("CASE_ID", entry.case_id);
                        row->SetIntValue("APPLICATION_ID", entry.application_id);
                        row->SetValue("IP", entry.client_ip);
                    }
                });
}

Response export_access_log_csv(AppContext& context, Request& request)
{
    auto entries = context.applications.export_access_log(request.actor(), institution_of(request),
                                                          wanted_application(request), request.origin());
    if (!entries)
        return error_response(context, request, entries.error());
    std::string csv = "\xEF\xBB\xBF";
    auto heading = [&](const char* message) { return tr(context, request, message); };
    core::csv_row(csv, {heading(msgid("Time")), heading(msgid("Time (UTC)")), heading(msgid("User ID")),
                        heading(msgid("User")), heading(msgid("Action")), heading(msgid("Case ID")),
                        heading(msgid("Application ID")), heading(msgid("Attachment ID")),
                        heading(msgid("IP address"))});
    for (const auto& entry : *entries)
        core::csv_row(csv,
                      {core::format_copenhagen(entry.at), core::format_iso_utc(entry.at),
                       entry.user_id ? std::to_string(*entry.user_id) : "", who(context, request, entry),
                       entry.action, std::to_string(entry.case_id), std::to_string(entry.application_id),
                       entry.attachment_id ? std::to_string(*entry.attachment_id) : "", entry.client_ip});
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.body = std::move(csv);
    response.set_header("Content-Disposition", "attachment; filename=\"adgangslog-" +
                                                   core::format_copenhagen_date(core::now()) + ".csv\"");
    return response;
}

} // namespace rekrut::web
