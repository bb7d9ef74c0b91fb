#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

/// The institution's deletion of personal data, for its Administrators: the retention periods, what
/// is deleted in the next 30 days, the holds, and the monthly deletion report.
Response show_retention(AppContext& context, Request& request);
Response submit_retention_settings(AppContext& context, Request& request);
Response submit_retention_hold(AppContext& context, Request& request);
Response submit_retention_hold_lift(AppContext& context, Request& request);
/// A request for access: everything held about a person, found by e-mail address (posted, so that the
/// address stays out of addresses and logs), and each application's ZIP.
Response show_person_search(AppContext& context, Request& request);
Response submit_person_search(AppContext& context, Request& request);
Response download_person_export(AppContext& context, Request& request);
/// Erasure on a person's behalf: a page that says what will happen, then the erasure itself.
Response show_person_erasure(AppContext& context, Request& request);
Response submit_person_erasure(AppContext& context, Request& request);
/// The register of data-subject requests of the last 12 months.
Response show_data_requests(AppContext& context, Request& request);

} // namespace rekrut::web
