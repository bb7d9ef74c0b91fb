#include "web/operator/superbruger_pages.hpp"

#include <ctemplate/template.h>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "domain/access/policy.hpp"
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
using domain::UserStatus;

constexpr UserStatus k_statuses[] = {UserStatus::active, UserStatus::locked, UserStatus::deactivated};

const char* status_label(UserStatus status)
{
    switch (status) {
    case UserStatus::active: return msgid("Active");
    case UserStatus::locked: return msgid("Locked");
    case UserStatus::deactivated: return msgid("Deactivated");
    }
    return msgid("Deactivated");
}

/// Refusals that are shown on the form they answer; the rest become error pages.
bool shown_on_form(const core::Error& error)
{
    return error.kind == core::ErrorKind::invalid || error.kind == core::ErrorKind::conflict;
}

/// The institution and the Superbruger the path names. Anyone but the operator, an unknown
/// institution, and a user of it who does not hold the role all find nothing.
struct SuperbrugerInPath {
    domain::InstitutionRecord institution;
    domain::UserRecord superbruger;
};

std::optional<SuperbrugerInPath> superbruger_from_path(AppContext& context, const Request& request)
{
    const auto& actor = request.actor();
    if (!domain::can(actor, Action::create_superbruger))
        return std::nullopt;
    auto institution_id = parse_id(request.param("institution_id"));
    auto user_id = parse_id(request.param("user_id"));
    if (institution_id == 0 || user_id == 0)
        return std::nullopt;
    auto institution = context.platform_operator.institution(actor, institution_id);
    if (!institution)
        return std::nullopt;
    auto superbruger = context.platform_operator.superbruger(actor, institution_id, user_id);
    if (!superbruger)
        return std::nullopt;
    return SuperbrugerInPath{std::move(*institution), std::move(*superbruger)};
}

void fill_account(Dictionary& dictionary, const AppContext& context, const Request& request,
                  const domain::UserRecord& user)
{
    dictionary.SetValue("USER_ID", std::to_string(user.id));
    dictionary.SetValue("USER_NAME", user.name);
    dictionary.SetValue("EMAIL", user.email);
    dictionary.SetValue("STATUS", tr(context, request, status_label(user.status)));
    dictionary.SetValue("CREATED_AT", core::format_date_time(user.created_at, request.language));
    if (user.last_login_at)
        dictionary.SetValueAndShowSection(
            "LAST_LOGIN", core::format_date_time(*user.last_login_at, request.language), "HAS_LOGGED_IN");
    else
        dictionary.ShowSection("NEVER_LOGGED_IN");
}

/// The form for name, e-mail and status, with what was typed when it comes back with an error.
void fill_account_form(Dictionary& dictionary, const AppContext& context, const Request& request,
                       const domain::UserRecord& user)
{
    keep_value(dictionary, "name", request.form_value("name").value_or(user.name));
    keep_value(dictionary, "email", request.form_value("email").value_or(user.email));
    std::string chosen = request.form_value("status").value_or(std::string(to_string(user.status)));
    bool first = true;
    for (auto candidate : k_statuses) {
        auto* option = dictionary.AddSectionDictionary("STATUS_OPTION");
        std::string value(to_string(candidate));
        // The error summary links to #status, so the first choice carries that id.
        option->SetValue("ID", first ? std::string("status") : "status-" + value);
        first = false;
        option->SetValue("VALUE", value);
        option->SetValue("LABEL", tr(context, request, status_label(candidate)));
        if (chosen == value)
            option->ShowSection("CHECKED");
    }
}

Response superbruger_page(AppContext& context, Request& request, const SuperbrugerInPath& found,
                          const std::optional<core::Error>& error)
{
    const auto& actor = request.actor();
    bool removal_waiting = false;
    for (const auto& waiting : context.platform_operator.superbruger_requests(actor))
        removal_waiting = removal_waiting || waiting.user_id == found.superbruger.id;
    return page(
        context, request, "operator/superbruger", found.superbruger.name,
        [&](Dictionary& dictionary) {
            dictionary.SetValue("INSTITUTION_ID", std::to_string(found.institution.id));
            dictionary.SetValue("INSTITUTION_NAME", found.institution.name);
            fill_account(dictionary, context, request, found.superbruger);
            fill_account_form(dictionary, context, request, found.superbruger);
            dictionary.ShowSection(removal_waiting ? "REQUEST_WAITING" : "CAN_REQUEST_REMOVAL");
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

// ---------------------------------------------------------------------------------------------
// The queue of Superbruger requests

/// A notice after a decision, chosen from a fixed list by the query string (never echoed).
void show_decision_notice(Dictionary& dictionary, const AppContext& context, const Request& request)
{
    auto decided = request.query_value("decided");
    if (decided == "approved")
        show_notice(dictionary, context, request, msgid("The request has been carried out."));
    else if (decided == "rejected")
        show_notice(dictionary, context, request, msgid("The request has been rejected."));
}

void fill_request(Dictionary& row, const AppContext& context, const Request& request,
                  const domain::RoleRequestRecord& waiting)
{
    row.SetValue("REQUEST_ID", std::to_string(waiting.id));
    row.SetValue("INSTITUTION_ID", std::to_string(waiting.institution_id));
    row.SetValue("INSTITUTION_NAME", waiting.institution_name);
    row.SetValue("USER_NAME", waiting.user_name);
    row.SetValue("CHANGE",
                 tr(context, request,
                    waiting.change == domain::RoleChangeKind::grant ? msgid("Grant the Superbruger role")
                                                                    : msgid("Remove the Superbruger role")));
    row.SetValue("REQUESTED_BY", waiting.requested_by_name);
    row.SetValue("REQUESTED_AT", core::format_date_time(waiting.requested_at, request.language));
    row.SetValue("REQUESTED_AT_ISO", core::format_iso_utc(waiting.requested_at));
    domain::Resource resource{waiting.institution_id, {}, waiting.user_id, false, waiting.requested_by};
    resource.role = waiting.role;
    row.ShowSection(domain::can(request.actor(), Action::decide_superbruger_request, resource)
                        ? "CAN_DECIDE"
                        : "OWN_REQUEST");
}

Response requests_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto pending = context.platform_operator.superbruger_requests(request.actor());
    return page(
        context, request, "operator/role_requests", tr(context, request, msgid("Superbruger requests")),
        [&](Dictionary& dictionary) {
            show_decision_notice(dictionary, context, request);
            if (pending.empty())
                dictionary.ShowSection("NO_REQUESTS");
            else
                dictionary.SetValueAndShowSection("COUNT", std::to_string(pending.size()), "HAS_REQUESTS");
            for (const auto& waiting : pending)
                fill_request(*dictionary.AddSectionDictionary("REQUEST"), context, request, waiting);
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

} // namespace

Response show_operator_superbruger(AppContext& context, Request& request)
{
    auto found = superbruger_from_path(context, request);
    if (!found)
        return not_found(context, request);
    return superbruger_page(context, request, *found, std::nullopt);
}

Response submit_operator_superbruger(AppContext& context, Request& request)
{
    auto found = superbruger_from_path(context, request);
    if (!found)
        return not_found(context, request);
    auto status = domain::user_status_from_string(request.form_or("status"));
    if (!status)
        return superbruger_page(
            context, request, *found,
            core::Error::invalid(msgid("Check the marked fields."), {{"status", msgid("Choose a status.")}}));
    auto saved = context.administration.update_user(request.actor(), found->institution.id,
                                                    found->superbruger.id, request.form_or("name"),
                                                    request.form_or("email"), *status, request.origin());
    if (!saved) {
        if (shown_on_form(saved.error()))
            return superbruger_page(context, request, *found, saved.error());
        return error_response(context, request, saved.error());
    }
    return Response::redirect("/operator/institutions/" + std::to_string(found->institution.id) + "?saved=1");
}

Response submit_superbruger_removal(AppContext& context, Request& request)
{
    auto found = superbruger_from_path(context, request);
    if (!found)
        return not_found(context, request);
    auto requested =
        context.administration.revoke_role(request.actor(), found->institution.id, found->superbruger.id,
                                           domain::InstitutionRole::superbruger, request.origin());
    if (!requested) {
        if (shown_on_form(requested.error()))
            return superbruger_page(context, request, *found, requested.error());
        return error_response(context, request, requested.error());
    }
    return Response::redirect("/operator/institutions/" + std::to_string(found->institution.id) +
                              "?removal=1");
}

Response show_superbruger_requests(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::decide_superbruger_request))
        return not_found(context, request);
    return requests_page(context, request, std::nullopt);
}

Response submit_superbruger_request_decision(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::decide_superbruger_request))
        return not_found(context, request);
    std::int64_t request_id = parse_id(request.param("request_id"));
    if (request_id == 0)
        return not_found(context, request);
    std::string decision = request.form_or("decision");
    if (decision != "approve" && decision != "reject")
        return requests_page(context, request,
                             core::Error::invalid(msgid("Choose whether to approve or reject the request.")));
    // The welcome mail to a new Superbruger is in Danish, the institutions' language.
    auto decided = context.administration.decide_superbruger_request(
        request.actor(), request_id, decision == "approve", request.origin(),
        translator_in(context, Translator::k_default_language));
    if (!decided) {
        if (shown_on_form(decided.error()))
            return requests_page(context, request, decided.error());
        return error_response(context, request, decided.error());
    }
    return Response::redirect(std::string("/operator/role-requests?decided=") +
                              (decision == "approve" ? "approved" : "rejected"));
}

} // namespace rekrut::web
