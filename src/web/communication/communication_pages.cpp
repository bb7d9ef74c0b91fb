#include "web/communication/communication_pages.hpp"

#include <ctemplate/template.h>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "domain/access/policy.hpp"
#include "domain/application/application_status.hpp"
#include "domain/mail/email_template.hpp"
#include "services/communication/email_templates.hpp"
#include "services/communication/mailings.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_labels.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"

namespace rekrut::web {

using core::msgid;

namespace {

/// The statuses a template may set, with "" for none.
constexpr const char* k_settable_statuses[] = {"", "in_assessment", "invited", "offered", "rejected"};

std::string kind_name(const AppContext& context, const Request& request, const std::string& kind)
{
    const auto* found = domain::find_mail_kind(kind);
    return found ? tr(context, request, std::string(found->name)) : kind;
}

std::string status_name(const AppContext& context, const Request& request, const std::string& status)
{
    auto parsed = domain::application_status_from_string(status);
    return parsed ? tr(context, request, status_label(*parsed)) : "";
}

std::string case_path(std::int64_t case_id)
{
    return "/cases/" + std::to_string(case_id);
}

domain::EmailTemplateRecord wording_from(const Request& request, const std::string& kind)
{
    domain::EmailTemplateRecord record;
    record.kind = kind;
    record.subject_da = request.form_or("subject_da");
    record.body_da = request.form_or("body_da");
    record.subject_en = request.form_or("subject_en");
    record.body_en = request.form_or("body_en");
    record.sets_status = request.form_or("sets_status");
    return record;
}

/// The subjects and texts of a template with the merge fields listed (include WORDING), its errors
/// marked.
void fill_wording(Dictionary& page, AppContext& context, const Request& request,
                  const domain::EmailTemplateRecord& record, const std::optional<core::Error>& error)
{
    auto* wording = page.AddIncludeDictionary("WORDING");
    wording->SetFilename(request.language + "/communication/_wording.tpl");
    for (const auto& field : domain::k_merge_fields) {
        auto* item = wording->AddSectionDictionary("FIELD");
        item->SetValue("DANISH", std::string(field.danish));
        item->SetValue("ENGLISH", std::string(field.english));
        item->SetValue("DESCRIPTION", tr(context, request, std::string(field.description)));
    }
    keep_value(*wording, "subject_da", record.subject_da);
    keep_value(*wording, "body_da", record.body_da);
    keep_value(*wording, "subject_en", record.subject_en);
    keep_value(*wording, "body_en", record.body_en);
    if (error) {
        show_form_errors(page, *error, context.translator, request);
        show_form_errors(*wording, *error, context.translator, request);
    }
}

void fill_template_list(Dictionary& dictionary, AppContext& context, const Request& request,
                        const std::vector<services::EmailTemplateEntry>& entries, const std::string& base,
                        bool for_case)
{
    for (const auto& entry : entries) {
        const auto* kind = domain::find_mail_kind(entry.record.kind);
        auto* row = dictionary.AddSectionDictionary("TEMPLATE");
        row->SetValue("HREF", base + "/" + entry.record.kind);
        row->SetValue("NAME", kind_name(context, request, entry.record.kind));
        row->SetValue("AUDIENCE",
                      tr(context, request,
                         kind && kind->audience == domain::MailAudience::committee ? msgid("The committee")
                                                                                   : msgid("Applicants")));
        const char* origin =
            for_case ? (entry.changed ? msgid("The case's own text") : msgid("The institution's text"))
                     : (entry.changed ? msgid("Changed by the institution") : msgid("Built-in text"));
        row->SetValue("ORIGIN", tr(context, request, origin));
        row->ShowSection(entry.changed ? "CHANGED" : "UNCHANGED");
        row->SetValue("SETS_STATUS", status_name(context, request, entry.record.sets_status));
    }
}

/// One template's page, for the institution (`case_id` empty) or a case.
Response template_page(AppContext& context, Request& request, std::optional<std::int64_t> case_id,
                       const std::string& kind, const std::optional<domain::EmailTemplateRecord>& submitted,
                       const std::optional<core::Error>& error)
{
    auto institution = institution_of(request);
    auto entry = case_id ? context.email_templates.case_template(request.actor(), institution, *case_id, kind)
                         : context.email_templates.institution_template(request.actor(), institution, kind);
    if (!entry)
        return error_response(context, request, entry.error());
    const auto& shown = submitted ? *submitted : entry->record;
    const std::string base = case_id ? case_path(*case_id) + "/email-templates" : "/setup/email-templates";
    return page(
        context, request, "communication/template", kind_name(context, request, kind),
        [&](Dictionary& dictionary) {
            dictionary.SetValue("BACK_HREF", base);
            dictionary.SetValue("NAME", kind_name(context, request, kind));
            dictionary.SetValue("ACTION", base + "/" + kind);
            const char* origin =
                case_id ? (entry->changed
                               ? msgid("The case uses its own text, shown here.")
                               : msgid("The case uses the institution's text. Saving makes the case's own "
                                       "copy; the institution's text stays as it is."))
                        : (entry->changed
                               ? msgid("The institution's text, shown here, is used by every case without "
                                       "its own copy.")
                               : msgid("The built-in text is in use. Saving makes it the institution's "
                                       "own."));
            dictionary.SetValue("ORIGIN_TEXT", tr(context, request, origin));
            dictionary.SetValue("SAVE_TEXT", tr(context, request, msgid("Save the template")));
            if (case_id && entry->changed)
                dictionary.ShowSection("CAN_REVERT");
            const auto* found = domain::find_mail_kind(kind);
            for (const char* status : k_settable_statuses) {
                if (*status && found && found->audience != domain::MailAudience::applicant)
                    continue;
                auto* option = dictionary.AddSectionDictionary("STATUS_OPTION");
                option->SetValue("VALUE", status);
                option->SetValue("LABEL", *status ? status_name(context, request, status)
                                                  : tr(context, request, msgid("Unchanged")));
                if (shown.sets_status == status)
                    option->ShowSection("SELECTED");
            }
            fill_wording(dictionary, context, request, shown, error);
            if (request.query_value("saved"))
                show_notice(dictionary, context, request, msgid("Your changes have been saved."));
        },
        form_status(error));
}

std::vector<std::int64_t> chosen_ids(const Request& request, bool from_form)
{
    std::vector<std::int64_t> ids;
    for (const auto& [name, value] : from_form ? request.form : request.query)
        if (name == "application_id")
            if (auto id = parse_id(value); id > 0)
                ids.push_back(id);
    return ids;
}

std::string reason_text(const AppContext& context, const Request& request, const std::string& reason)
{
    if (reason == "status")
        return tr(context, request, msgid("the application's status does not allow this mail"));
    if (reason == "calendar")
        return tr(context, request, msgid("the calendar invitation could not be made for this address"));
    if (reason.starts_with("missing:"))
        return tr(context, request, msgid("no value for")) + " " + reason.substr(8);
    return reason;
}

std::string delivery_label(const AppContext& context, const Request& request, domain::DeliveryStatus status)
{
    switch (status) {
    case domain::DeliveryStatus::sent: return tr(context, request, msgid("Sent"));
    case domain::DeliveryStatus::waiting: return tr(context, request, msgid("Waiting"));
    case domain::DeliveryStatus::failed: return tr(context, request, msgid("Failed"));
    case domain::DeliveryStatus::cancelled: return tr(context, request, msgid("Cancelled"));
    case domain::DeliveryStatus::not_sent: return tr(context, request, msgid("Not sent"));
    }
    return "";
}

/// The draft the compose form describes: from the query string when coming from the list, from the
/// form when previewing or sending.
struct ComposeInput {
    services::MailDraft draft;
    std::optional<core::Error> problem;
    std::string date, time, minutes, place;
    std::int64_t preview_id = 0;
};

ComposeInput compose_input(const Request& request, bool from_form)
{
    ComposeInput input;
    auto value = [&](const char* name) {
        return (from_form ? request.form_value(name) : request.query_value(name)).value_or("");
    };
    input.draft.kind = value("kind");
    input.draft.application_ids = chosen_ids(request, from_form);
    if (from_form) {
        input.draft.wording = wording_from(request, input.draft.kind);
        input.preview_id = parse_id(value("preview"));
    }
    input.date = value("interview_date");
    input.time = value("interview_time");
    input.minutes = value("interview_minutes");
    input.place = value("interview_place");
    if (input.minutes.empty())
        input.minutes = "60";
    input.draft.interview_place = input.place.substr(0, 500);
    if (!input.date.empty()) {
        input.draft.interview_at =
            core::parse_copenhagen(input.date, input.time.empty() ? "00:00" : input.time);
        if (!input.draft.interview_at)
            input.problem = core::Error::invalid(
                msgid("The mail cannot be sent. Correct the marked fields."),
                {{"interview_date", msgid("Enter the interview's date and time as shown.")}});
    }
    auto minutes = parse_id(input.minutes);
    input.draft.interview_minutes = minutes > 0 && minutes <= 600 ? static_cast<int>(minutes) : 60;
    return input;
}

Response compose_page(AppContext& context, Request& request, ComposeInput input,
                      const std::optional<core::Error>& error)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto plan = context.mailings.plan(request.actor(), institution_of(request), case_id, input.draft);
    if (!plan && plan.error().kind != core::ErrorKind::invalid)
        return error_response(context, request, plan.error());
    if (!plan && !domain::find_mail_kind(input.draft.kind))
        return error_response(context, request, plan.error());
    if (!plan && input.draft.wording) {
        // The wording itself was refused: show the form with the marked fields, without recipients.
        return page(
            context, request, "communication/compose", tr(context, request, msgid("Send mail")),
            [&](Dictionary& dictionary) {
                dictionary.SetIntValue("CASE_ID", case_id);
                dictionary.SetValue("KIND", input.draft.kind);
                dictionary.SetValue("KIND_NAME", kind_name(context, request, input.draft.kind));
                for (auto id : input.draft.application_ids)
                    dictionary.AddSectionDictionary("SELECTED")->SetIntValue("APPLICATION_ID", id);
                fill_wording(dictionary, context, request, *input.draft.wording, plan.error());
            },
            form_status(plan.error()));
    }
    if (!plan)
        return error_response(context, request, plan.error());
    const auto& shown = input.draft.wording ? *input.draft.wording : plan->wording;
    return page(
        context, request, "communication/compose", tr(context, request, msgid("Send mail")),
        [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetValue("CASE_TITLE", plan->case_record.title);
            dictionary.SetValue("KIND", input.draft.kind);
            dictionary.SetValue("KIND_NAME", kind_name(context, request, input.draft.kind));
            dictionary.SetValue("ORIGIN_TEXT",
                                tr(context, request,
                                   plan->case_copy
                                       ? msgid("The text is the case's own template; changes made "
                                               "here apply to this sending only.")
                                       : msgid("The text is the institution's template; changes made "
                                               "here apply to this sending only.")));
            if (domain::can(request.actor(), domain::Action::edit_case_email_templates,
                            {institution_of(request), case_id, {}, false, {}}))
                dictionary.ShowSection("CAN_EDIT_TEMPLATES");
            if (!plan->wording.sets_status.empty()) {
                auto* section = dictionary.AddSectionDictionary("SETS_STATUS");
                section->SetValue("STATUS_LABEL", status_name(context, request, plan->wording.sets_status));
            }
            if (input.draft.kind == "interview_invitation") {
                auto* interview = dictionary.AddSectionDictionary("INTERVIEW");
                keep_value(*interview, "interview_date", input.date);
                keep_value(*interview, "interview_time", input.time);
                keep_value(*interview, "interview_minutes", input.minutes);
                keep_value(*interview, "interview_place", input.place);
                if (error)
                    show_form_errors(*interview, *error, context.translator, request);
            }
            const services::MailRecipient* preview = nullptr;
            for (const auto& recipient : plan->recipients) {
                dictionary.AddSectionDictionary("SELECTED")
                    ->SetIntValue("APPLICATION_ID", recipient.application_id);
                auto* row = dictionary.AddSectionDictionary("RECIPIENT");
                row->SetIntValue("APPLICATION_ID", recipient.application_id);
                row->SetValue("REFERENCE", recipient.reference);
                row->SetValue("NAME", recipient.name);
                row->SetValue(
                    "LANGUAGE",
                    tr(context, request, recipient.language == "en" ? msgid("English") : msgid("Danish")));
                if (recipient.mail) {
                    row->ShowSection("SENDABLE");
                    if (!preview || recipient.application_id == input.preview_id)
                        preview = &recipient;
                } else {
                    std::string reason = recipient.blocked;
                    if (reason == "missing") {
                        reason = "missing:";
                        for (std::size_t i = 0; i < recipient.missing.size(); ++i)
                            reason += (i ? ", " : "") + recipient.missing[i];
                    }
                    row->AddSectionDictionary("BLOCKED")->SetValue("REASON",
                                                                   reason_text(context, request, reason));
                }
            }
            dictionary.SetValue(
                "SUMMARY",
                core::format_number(plan->sendable, request.language) + " " +
                    tr(context, request, msgid("of")) + " " +
                    core::format_number(static_cast<double>(plan->recipients.size()), request.language) +
                    " " + tr(context, request, msgid("chosen applicants will get the mail.")));
            if (preview) {
                auto* section = dictionary.AddSectionDictionary("PREVIEW");
                section->SetValue("PREVIEW_NAME", preview->name);
                section->SetValue("PREVIEW_TO", preview->email);
                section->SetValue("PREVIEW_SUBJECT", preview->mail->subject);
                section->SetValue("PREVIEW_TEXT", preview->mail->text);
            }
            if (plan->sendable > 0) {
                dictionary.ShowSection("CAN_SEND");
                dictionary.SetValue("SEND_TEXT", tr(context, request, msgid("Send the mail to")) + " " +
                                                     core::format_number(plan->sendable, request.language) +
                                                     " " + tr(context, request, msgid("applicants")));
            }
            fill_wording(dictionary, context, request, shown, error);
        },
        form_status(error));
}

} // namespace

Response show_email_templates(AppContext& context, Request& request)
{
    auto entries = context.email_templates.institution_templates(request.actor(), institution_of(request));
    if (!entries)
        return error_response(context, request, entries.error());
    return page(
        context, request, "communication/templates", tr(context, request, msgid("E-mail templates")),
        [&](Dictionary& dictionary) {
            dictionary.SetValue("BACK_HREF", "/setup");
            dictionary.SetValue("BACK_TEXT", tr(context, request, msgid("Institution set-up")));
            dictionary.SetValue("HEADING", tr(context, request, msgid("E-mail templates")));
            dictionary.SetValue(
                "INTRO", tr(context, request,
                            msgid("The mails the institution sends to applicants and to its committees, in "
                                  "Danish and English. A case can make its own copy of each.")));
            fill_template_list(dictionary, context, request, *entries, "/setup/email-templates", false);
        });
}

Response show_email_template(AppContext& context, Request& request)
{
    return template_page(context, request, std::nullopt, request.param("kind"), std::nullopt, std::nullopt);
}

Response submit_email_template(AppContext& context, Request& request)
{
    const auto kind = request.param("kind");
    auto record = wording_from(request, kind);
    auto result = context.email_templates.save_institution_template(request.actor(), institution_of(request),
                                                                    record, request.origin());
    if (result)
        return Response::redirect("/setup/email-templates/" + kind + "?saved=1");
    if (result.error().kind != core::ErrorKind::invalid)
        return error_response(context, request, result.error());
    return template_page(context, request, std::nullopt, kind, record, result.error());
}

Response show_case_email_templates(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto entries = context.email_templates.case_templates(request.actor(), institution_of(request), case_id);
    if (!entries)
        return error_response(context, request, entries.error());
    return page(
        context, request, "communication/templates",
        tr(context, request, msgid("The case's e-mail templates")), [&](Dictionary& dictionary) {
            dictionary.SetValue("BACK_HREF", case_path(case_id));
            dictionary.SetValue("BACK_TEXT", tr(context, request, msgid("Back to the case")));
            dictionary.SetValue("HEADING", tr(context, request, msgid("The case's e-mail templates")));
            dictionary.SetValue(
                "INTRO", tr(context, request,
                            msgid("The case uses the institution's texts unless it has its own copy. A "
                                  "copy can be returned to the institution's text.")));
            if (request.query_value("reverted"))
                show_notice(dictionary, context, request,
                            msgid("The case uses the institution's text again."));
            fill_template_list(dictionary, context, request, *entries,
                               case_path(case_id) + "/email-templates", true);
        });
}

Response show_case_email_template(AppContext& context, Request& request)
{
    return template_page(context, request, parse_id(request.param("case_id")), request.param("kind"),
                         std::nullopt, std::nullopt);
}

Response submit_case_email_template(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    const auto kind = request.param("kind");
    auto record = wording_from(request, kind);
    auto result = context.email_templates.save_case_template(request.actor(), institution_of(request),
                                                             case_id, record, request.origin());
    if (result)
        return Response::redirect(case_path(case_id) + "/email-templates/" + kind + "?saved=1");
    if (result.error().kind != core::ErrorKind::invalid)
        return error_response(context, request, result.error());
    return template_page(context, request, case_id, kind, record, result.error());
}

Response submit_case_email_template_revert(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto result = context.email_templates.revert_case_template(
        request.actor(), institution_of(request), case_id, request.param("kind"), request.origin());
    if (!result)
        return error_response(context, request, result.error());
    return Response::redirect(case_path(case_id) + "/email-templates?reverted=1");
}

Response show_compose_mail(AppContext& context, Request& request)
{
    return compose_page(context, request, compose_input(request, false), std::nullopt);
}

Response submit_compose_mail(AppContext& context, Request& request)
{
    auto input = compose_input(request, true);
    if (input.problem) {
        auto problem = input.problem;
        return compose_page(context, request, std::move(input), problem);
    }
    if (request.form_or("action") != "send")
        return compose_page(context, request, std::move(input), std::nullopt);
    const auto case_id = parse_id(request.param("case_id"));
    auto sent = context.mailings.send(request.actor(), institution_of(request), case_id, input.draft,
                                      request.origin());
    if (sent)
        return Response::redirect(case_path(case_id) + "/mailings/" + std::to_string(*sent) + "?queued=1");
    if (sent.error().kind != core::ErrorKind::invalid)
        return error_response(context, request, sent.error());
    return compose_page(context, request, std::move(input), sent.error());
}

Response show_mailing(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto progress = context.mailings.progress(request.actor(), institution_of(request), case_id,
                                              parse_id(request.param("mailing_id")));
    if (!progress)
        return error_response(context, request, progress.error());
    auto response = page(
        context, request, "communication/mailing", tr(context, request, msgid("Mails sent")),
        [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetIntValue("MAILING_ID", progress->mailing_id);
            dictionary.SetValue("CASE_TITLE", progress->case_title);
            dictionary.SetValue("KIND_NAME", kind_name(context, request, progress->kind));
            dictionary.SetIntValue("SENT", progress->sent);
            dictionary.SetIntValue("WAITING", progress->waiting);
            dictionary.SetIntValue("FAILED", progress->failed);
            dictionary.SetIntValue("CANCELLED", progress->cancelled);
            dictionary.SetIntValue("NOT_SENT", progress->not_sent);
            dictionary.ShowSection(progress->finished() ? "FINISHED" : "RUNNING");
            for (const auto& row : progress->rows) {
                auto* item = dictionary.AddSectionDictionary("ROW");
                item->SetIntValue("CASE_ID", case_id);
                item->SetIntValue("APPLICATION_ID", row.application_id);
                item->SetValue("REFERENCE", row.reference);
                item->SetValue("NAME", row.name);
                item->SetValue("STATUS", delivery_label(context, request, row.status));
                if (row.status == domain::DeliveryStatus::not_sent ||
                    row.status == domain::DeliveryStatus::failed) {
                    item->ShowSection("HAS_REASON");
                    item->SetValue("REASON",
                                   row.status == domain::DeliveryStatus::failed
                                       ? tr(context, request, msgid("the mail server did not take it"))
                                       : reason_text(context, request, row.error));
                }
                if (row.sent_at)
                    item->SetValue("SENT_AT", core::format_date_time(*row.sent_at, request.language));
            }
            if (request.query_value("queued"))
                show_notice(dictionary, context, request, msgid("The mails have been queued for sending."));
            if (request.query_value("cancelled"))
                show_notice(dictionary, context, request,
                            msgid("The mails not yet sent have been cancelled."));
        });
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response submit_mailing_cancel(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    const auto mailing_id = parse_id(request.param("mailing_id"));
    auto cancelled = context.mailings.cancel(request.actor(), institution_of(request), case_id, mailing_id,
                                             request.origin());
    if (!cancelled)
        return error_response(context, request, cancelled.error());
    return Response::redirect(case_path(case_id) + "/mailings/" + std::to_string(mailing_id) +
                              "?cancelled=1");
}

Response submit_mail_resend(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    const auto application_id = parse_id(request.param("application_id"));
    auto result = context.mailings.resend(request.actor(), institution_of(request), case_id, application_id,
                                          parse_id(request.param("outbox_id")), request.origin());
    if (!result)
        return error_response(context, request, result.error());
    return Response::redirect(case_path(case_id) + "/applications/" + std::to_string(application_id) +
                              "?resent=1#mails");
}

void fill_communication_log(Dictionary& dictionary, AppContext& context, const Request& request,
                            std::int64_t case_id, std::int64_t application_id)
{
    auto log =
        context.mailings.communication_log(request.actor(), institution_of(request), case_id, application_id);
    if (!log)
        return;
    auto* section = dictionary.AddIncludeDictionary("LOG");
    section->SetFilename(request.language + "/communication/_log.tpl");
    section->SetIntValue("CASE_ID", case_id);
    section->SetIntValue("APPLICATION_ID", application_id);
    if (log->empty())
        section->ShowSection("NO_MAILS");
    for (const auto& entry : *log) {
        const auto& message = entry.message;
        auto* item = section->AddSectionDictionary("MAIL");
        item->SetIntValue("CASE_ID", case_id);
        item->SetIntValue("APPLICATION_ID", application_id);
        item->SetIntValue("OUTBOX_ID", message.id);
        item->SetValue("CREATED", core::format_date_time(message.created_at, request.language));
        item->SetValue("SUBJECT", message.subject);
        item->SetValue("KIND", kind_name(context, request, message.kind));
        item->SetValue("STATUS", delivery_label(context, request, entry.status));
        item->SetValue("RECIPIENT", message.recipient);
        if (message.sent_at)
            item->AddSectionDictionary("SENT")->SetValue(
                "SENT_AT", core::format_date_time(*message.sent_at, request.language));
        if (entry.status == domain::DeliveryStatus::not_sent)
            item->AddSectionDictionary("HAS_REASON")
                ->SetValue("REASON", reason_text(context, request, message.last_error));
        if (message.body_unreadable) {
            item->ShowSection("UNREADABLE");
        } else if (!message.body_text.empty()) {
            item->AddSectionDictionary("READABLE")->SetValue("TEXT", message.body_text);
            item->ShowSection("CAN_RESEND");
        }
    }
}

bool fill_mail_controls(Dictionary& dictionary, AppContext& context, const Request& request,
                        std::int64_t institution_id, std::int64_t case_id)
{
    if (!domain::can(request.actor(), domain::Action::send_application_mail,
                     {institution_id, case_id, {}, false, {}}))
        return false;
    auto* controls = dictionary.AddSectionDictionary("CAN_SEND_MAIL");
    for (const auto& kind : domain::k_mail_kinds) {
        if (kind.audience != domain::MailAudience::applicant)
            continue;
        auto* option = controls->AddSectionDictionary("MAIL_KIND");
        option->SetValue("VALUE", std::string(kind.id));
        option->SetValue("LABEL", tr(context, request, std::string(kind.name)));
    }
    dictionary.ShowSection("CAN_SEND_MAIL_FORM");
    return true;
}

} // namespace rekrut::web
