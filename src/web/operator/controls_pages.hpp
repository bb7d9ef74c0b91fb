#pragma once

#include <vector>

#include "core/component_versions.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

/// GET /operator/controls: the log level in force with what each level logs, the form to change it,
/// and the versions of the linked libraries. 404 for everyone but the operator.
Response show_operator_controls(AppContext& context, Request& request);
/// POST /operator/controls/log-level (field level).
Response submit_log_level(AppContext& context, Request& request);

/// POST /operator/controls/rights-reviews (fields institution_id, outcome, note).
Response submit_rights_review(AppContext& context, Request& request);

/// libmicrohttpd (run time), ctemplate and Boost (build time).
std::vector<core::ComponentVersion> web_component_versions();

} // namespace rekrut::web
