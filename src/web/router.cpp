#include "web/router.hpp"

#include <algorithm>

namespace rekrut::web {
namespace {

std::vector<std::string> split_path(const std::string& path)
{
    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        if (end > start)
            segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

} // namespace

void Router::add(std::string method, std::string pattern, Guard guard, Execution execution, Handler handler,
                 BodyLimit body)
{
    auto segments = split_path(pattern);
    Route route{std::move(method),  std::move(pattern),  guard, execution,
                std::move(handler), std::move(segments), false, body};
    if (!route.segments.empty() && route.segments.back() == "*") {
        route.prefix = true;
        route.segments.pop_back();
    }
    m_routes.push_back(std::move(route));
}

Router::Outcome Router::match(Request& request) const
{
    auto segments = split_path(request.path);
    bool path_matched = false;
    for (const auto& route : m_routes) {
        if (route.prefix ? segments.size() < route.segments.size() : segments.size() != route.segments.size())
            continue;
        std::map<std::string, std::string> params;
        bool matches = true;
        for (std::size_t i = 0; i < route.segments.size() && matches; ++i) {
            const auto& expected = route.segments[i];
            if (!expected.empty() && expected[0] == ':')
                params[expected.substr(1)] = segments[i];
            else
                matches = expected == segments[i];
        }
        if (!matches)
            continue;
        if (route.prefix) {
            std::string rest;
            for (std::size_t i = route.segments.size(); i < segments.size(); ++i)
                rest += (rest.empty() ? "" : "/") + segments[i];
            params["*"] = rest;
        }
        path_matched = true;
        bool head_as_get = request.method == "HEAD" && route.method == "GET";
        if (route.method != request.method && !head_as_get)
            continue;
        request.route = &route;
        request.path_params = std::move(params);
        return Outcome::matched;
    }
    return path_matched ? Outcome::method_not_allowed : Outcome::not_found;
}

std::string Router::allowed_methods(const std::string& path) const
{
    std::vector<std::string> methods;
    for (const auto& route : m_routes) {
        Request probe;
        probe.method = route.method;
        probe.path = path;
        Router single;
        single.m_routes.push_back(route);
        if (single.match(probe) != Outcome::matched)
            continue;
        if (std::find(methods.begin(), methods.end(), route.method) == methods.end())
            methods.push_back(route.method);
        if (route.method == "GET" && std::find(methods.begin(), methods.end(), "HEAD") == methods.end())
            methods.push_back("HEAD");
    }
    std::string allowed;
    for (const auto& method : methods)
        allowed += (allowed.empty() ? "" : ", ") + method;
    return allowed;
}

} // namespace rekrut::web
