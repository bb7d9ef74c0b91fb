#pragma once

// Shared by the handlers of the case page's sub-resources (committee, questions, transitions).

#include <string>

#include "core/result.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

/// After a change posted from the case page: back to the page with `?saved=<notice>` and `anchor`
/// (the notice says what happened: "1" for the plain "saved", "member", "invited" or a transition's
/// name), or the page again with the refusal shown (status from the error's kind), or the error page.
Response after_change(AppContext& context, Request& request, const core::Status& result,
                      const std::string& anchor, const std::string& notice = "1");

} // namespace rekrut::web
