#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

Response show_case_list(AppContext& context, Request& request);
Response show_new_case(AppContext& context, Request& request);
Response submit_new_case(AppContext& context, Request& request);
Response submit_copy_case(AppContext& context, Request& request);
Response show_case(AppContext& context, Request& request);
Response show_case_edit(AppContext& context, Request& request);
Response submit_case_edit(AppContext& context, Request& request);
/// The correction of a published case: a later deadline and the contact persons, with a reason.
Response show_case_correction(AppContext& context, Request& request);
Response submit_case_correction(AppContext& context, Request& request);
Response submit_case_transition(AppContext& context, Request& request);
Response show_cancel_confirmation(AppContext& context, Request& request);
Response show_committee_remove_confirmation(AppContext& context, Request& request);
Response submit_committee_add(AppContext& context, Request& request);
Response submit_committee_remove(AppContext& context, Request& request);
Response submit_committee_external(AppContext& context, Request& request);
Response submit_question_add(AppContext& context, Request& request);
Response submit_question_remove(AppContext& context, Request& request);
Response show_case_question(AppContext& context, Request& request);
Response submit_case_question(AppContext& context, Request& request);
Response show_ad_editor(AppContext& context, Request& request);
Response submit_ad(AppContext& context, Request& request);
Response show_ad_versions(AppContext& context, Request& request);
Response show_ad_diff(AppContext& context, Request& request);
Response show_ad_preview(AppContext& context, Request& request);

} // namespace rekrut::web
