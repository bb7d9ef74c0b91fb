#pragma once

#include "core/result.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;
struct Request;

/// The one mapping from error kinds to HTTP status codes.
unsigned status_for(core::ErrorKind kind);

/// A localized error page for `status`. `detail` is an optional msgid shown under the heading;
/// internals never reach it.
Response error_page(const AppContext& context, const Request& request, unsigned status,
                    const std::string& detail = "");

/// An Error value as a page.
Response error_response(const AppContext& context, const Request& request, const core::Error& error);

} // namespace rekrut::web
