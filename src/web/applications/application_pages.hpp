#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "web/page_kit.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

// The public application form and its receipt (apply_pages.cpp).
Response show_apply_form(AppContext& context, Request& request);
Response submit_application(AppContext& context, Request& request);
Response show_application_receipt(AppContext& context, Request& request);

// The applicant's own pages through the personal link (self_service_pages.cpp).
Response show_link_request(AppContext& context, Request& request);
Response submit_link_request(AppContext& context, Request& request);
Response show_own_application(AppContext& context, Request& request);
Response submit_own_withdrawal(AppContext& context, Request& request);
Response submit_own_deletion_request(AppContext& context, Request& request);
Response submit_own_consent_renewal(AppContext& context, Request& request);
Response download_own_attachment(AppContext& context, Request& request);
Response submit_own_content(AppContext& context, Request& request);
Response submit_own_file(AppContext& context, Request& request);
Response download_own_export(AppContext& context, Request& request);

// HR and the committee (case_applications.cpp).
Response show_case_applications(AppContext& context, Request& request);
/// Search over every case's applications, for the institution's administration.
Response show_application_search(AppContext& context, Request& request);
Response show_case_application(AppContext& context, Request& request);
/// The application page, with the problem of a refused form about it and the note as typed.
Response application_page(AppContext& context, Request& request, const std::optional<core::Error>& error,
                          const std::string& note_text);
/// The case's application list, with the problem of a refused bulk action.
Response show_case_applications_with(AppContext& context, Request& request,
                                     const std::optional<core::Error>& error);
Response download_case_attachment(AppContext& context, Request& request);
/// HR's correction of an applicant's name, e-mail address and telephone number (GDPR article 16).
Response show_rectification(AppContext& context, Request& request);
Response submit_rectification(AppContext& context, Request& request);
Response show_register_application(AppContext& context, Request& request);
Response submit_register_application(AppContext& context, Request& request);
// The access log of application reads (access_log_pages.cpp).
Response show_access_log(AppContext& context, Request& request);
Response export_access_log_csv(AppContext& context, Request& request);

/// The case page's section on applications: the counts and the links, for those who may see them.
void fill_case_applications(Dictionary& dictionary, AppContext& context, const Request& request,
                            const domain::CaseRecord& record);

} // namespace rekrut::web
