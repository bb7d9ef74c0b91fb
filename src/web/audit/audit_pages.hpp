#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

/// The audit trail: Superbrugere and Administrators read their own institution's events, the
/// platform operator every institution's. Filters come from the query string; reading is not
/// logged (it would drown the trail in noise), exporting is.
Response show_audit(AppContext& context, Request& request);
/// The filtered events as CSV (UTF-8 with BOM for Excel), itself written to the audit trail.
Response export_audit_csv(AppContext& context, Request& request);

} // namespace rekrut::web
