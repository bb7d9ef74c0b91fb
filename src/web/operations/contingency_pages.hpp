#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

/// GET /contingency: what the contingency bundle holds, and the form to choose its passphrase.
Response show_contingency(AppContext& context, Request& request);
/// POST /contingency: the encrypted ZIP as a download, or the form again with what was refused.
Response submit_contingency(AppContext& context, Request& request);

} // namespace rekrut::web
