#pragma once

// Shared by the handlers of the case page's sub-resources (committee, questions, transitions).

#include <string>

#include "core/result.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

/// After a change posted from the case page: back to the page with "saved" and `anchor`, or the page
/// again with the refusal shown (status from the error's kind), or the error page.
Response after_change(AppContext& context, Request& request, const core::Status& result,
                      const std::string& anchor);

} // namespace rekrut::web
