#include "domain/recruitment_case/case_correction.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "domain/recruitment_case/case_fields.hpp"

namespace rekrut::domain {
namespace {

using core::msgid;

constexpr std::size_t k_max_reason = 1000;

std::size_t characters(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char byte) {
        return (static_cast<unsigned char>(byte) & 0xC0U) != 0x80U;
    }));
}

} // namespace

std::vector<core::FieldError> check_case_correction(const CaseRecord& current,
                                                    const CaseCorrection& correction, core::UnixTime now)
{
    std::vector<core::FieldError> problems;
    if (current.state != CaseState::published)
        problems.push_back({"state", msgid("Only a published case can be corrected.")});
    const auto& deadline = correction.application_deadline;
    if (!deadline)
        problems.push_back({"deadline_date", msgid("Enter the deadline as a date and a time, for example "
                                                   "2027-01-15 and 12:00.")});
    else if (current.application_deadline && *deadline < *current.application_deadline)
        problems.push_back({"deadline_date", msgid("The deadline can be moved later, never earlier.")});
    else if (*deadline <= now)
        problems.push_back({"deadline_date", msgid("The application deadline must be in the future.")});
    // The contact persons by the case form's own rules.
    CaseFields fields;
    fields.title = current.title.empty() ? "-" : current.title;
    fields.languages.danish = true;
    fields.contacts = correction.contacts;
    for (auto& problem : check_case_fields(fields))
        if (problem.field.rfind("contact_", 0) == 0)
            problems.push_back(std::move(problem));
    bool reachable =
        std::any_of(correction.contacts.begin(), correction.contacts.end(), [](const ContactPerson& contact) {
            return !contact.name.empty() && (!contact.phone.empty() || !contact.email.empty());
        });
    if (!reachable)
        problems.push_back(
            {"contact_name_1", msgid("The ad must name a contact person with phone or e-mail.")});
    std::string reason(core::trim(correction.reason));
    if (reason.empty() || !core::is_valid_utf8(reason) || characters(reason) > k_max_reason)
        problems.push_back(
            {"reason", msgid("Give the reason for the correction (at most 1,000 characters).")});
    return problems;
}

} // namespace rekrut::domain
