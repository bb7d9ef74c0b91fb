#include <ctemplate/template.h>

#include "core/display_format.hpp"
#include "domain/application/file_rules.hpp"
#include "services/applications/self_service.hpp"
#include "services/interview/interviews.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_form_view.hpp"
#include "web/applications/application_labels.hpp"
#include "web/applications/application_pages.hpp"
#include "web/forms.hpp"

namespace rekrut::web {

using core::msgid;

namespace {

std::string own_path(const Request& request)
{
    return "/application/" + request.param("token");
}

void fill_own(Dictionary& dictionary, const AppContext& context, const Request& request,
              const services::OwnApplication& own)
{
    const auto& application = own.application;
    dictionary.SetValue("SELF_PATH", own_path(request));
    dictionary.SetValue("POSITION_TITLE", own.case_title);
    dictionary.SetValue("INSTITUTION", own.institution_name);
    dictionary.SetValue("REFERENCE", domain::application_reference(application));
    dictionary.SetValue("STATUS", tr(context, request, status_label(application.status)));
    dictionary.SetValue("RECEIVED", core::format_date_time(application.received_at, request.language));
    dictionary.SetValue("DEADLINE", core::format_date_time(own.deadline, request.language));
    dictionary.SetValue("NAME", application.full_name);
    dictionary.SetValue("EMAIL", application.email);
    dictionary.SetValue("PHONE", application.phone);
    dictionary.SetValue("COVER_LETTER", application.cover_letter);
    if (!application.cover_letter.empty())
        dictionary.ShowSection("HAS_COVER_LETTER");
    for (const auto& attachment : application.attachments) {
        auto* item = dictionary.AddSectionDictionary("ATTACHMENT");
        item->SetValue("HREF", own_path(request) + "/attachments/" + std::to_string(attachment.id));
        item->SetValue("FILENAME", attachment.filename);
        item->SetValue("KIND", tr(context, request, attachment_kind_label(attachment.kind)));
    }
    for (const auto& question : own.questions) {
        auto* item = dictionary.AddSectionDictionary("ANSWER");
        item->SetValue("QUESTION", question.text);
        for (const auto& answer : application.answers)
            if (answer.question_id == question.id)
                item->SetValue("TEXT", answer.answer);
    }
    if (own.can_withdraw)
        dictionary.ShowSection("CAN_WITHDRAW");
    if (own.before_deadline && application.status == domain::ApplicationStatus::received)
        dictionary.ShowSection("CAN_CHANGE");
    if (application.keep_until && !application.deletion_requested_at) {
        auto* keep = dictionary.AddSectionDictionary("KEPT_FOR_FUTURE");
        keep->SetValue("KEEP_UNTIL", core::format_date(*application.keep_until, request.language));
        if (request.query_value("consent"))
            keep->ShowSection("CONSENT_RENEWED");
    }
    if (application.deletion_requested_at)
        dictionary.ShowSection(application.status == domain::ApplicationStatus::hired
                                   ? "DELETION_REQUESTED_HIRED"
                                   : "DELETION_REQUESTED");
    else
        dictionary.ShowSection("CAN_REQUEST_DELETION");
}

/// The answers as sent, for the change form.
domain::ApplicationForm form_of(const services::OwnApplication& own)
{
    domain::ApplicationForm form;
    form.cover_letter = own.application.cover_letter;
    for (const auto& answer : own.application.answers)
        form.answers[answer.question_id] = answer.answer;
    return form;
}

Response own_page(AppContext& context, Request& request, const std::optional<core::Error>& error,
                  const std::optional<domain::ApplicationForm>& typed = std::nullopt)
{
    auto own = context.self_service.open(request.param("token"), request.origin());
    if (!own)
        return error_response(context, request, own.error());
    auto response = page(
        context, request, "applications/own", tr(context, request, msgid("Your application")),
        [&](Dictionary& dictionary) {
            fill_own(dictionary, context, request, *own);
            if (auto interviews = context.interviews.own_interviews(request.param("token"));
                interviews && !interviews->invitations.empty())
                dictionary.SetValueAndShowSection("INTERVIEWS_HREF", own_path(request) + "/interviews",
                                                  "HAS_INTERVIEWS");
            auto form = typed ? *typed : form_of(*own);
            keep_value(dictionary, "cover_letter", form.cover_letter);
            fill_question_fields(dictionary, context, request, own->questions, form, error);
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
            if (request.query_value("withdrawn"))
                show_notice(dictionary, context, request, msgid("Your application has been withdrawn."));
            if (request.query_value("changed"))
                show_notice(dictionary, context, request, msgid("Your application has been changed."));
            if (request.query_value("deletion"))
                show_notice(dictionary, context, request,
                            msgid("We have recorded that you want your application deleted."));
        },
        form_status(error));
    response.set_header("Cache-Control", "no-store");
    response.set_header("Referrer-Policy", "no-referrer");
    return response;
}

} // namespace

Response show_link_request(AppContext& context, Request& request)
{
    return page(context, request, "applications/link_request", tr(context, request, msgid("Get a new link")),
                [&](Dictionary& dictionary) {
                    if (request.query_value("deleted"))
                        show_notice(dictionary, context, request,
                                    msgid("Your application and everything about it have been deleted."));
                    if (request.query_value("sent"))
                        show_notice(
                            dictionary, context, request,
                            msgid("If we have an open application from that address, we have sent it a "
                                  "new link. It can take a few minutes."));
                });
}

Response submit_link_request(AppContext& context, Request& request)
{
    context.self_service.send_links(request.form_or("email"));
    return Response::redirect("/application?sent=1");
}

Response show_own_application(AppContext& context, Request& request)
{
    return own_page(context, request, std::nullopt);
}

Response submit_own_withdrawal(AppContext& context, Request& request)
{
    auto result = context.self_service.withdraw(request.param("token"), request.origin());
    if (!result && result.error().kind == core::ErrorKind::conflict)
        return own_page(context, request, result.error());
    if (!result)
        return error_response(context, request, result.error());
    return Response::redirect(own_path(request) + "?withdrawn=1");
}

Response submit_own_deletion_request(AppContext& context, Request& request)
{
    auto result = context.self_service.request_deletion(request.param("token"), request.origin());
    if (!result)
        return error_response(context, request, result.error());
    // Erased at once: the personal link no longer leads anywhere.
    if (*result)
        return Response::redirect("/application?deleted=1");
    return Response::redirect(own_path(request) + "?deletion=1");
}

Response submit_own_consent_renewal(AppContext& context, Request& request)
{
    auto result = context.self_service.renew_consent(request.param("token"), request.origin());
    if (!result)
        return error_response(context, request, result.error());
    return Response::redirect(own_path(request) + "?consent=1");
}

Response submit_own_content(AppContext& context, Request& request)
{
    auto own = context.self_service.open(request.param("token"), request.origin());
    if (!own)
        return error_response(context, request, own.error());
    auto form = read_application_form(request, own->questions);
    auto result = context.self_service.update_content(request.param("token"), form, request.origin());
    if (!result &&
        (result.error().kind == core::ErrorKind::invalid || result.error().kind == core::ErrorKind::conflict))
        return own_page(context, request, result.error(), form);
    if (!result)
        return error_response(context, request, result.error());
    return Response::redirect(own_path(request) + "?changed=1");
}

Response submit_own_file(AppContext& context, Request& request)
{
    auto files = uploaded_files(request);
    if (files.size() != 1)
        return own_page(context, request,
                        core::Error::invalid(msgid("Choose one file to send."),
                                             {{"replacement", msgid("Choose one file to send.")}}));
    auto kind = domain::attachment_kind_from_string(request.form_or("kind"));
    files.front().kind = kind.value_or(domain::AttachmentKind::other);
    auto result = context.self_service.replace_file(request.param("token"), files.front(), request.origin(),
                                                    context.applications.limits());
    if (!result && (result.error().kind == core::ErrorKind::invalid ||
                    result.error().kind == core::ErrorKind::conflict)) {
        auto error = result.error();
        for (auto& field : error.fields)
            field = {"replacement", files.front().filename + ": " + tr(context, request, field.message)};
        return own_page(context, request, error);
    }
    if (!result)
        return error_response(context, request, result.error());
    return Response::redirect(own_path(request) + "?changed=1");
}

Response download_own_export(AppContext& context, Request& request)
{
    auto file = context.self_service.export_all(request.param("token"), request.origin());
    if (!file)
        return error_response(context, request, file.error());
    auto response = Response::file(file->path, file->media_type);
    response.remove_file_after = true;
    response.set_header("Content-Disposition", domain::content_disposition("attachment", file->filename));
    response.set_header("Cache-Control", "no-store");
    response.set_header("Referrer-Policy", "no-referrer");
    return response;
}

Response download_own_attachment(AppContext& context, Request& request)
{
    auto file = context.self_service.download(request.param("token"),
                                              parse_id(request.param("attachment_id")), request.origin());
    if (!file)
        return error_response(context, request, file.error());
    auto response = Response::file(file->path, file->media_type);
    response.remove_file_after = true;
    response.set_header("Content-Disposition", domain::content_disposition("attachment", file->filename));
    response.set_header("Cache-Control", "no-store");
    response.set_header("Referrer-Policy", "no-referrer");
    return response;
}

} // namespace rekrut::web
