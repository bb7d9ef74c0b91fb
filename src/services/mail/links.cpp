#include "services/mail/links.hpp"

namespace rekrut::services::mail {

std::string password_link(const std::string& public_url, const std::string& token)
{
    std::string base = public_url;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base + "/password/reset/" + token;
}

} // namespace rekrut::services::mail
