#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/application/application_records.hpp"
#include "domain/recruitment_case/case_records.hpp"

namespace rekrut::domain {

/// How long an application is kept for future positions when the applicant consents to it.
inline constexpr int k_keep_for_future_months = 12;

/// What an applicant (or HR on their behalf) filled in, as typed.
struct ApplicationForm {
    std::string full_name;
    std::string email;
    std::string phone;
    std::string address;
    std::string postal_code;
    std::string city;
    std::string cover_letter;
    bool consent_processing = false;
    bool keep_for_future = false;
    bool consent_contact = false;
    bool priority_access = false;
    bool exclude_from_list = false;
    /// Answers by question id; a multiple-choice answer holds one chosen option per line.
    std::map<std::int64_t, std::string> answers;
    /// A cover letter was uploaded as a file instead of typed.
    bool has_cover_letter_file = false;
};

/// What the form rules make of a valid form.
struct CheckedApplication {
    ApplicationRecord record; ///< Personal data, consents and answers, normalised.
};

/// Checks an application against the case's screening questions. Every problem names its form
/// field ("full_name", "email", ..., "q<question id>"), so the whole list is shown at once. A
/// knockout answer does not refuse the application; it is recorded (knocked_out) for the committee.
/// `civil_servant`: whether the applicant may ask to be left off the applicant list.
core::Result<CheckedApplication> check_application(const ApplicationForm& form,
                                                   const std::vector<CaseQuestionRecord>& questions,
                                                   bool civil_servant, core::UnixTime now);

/// The form field of a question's answer: "q" and the question's id.
std::string answer_field(std::int64_t question_id);

/// HR's correction of an applicant's personal data on the applicant's request (GDPR article 16), as
/// typed: the name, e-mail address and telephone number the application was sent with, and why.
struct RectificationForm {
    std::string full_name;
    std::string email;
    std::string phone;
    std::string reason;
};

/// The checked correction: the values as they will be stored (trimmed, the address normalised) and
/// the reason, which is required.
struct Rectification {
    std::string full_name;
    std::string email;
    std::string phone;
    std::string reason;
};

/// Checks a correction with the application form's rules for the three fields (a name of at most
/// limits::name, a valid address, a telephone number of digits, spaces and +) and a one-line reason
/// of at most limits::reason; invalid, with the fields marked, otherwise.
core::Result<Rectification> check_rectification(const RectificationForm& form);

} // namespace rekrut::domain
