#pragma once

#include <string>

/// Links into Rekrut that mails carry, built from the installation's public address in one place.
namespace rekrut::services::mail {

/// The page where the holder of `token` chooses a password (a new account's first one, or a reset):
/// `<public_url>/password/reset/<token>`. A trailing slash on `public_url` is not doubled.
std::string password_link(const std::string& public_url, const std::string& token);

/// The page where the holder of a new e-mail address confirms it: `<public_url>/email/confirm/<token>`.
std::string email_confirmation_link(const std::string& public_url, const std::string& token);

} // namespace rekrut::services::mail
