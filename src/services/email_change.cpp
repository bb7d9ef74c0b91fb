#include "services/email_change.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "domain/email_address.hpp"
#include "domain/field_limits.hpp"
#include "services/mail/links.hpp"
#include "services/mail/mail_composer.hpp"
#include "services/sign_in_support.hpp"
#include "services/user_administration.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"
#include "store/session_store.hpp"

namespace rekrut::services {
namespace {

std::string token_hash(const std::string& token)
{
    return core::blake2b_hex("email-change:" + token);
}

core::Error link_ended()
{
    return core::Error::invalid(core::msgid("The link has expired or has already been used."));
}

} // namespace

core::Result<std::string> checked_new_email(store::Session& session, const std::string& requested,
                                            const std::string& field)
{
    auto email =
        requested.size() <= domain::limits::email ? domain::normalize_email_address(requested) : std::nullopt;
    if (!email)
        return core::Error::invalid(
            core::msgid("Check the marked fields."),
            {{field, core::msgid("Enter a valid e-mail address, for example name@example.test.")}});
    if (store::users::email_taken(session, *email))
        return core::Error::invalid(core::msgid("Check the marked fields."),
                                    {{field, core::msgid("A user with this e-mail address exists.")}});
    return *email;
}

void start_email_change(store::Transaction& transaction, const std::string& public_url,
                        const domain::UserRecord& user, const std::string& new_email, const Origin& origin,
                        const Translate& translate)
{
    const core::UnixTime now = core::now();
    const std::string token = core::random_hex(32);
    store::email_changes::revoke_for_user(transaction, user.id, now);
    store::email_changes::create(transaction,
                                 {0, user.id, new_email, origin.user_id, now + k_email_change_link_seconds},
                                 token_hash(token), now);
    mail::queue(transaction, mail::installed_composer(), {user.institution_id, new_email},
                mail::k_email_change_confirmation,
                {{"NAME", user.name}, {"LINK", mail::email_confirmation_link(public_url, token)}}, translate);
    mail::queue(transaction, mail::installed_composer(), {user.institution_id, user.email},
                mail::k_email_change_notice, {{"NAME", user.name}, {"NEW_EMAIL", new_email}}, translate);
    record_audit(transaction, origin,
                 {user.institution_id, "user.email_change_requested", "user", std::to_string(user.id),
                  json_object({{"email", user.email}}), json_object({{"email", new_email}})});
}

bool email_change_link_valid(store::Session& session, const std::string& token)
{
    return store::email_changes::find_valid(session, token_hash(token), core::now()).has_value();
}

core::Status apply_email_change(store::Transaction& transaction, const std::string& public_url,
                                const std::string& token, const Origin& origin, const Translate& translate)
{
    const core::UnixTime now = core::now();
    auto change = store::email_changes::find_valid(transaction, token_hash(token), now);
    if (!change || !store::email_changes::consume(transaction, change->id, now))
        return link_ended();
    auto user = store::users::find_any(transaction, change->user_id);
    if (!user)
        return link_ended();
    if (store::users::email_taken(transaction, change->new_email))
        return core::Error::conflict(
            core::msgid("Another user has taken this e-mail address in the meantime."));
    store::users::set_email(transaction, user->id, change->new_email);
    store::email_changes::revoke_for_user(transaction, user->id, now);
    // Links mailed to the old address must not outlive it: it may have been a wrong one.
    store::password_resets::revoke_for_user(transaction, user->id, now);
    record_audit(transaction, sign_in::as_user(origin, user->id, user->name),
                 {user->institution_id, "user.email_changed", "user", std::to_string(user->id),
                  json_object({{"email", user->email}}), json_object({{"email", change->new_email}})});
    if (user->password_hash.empty()) {
        domain::UserRecord moved = *user;
        moved.email = change->new_email;
        queue_password_link(transaction, public_url, moved, true, translate);
    }
    return core::success();
}

} // namespace rekrut::services
