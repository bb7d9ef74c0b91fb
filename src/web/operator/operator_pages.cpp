#include "web/operator/operator_pages.hpp"

#include <charconv>
#include <ctemplate/template.h>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/mail/email_template.hpp"
#include "services/platform_operator.hpp"
#include "services/user_administration.hpp"
#include "web/app_context.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"
#include "web/views.hpp"

namespace rekrut::web {
namespace {

using domain::Action;
using Fill = std::function<void(ctemplate::TemplateDictionary&)>;

constexpr int k_outbox_size = 200;

int parse_hours(const std::string& text)
{
    std::string trimmed(core::trim(text));
    int hours = 0;
    auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), hours);
    if (error != std::errc() || end != trimmed.data() + trimmed.size())
        return 0; // refused by the service with the message for the field
    return hours;
}

// ---------------------------------------------------------------------------------------------
// Institutions

Response institutions_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto institutions = context.administration.institutions();
    return page(
        context, request, "operator/institutions", tr(context, request, msgid("Institutions")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            if (institutions.empty()) {
                dictionary.ShowSection("NO_INSTITUTIONS");
            } else {
                auto* list = dictionary.AddSectionDictionary("INSTITUTIONS");
                for (const auto& institution : institutions) {
                    auto* row = list->AddSectionDictionary("INSTITUTION");
                    row->SetValue("ID", std::to_string(institution.id));
                    row->SetValue("CVR", institution.cvr);
                    row->SetValue("NAME", institution.name);
                    row->SetValue("ADDRESS", institution.address);
                    if (institution.offboarded)
                        row->ShowSection("OFFBOARDED");
                }
            }
            if (error) {
                keep_value(dictionary, "cvr", request.form_or("cvr"));
                keep_value(dictionary, "name", request.form_or("name"));
                keep_value(dictionary, "address", request.form_or("address"));
                show_form_errors(dictionary, *error, context.translator, request);
            }
        },
        form_status(error));
}

const char* status_label(domain::UserStatus status)
{
    switch (status) {
    case domain::UserStatus::active: return msgid("Active");
    case domain::UserStatus::locked: return msgid("Locked");
    case domain::UserStatus::deactivated: return msgid("Deactivated");
    }
    return msgid("Deactivated");
}

/// A notice after a redirect, chosen from a fixed list by the query string (never echoed).
void show_institution_notice(Dictionary& dictionary, const AppContext& context, const Request& request)
{
    static constexpr std::pair<const char*, const char*> k_notices[] = {
        {"created", msgid("The institution has been created.")},
        {"superbruger",
         msgid("The Superbruger has been created. The role takes effect, and the mail with a link "
               "to choose a password is sent, when a second operator approves it under "
               "Superbruger requests.")},
        {"saved", msgid("The Superbruger's account has been saved.")},
        {"removal", msgid("The removal of the Superbruger role waits for a second operator under Superbruger "
                          "requests.")},
    };
    for (const auto& [key, message] : k_notices)
        if (request.query_value(key)) {
            show_notice(dictionary, context, request, message);
            return;
        }
}

/// One Superbruger or Administrator row; a Superbruger's row carries the operator's actions.
void fill_administrator(Dictionary& row, const AppContext& context, const Request& request,
                        const services::InstitutionAdministrator& administrator)
{
    const bool superbruger = administrator.role == domain::InstitutionRole::superbruger;
    row.SetValue("USER_ID", std::to_string(administrator.user_id));
    row.SetValue("NAME", administrator.name);
    row.SetValue("EMAIL", administrator.email);
    row.SetValue("ROLE", tr(context, request, superbruger ? msgid("Superbruger") : msgid("Administrator")));
    row.SetValue("STATUS", tr(context, request, status_label(administrator.status)));
    if (!superbruger)
        return;
    auto* actions = row.AddSectionDictionary("SUPERBRUGER_ACTIONS");
    if (administrator.status == domain::UserStatus::locked)
        actions->ShowSection("CAN_UNLOCK");
    else if (administrator.status == domain::UserStatus::active)
        actions->ShowSection("CAN_LOCK");
    if (administrator.status != domain::UserStatus::deactivated)
        actions->ShowSection("CAN_DEACTIVATE");
}

/// The institution's requests for the Superbruger role that wait for an operator.
void fill_waiting_requests(Dictionary& dictionary, const AppContext& context, const Request& request,
                           const std::vector<domain::RoleRequestRecord>& requests)
{
    if (requests.empty())
        return;
    auto* list = dictionary.AddSectionDictionary("WAITING_REQUESTS");
    for (const auto& waiting : requests) {
        auto* row = list->AddSectionDictionary("WAITING_REQUEST");
        row->SetValue("USER_NAME", waiting.user_name);
        row->SetValue("CHANGE", tr(context, request,
                                   waiting.change == domain::RoleChangeKind::grant ? msgid("Grant")
                                                                                   : msgid("Removal")));
        row->SetValue("REQUESTED_BY", waiting.requested_by_name);
        row->SetValue("REQUESTED_AT", core::format_date_time(waiting.requested_at, request.language));
    }
}

Response institution_page(AppContext& context, Request& request, const domain::InstitutionRecord& institution,
                          const std::optional<core::Error>& error)
{
    const auto& actor = request.actor();
    auto administrators = context.platform_operator.administrators(actor, institution.id);
    std::vector<domain::RoleRequestRecord> waiting;
    for (auto& pending : context.platform_operator.superbruger_requests(actor))
        if (pending.institution_id == institution.id)
            waiting.push_back(std::move(pending));
    return page(
        context, request, "operator/institution", tr(context, request, msgid("Institution")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            dictionary.SetValue("ID", std::to_string(institution.id));
            dictionary.SetValue("CVR", institution.cvr);
            dictionary.SetValue("NAME", institution.name);
            dictionary.SetValue("ADDRESS", institution.address);
            show_institution_notice(dictionary, context, request);
            if (administrators.empty()) {
                dictionary.ShowSection("NO_ADMINISTRATORS");
            } else {
                auto* list = dictionary.AddSectionDictionary("ADMINISTRATORS");
                for (const auto& administrator : administrators)
                    fill_administrator(*list->AddSectionDictionary("ADMINISTRATOR"), context, request,
                                       administrator);
            }
            fill_waiting_requests(dictionary, context, request, waiting);
            if (error) {
                keep_value(dictionary, "name", request.form_or("name"));
                keep_value(dictionary, "email", request.form_or("email"));
                show_form_errors(dictionary, *error, context.translator, request);
            }
        },
        form_status(error));
}

std::optional<domain::InstitutionRecord> institution_from_path(AppContext& context, const Request& request)
{
    auto id = parse_id(request.param("institution_id"));
    if (id == 0)
        return std::nullopt;
    return context.platform_operator.institution(request.actor(), id);
}

} // namespace

Response show_institutions(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::create_institution))
        return not_found(context, request);
    return institutions_page(context, request, std::nullopt);
}

Response submit_institution(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::create_institution))
        return not_found(context, request);
    auto created = context.administration.create_institution(request.actor(), request.form_or("cvr"),
                                                             request.form_or("name"),
                                                             request.form_or("address"), request.origin());
    if (!created) {
        if (created.error().kind != core::ErrorKind::invalid)
            return error_response(context, request, created.error());
        return institutions_page(context, request, created.error());
    }
    return Response::redirect("/operator/institutions/" + std::to_string(*created) + "?created=1");
}

Response show_institution(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::create_superbruger))
        return not_found(context, request);
    auto institution = institution_from_path(context, request);
    if (!institution)
        return not_found(context, request);
    return institution_page(context, request, *institution, std::nullopt);
}

Response submit_superbruger(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::create_superbruger))
        return not_found(context, request);
    auto institution = institution_from_path(context, request);
    if (!institution)
        return not_found(context, request);
    services::NewUser user;
    user.name = request.form_or("name");
    user.email = request.form_or("email");
    user.role = domain::InstitutionRole::superbruger;
    auto created =
        context.administration.create_user(
            request.actor(),
            institution->id, user, request.origin(), translator_in(context, Translator::k_default_language) /* mails to a new Superbruger are in Danish, the institutions' language */);
    if (!created) {
        if (created.error().kind == core::ErrorKind::invalid)
            return institution_page(context, request, *institution, created.error());
        if (created.error().kind == core::ErrorKind::forbidden)
            return not_found(context, request);
        return error_response(context, request, created.error());
    }
    return Response::redirect("/operator/institutions/" + std::to_string(institution->id) + "?superbruger=1");
}

Response submit_superbruger_status(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::create_superbruger))
        return not_found(context, request);
    auto institution = institution_from_path(context, request);
    if (!institution)
        return not_found(context, request);
    auto superbruger = context.platform_operator.superbruger(request.actor(), institution->id,
                                                             parse_id(request.param("user_id")));
    if (!superbruger)
        return not_found(context, request);
    auto status = domain::user_status_from_string(request.form_or("status"));
    if (!status)
        return institution_page(context, request, *institution,
                                core::Error::invalid(msgid("Choose a status.")));
    // The name and address stay as they are; only the status changes.
    auto saved =
        context.administration.update_user(request.actor(), institution->id, superbruger->id,
                                           superbruger->name, superbruger->email, *status, request.origin());
    if (!saved) {
        if (saved.error().kind == core::ErrorKind::invalid || saved.error().kind == core::ErrorKind::conflict)
            return institution_page(context, request, *institution, saved.error());
        return error_response(context, request, saved.error());
    }
    return Response::redirect("/operator/institutions/" + std::to_string(institution->id) + "?saved=1");
}

// ---------------------------------------------------------------------------------------------
// Outgoing mail

Response show_outbox(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::view_outbox))
        return not_found(context, request);
    auto messages = context.platform_operator.recent_mail(request.actor(), k_outbox_size);
    auto at = [&request](core::UnixTime time) { return core::format_date_time(time, request.language); };
    return page(context, request, "operator/outbox", tr(context, request, msgid("Outgoing mail")),
                [&](ctemplate::TemplateDictionary& dictionary) {
                    dictionary.SetValue("LIMIT", std::to_string(k_outbox_size));
                    if (messages.empty()) {
                        dictionary.ShowSection("NO_MESSAGES");
                        return;
                    }
                    auto* list = dictionary.AddSectionDictionary("MESSAGES");
                    for (const auto& message : messages) {
                        auto* row = list->AddSectionDictionary("MESSAGE");
                        row->SetValue("ID", std::to_string(message.id));
                        row->SetValue("CREATED", at(message.created_at));
                        row->SetValue("RECIPIENT", message.recipient);
                        // A mail about an application is named by its kind: its subject may hold the
                        // applicant's name, which is not the operator's to read.
                        const auto* kind = domain::find_mail_kind(message.kind);
                        row->SetValue("SUBJECT",
                                      kind ? tr(context, request, std::string(kind->name)) : message.subject);
                        row->SetValue("ATTEMPTS", std::to_string(message.attempts));
                        if (message.cancelled_at && !message.sent_at) {
                            row->SetValue("STATE", tr(context, request, msgid("Not sent")));
                        } else if (message.sent_at) {
                            row->SetValue("STATE", tr(context, request, msgid("Sent")));
                            row->SetValueAndShowSection("SENT_AT", at(*message.sent_at), "WAS_SENT");
                        } else if (!message.last_error.empty()) {
                            row->SetValue("STATE", tr(context, request, msgid("Failed")));
                            row->SetValue("NEXT_ATTEMPT", at(message.next_attempt_at));
                            row->SetValueAndShowSection("ERROR", message.last_error, "FAILED");
                        } else {
                            row->SetValue("STATE", tr(context, request, msgid("Waiting to be sent")));
                        }
                    }
                });
}

// ---------------------------------------------------------------------------------------------
// Elevated access

namespace {

Response access_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    const domain::Actor& actor = request.actor();
    auto current = context.platform_operator.current_access(actor);
    auto institutions = context.administration.institutions();
    std::int64_t chosen = parse_id(request.form_or("institution_id"));
    return page(
        context, request, "operator/access", tr(context, request, msgid("Access to an institution")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            if (request.query_value("ended"))
                show_notice(dictionary, context, request, msgid("Your access has ended."));
            if (current) {
                auto* active = dictionary.AddSectionDictionary("ACTIVE");
                active->SetValue("INSTITUTION", current->institution_name);
                active->SetValue("INSTITUTION_ID", std::to_string(current->institution_id));
                active->SetValue("REASON", current->reason);
                active->SetValue("STARTS", core::format_date_time(current->starts_at, request.language));
                active->SetValue("EXPIRES", core::format_date_time(current->expires_at, request.language));
            } else {
                dictionary.ShowSection("NO_ACCESS");
            }
            fill_institution_options(dictionary, institutions, chosen);
            if (error) {
                keep_value(dictionary, "reason", request.form_or("reason"));
                keep_value(dictionary, "hours", request.form_or("hours"));
                show_form_errors(dictionary, *error, context.translator, request);
            }
        },
        form_status(error));
}

} // namespace

void fill_institution_options(Dictionary& dictionary,
                              const std::vector<domain::InstitutionRecord>& institutions, std::int64_t chosen)
{
    for (const auto& institution : institutions) {
        if (institution.offboarded)
            continue;
        auto* option = dictionary.AddSectionDictionary("INSTITUTION_OPTION");
        option->SetValue("VALUE", std::to_string(institution.id));
        option->SetValue("LABEL", institution.name + " (" + institution.cvr + ")");
        if (institution.id == chosen)
            option->ShowSection("SELECTED");
    }
}

Response show_operator_access(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::request_operator_access))
        return not_found(context, request);
    return access_page(context, request, std::nullopt);
}

Response submit_operator_access(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::request_operator_access))
        return not_found(context, request);
    const auto choose_institution =
        core::Error::invalid(msgid("Check the marked fields."),
                             {{"institution_id", msgid("Choose an institution from the list.")}});
    std::int64_t institution_id = parse_id(request.form_or("institution_id"));
    if (institution_id == 0)
        return access_page(context, request, choose_institution);
    auto granted = context.administration.request_operator_access(
        request.actor(), institution_id, request.form_or("reason"), parse_hours(request.form_or("hours")),
        request.origin());
    if (!granted) {
        if (granted.error().kind == core::ErrorKind::invalid)
            return access_page(context, request, granted.error());
        if (granted.error().kind == core::ErrorKind::not_found)
            return access_page(context, request, choose_institution);
        return not_found(context, request);
    }
    return Response::redirect("/operator/access");
}

Response submit_end_operator_access(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::request_operator_access))
        return not_found(context, request);
    context.administration.end_operator_access(request.actor(), request.origin());
    return Response::redirect("/operator/access?ended=1");
}

} // namespace rekrut::web
