#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

Response show_login(AppContext& context, Request& request);
Response submit_login(AppContext& context, Request& request);
Response show_second_factor(AppContext& context, Request& request);
Response submit_second_factor(AppContext& context, Request& request);
Response show_enrolment(AppContext& context, Request& request);
Response submit_enrolment(AppContext& context, Request& request);
Response submit_logout(AppContext& context, Request& request);
Response show_home(AppContext& context, Request& request);
Response show_profile(AppContext& context, Request& request);
Response submit_profile_name(AppContext& context, Request& request);
Response submit_profile_password(AppContext& context, Request& request);
Response show_change_email(AppContext& context, Request& request);
Response submit_change_email(AppContext& context, Request& request);
/// The link mailed to a new address: GET shows what it does, POST confirms the address.
Response show_email_confirmation(AppContext& context, Request& request);
Response submit_email_confirmation(AppContext& context, Request& request);
Response show_forgot_password(AppContext& context, Request& request);
Response submit_forgot_password(AppContext& context, Request& request);
Response show_reset_password(AppContext& context, Request& request);
Response submit_reset_password(AppContext& context, Request& request);

} // namespace rekrut::web
