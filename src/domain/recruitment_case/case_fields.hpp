#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/job_ad/job_ad.hpp"

namespace rekrut::domain {

/// The languages a case is advertised in.
struct AdLanguages {
    bool danish = false;
    bool english = false;

    bool empty() const { return !danish && !english; }
    /// "da", "en" or "da,en", as stored.
    std::string to_string() const;
    /// From the stored form; unknown parts are ignored.
    static AdLanguages parse(const std::string& text);
};

std::string_view to_string(EmploymentForm form);
std::optional<EmploymentForm> employment_form_from_string(std::string_view text);
std::string_view to_string(EmploymentBasis basis);
std::optional<EmploymentBasis> employment_basis_from_string(std::string_view text);

/// The fields of a recruitment case that its form edits, as typed values. The web layer parses the
/// form into this; `check_case_fields` holds the rules that need nothing but the values.
struct CaseFields {
    std::string title;
    std::optional<std::int64_t> unit_id;
    std::string place_of_work;
    std::string work_postcode; ///< Four digits, or empty.
    std::string work_city;
    std::string municipality_code; ///< Three digits, or empty.
    std::string occupation_code;
    EmploymentForm employment_form = EmploymentForm::permanent;
    EmploymentBasis employment_basis = EmploymentBasis::collective_agreement;
    std::string fixed_term_text;
    bool full_time = true;
    double weekly_hours = 37; ///< Below 37 for part time.
    std::string salary_text;
    std::string collective_agreement;
    std::string position_category;
    int positions = 1;
    std::optional<core::UnixTime> application_deadline;
    std::optional<core::UnixTime> expected_start;
    bool readvertisement = false;
    AdLanguages languages;
    std::vector<ContactPerson> contacts; ///< In form order; entirely blank entries are ignored.
};

/// The field a problem with contact person `index` (0-based) is reported on.
std::string contact_field(std::size_t index, const char* part);

/// A contact entry with nothing in it (the form always has room for two).
bool is_blank(const ContactPerson& contact);

/// Every problem with the values, each on its field: title, municipality code, weekly hours,
/// positions, at least one ad language, a name for each contact person, a valid contact e-mail and
/// the length limits. Empty when the fields may be stored.
std::vector<core::FieldError> check_case_fields(const CaseFields& fields);

} // namespace rekrut::domain
