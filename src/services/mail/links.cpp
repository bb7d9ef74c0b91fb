#include "services/mail/links.hpp"

namespace rekrut::services::mail {

namespace {

std::string without_trailing_slash(std::string base)
{
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base;
}

} // namespace

std::string password_link(const std::string& public_url, const std::string& token)
{
    return without_trailing_slash(public_url) + "/password/reset/" + token;
}

std::string email_confirmation_link(const std::string& public_url, const std::string& token)
{
    return without_trailing_slash(public_url) + "/email/confirm/" + token;
}

} // namespace rekrut::services::mail
