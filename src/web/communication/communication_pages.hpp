#pragma once

#include <cstdint>

#include "web/page_kit.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

// The institution's e-mail templates (Administrator) and a case's own copies (Projektleder).
Response show_email_templates(AppContext& context, Request& request);
Response show_email_template(AppContext& context, Request& request);
Response submit_email_template(AppContext& context, Request& request);
Response show_case_email_templates(AppContext& context, Request& request);
Response show_case_email_template(AppContext& context, Request& request);
Response submit_case_email_template(AppContext& context, Request& request);
Response submit_case_email_template_revert(AppContext& context, Request& request);

// Sending to a case's applicants: compose and preview, the mailing's progress, cancelling, resending.
Response show_compose_mail(AppContext& context, Request& request);
Response submit_compose_mail(AppContext& context, Request& request);
Response show_mailing(AppContext& context, Request& request);
Response submit_mailing_cancel(AppContext& context, Request& request);
Response submit_mail_resend(AppContext& context, Request& request);

/// The application page's communication log (include LOG), for those who may send mails.
void fill_communication_log(Dictionary& dictionary, AppContext& context, const Request& request,
                            std::int64_t case_id, std::int64_t application_id);

/// The applications list's mail controls: the kinds that can be sent (section MAIL_KIND), for those
/// who may send; returns whether they may.
bool fill_mail_controls(Dictionary& dictionary, AppContext& context, const Request& request,
                        std::int64_t institution_id, std::int64_t case_id);

} // namespace rekrut::web
