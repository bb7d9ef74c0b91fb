#include "web/users/user_confirmations.hpp"

#include "domain/access/roles.hpp"
#include "web/i18n.hpp"

namespace rekrut::web {
namespace {

void fill_in(std::string& text, const std::string& placeholder, const std::string& value)
{
    if (auto at = text.find(placeholder); at != std::string::npos)
        text.replace(at, placeholder.size(), value);
}

} // namespace

/// Removing an institution role: what happens, asked before it is done.
Confirmation revoke_role_confirmation(const AppContext& context, const Request& request,
                                      const domain::UserRecord& user, domain::InstitutionRole role,
                                      const std::string& role_name)
{
    std::string base = "/users/" + std::to_string(user.id);
    std::string value(domain::to_string(role));
    std::string sentence =
        tr(context, request, msgid("{name} loses the role {role} and its rights at once."));
    fill_in(sentence, "{name}", user.name);
    fill_in(sentence, "{role}", role_name);
    return {"confirm-revoke-" + value,
            tr(context, request, msgid("Remove the role?")),
            {sentence, tr(context, request, msgid("The role can be granted again later."))},
            base + "/roles",
            {{"role", value}, {"operation", "revoke"}},
            tr(context, request, msgid("Yes, remove the role")),
            base,
            false,
            "",
            base + "/roles/revoke?role=" + value};
}

/// Deactivating a user: what happens, asked before the edit form's change is saved.
Confirmation deactivate_user_confirmation(const AppContext& context, const Request& request,
                                          const domain::UserRecord& user)
{
    std::string base = "/users/" + std::to_string(user.id);
    std::string sentence =
        tr(context, request, msgid("{name} can no longer log in, and their sessions end at once."));
    fill_in(sentence, "{name}", user.name);
    return {
        "confirm-deactivate",
        tr(context, request, msgid("Deactivate the user?")),
        {sentence, tr(context, request, msgid("The user's history in cases and the audit trail is kept."))},
        base,
        {{"name", request.form_or("name", user.name)},
         {"email", request.form_or("email", user.email)},
         {"status", "deactivated"},
         {"confirmed", "1"}},
        tr(context, request, msgid("Yes, deactivate the user")),
        base,
        false,
        "",
        ""};
}

Confirmation erase_user_confirmation(const AppContext& context, const Request& request,
                                     const domain::UserRecord& user)
{
    std::string base = "/users/" + std::to_string(user.id);
    std::string sentence = tr(context, request,
                              msgid("{name}'s name and e-mail address are erased, also from the audit trail, "
                                    "and the account cannot be used again."));
    fill_in(sentence, "{name}", user.name);
    return {"confirm-erase",
            tr(context, request, msgid("Erase the account?")),
            {sentence, tr(context, request,
                          msgid("What the account did stays in cases and the audit trail, under its number. "
                                "It cannot be undone."))},
            base + "/erase",
            {},
            tr(context, request, msgid("Yes, erase the account")),
            base,
            false,
            "",
            base + "/erase"};
}

} // namespace rekrut::web
