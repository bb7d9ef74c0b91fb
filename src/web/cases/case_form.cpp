#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <ctemplate/template.h>
#include <variant>

#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/recruitment_case/case_fields.hpp"
#include "services/recruitment_case/recruitment_cases.hpp"
#include "web/app_context.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_pages.hpp"
#include "web/cases/case_record.hpp"
#include "web/cases/reference_data.hpp"
#include "web/forms.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {
namespace {

using core::msgid;
using domain::Action;

/// The case form as typed values, with the problems of parsing it and (for fields that parsed) the
/// domain's checks, so the form shows every problem at once.
struct ParsedCaseForm {
    domain::CaseFields fields;
    std::vector<core::FieldError> problems;
};

std::string trimmed_field(const Request& request, const std::string& name, const std::string& fallback = "")
{
    return std::string(core::trim(request.form_or(name, fallback)));
}

/// Hours such as "18,5" or "18.5": digits with at most one decimal separator (strtod alone would also
/// take "nan", "1e1" and "0x10").
std::optional<double> parse_hours(std::string text)
{
    std::replace(text.begin(), text.end(), ',', '.');
    auto point = text.find('.');
    std::string whole = text.substr(0, point);
    std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
    if (!core::is_ascii_digits(whole) || (point != std::string::npos && !core::is_ascii_digits(fraction)))
        return std::nullopt;
    return std::strtod(text.c_str(), nullptr);
}

/// The domain names the ad languages as one field; the form marks its first checkbox.
core::Error on_form_fields(core::Error error)
{
    for (auto& field : error.fields)
        if (field.field == "ad_languages")
            field.field = "language_da";
    return error;
}

ParsedCaseForm parse_case_form(const Request& request)
{
    ParsedCaseForm parsed;
    auto& fields = parsed.fields;
    auto& problems = parsed.problems;
    fields.title = trimmed_field(request, "title");
    if (auto unit = trimmed_field(request, "unit_id"); !unit.empty()) {
        if (auto id = parse_id(unit))
            fields.unit_id = id;
        else
            problems.push_back({"unit_id", msgid("Choose one of the units.")});
    }
    fields.place_of_work = trimmed_field(request, "place_of_work");
    fields.work_postcode = trimmed_field(request, "work_postcode");
    fields.work_city = trimmed_field(request, "work_city");
    fields.municipality_code = trimmed_field(request, "municipality_code");
    // A three-digit code that names no municipality; other shapes get the domain's message.
    if (fields.municipality_code.size() == 3 && core::is_ascii_digits(fields.municipality_code) &&
        !municipality_by_code(fields.municipality_code))
        problems.push_back({"municipality_code", msgid("Choose the municipality from the list.")});
    fields.occupation_code = trimmed_field(request, "occupation_code");
    if (!fields.occupation_code.empty() && !is_valid_occupation_code(fields.occupation_code))
        problems.push_back({"occupation_code", msgid("Enter the occupation code as four or six digits, for "
                                                     "example 2423 or 2411.10.")});
    if (auto form = domain::employment_form_from_string(request.form_or("employment_form")))
        fields.employment_form = *form;
    else
        problems.push_back({"employment_form", msgid("Choose the form of employment.")});
    if (auto basis = domain::employment_basis_from_string(request.form_or("employment_basis")))
        fields.employment_basis = *basis;
    else
        problems.push_back({"employment_basis", msgid("Choose the form of employment.")});
    fields.fixed_term_text = trimmed_field(request, "fixed_term_text");
    fields.full_time = request.form_or("working_time") != "part_time";
    if (!fields.full_time) {
        if (auto hours = parse_hours(trimmed_field(request, "weekly_hours")))
            fields.weekly_hours = *hours;
        else
            problems.push_back({"weekly_hours", msgid("Enter the weekly hours as a number under 37.")});
    }
    fields.salary_text = trimmed_field(request, "salary_text");
    fields.collective_agreement = trimmed_field(request, "collective_agreement");
    fields.position_category = trimmed_field(request, "position_category");
    std::string positions = trimmed_field(request, "positions", "1");
    auto [end, error] =
        std::from_chars(positions.data(), positions.data() + positions.size(), fields.positions);
    if (error != std::errc() || end != positions.data() + positions.size())
        problems.push_back({"positions", msgid("Enter the number of positions (1 to 500).")});
    auto deadline_date = trimmed_field(request, "deadline_date");
    auto deadline_time = trimmed_field(request, "deadline_time");
    if (!deadline_date.empty() || !deadline_time.empty()) {
        fields.application_deadline = core::parse_copenhagen(deadline_date, deadline_time);
        if (!fields.application_deadline)
            problems.push_back({"deadline_date", msgid("Enter the deadline as a date and a time, for example "
                                                       "2027-01-15 and 12:00.")});
    }
    if (auto start = trimmed_field(request, "expected_start_date"); !start.empty()) {
        fields.expected_start = core::parse_copenhagen(start, "00:00");
        if (!fields.expected_start)
            problems.push_back({"expected_start_date", msgid("Enter the expected start as a date.")});
    }
    fields.readvertisement = !request.form_or("readvertisement").empty();
    for (const auto& [key, text] : request.form)
        if (key == "ad_languages") {
            fields.languages.danish = fields.languages.danish || text == "da";
            fields.languages.english = fields.languages.english || text == "en";
        }
    for (int number = 1; number <= 2; ++number) {
        std::string n = std::to_string(number);
        domain::ContactPerson contact{
            trimmed_field(request, "contact_name_" + n), trimmed_field(request, "contact_title_" + n),
            trimmed_field(request, "contact_phone_" + n), trimmed_field(request, "contact_email_" + n)};
        fields.contacts.push_back(std::move(contact));
    }
    if (!problems.empty()) {
        // Add the domain's findings on the fields that parsed, so every problem shows at once.
        for (auto& problem :
             on_form_fields(core::Error::invalid("", domain::check_case_fields(fields))).fields)
            if (std::none_of(problems.begin(), problems.end(),
                             [&](const core::FieldError& known) { return known.field == problem.field; }))
                problems.push_back(std::move(problem));
    }
    return parsed;
}

std::string date_part(const std::optional<core::UnixTime>& time)
{
    return time ? core::format_copenhagen_date(*time) : "";
}

std::string time_part(const std::optional<core::UnixTime>& time)
{
    return time ? core::format_copenhagen(*time).substr(11) : "";
}

/// The value a field of the edit form shows: what was posted when the form comes back with its
/// problems, otherwise what is stored.
class FormValues {
public:
    explicit FormValues(const Request& request) : m_request(request), m_posted(request.method == "POST") {}

    [[nodiscard]] bool posted() const { return m_posted; }

    [[nodiscard]] std::string operator()(const std::string& field, const std::string& stored) const
    {
        return m_posted ? m_request.form_or(field) : stored;
    }

private:
    const Request& m_request;
    bool m_posted;
};

void fill_case_texts(Dictionary& dictionary, const domain::CaseRecord& record, const FormValues& value)
{
    dictionary.SetValue("ID", std::to_string(record.id));
    keep_value(dictionary, "title", value("title", record.title));
    keep_value(dictionary, "place_of_work", value("place_of_work", record.place_of_work));
    keep_value(dictionary, "work_postcode", value("work_postcode", record.work_postcode));
    keep_value(dictionary, "work_city", value("work_city", record.work_city));
    keep_value(dictionary, "municipality_code", value("municipality_code", record.municipality_code));
    keep_value(dictionary, "occupation_code", value("occupation_code", record.occupation_code));
    keep_value(dictionary, "fixed_term_text", value("fixed_term_text", record.fixed_term_text));
    keep_value(dictionary, "salary_text", value("salary_text", record.salary_text));
    keep_value(dictionary, "collective_agreement",
               value("collective_agreement", record.collective_agreement));
    keep_value(dictionary, "positions", value("positions", std::to_string(record.positions)));
    char hours[16];
    std::snprintf(hours, sizeof hours, "%g", record.weekly_hours);
    keep_value(dictionary, "weekly_hours", value("weekly_hours", record.full_time ? "" : hours));
    keep_value(dictionary, "deadline_date", value("deadline_date", date_part(record.application_deadline)));
    keep_value(dictionary, "deadline_time", value("deadline_time", time_part(record.application_deadline)));
    keep_value(dictionary, "expected_start_date",
               value("expected_start_date", date_part(record.expected_start)));
}

void fill_case_choices(Dictionary& dictionary, const Request& request, const domain::CaseRecord& record,
                       const FormValues& value)
{
    std::string form = value("employment_form", record.employment_form);
    std::string basis = value("employment_basis", record.employment_basis);
    std::string working = value("working_time", record.full_time ? "full_time" : "part_time");
    dictionary.ShowSection("FORM_" + std::string(form == "fixed_term" ? "FIXED_TERM"
                                                 : form == "aaremaal" ? "AAREMAAL"
                                                                      : "PERMANENT"));
    dictionary.ShowSection(basis == "civil_servant" ? "BASIS_CIVIL_SERVANT" : "BASIS_AGREEMENT");
    dictionary.ShowSection(working == "part_time" ? "PART_TIME" : "FULL_TIME");
    if (value.posted() ? !request.form_or("readvertisement").empty() : record.readvertisement)
        dictionary.ShowSection("READVERTISEMENT");
    std::string languages = record.ad_languages;
    if (value.posted()) {
        languages.clear();
        for (const auto& [key, text] : request.form)
            if (key == "ad_languages")
                languages += text + ",";
    }
    if (languages.find("da") != std::string::npos)
        dictionary.ShowSection("LANGUAGE_DA");
    if (languages.find("en") != std::string::npos)
        dictionary.ShowSection("LANGUAGE_EN");
}

void fill_case_lists(Dictionary& dictionary, AppContext& context, const Request& request,
                     const domain::CaseRecord& record, const FormValues& value)
{
    const auto& actor = request.actor();
    auto institution = institution_of(request);
    std::string unit = value("unit_id", record.unit_id ? std::to_string(*record.unit_id) : "");
    for (const auto& candidate : context.cases.units(actor, institution)) {
        auto* option = dictionary.AddSectionDictionary("UNIT_OPTION");
        option->SetValue("VALUE", std::to_string(candidate.id));
        option->SetValue("LABEL",
                         std::string(static_cast<std::size_t>(candidate.depth) * 2, ' ') + candidate.name);
        if (unit == std::to_string(candidate.id))
            option->ShowSection("SELECTED");
    }
    std::string municipality = value("municipality_code", record.municipality_code);
    for (const auto& candidate : municipalities()) {
        auto* option = dictionary.AddSectionDictionary("MUNICIPALITY_OPTION");
        option->SetValue("CODE", std::string(candidate.code));
        option->SetValue("NAME", std::string(candidate.name));
        if (municipality == candidate.code)
            option->ShowSection("SELECTED");
    }
    for (const auto& occupation : common_occupation_codes()) {
        auto* option = dictionary.AddSectionDictionary("OCCUPATION_OPTION");
        option->SetValue("CODE", std::string(occupation.code));
        option->SetValue("TITLE",
                         std::string(request.language == "en" ? occupation.english : occupation.danish));
    }
    if (auto title = occupation_text(record.occupation_code, request.language);
        title != record.occupation_code)
        dictionary.SetValueAndShowSection("OCCUPATION_TITLE", title, "HAS_OCCUPATION_TITLE");
    for (const auto& agreement : context.cases.collective_agreements(actor, institution))
        dictionary.AddSectionDictionary("AGREEMENT_OPTION")->SetValue("NAME", agreement.name);
    std::string category = value("position_category", record.position_category);
    for (const auto& candidate : context.cases.position_categories(actor, institution)) {
        auto* option = dictionary.AddSectionDictionary("CATEGORY_OPTION");
        option->SetValue("NAME", candidate.name);
        if (candidate.name == category)
            option->ShowSection("SELECTED");
    }
}

void fill_contacts(Dictionary& dictionary, const std::vector<domain::ContactPerson>& contacts,
                   const FormValues& value)
{
    for (std::size_t i = 0; i < 2; ++i) {
        auto* contact = dictionary.AddSectionDictionary("CONTACT");
        std::string n = std::to_string(i + 1);
        domain::ContactPerson stored = i < contacts.size() ? contacts[i] : domain::ContactPerson{};
        contact->SetValue("N", n);
        contact->SetValue("NAME", value("contact_name_" + n, stored.name));
        contact->SetValue("CONTACT_TITLE", value("contact_title_" + n, stored.title));
        contact->SetValue("PHONE", value("contact_phone_" + n, stored.phone));
        contact->SetValue("EMAIL", value("contact_email_" + n, stored.email));
    }
}

} // namespace

Response locked_case_page(AppContext& context, Request& request, const services::CaseOverview& overview,
                          LockedPart part, const std::function<void(Dictionary&)>& fill_more)
{
    const auto& record = overview.record;
    bool posted = request.method == "POST";
    std::string heading =
        tr(context, request, part == LockedPart::facts ? msgid("Edit the case") : msgid("Write the ad"));
    return page(
        context, request, "cases/locked", heading,
        [&](Dictionary& dictionary) {
            dictionary.SetValue("ID", std::to_string(record.id));
            dictionary.SetValue("HEADING", heading);
            dictionary.SetValue("STATE", tr(context, request, state_label(record.state)));
            if (posted)
                dictionary.SetValueAndShowSection(
                    "REFUSAL", tr(context, request, msgid("A published case can no longer be edited here.")),
                    "WAS_REFUSED");
            else
                dictionary.ShowSection("EXPLAIN");
            if (part == LockedPart::facts) {
                dictionary.ShowSection("HAS_FACTS");
                fill_case_summary(dictionary, context, request, overview, false);
            }
            if (fill_more)
                fill_more(dictionary);
        },
        posted ? 409 : 200);
}

namespace {

/// The case a form edits, for one who may edit it; otherwise the page that says no (403 for one who
/// may see the case, 404 for anyone else) or the error that stopped the look-up.
std::variant<services::CaseOverview, Response> case_to_edit(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto institution = institution_of(request);
    domain::Resource resource{institution, case_id, {}, false, {}};
    if (!domain::can(request.actor(), Action::edit_case, resource))
        return error_page(context, request,
                          domain::can(request.actor(), Action::view_case, resource) ? 403 : 404);
    auto overview = context.cases.overview(request.actor(), institution, case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    return std::move(overview.value());
}

Response edit_form(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto overview = case_to_edit(context, request);
    if (auto* refused = std::get_if<Response>(&overview))
        return std::move(*refused);
    auto& view = std::get<services::CaseOverview>(overview);
    const auto& record = view.record;
    if (!domain::is_editable(record.state))
        return locked_case_page(context, request, view, LockedPart::facts);
    FormValues value(request);
    return page(
        context, request, "cases/edit", record.title,
        [&](Dictionary& dictionary) {
            fill_case_texts(dictionary, record, value);
            fill_case_choices(dictionary, request, record, value);
            fill_case_lists(dictionary, context, request, record, value);
            fill_contacts(dictionary, view.contacts, value);
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

/// The correction of a published case: the deadline, the contact persons and the reason as typed.
domain::CaseCorrection parse_correction(const Request& request, std::vector<core::FieldError>& problems)
{
    domain::CaseCorrection correction;
    auto deadline_date = trimmed_field(request, "deadline_date");
    auto deadline_time = trimmed_field(request, "deadline_time");
    correction.application_deadline = core::parse_copenhagen(deadline_date, deadline_time);
    if (!correction.application_deadline)
        problems.push_back({"deadline_date", msgid("Enter the deadline as a date and a time, for example "
                                                   "2027-01-15 and 12:00.")});
    for (int number = 1; number <= 2; ++number) {
        std::string n = std::to_string(number);
        correction.contacts.push_back(
            {trimmed_field(request, "contact_name_" + n), trimmed_field(request, "contact_title_" + n),
             trimmed_field(request, "contact_phone_" + n), trimmed_field(request, "contact_email_" + n)});
    }
    correction.reason = request.form_or("reason");
    return correction;
}

Response correction_form(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto overview = case_to_edit(context, request);
    if (auto* refused = std::get_if<Response>(&overview))
        return std::move(*refused);
    auto& view = std::get<services::CaseOverview>(overview);
    const auto& record = view.record;
    if (record.state != domain::CaseState::published)
        return locked_case_page(context, request, view, LockedPart::facts);
    FormValues value(request);
    return page(
        context, request, "cases/correction", tr(context, request, msgid("Correct the published case")),
        [&](Dictionary& dictionary) {
            dictionary.SetValue("ID", std::to_string(record.id));
            dictionary.SetValue("CURRENT_DEADLINE",
                                core::format_date_time(record.application_deadline, request.language));
            keep_value(dictionary, "deadline_date",
                       value("deadline_date", date_part(record.application_deadline)));
            keep_value(dictionary, "deadline_time",
                       value("deadline_time", time_part(record.application_deadline)));
            keep_value(dictionary, "reason", request.form_or("reason"));
            fill_contacts(dictionary, view.contacts, value);
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

} // namespace

Response show_case_correction(AppContext& context, Request& request)
{
    return correction_form(context, request, std::nullopt);
}

Response submit_case_correction(AppContext& context, Request& request)
{
    std::vector<core::FieldError> problems;
    auto correction = parse_correction(request, problems);
    if (!problems.empty())
        return correction_form(context, request,
                               core::Error::invalid(msgid("Check the marked fields."), problems));
    auto result =
        context.cases.correct(request.actor(), institution_of(request), parse_id(request.param("case_id")),
                              std::move(correction), request.origin());
    if (!result &&
        (result.error().kind == core::ErrorKind::invalid || result.error().kind == core::ErrorKind::conflict))
        return correction_form(context, request, result.error());
    return after_submit(context, request, result, correction_form,
                        "/cases/" + request.param("case_id") + "?saved=1");
}

Response show_case_edit(AppContext& context, Request& request)
{
    return edit_form(context, request, std::nullopt);
}

Response submit_case_edit(AppContext& context, Request& request)
{
    auto parsed = parse_case_form(request);
    if (!parsed.problems.empty())
        return edit_form(context, request,
                         core::Error::invalid(msgid("Check the marked fields."), parsed.problems));
    auto result =
        context.cases.update(request.actor(), institution_of(request), parse_id(request.param("case_id")),
                             std::move(parsed.fields), request.origin());
    if (!result && result.error().kind == core::ErrorKind::invalid)
        return edit_form(context, request, on_form_fields(result.error()));
    // A stale form against a case published meanwhile: the case as it stands, read-only.
    if (!result && result.error().kind == core::ErrorKind::conflict)
        return edit_form(context, request, result.error());
    return after_submit(context, request, result, edit_form,
                        "/cases/" + request.param("case_id") + "?saved=1");
}

} // namespace rekrut::web
