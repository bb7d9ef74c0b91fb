#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

// The status page (service description section 4) and the help page, public; the platform
// operator's side of the status page, 404 for everyone else.

/// GET /status: incidents and service windows in force, windows announced ahead, this month's
/// availability, and the history of the last 90 days.
Response show_status(AppContext& context, Request& request);
/// GET /status/feed.atom: the same notices as an Atom feed, newest change first.
Response show_status_feed(AppContext& context, Request& request);
/// GET /help: the support contact and hours, and where to read about the service's state.
Response show_help(AppContext& context, Request& request);

/// GET /operator/status: the form to announce an incident or a service window, the notices in force
/// and ahead with their update and resolve forms, and the availability per month.
Response show_operator_status(AppContext& context, Request& request);
Response submit_service_notice(AppContext& context, Request& request);
/// POST /operator/status/:notice_id/updates (field text).
Response submit_service_notice_update(AppContext& context, Request& request);
/// POST /operator/status/:notice_id/resolve.
Response submit_service_notice_resolve(AppContext& context, Request& request);

/// Makes every page show the banner of current notices and windows ahead, and the support contact
/// in its footer. Called once before serving.
void install_page_surroundings(AppContext& context);

/// A short text that changes whenever the banner would change, for caches of whole pages.
std::string banner_state(AppContext& context);

} // namespace rekrut::web
