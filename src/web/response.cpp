#include "web/response.hpp"

#include <strings.h>

namespace rekrut::web {

Response Response::html(std::string body, unsigned status)
{
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

Response Response::text(std::string body, unsigned status)
{
    Response response = html(std::move(body), status);
    response.content_type = "text/plain; charset=utf-8";
    return response;
}

Response Response::json(std::string body, unsigned status)
{
    Response response = html(std::move(body), status);
    response.content_type = "application/json";
    return response;
}

Response Response::redirect(const std::string& location, unsigned status)
{
    Response response;
    response.status = status;
    response.content_type = "text/plain; charset=utf-8";
    response.set_header("Location", location);
    return response;
}

Response Response::file(std::string path, std::string content_type)
{
    Response response;
    response.file_path = std::move(path);
    response.content_type = std::move(content_type);
    return response;
}

namespace {

bool same_name(std::string_view left, std::string_view right)
{
    return left.size() == right.size() && strncasecmp(left.data(), right.data(), left.size()) == 0;
}

} // namespace

void Response::set_header(std::string_view name, std::string_view value)
{
    if (!same_name(name, "Set-Cookie"))
        for (auto& [key, existing] : headers)
            if (same_name(key, name)) {
                existing.assign(value);
                return;
            }
    headers.emplace_back(std::string(name), std::string(value));
}

bool Response::has_header(std::string_view name) const
{
    for (const auto& [key, value] : headers)
        if (same_name(key, name))
            return true;
    return false;
}

void Response::set_cookie(const std::string& name, const std::string& value, long max_age, bool http_only,
                          bool secure, SameSite same_site)
{
    std::string cookie = name + "=" + value + "; Path=/";
    if (max_age >= 0)
        cookie += "; Max-Age=" + std::to_string(max_age);
    if (http_only)
        cookie += "; HttpOnly";
    if (secure)
        cookie += "; Secure";
    cookie += same_site == SameSite::strict ? "; SameSite=Strict" : "; SameSite=Lax";
    headers.emplace_back("Set-Cookie", cookie);
}

} // namespace rekrut::web
