#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "domain/access/account_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Session;
class Transaction;
} // namespace rekrut::store

// A change of a user's e-mail address, whoever asks for it (the user on the own profile, or the user
// administration), takes effect only when the new address confirms it. Otherwise whoever may change
// an address could point an account at a mailbox of their own and take it over with a password
// reset. The old address is told, so that a change its holder did not ask for is noticed.

namespace rekrut::services {

/// Translates a message id into the language of the mail being written (as in user_administration.hpp).
using Translate = std::function<std::string(const std::string&)>;

/// A link that confirms a new address lives as long as a welcome link.
constexpr int k_email_change_link_seconds = 72 * 3600;

/// The address `requested` normalised, or the refusal of the field `field`: an address that breaks
/// the e-mail rule, or one another user has.
core::Result<std::string> checked_new_email(store::Session& session, const std::string& requested,
                                            const std::string& field);

/// Starts changing `user`'s address to `new_email` (already checked) inside the caller's
/// transaction: ends the user's earlier unconfirmed change, mails a single-use link to the new
/// address, tells the old address, and records user.email_change_requested by `origin`.
void start_email_change(store::Transaction& transaction, const std::string& public_url,
                        const domain::UserRecord& user, const std::string& new_email, const Origin& origin,
                        const Translate& translate);

/// Whether `token` is an unused, unexpired confirmation link.
bool email_change_link_valid(store::Session& session, const std::string& token);

/// Follows a confirmation link: the user's address becomes the new one, the password links mailed to
/// the old address and the user's other unconfirmed changes end, a user who has no password yet is
/// mailed a new welcome link at the new address, and user.email_changed is recorded. Refused when the
/// link is used or expired, or when another user has taken the address in the meantime.
core::Status apply_email_change(store::Transaction& transaction, const std::string& public_url,
                                const std::string& token, const Origin& origin, const Translate& translate);

} // namespace rekrut::services
