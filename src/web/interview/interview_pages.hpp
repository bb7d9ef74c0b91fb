#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

// Interview rounds of a case: the rounds and a new one; one round's schedule, with (for those who
// manage it) slots added in bulk, applicants invited, given a fixed slot, moved and cancelled.
Response show_interview_rounds(AppContext& context, Request& request);
Response submit_interview_round(AppContext& context, Request& request);
Response show_interview_round(AppContext& context, Request& request);
Response submit_interview_slots(AppContext& context, Request& request);
Response submit_interview_invitations(AppContext& context, Request& request);
Response submit_interview_assignment(AppContext& context, Request& request);
Response submit_interview_cancellation(AppContext& context, Request& request);

// The applicant's side through the personal link: the rounds they are invited to, booking a free
// slot, cancelling, and the booked interview as a calendar file.
Response show_own_interviews(AppContext& context, Request& request);
Response submit_own_booking(AppContext& context, Request& request);
Response submit_own_booking_cancellation(AppContext& context, Request& request);
Response download_own_interview_calendar(AppContext& context, Request& request);

} // namespace rekrut::web
