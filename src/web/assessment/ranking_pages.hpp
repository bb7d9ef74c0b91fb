#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

// The committee's ranking lists of a case: the lists and a new one, one list's order (saved by a
// whole order, typed positions or the up and down buttons; applicants added from the case), its
// versions and the comparison of two of them.
Response show_rankings(AppContext& context, Request& request);
Response submit_new_ranking(AppContext& context, Request& request);
Response show_ranking(AppContext& context, Request& request);
Response submit_ranking(AppContext& context, Request& request);
Response show_ranking_versions(AppContext& context, Request& request);
Response show_ranking_comparison(AppContext& context, Request& request);

} // namespace rekrut::web
