#include "domain/recruitment_case/case_fields.hpp"

#include "core/text.hpp"
#include "domain/email_address.hpp"
#include "domain/field_limits.hpp"

namespace rekrut::domain {

using core::msgid;

std::string AdLanguages::to_string() const
{
    if (danish && english)
        return "da,en";
    return english ? "en" : "da";
}

AdLanguages AdLanguages::parse(const std::string& text)
{
    AdLanguages languages;
    for (auto field : core::split(text, ',')) {
        auto part = core::trim(field);
        languages.danish = languages.danish || part == "da";
        languages.english = languages.english || part == "en";
    }
    return languages;
}

std::string_view to_string(EmploymentForm form)
{
    switch (form) {
    case EmploymentForm::permanent: return "permanent";
    case EmploymentForm::fixed_term: return "fixed_term";
    case EmploymentForm::aaremaal: return "aaremaal";
    }
    return "permanent";
}

std::optional<EmploymentForm> employment_form_from_string(std::string_view text)
{
    for (auto form : {EmploymentForm::permanent, EmploymentForm::fixed_term, EmploymentForm::aaremaal})
        if (to_string(form) == text)
            return form;
    return std::nullopt;
}

std::string_view to_string(EmploymentBasis basis)
{
    return basis == EmploymentBasis::civil_servant ? "civil_servant" : "collective_agreement";
}

std::optional<EmploymentBasis> employment_basis_from_string(std::string_view text)
{
    for (auto basis : {EmploymentBasis::collective_agreement, EmploymentBasis::civil_servant})
        if (to_string(basis) == text)
            return basis;
    return std::nullopt;
}

std::string contact_field(std::size_t index, const char* part)
{
    return std::string("contact_") + part + "_" + std::to_string(index + 1);
}

bool is_blank(const ContactPerson& contact)
{
    return contact.name.empty() && contact.title.empty() && contact.phone.empty() && contact.email.empty();
}

std::vector<core::FieldError> check_case_fields(const CaseFields& fields)
{
    std::vector<core::FieldError> problems;
    if (fields.title.empty() || fields.title.size() > limits::name)
        problems.push_back({"title", msgid("Give the position a title (at most 200 characters).")});
    if (!fields.municipality_code.empty() &&
        (fields.municipality_code.size() != 3 || !core::is_ascii_digits(fields.municipality_code)))
        problems.push_back({"municipality_code", msgid("The municipality code must be three digits.")});
    if (!fields.work_postcode.empty() &&
        (fields.work_postcode.size() != 4 || !core::is_ascii_digits(fields.work_postcode)))
        problems.push_back({"work_postcode", msgid("The postcode must be four digits.")});
    if (!fields.full_time && !(fields.weekly_hours > 0 && fields.weekly_hours < 37))
        problems.push_back({"weekly_hours", msgid("Enter the weekly hours as a number under 37.")});
    if (fields.positions < 1 || fields.positions > limits::positions)
        problems.push_back({"positions", msgid("Enter the number of positions (1 to 500).")});
    if (fields.languages.empty())
        problems.push_back({"ad_languages", msgid("Choose at least one ad language.")});
    if (fields.contacts.size() > limits::contact_persons)
        problems.push_back({contact_field(limits::contact_persons, "name"),
                            msgid("An ad names at most two contact persons.")});
    for (std::size_t index = 0; index < fields.contacts.size(); ++index) {
        const auto& contact = fields.contacts[index];
        if (is_blank(contact))
            continue;
        if (contact.name.empty())
            problems.push_back({contact_field(index, "name"), msgid("Each contact person needs a name.")});
        if (!contact.email.empty() && !normalize_email_address(contact.email))
            problems.push_back({contact_field(index, "email"),
                                msgid("Enter a valid e-mail address, for example name@example.test.")});
        const std::pair<const char*, const std::string*> parts[] = {
            {"name", &contact.name}, {"title", &contact.title}, {"phone", &contact.phone}};
        for (const auto& [part, text] : parts)
            if (text->size() > limits::name)
                problems.push_back({contact_field(index, part), msgid("The text is too long.")});
    }
    const std::pair<const char*, const std::string*> lines[] = {
        {"place_of_work", &fields.place_of_work},     {"work_city", &fields.work_city},
        {"salary_text", &fields.salary_text},         {"fixed_term_text", &fields.fixed_term_text},
        {"occupation_code", &fields.occupation_code}, {"position_category", &fields.position_category}};
    for (const auto& [field, text] : lines)
        if (text->size() > limits::line)
            problems.push_back({field, msgid("The text is too long.")});
    if (fields.collective_agreement.size() > limits::name)
        problems.push_back({"collective_agreement", msgid("The text is too long.")});
    return problems;
}

} // namespace rekrut::domain
