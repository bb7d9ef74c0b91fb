#include "web/users/users_pages.hpp"

#include <algorithm>
#include <ctemplate/template.h>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "domain/access/policy.hpp"
#include "services/user_administration.hpp"
#include "web/app_context.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"
#include "web/record_page.hpp"
#include "web/users/user_confirmations.hpp"
#include "web/views.hpp"

namespace rekrut::web {
namespace {

using domain::Action;
using domain::InstitutionRole;
using domain::UserStatus;
using Fill = std::function<void(ctemplate::TemplateDictionary&)>;

constexpr InstitutionRole k_institution_roles[] = {InstitutionRole::superbruger,
                                                   InstitutionRole::administrator};
constexpr UserStatus k_statuses[] = {UserStatus::active, UserStatus::locked, UserStatus::deactivated};

const char* role_label(InstitutionRole role)
{
    return role == InstitutionRole::superbruger ? msgid("Superbruger") : msgid("Administrator");
}

const char* status_label(UserStatus status)
{
    switch (status) {
    case UserStatus::active: return msgid("Active");
    case UserStatus::locked: return msgid("Locked");
    case UserStatus::deactivated: return msgid("Deactivated");
    }
    return msgid("Deactivated");
}

domain::Resource institution_resource(std::int64_t institution_id)
{
    return {institution_id, {}, {}, false, {}};
}

/// The institution whose users the signed-in actor administers, if they may see its users at all.
/// Never taken from input: the actor's own institution (or the operator's elevated access).
std::optional<std::int64_t> administered_institution(const Request& request)
{
    const auto& actor = request.actor();
    auto institution = actor.data_institution();
    if (!institution || !domain::can(actor, Action::view_users, institution_resource(*institution)))
        return std::nullopt;
    return institution;
}

/// Field errors and plain messages render on the form; refusals and unknown records as error pages.
bool shown_on_form(const core::Error& error)
{
    return error.kind == core::ErrorKind::invalid || error.kind == core::ErrorKind::conflict;
}

/// Every institution role in the institution, by user.
std::map<std::int64_t, std::vector<domain::InstitutionRoleRecord>>
roles_by_user(AppContext& context, const domain::Actor& actor, std::int64_t institution_id)
{
    std::map<std::int64_t, std::vector<domain::InstitutionRoleRecord>> roles;
    for (auto& row : context.administration.administrator_review(actor, institution_id))
        roles[row.user.id] = std::move(row.roles);
    return roles;
}

std::string name_or(const std::string& name, const std::optional<std::int64_t>& id,
                    const std::string& fallback)
{
    if (!id)
        return fallback;
    return name.empty() ? "#" + std::to_string(*id) : name;
}

/// A notice after a redirect, chosen from a fixed list by the query string (never echoed).
void show_redirect_notice(ctemplate::TemplateDictionary& dictionary, const AppContext& context,
                          const Request& request)
{
    struct Notice {
        const char* key;
        const char* value;
        const char* message;
    };
    static constexpr Notice k_notices[] = {
        {"created", "1",
         msgid("The user has been created and will receive an e-mail with a link to choose a password.")},
        {"created", "superbruger",
         msgid(
             "The user has been created. The request for the Superbruger role has been sent to the platform "
             "operator; the user receives the e-mail with a link to choose a password when the role is "
             "granted.")},
        {"saved", "1", msgid("Your changes have been saved.")},
        {"saved", "email",
         msgid(
             "Your changes have been saved. The new e-mail address has been sent a link; the address changes "
             "when it is followed.")},
        {"role", "granted", msgid("The role has been granted.")},
        {"role", "requested",
         msgid(
             "The role is waiting for a second Superbruger, who must approve it on the page Role requests.")},
        {"role", "sent",
         msgid("The request has been sent to the platform operator, who grants and removes the Superbruger "
               "role.")},
        {"role", "revoked", msgid("The role has been removed.")},
        {"erased", "1", msgid("The account has been erased.")},
        {"decided", "approved", msgid("The request has been approved and the role granted.")},
        {"decided", "rejected", msgid("The request has been rejected.")},
    };
    for (const auto& notice : k_notices) {
        if (request.query_value(notice.key) == notice.value) {
            show_notice(dictionary, context, request, notice.message);
            return;
        }
    }
}

/// The user as the policy sees them: whether they hold institution roles, and Superbruger.
domain::Resource user_target(std::int64_t institution_id, std::int64_t user_id,
                             const std::vector<domain::InstitutionRoleRecord>& held)
{
    domain::Resource target{institution_id, {}, user_id, !held.empty(), {}};
    target.target_is_superbruger = std::any_of(held.begin(), held.end(), [](const auto& holding) {
        return holding.role == InstitutionRole::superbruger;
    });
    return target;
}

// ---------------------------------------------------------------------------------------------------------
// New user

Response new_user_form(AppContext& context, Request& request, std::int64_t institution_id,
                       const std::optional<core::Error>& error, unsigned status)
{
    const auto& actor = request.actor();
    return page(
        context, request, "users/new", tr(context, request, msgid("Create user")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            keep_value(dictionary, "name", request.form_or("name"));
            keep_value(dictionary, "email", request.form_or("email"));
            // Only a Superbruger grants institution roles; the others create case users.
            if (domain::can(actor, Action::grant_institution_role, institution_resource(institution_id))) {
                auto* choice = dictionary.AddSectionDictionary("ROLE_CHOICE");
                std::string chosen = request.form_or("role");
                for (auto role : k_institution_roles) {
                    auto* option = choice->AddSectionDictionary("ROLE_OPTION");
                    std::string value(domain::to_string(role));
                    option->SetValue("VALUE", value);
                    option->SetValue("LABEL", tr(context, request, role_label(role)));
                    if (value == chosen)
                        option->ShowSection("SELECTED");
                }
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        status);
}

// ---------------------------------------------------------------------------------------------------------
// One user

void fill_user_details(ctemplate::TemplateDictionary& dictionary, const AppContext& context,
                       const Request& request, const domain::UserRecord& user)
{
    dictionary.SetValue("USER_ID", std::to_string(user.id));
    dictionary.SetValue("NAME", user.name);
    dictionary.SetValue("EMAIL", user.email);
    dictionary.SetValue("STATUS", tr(context, request, status_label(user.status)));
    dictionary.SetValue("CREATED_AT", core::format_date_time(user.created_at, request.language));
    if (user.last_login_at)
        dictionary.SetValueAndShowSection(
            "LAST_LOGIN", core::format_date_time(*user.last_login_at, request.language), "HAS_LOGGED_IN");
    else
        dictionary.ShowSection("NEVER_LOGGED_IN");
}

/// The form that changes name, e-mail and status; deactivating is offered only to those who may.
void fill_user_form(ctemplate::TemplateDictionary& form, const AppContext& context, const Request& request,
                    const domain::UserRecord& user, bool may_deactivate)
{
    keep_value(form, "name", request.form_value("name").value_or(user.name));
    keep_value(form, "email", request.form_value("email").value_or(user.email));
    std::string chosen = request.form_value("status").value_or(std::string(to_string(user.status)));
    bool first = true;
    for (auto candidate : k_statuses) {
        if (candidate == UserStatus::deactivated && !may_deactivate)
            continue;
        auto* option = form.AddSectionDictionary("STATUS_OPTION");
        std::string value(to_string(candidate));
        // The error summary links to #status, so the first choice carries that id.
        option->SetValue("ID", first ? std::string("status") : "status-" + value);
        first = false;
        option->SetValue("VALUE", value);
        option->SetValue("LABEL", tr(context, request, status_label(candidate)));
        if (chosen == to_string(candidate))
            option->ShowSection("CHECKED");
    }
}

/// The institution roles a user holds, waits for or may be given.
struct UserRoles {
    std::vector<domain::InstitutionRoleRecord> held;
    std::vector<domain::RoleRequestRecord> pending;
    bool may_grant = false;
    bool may_revoke = false;
    /// The Superbruger role is asked for, from the platform operator, never granted here.
    bool may_request_superbruger = false;
};

/// Who is to decide a waiting request: a second Superbruger, or the platform operator.
void fill_waiting(ctemplate::TemplateDictionary& section, const domain::RoleRequestRecord& waiting,
                  const std::string& language)
{
    section.SetValue("REQUESTED_BY", waiting.requested_by_name);
    section.SetValue("REQUESTED_AT", core::format_date_time(waiting.requested_at, language));
    section.ShowSection(waiting.role == InstitutionRole::superbruger ? "BY_OPERATOR" : "BY_SUPERBRUGER");
}

void fill_role_row(ctemplate::TemplateDictionary& row, const AppContext& context, const Request& request,
                   InstitutionRole role, const UserRoles& roles)
{
    row.SetValue("ROLE", std::string(domain::to_string(role)));
    row.SetValue("LABEL", tr(context, request, role_label(role)));
    const bool superbruger = role == InstitutionRole::superbruger;
    auto holding =
        std::find_if(roles.held.begin(), roles.held.end(),
                     [&](const domain::InstitutionRoleRecord& record) { return record.role == role; });
    auto waiting = std::find_if(roles.pending.begin(), roles.pending.end(),
                                [&](const domain::RoleRequestRecord& record) { return record.role == role; });
    const bool is_waiting = waiting != roles.pending.end();
    if (holding != roles.held.end()) {
        auto* section = row.AddSectionDictionary("HELD");
        section->SetValue("GRANTED_BY", name_or(holding->granted_by_name, holding->granted_by,
                                                tr(context, request, msgid("Not recorded"))));
        section->SetValue("GRANTED_AT", core::format_date_time(holding->granted_at, request.language));
        if (holding->approved_by)
            section->SetValueAndShowSection(
                "APPROVED_BY", name_or(holding->approved_by_name, holding->approved_by, ""), "WAS_APPROVED");
        if (is_waiting)
            fill_waiting(*section->AddSectionDictionary("REMOVAL_PENDING"), *waiting, request.language);
        if (superbruger && roles.may_request_superbruger && !is_waiting)
            row.ShowSection("CAN_REQUEST_REMOVAL");
        else if (!superbruger && roles.may_revoke)
            row.ShowSection("CAN_REVOKE");
    } else if (is_waiting) {
        fill_waiting(*row.AddSectionDictionary("PENDING"), *waiting, request.language);
    } else {
        row.ShowSection("NOT_HELD");
        if (superbruger && roles.may_request_superbruger)
            row.ShowSection("CAN_REQUEST");
        else if (!superbruger && roles.may_grant)
            row.ShowSection("CAN_GRANT");
    }
}

/// The user page: details, the edit form (when the actor may change this user) and the roles.
Response user_page(AppContext& context, Request& request, std::int64_t institution_id,
                   const domain::UserRecord& user, const std::optional<core::Error>& error,
                   unsigned status = 200)
{
    const auto& actor = request.actor();
    UserRoles roles;
    roles.held = std::move(roles_by_user(context, actor, institution_id)[user.id]);
    for (auto& waiting : context.administration.pending_role_requests(actor, institution_id))
        if (waiting.user_id == user.id)
            roles.pending.push_back(std::move(waiting));
    domain::Resource target = user_target(institution_id, user.id, roles.held);
    const bool may_change = domain::can(actor, Action::change_user, target);
    const bool may_deactivate = domain::can(actor, Action::deactivate_user, target);
    roles.may_grant = domain::can(actor, Action::grant_institution_role, target);
    roles.may_revoke = domain::can(actor, Action::revoke_institution_role, target);
    target.role = InstitutionRole::superbruger;
    roles.may_request_superbruger = domain::can(actor, Action::request_superbruger_change, target);

    return page(
        context, request, "users/show", user.name,
        [&](ctemplate::TemplateDictionary& dictionary) {
            fill_user_details(dictionary, context, request, user);
            show_redirect_notice(dictionary, context, request);
            // The user's history in the audit trail, for those who read the trail.
            if (domain::can(actor, Action::view_audit, {institution_id, {}, {}, false, {}}))
                dictionary.SetValueAndShowSection(
                    "HISTORY_LINK", "/audit?object_type=user&object_id=" + std::to_string(user.id),
                    "CAN_SEE_HISTORY");
            if (may_change || may_deactivate) {
                auto* form = dictionary.AddSectionDictionary("EDIT_FORM");
                fill_user_form(*form, context, request, user, may_deactivate);
                if (may_deactivate && user.status != UserStatus::deactivated)
                    form->ShowSection("CONFIRMS_DEACTIVATION");
            } else if (user.id == actor.user_id)
                dictionary.ShowSection("OWN_ACCOUNT");
            else
                dictionary.ShowSection(target.target_is_superbruger ? "READ_ONLY_SUPERBRUGER" : "READ_ONLY");
            for (auto role : k_institution_roles)
                fill_role_row(*dictionary.AddSectionDictionary("ROLE_ROW"), context, request, role, roles);
            for (const auto& holding : roles.held)
                if (holding.role != InstitutionRole::superbruger && roles.may_revoke)
                    add_confirm_modal(
                        dictionary, context, request,
                        revoke_role_confirmation(context, request, user, holding.role,
                                                 tr(context, request, role_label(holding.role))));
            if (may_deactivate && user.status == UserStatus::deactivated &&
                user.email.find("@erased.invalid") == std::string::npos) {
                auto confirmation = erase_user_confirmation(context, request, user);
                dictionary.SetValueAndShowSection("ERASE_HREF", confirmation.page_href, "CAN_ERASE");
                add_confirm_modal(dictionary, context, request, confirmation);
            }
            if (may_deactivate && user.status != UserStatus::deactivated) {
                auto modal = deactivate_user_confirmation(context, request, user);
                modal.action.clear(); // confirmed in the modal, then the edit form is sent
                add_confirm_modal(dictionary, context, request, modal);
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        status);
}

/// The user named by the path, within the actor's institution; not found otherwise.
core::Result<domain::UserRecord> requested_user(AppContext& context, const Request& request,
                                                std::int64_t institution_id)
{
    std::int64_t user_id = parse_id(request.param("user_id"));
    if (user_id == 0)
        return core::Error::not_found();
    return context.administration.user(request.actor(), institution_id, user_id);
}

/// The user the path names, in the institution the actor administers.
struct AdministeredUser {
    std::int64_t institution_id = 0;
    domain::UserRecord user;
};

/// The user the path names within the institution the actor administers, or the response that
/// refuses the request: not found without such an institution, else the service's refusal. The
/// preamble of every page about one user.
std::variant<AdministeredUser, Response> administered_user(AppContext& context, const Request& request)
{
    auto institution = administered_institution(request);
    if (!institution)
        return not_found(context, request);
    auto user = requested_user(context, request, *institution);
    if (!user)
        return error_response(context, request, user.error());
    return AdministeredUser{*institution, std::move(*user)};
}

// ---------------------------------------------------------------------------------------------------------
// Role requests

Response role_requests_page(AppContext& context, Request& request, std::int64_t institution_id,
                            const std::optional<core::Error>& error, unsigned status = 200)
{
    const auto& actor = request.actor();
    auto pending = context.administration.pending_role_requests(actor, institution_id);
    return page(
        context, request, "users/role_requests", tr(context, request, msgid("Role requests")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            show_redirect_notice(dictionary, context, request);
            if (pending.empty())
                dictionary.ShowSection("NO_REQUESTS");
            else
                dictionary.SetValueAndShowSection("COUNT", std::to_string(pending.size()), "HAS_REQUESTS");
            for (const auto& waiting : pending) {
                auto* row = dictionary.AddSectionDictionary("REQUEST");
                row->SetValue("REQUEST_ID", std::to_string(waiting.id));
                row->SetValue("USER_ID", std::to_string(waiting.user_id));
                row->SetValue("USER_NAME", waiting.user_name);
                row->SetValue("ROLE", tr(context, request, role_label(waiting.role)));
                row->SetValue("REQUESTED_BY", waiting.requested_by_name);
                row->SetValue("REQUESTED_AT", core::format_date_time(waiting.requested_at, request.language));
                row->SetValue("REQUESTED_AT_ISO", core::format_iso_utc(waiting.requested_at));
                row->SetValue(
                    "CHANGE",
                    tr(context, request,
                       waiting.change == domain::RoleChangeKind::grant ? msgid("Grant") : msgid("Removal")));
                domain::Resource resource{institution_id, {}, waiting.user_id, false, waiting.requested_by};
                resource.role = waiting.role;
                if (waiting.role == InstitutionRole::superbruger)
                    row->ShowSection("OPERATOR_DECIDES");
                else if (waiting.requested_by == actor.user_id)
                    row->ShowSection("OWN_REQUEST");
                else if (domain::can(actor, Action::decide_role_request, resource))
                    row->ShowSection("CAN_DECIDE");
                else
                    row->ShowSection("WAITING");
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        status);
}

} // namespace

// -------------------------------------------------------------------------------------------------------------
// Handlers

Response show_users(AppContext& context, Request& request)
{
    auto institution = administered_institution(request);
    if (!institution)
        return not_found(context, request);
    const auto& actor = request.actor();
    auto users = context.administration.users(actor, *institution);
    auto roles = roles_by_user(context, actor, *institution);
    return page(context, request, "users/list", tr(context, request, msgid("Users")),
                [&](ctemplate::TemplateDictionary& dictionary) {
                    dictionary.SetValue("COUNT", std::to_string(users.size()));
                    if (domain::can(actor, Action::create_user, institution_resource(*institution)))
                        dictionary.ShowSection("CAN_CREATE");
                    for (const auto& user : users) {
                        auto* row = dictionary.AddSectionDictionary("USER");
                        row->SetValue("USER_ID", std::to_string(user.id));
                        row->SetValue("NAME", user.name);
                        row->SetValue("EMAIL", user.email);
                        row->SetValue("STATUS", tr(context, request, status_label(user.status)));
                        if (user.status != UserStatus::active)
                            row->ShowSection("INACTIVE");
                        const auto& held = roles[user.id];
                        if (held.empty())
                            row->ShowSection("NO_ROLE");
                        for (const auto& role : held)
                            row->AddSectionDictionary("ROLE")->SetValue(
                                "ROLE", tr(context, request, role_label(role.role)));
                    }
                });
}

Response show_new_user(AppContext& context, Request& request)
{
    auto institution = administered_institution(request);
    if (!institution)
        return not_found(context, request);
    if (!domain::can(request.actor(), Action::create_user, institution_resource(*institution)))
        return error_response(context, request, core::Error::forbidden());
    return new_user_form(context, request, *institution, std::nullopt, 200);
}

Response submit_new_user(AppContext& context, Request& request)
{
    auto institution = administered_institution(request);
    if (!institution)
        return not_found(context, request);
    const auto& actor = request.actor();
    if (!domain::can(actor, Action::create_user, institution_resource(*institution)))
        return error_response(context, request, core::Error::forbidden());
    std::optional<InstitutionRole> role;
    if (std::string chosen = request.form_or("role"); !chosen.empty()) {
        role = domain::institution_role_from_string(chosen);
        if (!role)
            return new_user_form(context, request, *institution,
                                 core::Error::invalid(msgid("Check the marked fields."),
                                                      {{"role", msgid("Choose a role from the list.")}}),
                                 400);
    }
    services::NewUser input{request.form_or("email"), request.form_or("name"), role, ""};
    auto created = context.administration.create_user(actor, *institution, input, request.origin(),
                                                      translator_in(context, request.language));
    if (!created) {
        if (shown_on_form(created.error()))
            return new_user_form(context, request, *institution, created.error(),
                                 status_for(created.error().kind));
        return error_response(context, request, created.error());
    }
    return Response::redirect("/users/" + std::to_string(*created) +
                              (role == InstitutionRole::superbruger ? "?created=superbruger" : "?created=1"));
}

Response show_user(AppContext& context, Request& request)
{
    auto target = administered_user(context, request);
    if (auto* refusal = std::get_if<Response>(&target))
        return std::move(*refusal);
    const std::int64_t institution = std::get<AdministeredUser>(target).institution_id;
    const domain::UserRecord& user = std::get<AdministeredUser>(target).user;
    return user_page(context, request, institution, user, std::nullopt);
}

Response submit_user(AppContext& context, Request& request)
{
    auto target = administered_user(context, request);
    if (auto* refusal = std::get_if<Response>(&target))
        return std::move(*refusal);
    const std::int64_t institution = std::get<AdministeredUser>(target).institution_id;
    const domain::UserRecord& user = std::get<AdministeredUser>(target).user;
    auto status = domain::user_status_from_string(request.form_or("status"));
    if (!status)
        return user_page(
            context, request, institution, user,
            core::Error::invalid(msgid("Check the marked fields."), {{"status", msgid("Choose a status.")}}),
            400);
    if (*status == UserStatus::deactivated && user.status != UserStatus::deactivated &&
        request.form_or("confirmed") != "1") {
        auto held = std::move(roles_by_user(context, request.actor(), institution)[user.id]);
        if (domain::can(request.actor(), Action::deactivate_user, user_target(institution, user.id, held)))
            return confirmation_page(context, request, deactivate_user_confirmation(context, request, user));
    }
    auto saved = context.administration.update_user(
        request.actor(), institution, user.id, request.form_or("name"), request.form_or("email"), *status,
        request.origin(), translator_in(context, request.language));
    if (!saved) {
        if (shown_on_form(saved.error()))
            return user_page(context, request, institution, user, saved.error(),
                             status_for(saved.error().kind));
        return error_response(context, request, saved.error());
    }
    bool awaiting = *saved == services::UserChange::awaiting_email_confirmation;
    return Response::redirect("/users/" + std::to_string(user.id) + (awaiting ? "?saved=email" : "?saved=1"));
}

Response submit_user_role(AppContext& context, Request& request)
{
    auto target = administered_user(context, request);
    if (auto* refusal = std::get_if<Response>(&target))
        return std::move(*refusal);
    const std::int64_t institution = std::get<AdministeredUser>(target).institution_id;
    const domain::UserRecord& user = std::get<AdministeredUser>(target).user;
    auto role = domain::institution_role_from_string(request.form_or("role"));
    std::string operation = request.form_or("operation");
    if (!role || (operation != "grant" && operation != "revoke"))
        return user_page(context, request, institution, user,
                         core::Error::invalid(msgid("Choose a role and whether to grant or remove it.")),
                         400);
    const auto& actor = request.actor();
    auto change =
        operation == "grant"
            ? context.administration.grant_role(actor, institution, user.id, *role, request.origin())
            : context.administration.revoke_role(actor, institution, user.id, *role, request.origin());
    if (!change) {
        if (shown_on_form(change.error()))
            return user_page(context, request, institution, user, change.error(),
                             status_for(change.error().kind));
        return error_response(context, request, change.error());
    }
    const char* outcome = "granted";
    if (*change == services::RoleChange::awaiting_approval)
        outcome = "requested";
    else if (*change == services::RoleChange::awaiting_operator)
        outcome = "sent";
    else if (*change == services::RoleChange::revoked)
        outcome = "revoked";
    return Response::redirect("/users/" + std::to_string(user.id) + "?role=" + outcome);
}

Response show_role_revoke_confirmation(AppContext& context, Request& request)
{
    auto target = administered_user(context, request);
    if (auto* refusal = std::get_if<Response>(&target))
        return std::move(*refusal);
    const std::int64_t institution = std::get<AdministeredUser>(target).institution_id;
    const domain::UserRecord& user = std::get<AdministeredUser>(target).user;
    auto role = domain::institution_role_from_string(request.query_value("role").value_or(""));
    auto held = std::move(roles_by_user(context, request.actor(), institution)[user.id]);
    bool holds =
        role && std::any_of(held.begin(), held.end(), [&](const auto& h) { return h.role == *role; });
    if (!holds || *role == InstitutionRole::superbruger)
        return Response::redirect("/users/" + std::to_string(user.id));
    if (!domain::can(request.actor(), Action::revoke_institution_role,
                     user_target(institution, user.id, held)))
        return error_page(context, request, 403);
    return confirmation_page(
        context, request,
        revoke_role_confirmation(context, request, user, *role, tr(context, request, role_label(*role))));
}

Response show_role_requests(AppContext& context, Request& request)
{
    auto institution = administered_institution(request);
    if (!institution)
        return not_found(context, request);
    return role_requests_page(context, request, *institution, std::nullopt);
}

Response submit_role_request_decision(AppContext& context, Request& request)
{
    auto institution = administered_institution(request);
    if (!institution)
        return not_found(context, request);
    const auto& actor = request.actor();
    if (!domain::can(actor, Action::decide_role_request, institution_resource(*institution)))
        return error_response(context, request, core::Error::forbidden());
    std::int64_t request_id = parse_id(request.param("request_id"));
    if (request_id == 0)
        return not_found(context, request);
    std::string decision = request.form_or("decision");
    if (decision != "approve" && decision != "reject")
        return role_requests_page(
            context, request, *institution,
            core::Error::invalid(msgid("Choose whether to approve or reject the request.")), 400);
    auto decided = context.administration.decide_role_request(actor, *institution, request_id,
                                                              decision == "approve", request.origin());
    if (!decided) {
        if (shown_on_form(decided.error()))
            return role_requests_page(context, request, *institution, decided.error(),
                                      status_for(decided.error().kind));
        return error_response(context, request, decided.error());
    }
    return Response::redirect(std::string("/role-requests?decided=") +
                              (decision == "approve" ? "approved" : "rejected"));
}

Response show_administrator_rights(AppContext& context, Request& request)
{
    const auto& actor = request.actor();
    auto institution = actor.data_institution();
    if (!institution ||
        !domain::can(actor, Action::review_administrator_rights, institution_resource(*institution)))
        return not_found(context, request);
    auto rows = context.administration.administrator_review(actor, *institution);
    const std::string not_recorded = tr(context, request, msgid("Not recorded"));
    const std::string none = tr(context, request, msgid("None"));
    std::size_t count = 0;
    for (const auto& row : rows)
        count += row.roles.size();
    return page(
        context, request, "users/administrator_rights", tr(context, request, msgid("Administrator rights")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            dictionary.SetValue("COUNT", std::to_string(count));
            core::UnixTime now = core::now();
            dictionary.SetValue("NOW", core::format_date_time(now, request.language));
            dictionary.SetValue("NOW_ISO", core::format_iso_utc(now));
            const bool may_open_users =
                domain::can(actor, Action::view_users, institution_resource(*institution));
            for (const auto& row : rows) {
                for (const auto& role : row.roles) {
                    auto* line = dictionary.AddSectionDictionary("RIGHT");
                    line->SetValue("NAME", row.user.name);
                    line->SetValue("EMAIL", row.user.email);
                    if (may_open_users)
                        line->SetValueAndShowSection("USER_ID", std::to_string(row.user.id), "USER_LINK");
                    else
                        line->ShowSection("NO_USER_LINK");
                    line->SetValue("ROLE", tr(context, request, role_label(role.role)));
                    line->SetValue("STATUS", tr(context, request, status_label(row.user.status)));
                    if (row.user.last_login_at) {
                        auto* login = line->AddSectionDictionary("LAST_LOGIN");
                        login->SetValue("AT",
                                        core::format_date_time(*row.user.last_login_at, request.language));
                        login->SetValue("AT_ISO", core::format_iso_utc(*row.user.last_login_at));
                    } else {
                        line->ShowSection("NEVER_LOGGED_IN");
                    }
                    if (row.user.totp_enabled) {
                        auto* mfa = line->AddSectionDictionary("MFA_ON");
                        if (row.user.totp_enabled_at)
                            mfa->SetValueAndShowSection(
                                "SINCE", core::format_date_time(*row.user.totp_enabled_at, request.language),
                                "HAS_SINCE");
                        else
                            mfa->ShowSection("NO_SINCE");
                    } else {
                        line->ShowSection("MFA_OFF");
                    }
                    line->SetValue("GRANTED_BY",
                                   name_or(role.granted_by_name, role.granted_by, not_recorded));
                    line->SetValue("GRANTED_AT", core::format_date_time(role.granted_at, request.language));
                    line->SetValue("GRANTED_AT_ISO", core::format_iso_utc(role.granted_at));
                    line->SetValue("APPROVED_BY", name_or(role.approved_by_name, role.approved_by, none));
                }
            }
            if (count == 0)
                dictionary.ShowSection("NO_RIGHTS");
            else
                dictionary.ShowSection("HAS_RIGHTS");
        });
}

Response show_user_erasure(AppContext& context, Request& request)
{
    auto target = administered_user(context, request);
    if (auto* refusal = std::get_if<Response>(&target))
        return std::move(*refusal);
    const domain::UserRecord& user = std::get<AdministeredUser>(target).user;
    return confirmation_page(context, request, erase_user_confirmation(context, request, user));
}

Response submit_user_erasure(AppContext& context, Request& request)
{
    auto target = administered_user(context, request);
    if (auto* refusal = std::get_if<Response>(&target))
        return std::move(*refusal);
    const std::int64_t institution = std::get<AdministeredUser>(target).institution_id;
    const domain::UserRecord& user = std::get<AdministeredUser>(target).user;
    auto erased = context.administration.erase_user(request.actor(), institution, user.id, request.origin());
    if (!erased) {
        if (erased.error().kind == core::ErrorKind::conflict)
            return user_page(context, request, institution, user, erased.error(), 409);
        return error_response(context, request, erased.error());
    }
    return Response::redirect("/users/" + std::to_string(user.id) + "?erased=1");
}

} // namespace rekrut::web
