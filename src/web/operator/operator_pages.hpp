#pragma once

#include <cstdint>
#include <vector>

#include "domain/institution/institution_record.hpp"
#include "web/page_kit.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

/// The INSTITUTION_OPTION sections of a form's list of institutions: every institution still in use
/// (the off-boarded ones are left out: nothing can be done in them), with `chosen` selected.
void fill_institution_options(Dictionary& dictionary,
                              const std::vector<domain::InstitutionRecord>& institutions,
                              std::int64_t chosen);

// The platform operator's pages. Anyone else gets the 404 page, so the pages do not reveal that
// they exist.

/// Every institution, and the form to create one (CVR, name, address).
Response show_institutions(AppContext& context, Request& request);
Response submit_institution(AppContext& context, Request& request);
/// One institution: its details, its Superbrugere (with the operator's actions on them), the
/// requests for the role that wait, and the form to create a Superbruger (the role then waits for a
/// second operator).
Response show_institution(AppContext& context, Request& request);
Response submit_superbruger(AppContext& context, Request& request);
/// POST /operator/institutions/:institution_id/superbrugere/:user_id/status: locks, unlocks or
/// deactivates a Superbruger from the institution's list (field status).
Response submit_superbruger_status(AppContext& context, Request& request);
/// The latest outgoing mails with their state and text, so that a system without SMTP (`make run`)
/// can still hand out password links.
Response show_outbox(AppContext& context, Request& request);
/// The operator's time-limited access to one institution's data: the current one, and the form to
/// ask for a new one (institution, reason, 1–8 hours).
Response show_operator_access(AppContext& context, Request& request);
Response submit_operator_access(AppContext& context, Request& request);
Response submit_end_operator_access(AppContext& context, Request& request);

} // namespace rekrut::web
