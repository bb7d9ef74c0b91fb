#pragma once

// The application form as the public form and HR's registration both show it: the applicant's
// fields, the files held from an earlier try, the screening questions and the consents.

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/application/application_form.hpp"
#include "services/applications/applications.hpp"
#include "services/applications/held_uploads.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {

/// Reads the form's fields (the answers by the questions' ids) from a request.
domain::ApplicationForm read_application_form(const Request& request,
                                              const std::vector<domain::CaseQuestionRecord>& questions);
/// The files of the request's file fields, skipping empty file inputs.
std::vector<services::IncomingFile> uploaded_files(const Request& request);
/// Translates each refused file's reason and names the file, for the error summary.
std::vector<core::FieldError> file_errors(const AppContext& context, const Request& request,
                                          const std::vector<services::RefusedFile>& refused);
/// Keeps the files that pass the rules for the next try (a new cover letter or CV replaces the one
/// held before); returns the refused ones.
std::vector<services::RefusedFile> hold_uploads(AppContext& context, const std::string& form_key,
                                                const std::vector<services::IncomingFile>& files);
/// The files held for the form.
std::vector<services::IncomingFile> held_files(AppContext& context, const std::string& form_key);
/// All problems at once: the refused files and what the form rules say about the fields.
core::Error combined_errors(const AppContext& context, const Request& request,
                            const services::ApplyContext& apply, domain::ApplicationForm form,
                            const std::vector<services::RefusedFile>& refused,
                            const std::vector<services::IncomingFile>& files);
/// Fills the screening questions alone (QUESTION sections), with the answers in `form`.
void fill_question_fields(Dictionary& page, const AppContext& context, const Request& request,
                          const std::vector<domain::CaseQuestionRecord>& questions,
                          const domain::ApplicationForm& form, const std::optional<core::Error>& error);
/// Fills the form: values typed so far, the files held, the questions and the errors by field.
void fill_application_form(Dictionary& page, const AppContext& context, const Request& request,
                           const services::ApplyContext& apply, const domain::ApplicationForm& form,
                           const std::vector<services::HeldFile>& held,
                           const std::optional<core::Error>& error);

} // namespace rekrut::web
