#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

// Off-boarding of an institution (service description 2.3, services/operations/offboarding.hpp):
// the platform operator's pages alone; anyone else gets the 404 page.

/// GET /operator/offboarding: the requests with their states, and the form to ask for one.
Response show_offboardings(AppContext& context, Request& request);
/// POST /operator/offboarding: asks for an institution to be off-boarded (institution_id, reason).
Response submit_offboarding(AppContext& context, Request& request);
/// GET /operator/offboarding/:offboarding_id: one request, with what can be done with it next.
Response show_offboarding(AppContext& context, Request& request);
/// POST /operator/offboarding/:offboarding_id/decision: approves or rejects (field decision).
Response submit_offboarding_decision(AppContext& context, Request& request);
/// POST /operator/offboarding/:offboarding_id/export: the encrypted export, downloaded once.
Response submit_offboarding_export(AppContext& context, Request& request);
/// POST /operator/offboarding/:offboarding_id/deletion: deletes the institution's data (field
/// confirmation: its CVR number) and shows the deletion report.
Response submit_offboarding_deletion(AppContext& context, Request& request);

} // namespace rekrut::web
