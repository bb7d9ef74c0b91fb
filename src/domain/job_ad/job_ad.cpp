#include "domain/job_ad/job_ad.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace rekrut::domain {
namespace {

bool blank(const std::string& text)
{
    return core::trim(text).empty();
}

} // namespace

std::vector<core::FieldError> validate_job_ad(const JobAdContent& ad)
{
    using core::msgid;
    std::vector<core::FieldError> missing;
    if (blank(ad.title))
        missing.push_back({"title", msgid("The ad needs a title.")});
    if (blank(ad.place_of_work))
        missing.push_back({"place_of_work", msgid("The ad must state the place of work.")});
    if (ad.municipality_code.size() != 3 ||
        !std::all_of(ad.municipality_code.begin(), ad.municipality_code.end(), ::isdigit))
        missing.push_back({"municipality_code", msgid("The municipality code must be three digits.")});
    if (blank(ad.salary_text))
        missing.push_back({"salary_text", msgid("The ad must state the salary placement.")});
    if (ad.employment_basis == EmploymentBasis::collective_agreement && blank(ad.collective_agreement))
        missing.push_back({"collective_agreement", msgid("The ad must name the collective agreement.")});
    if (ad.employment_form != EmploymentForm::permanent && blank(ad.fixed_term_text))
        missing.push_back({"fixed_term_text", msgid("A fixed-term position must state the period.")});
    if (!ad.full_time && (ad.weekly_hours <= 0 || ad.weekly_hours >= 37))
        missing.push_back(
            {"weekly_hours", msgid("A part-time position must state the weekly hours (under 37).")});
    if (!ad.application_deadline)
        missing.push_back(
            {"deadline_date", msgid("The ad must state the application deadline as date and time.")});
    bool reachable_contact =
        std::any_of(ad.contacts.begin(), ad.contacts.end(), [](const ContactPerson& contact) {
            return !blank(contact.name) && (!blank(contact.phone) || !blank(contact.email));
        });
    if (!reachable_contact)
        missing.push_back({"contact_name", msgid("The ad must name a contact person with phone or e-mail.")});
    if (!ad.has_encouragement)
        missing.push_back(
            {"body", msgid("The ad must include the sentence encouraging all interested to apply.")});
    if (blank(ad.body_html))
        missing.push_back({"body", msgid("The ad needs a text.")});
    return missing;
}

} // namespace rekrut::domain
