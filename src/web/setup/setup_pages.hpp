#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

Response show_setup(AppContext& context, Request& request);
Response show_units(AppContext& context, Request& request);
Response submit_unit(AppContext& context, Request& request);
Response submit_unit_rename(AppContext& context, Request& request);
Response show_mandatory_texts(AppContext& context, Request& request);
Response show_mandatory_text(AppContext& context, Request& request);
Response submit_mandatory_text(AppContext& context, Request& request);
Response show_ad_templates(AppContext& context, Request& request);
Response show_ad_template(AppContext& context, Request& request);
Response submit_ad_template(AppContext& context, Request& request);
Response show_questions(AppContext& context, Request& request);
Response show_question(AppContext& context, Request& request);
Response submit_question(AppContext& context, Request& request);
Response show_lists(AppContext& context, Request& request);
Response submit_list_item(AppContext& context, Request& request);
Response submit_list_item_removal(AppContext& context, Request& request);

} // namespace rekrut::web
