#include "web/request.hpp"

#include <strings.h>

namespace rekrut::web {

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const
{
    return strcasecmp(a.c_str(), b.c_str()) < 0;
}

namespace {

std::optional<std::string> first(const Fields& fields, const std::string& name)
{
    for (const auto& [key, value] : fields)
        if (key == name)
            return value;
    return std::nullopt;
}

} // namespace

std::optional<std::string> Request::query_value(const std::string& name) const
{
    return first(query, name);
}
std::optional<std::string> Request::form_value(const std::string& name) const
{
    return first(form, name);
}

std::string Request::form_or(const std::string& name, const std::string& fallback) const
{
    return first(form, name).value_or(fallback);
}

std::optional<std::string> Request::header(const std::string& name) const
{
    auto found = headers.find(name);
    return found == headers.end() ? std::nullopt : std::optional<std::string>(found->second);
}

std::optional<std::string> Request::cookie(const std::string& name) const
{
    auto found = cookies.find(name);
    return found == cookies.end() ? std::nullopt : std::optional<std::string>(found->second);
}

services::Origin Request::origin() const
{
    services::Origin origin;
    if (session) {
        origin.user_id = session->actor.user_id;
        origin.user_name = session->actor.name;
    }
    origin.request_id = request_id;
    origin.ip = remote_ip;
    return origin;
}

std::string Request::param(const std::string& name) const
{
    auto found = path_params.find(name);
    return found == path_params.end() ? std::string() : found->second;
}

} // namespace rekrut::web
