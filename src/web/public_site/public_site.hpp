#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

/// The public career site's front page: every open position.
Response show_front_page(AppContext& context, Request& request);
/// One published position's ad (the career site reads across institutions).
Response show_public_ad(AppContext& context, Request& request);
/// Sets the interface language cookie and returns to the page the user came from.
Response switch_language(AppContext& context, Request& request);

} // namespace rekrut::web
