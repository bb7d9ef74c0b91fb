#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

// The end of a case on one page: applicants with priority access, the proposed hiring decision and
// its approval or return by a second person, the signed contract, the rejections and the closing,
// and the request to cancel a case that has applications.
Response show_decision(AppContext& context, Request& request);
Response submit_proposal(AppContext& context, Request& request);
Response submit_decision_answer(AppContext& context, Request& request);
Response submit_cancellation_request(AppContext& context, Request& request);
Response submit_priority_waiver(AppContext& context, Request& request);
Response submit_contract(AppContext& context, Request& request);
Response submit_case_close(AppContext& context, Request& request);
/// The approved candidate's employment letter and, for a civil-servant position, the applicant list,
/// as PDF.
Response download_employment_letter(AppContext& context, Request& request);
Response download_applicant_list(AppContext& context, Request& request);

} // namespace rekrut::web
