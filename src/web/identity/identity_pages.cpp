#include "web/identity/identity_pages.hpp"

#include <ctemplate/template.h>
#include <map>

#include "core/clock.hpp"
#include "domain/access/policy.hpp"
#include "services/identity.hpp"
#include "services/recruitment_case/recruitment_cases.hpp"
#include "services/second_factor_display.hpp"
#include "services/user_administration.hpp"
#include "web/app_context.hpp"
#include "web/cases/case_labels.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/middleware/middleware.hpp"
#include "web/page_kit.hpp"
#include "web/views.hpp"

namespace rekrut::web {
namespace {

/// What the holder of the account typed to show that it is them (services::CurrentCredentials).
services::CurrentCredentials current_credentials(const Request& request)
{
    return {request.form_or("current_password"), request.form_or("current_code")};
}

/// The status of a form refused while checking the current credentials: 429 when the account is
/// locked by failed attempts (as on the login pages), else that of the error.
unsigned credentials_status(const std::optional<core::Error>& error)
{
    if (error && error->kind == core::ErrorKind::unavailable)
        return 429;
    return form_status(error);
}

Response login_form(AppContext& context, Request& request, const std::optional<core::Error>& error,
                    unsigned status)
{
    return page(
        context, request, "identity/login", tr(context, request, msgid("Log in")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            keep_value(dictionary, "email", request.form_or("email"));
            dictionary.SetValue(
                "NEXT", local_path_or(request.query_value("next").value_or(request.form_or("next")), ""));
            if (request.query_value("reset"))
                dictionary.ShowSection("RESET_DONE");
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        status);
}

} // namespace

Response show_login(AppContext& context, Request& request)
{
    if (request.session && request.session->complete())
        return Response::redirect("/home");
    return login_form(context, request, std::nullopt, 200);
}

Response submit_login(AppContext& context, Request& request)
{
    auto outcome =
        context.identity.login(request.form_or("email"), request.form_or("password"), request.origin());
    switch (outcome.result) {
    case services::LoginResult::refused:
        return login_form(
            context, request,
            core::Error::invalid(msgid("The e-mail address or the password is wrong."),
                                 {{"email", msgid("The e-mail address or the password is wrong.")}}),
            400);
    case services::LoginResult::throttled: {
        int minutes = (outcome.retry_after_seconds + 59) / 60;
        std::string message =
            tr(context, request, msgid("Too many failed attempts. Try again in a few minutes."));
        Response response = login_form(context, request, core::Error::invalid(message), 429);
        response.set_header("Retry-After", std::to_string(minutes * 60));
        return response;
    }
    case services::LoginResult::signed_in: {
        Response response = Response::redirect(local_path_or(request.form_or("next"), "/home"));
        set_session_cookie(context, response, outcome.session_token);
        return response;
    }
    case services::LoginResult::second_factor_needed: {
        Response response = Response::redirect("/login/second-factor");
        set_session_cookie(context, response, outcome.session_token);
        return response;
    }
    case services::LoginResult::enrolment_needed: {
        Response response = Response::redirect("/profile/second-factor");
        set_session_cookie(context, response, outcome.session_token);
        return response;
    }
    }
    return error_page(context, request, 500);
}

Response show_second_factor(AppContext& context, Request& request)
{
    if (request.session->complete())
        return Response::redirect("/home");
    if (!request.session->totp_enabled)
        return Response::redirect("/profile/second-factor");
    return page(context, request, "identity/second_factor", tr(context, request, msgid("Enter your code")),
                [](ctemplate::TemplateDictionary&) {});
}

Response submit_second_factor(AppContext& context, Request& request)
{
    auto token =
        context.identity.pass_second_factor(*request.session, request.form_or("code"), request.origin());
    if (!token) {
        // `unavailable`: too many wrong codes or passwords for this account (see login throttling).
        bool throttled = token.error().kind == core::ErrorKind::unavailable;
        return page(
            context, request, "identity/second_factor", tr(context, request, msgid("Enter your code")),
            [&](ctemplate::TemplateDictionary& dictionary) {
                show_form_errors(dictionary, token.error(), context.translator, request);
            },
            throttled ? 429 : 400);
    }
    Response response = Response::redirect("/home");
    set_session_cookie(context, response, *token);
    return response;
}

namespace {

Response enrolment_form(AppContext& context, Request& request, const std::string& secret,
                        const std::optional<core::Error>& error)
{
    return page(
        context, request, "identity/enrolment", tr(context, request, msgid("Set up two-step login")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            auto display = services::second_factor_display(secret, request.session->email);
            dictionary.SetValue("SECRET", secret);
            dictionary.SetValue("SECRET_BASE32", display.secret_base32);
            // Generated by us from digits and rects only; inserted without escaping on purpose.
            dictionary.SetValue("QR_SVG", display.qr_svg);
            if (request.session->second_factor_required && !request.session->complete())
                dictionary.ShowSection("REQUIRED");
            if (services::IdentityService::enrolment_needs_password(*request.session))
                dictionary.ShowSection("NEEDS_PASSWORD");
            if (request.session->totp_enabled)
                dictionary.ShowSection("NEEDS_CODE");
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        credentials_status(error));
}

} // namespace

Response show_enrolment(AppContext& context, Request& request)
{
    // A user who has a second factor must pass it before changing it.
    if (request.session->totp_enabled && !request.session->complete())
        return Response::redirect("/login/second-factor");
    return enrolment_form(context, request, context.identity.start_enrolment(*request.session), std::nullopt);
}

Response submit_enrolment(AppContext& context, Request& request)
{
    if (request.session->totp_enabled && !request.session->complete())
        return Response::redirect("/login/second-factor");
    std::string secret = request.form_or("secret");
    auto result = context.identity.finish_enrolment(*request.session, secret, request.form_or("code"),
                                                    current_credentials(request), request.origin());
    if (!result) {
        if (secret.size() != 40)
            secret = context.identity.start_enrolment(*request.session);
        return enrolment_form(context, request, secret, result.error());
    }
    Response response =
        page(context, request, "identity/recovery_codes", tr(context, request, msgid("Your recovery codes")),
             [&](ctemplate::TemplateDictionary& dictionary) {
                 for (const auto& code : result->first)
                     dictionary.AddSectionDictionary("CODE")->SetValue("CODE", code);
             });
    set_session_cookie(context, response, result->second);
    return response;
}

Response submit_logout(AppContext& context, Request& request)
{
    context.identity.logout(*request.session, request.origin());
    Response response = Response::redirect("/");
    response.set_cookie(session_cookie_name(context.config), "", 0, true, context.config.secure_cookies);
    return response;
}

namespace {

/// The user's roles on cases, in words: each role once, with the number of cases it is held on.
void fill_case_roles(ctemplate::TemplateDictionary& dictionary, AppContext& context, const Request& request)
{
    std::map<domain::CaseRole, int> counts;
    for (const auto& [case_id, roles] : request.actor().case_roles)
        for (auto role : roles)
            ++counts[role];
    for (const auto& [role, count] : counts) {
        auto* row = dictionary.AddSectionDictionary("CASE_ROLE");
        row->SetValue("ROLE", tr(context, request, role_label(role)));
        row->SetValue("COUNT", std::to_string(count));
        row->ShowSection(count == 1 ? "ONE_CASE" : "MANY_CASES");
    }
}

} // namespace

Response show_home(AppContext& context, Request& request)
{
    const auto& actor = request.actor();
    return page(context, request, "identity/home", tr(context, request, msgid("Overview")),
                [&](ctemplate::TemplateDictionary& dictionary) {
                    dictionary.SetValue("NAME", actor.name);
                    using domain::Action;
                    domain::Resource institution{actor.data_institution(), {}, {}, false, {}};
                    if (actor.is_operator)
                        dictionary.ShowSection("OPERATOR");
                    if (actor.is_operator && actor.elevated_institution_id)
                        dictionary.ShowSection("ELEVATED");
                    if (actor.has(domain::InstitutionRole::superbruger))
                        dictionary.ShowSection("ROLE_SUPERBRUGER");
                    if (actor.has(domain::InstitutionRole::administrator))
                        dictionary.ShowSection("ROLE_ADMINISTRATOR");
                    fill_case_roles(dictionary, context, request);
                    if (actor.data_institution())
                        dictionary.SetValueAndShowSection(
                            "CASES_LABEL",
                            tr(context, request,
                               services::sees_all_cases(actor) ? msgid("All cases") : msgid("My cases")),
                            "CAN_CASES");
                    if (actor.data_institution() && !domain::can(actor, Action::create_case, institution))
                        dictionary.ShowSection("CANNOT_CREATE");
                    if (domain::can(actor, Action::view_users, institution))
                        dictionary.ShowSection("CAN_USERS");
                    if (domain::can(actor, Action::review_administrator_rights, institution))
                        dictionary.ShowSection("CAN_RIGHTS");
                    if (domain::can(actor, Action::view_audit, institution) || actor.is_operator)
                        dictionary.ShowSection("CAN_AUDIT");
                    if (domain::can(actor, Action::export_contingency_bundle, institution))
                        dictionary.ShowSection("CAN_CONTINGENCY");
                });
}

namespace {

Response profile_page(AppContext& context, Request& request, const std::optional<core::Error>& error,
                      const char* notice = nullptr)
{
    const auto& session = *request.session;
    return page(
        context, request, "identity/profile", tr(context, request, msgid("My profile")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            keep_value(dictionary, "name", request.form_value("name").value_or(session.actor.name));
            dictionary.SetValue("EMAIL", session.email);
            if (session.totp_enabled) {
                dictionary.ShowSection("NEEDS_CODE"); // the password form asks for the current code
                dictionary.SetValueAndShowSection(
                    "RECOVERY_LEFT",
                    std::to_string(context.identity.remaining_recovery_codes(session.actor.user_id)),
                    "MFA_ON");
            } else {
                dictionary.ShowSection("MFA_OFF");
            }
            if (notice)
                show_notice(dictionary, context, request, notice);
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        credentials_status(error));
}

Response change_email_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    const auto& session = *request.session;
    return page(
        context, request, "identity/change_email", tr(context, request, msgid("Change e-mail address")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            dictionary.SetValue("EMAIL", session.email);
            keep_value(dictionary, "email", request.form_or("email"));
            if (session.totp_enabled)
                dictionary.ShowSection("NEEDS_CODE");
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        credentials_status(error));
}

} // namespace

Response show_profile(AppContext& context, Request& request)
{
    const char* notice = nullptr;
    if (request.query_value("saved"))
        notice = msgid("Your changes have been saved.");
    if (request.query_value("email") == "sent")
        notice = msgid("We have sent a link to the new address. Your address changes when you follow it.");
    return profile_page(context, request, std::nullopt, notice);
}

Response show_change_email(AppContext& context, Request& request)
{
    return change_email_page(context, request, std::nullopt);
}

Response submit_change_email(AppContext& context, Request& request)
{
    auto result = context.identity.request_own_email_change(*request.session, current_credentials(request),
                                                            request.form_or("email"), request.origin(),
                                                            translator_in(context, request.language));
    if (!result)
        return change_email_page(context, request, result.error());
    return Response::redirect("/profile?email=sent");
}

Response submit_profile_name(AppContext& context, Request& request)
{
    auto result =
        context.identity.change_own_name(*request.session, request.form_or("name"), request.origin());
    if (!result)
        return profile_page(context, request, result.error());
    return Response::redirect("/profile?saved=1");
}

Response submit_profile_password(AppContext& context, Request& request)
{
    if (request.form_or("new_password") != request.form_or("repeat_password"))
        return profile_page(
            context, request,
            core::Error::invalid(msgid("The two new passwords are not the same."),
                                 {{"repeat_password", msgid("The two new passwords are not the same.")}}));
    auto token = context.identity.change_own_password(*request.session, current_credentials(request),
                                                      request.form_or("new_password"), request.origin());
    if (!token) {
        core::Error error = token.error();
        for (auto& field : error.fields)
            if (field.field == "password")
                field.field = "new_password";
        return profile_page(context, request, error);
    }
    Response response = Response::redirect("/profile?saved=1");
    set_session_cookie(context, response, *token);
    return response;
}

Response show_forgot_password(AppContext& context, Request& request)
{
    return page(context, request, "identity/forgot_password",
                tr(context, request, msgid("Forgotten password")), [](ctemplate::TemplateDictionary&) {});
}

Response submit_forgot_password(AppContext& context, Request& request)
{
    context.administration.request_password_reset(request.form_or("email"), request.origin(),
                                                  translator_in(context, request.language));
    return page(context, request, "identity/forgot_password",
                tr(context, request, msgid("Forgotten password")),
                [](ctemplate::TemplateDictionary& dictionary) { dictionary.ShowSection("SENT"); });
}

Response show_reset_password(AppContext& context, Request& request)
{
    auto valid = context.administration.check_reset_token(request.param("token"));
    return page(
        context, request, "identity/reset_password", tr(context, request, msgid("Choose a new password")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            if (valid)
                dictionary.ShowSection("FORM");
            else
                dictionary.SetValueAndShowSection(
                    "PROBLEM", tr(context, request, valid.error().message.c_str()), "EXPIRED");
        },
        valid ? 200 : 410);
}

Response submit_reset_password(AppContext& context, Request& request)
{
    std::optional<core::Error> error;
    if (request.form_or("password") != request.form_or("repeat_password"))
        error = core::Error::invalid(msgid("The two new passwords are not the same."),
                                     {{"repeat_password", msgid("The two new passwords are not the same.")}});
    else if (auto result = context.administration.reset_password(
                 request.param("token"), request.form_or("password"), request.origin());
             !result)
        error = result.error();
    if (!error)
        return Response::redirect("/login?reset=1");
    return page(
        context, request, "identity/reset_password", tr(context, request, msgid("Choose a new password")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            if (error->fields.empty()) {
                dictionary.SetValueAndShowSection("PROBLEM", tr(context, request, error->message.c_str()),
                                                  "EXPIRED");
                return;
            }
            show_form_errors(*dictionary.AddSectionDictionary("FORM"), *error, context.translator, request);
        },
        400);
}

namespace {

Response email_confirmation_page(AppContext& context, Request& request, const core::Status& state, bool done,
                                 unsigned status)
{
    return page(
        context, request, "identity/confirm_email",
        tr(context, request, msgid("Confirm your new e-mail address")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            if (!state)
                dictionary.SetValueAndShowSection(
                    "PROBLEM", tr(context, request, state.error().message.c_str()), "EXPIRED");
            else if (done)
                dictionary.ShowSection("DONE");
            else
                dictionary.ShowSection("FORM");
        },
        status);
}

/// A link that has ended answers 410 Gone, like an ended password link.
unsigned link_status(const core::Status& state)
{
    if (state)
        return 200;
    return state.error().kind == core::ErrorKind::invalid ? 410 : status_for(state.error().kind);
}

} // namespace

Response show_email_confirmation(AppContext& context, Request& request)
{
    auto valid = context.identity.check_email_confirmation(request.param("token"));
    return email_confirmation_page(context, request, valid, false, link_status(valid));
}

Response submit_email_confirmation(AppContext& context, Request& request)
{
    auto confirmed = context.identity.confirm_email_change(request.param("token"), request.origin(),
                                                           translator_in(context, request.language));
    return email_confirmation_page(context, request, confirmed, true, link_status(confirmed));
}

} // namespace rekrut::web
