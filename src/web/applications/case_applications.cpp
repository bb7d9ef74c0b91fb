#include <ctemplate/template.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/display_format.hpp"
#include "domain/access/policy.hpp"
#include "domain/application/file_rules.hpp"
#include "domain/mail/email_template.hpp"
#include "services/applications/applications.hpp"
#include "services/applications/held_uploads.hpp"
#include "services/assessment/committee_facts.hpp"
#include "services/communication/email_templates.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_form_view.hpp"
#include "web/applications/application_labels.hpp"
#include "web/applications/application_pages.hpp"
#include "web/communication/communication_pages.hpp"
#include "web/forms.hpp"

namespace rekrut::web {

using core::msgid;

namespace {

std::string case_path(std::int64_t case_id)
{
    return "/cases/" + std::to_string(case_id);
}

void fill_row(Dictionary& row, const AppContext& context, const Request& request,
              const domain::ApplicationRecord& application)
{
    row.SetIntValue("APPLICATION_ID", application.id);
    row.SetValue("REFERENCE", domain::application_reference(application));
    row.SetValue("NAME", application.full_name);
    row.SetValue("STATUS", tr(context, request, status_label(application.status)));
    row.SetValue("RECEIVED", core::format_date_time(application.received_at, request.language));
    row.SetValue("RECEIVED_ISO", core::format_iso_utc(application.received_at));
    row.SetValue("CHANNEL", tr(context, request, channel_label(application.channel)));
    if (!application.on_time)
        row.ShowSection("LATE");
    if (application.knocked_out)
        row.ShowSection("KNOCKED_OUT");
    if (application.priority_access)
        row.ShowSection("PRIORITY");
}

void fill_answers(Dictionary& dictionary, const services::ApplicationView& view)
{
    for (const auto& question : view.questions) {
        auto* item = dictionary.AddSectionDictionary("ANSWER");
        item->SetValue("QUESTION", question.text);
        for (const auto& answer : view.application.answers)
            if (answer.question_id == question.id)
                item->SetValue("TEXT", answer.answer);
    }
}

void fill_attachments(Dictionary& dictionary, const AppContext& context, const Request& request,
                      const services::ApplicationView& view)
{
    const auto base = case_path(view.case_record.id) + "/applications/" + std::to_string(view.application.id);
    if (view.application.attachments.empty())
        dictionary.ShowSection("NO_ATTACHMENTS");
    for (const auto& attachment : view.application.attachments) {
        auto* item = dictionary.AddSectionDictionary("ATTACHMENT");
        item->SetValue("HREF", base + "/attachments/" + std::to_string(attachment.id));
        item->SetValue("FILENAME", attachment.filename);
        item->SetValue("KIND", tr(context, request, attachment_kind_label(attachment.kind)));
        item->SetValue("SIZE",
                       core::format_number(static_cast<double>(attachment.size) / 1024.0, request.language) +
                           " KB");
    }
}

void fill_application(Dictionary& dictionary, const AppContext& context, const Request& request,
                      const services::ApplicationView& view)
{
    const auto& application = view.application;
    dictionary.SetIntValue("CASE_ID", view.case_record.id);
    dictionary.SetValue("CASE_TITLE", view.case_record.title);
    fill_row(dictionary, context, request, application);
    dictionary.SetValue("EMAIL", application.email);
    dictionary.SetValue("PHONE", application.phone);
    dictionary.SetValue("ADDRESS", application.address);
    dictionary.SetValue("POSTAL_CITY", application.postal_code + " " + application.city);
    dictionary.SetValue("COVER_LETTER", application.cover_letter);
    if (!application.cover_letter.empty())
        dictionary.ShowSection("HAS_COVER_LETTER");
    auto yes_no = [&](bool value) { return tr(context, request, value ? msgid("Yes") : msgid("No")); };
    dictionary.SetValue("CONSENT_KEEP", application.keep_until
                                            ? tr(context, request, msgid("Yes, until")) + " " +
                                                  core::format_date(*application.keep_until, request.language)
                                            : yes_no(false));
    dictionary.SetValue("CONSENT_CONTACT", yes_no(application.consent_contact));
    dictionary.SetValue("PRIORITY_ACCESS", yes_no(application.priority_access));
    dictionary.SetValue("EXCLUDE_FROM_LIST", yes_no(application.exclude_from_list));
    if (view.case_record.employment_basis == "civil_servant")
        dictionary.ShowSection("CIVIL_SERVANT");
    fill_answers(dictionary, view);
    fill_attachments(dictionary, context, request, view);
}

/// The results of a search, when the request asks for one (?q=).
void fill_search(Dictionary& dictionary, AppContext& context, const Request& request,
                 std::optional<std::int64_t> case_id)
{
    auto query = request.query_value("q");
    if (!query || query->empty())
        return;
    dictionary.SetValue("QUERY", *query);
    auto results = context.applications.search(request.actor(), institution_of(request), case_id, *query);
    auto* section = dictionary.AddIncludeDictionary("SEARCH_RESULTS");
    section->SetFilename(request.language + "/applications/_search_results.tpl");
    const auto& hits = results ? *results : std::vector<services::SearchResult>{};
    section->SetIntValue("HIT_COUNT", static_cast<long>(hits.size()));
    if (hits.empty())
        section->ShowSection("NO_HITS");
    for (const auto& hit : hits) {
        auto* item = section->AddSectionDictionary("HIT");
        item->SetIntValue("CASE_ID", hit.case_id);
        item->SetIntValue("APPLICATION_ID", hit.application_id);
        item->SetValue("NAME", hit.name);
        item->SetValue("REFERENCE", hit.reference);
        item->SetValue("CASE_TITLE", hit.case_title);
        if (!case_id)
            item->ShowSection("SHOW_CASE");
        item->SetValue("SNIPPET", hit.snippet_html);
    }
}

} // namespace

Response show_application_search(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), domain::Action::search_all_applications,
                     {institution_of(request), {}, {}, false, {}}))
        return not_found(context, request);
    return page(context, request, "applications/search",
                tr(context, request, msgid("Search all applications")),
                [&](Dictionary& dictionary) { fill_search(dictionary, context, request, std::nullopt); });
}

void fill_case_applications(Dictionary& dictionary, AppContext& context, const Request& request,
                            const domain::CaseRecord& record)
{
    auto counts = context.applications.counts(request.actor(), record.institution_id, record.id);
    if (!counts || !record.published_at)
        return;
    dictionary.ShowSection("HAS_APPLICATIONS_SECTION");
    dictionary.SetIntValue("APPLICATION_COUNT", counts->first);
    if (counts->second > 0)
        dictionary.SetIntValue("WITHDRAWN_COUNT", counts->second), dictionary.ShowSection("HAS_WITHDRAWN");
    if (domain::can(request.actor(), domain::Action::register_application,
                    {record.institution_id, record.id, {}, false, {}}))
        dictionary.ShowSection("CAN_REGISTER");
    // Which of the case's e-mail templates are its own copies rather than the institution's.
    if (auto templates =
            context.email_templates.case_templates(request.actor(), record.institution_id, record.id)) {
        std::string own;
        for (const auto& entry : *templates)
            if (entry.changed)
                if (const auto* kind = domain::find_mail_kind(entry.record.kind))
                    own += (own.empty() ? "" : ", ") + tr(context, request, std::string(kind->name));
        if (!own.empty())
            dictionary.SetValueAndShowSection("OWN_TEMPLATES", own, "HAS_OWN_TEMPLATES");
    }
    // The committee's ranking lists, for those who hold a role on the case (the lists themselves
    // refuse a member who has not yet declared on every application, saying why).
    if (services::is_member(request.actor(), record.institution_id, record.id))
        dictionary.ShowSection("CAN_RANK");
}

Response show_case_applications(AppContext& context, Request& request)
{
    auto list = context.applications.list(request.actor(), institution_of(request),
                                          parse_id(request.param("case_id")));
    if (!list)
        return error_response(context, request, list.error());
    return page(context, request, "applications/list",
                tr(context, request, msgid("Applications")) + ": " + list->case_record.title,
                [&](Dictionary& dictionary) {
                    dictionary.SetIntValue("CASE_ID", list->case_record.id);
                    dictionary.SetValue("CASE_TITLE", list->case_record.title);
                    dictionary.SetIntValue("COUNT", static_cast<long>(list->applications.size()));
                    dictionary.SetIntValue("WITHDRAWN_COUNT", list->withdrawn);
                    if (list->applications.empty())
                        dictionary.ShowSection("NO_APPLICATIONS");
                    else
                        dictionary.ShowSection("HAS_APPLICATIONS");
                    const bool selectable = fill_mail_controls(
                        dictionary, context, request, list->case_record.institution_id, list->case_record.id);
                    for (const auto& application : list->applications) {
                        auto* row = dictionary.AddSectionDictionary("APPLICATION");
                        fill_row(*row, context, request, application);
                        if (selectable)
                            row->ShowSection("SELECTABLE");
                    }
                    fill_search(dictionary, context, request, list->case_record.id);
                    if (request.query_value("registered"))
                        show_notice(dictionary, context, request,
                                    msgid("The application has been registered."));
                });
}

Response show_case_application(AppContext& context, Request& request)
{
    auto view = context.applications.open(request.actor(), institution_of(request),
                                          parse_id(request.param("case_id")),
                                          parse_id(request.param("application_id")), request.origin());
    if (!view)
        return error_response(context, request, view.error());
    auto response = page(
        context, request, "applications/show",
        tr(context, request, msgid("Application")) + " " + domain::application_reference(view->application),
        [&](Dictionary& dictionary) {
            fill_application(dictionary, context, request, *view);
            fill_communication_log(dictionary, context, request, view->case_record.id, view->application.id);
            if (request.query_value("resent"))
                show_notice(dictionary, context, request,
                            msgid("The mail has been queued to be sent again."));
        });
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response download_case_attachment(AppContext& context, Request& request)
{
    auto file = context.applications.download(request.actor(), institution_of(request),
                                              parse_id(request.param("case_id")),
                                              parse_id(request.param("application_id")),
                                              parse_id(request.param("attachment_id")), request.origin());
    if (!file)
        return error_response(context, request, file.error());
    auto response = Response::file(file->path, file->media_type);
    response.remove_file_after = true;
    const bool inline_pdf = file->media_type == "application/pdf" && request.query_value("inline");
    response.set_header("Content-Disposition",
                        domain::content_disposition(inline_pdf ? "inline" : "attachment", file->filename));
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    return response;
}

} // namespace rekrut::web
