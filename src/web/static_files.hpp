#pragma once

#include <string>

#include "web/response.hpp"

namespace rekrut::web {

/// Serves a file below `root` for the request-relative path `relative` ("css/dkfds.min.css").
/// Anything that would leave `root` (.., hidden files, symlinks out) is a 404.
Response serve_static(const std::string& root, const std::string& relative);

/// Content type by file extension.
std::string content_type_for(const std::string& path);

} // namespace rekrut::web
