#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

// The platform operator's administration of Superbrugere (service description 6.2): their accounts,
// and the queue of requests for the role, which an operator who did not ask carries out. Anyone else
// gets the 404 page, as does a user of the institution who does not hold the role.

/// GET /operator/institutions/:institution_id/superbrugere/:user_id: the Superbruger's account, the
/// form to change name, e-mail and status, and the request to remove the role.
Response show_operator_superbruger(AppContext& context, Request& request);
/// POST /operator/institutions/:institution_id/superbrugere/:user_id: saves name, e-mail and status.
Response submit_operator_superbruger(AppContext& context, Request& request);
/// POST /operator/institutions/:institution_id/superbrugere/:user_id/removal: asks for the role to be
/// removed; a second operator carries it out.
Response submit_superbruger_removal(AppContext& context, Request& request);
/// GET /operator/role-requests: requests for the Superbruger role of every institution.
Response show_superbruger_requests(AppContext& context, Request& request);
/// POST /operator/role-requests/:request_id/decision: carries out or rejects one (field decision).
Response submit_superbruger_request_decision(AppContext& context, Request& request);

} // namespace rekrut::web
