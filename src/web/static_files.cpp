#include "web/static_files.hpp"

#include <filesystem>

namespace rekrut::web {
namespace fs = std::filesystem;

std::string content_type_for(const std::string& path)
{
    static const std::pair<const char*, const char*> types[] = {{".css", "text/css; charset=utf-8"},
                                                                {".js", "text/javascript; charset=utf-8"},
                                                                {".svg", "image/svg+xml"},
                                                                {".png", "image/png"},
                                                                {".ico", "image/x-icon"},
                                                                {".woff2", "font/woff2"},
                                                                {".woff", "font/woff"},
                                                                {".map", "application/json"},
                                                                {".txt", "text/plain; charset=utf-8"}};
    std::string extension = fs::path(path).extension().string();
    for (const auto& [suffix, type] : types)
        if (extension == suffix)
            return type;
    return "application/octet-stream";
}

Response serve_static(const std::string& root, const std::string& relative)
{
    Response not_found;
    not_found.status = 404;
    if (relative.empty() || relative.find('\0') != std::string::npos)
        return not_found;
    for (const auto& part : fs::path(relative))
        if (part.string().empty() || part.string()[0] == '.')
            return not_found;
    std::error_code error;
    fs::path base = fs::canonical(root, error);
    if (error)
        return not_found;
    fs::path target = fs::canonical(base / relative, error);
    if (error || !fs::is_regular_file(target))
        return not_found;
    auto [end, unused] = std::mismatch(base.begin(), base.end(), target.begin());
    if (end != base.end())
        return not_found;
    Response response = Response::file(target.string(), content_type_for(target.string()));
    response.set_header("Cache-Control", "public, max-age=3600");
    return response;
}

} // namespace rekrut::web
