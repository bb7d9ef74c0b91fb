#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::domain {

enum class EmploymentForm { permanent, fixed_term, aaremaal };
enum class EmploymentBasis { collective_agreement, civil_servant };

struct ContactPerson {
    std::string name;
    std::string title;
    std::string phone;
    std::string email;
};

/// Everything a state job ad states, in one language version.
struct JobAdContent {
    std::string title;
    std::string place_of_work;     ///< Address of the workplace.
    std::string municipality_code; ///< Three digits, for Jobnet.
    std::string salary_text;       ///< Salary placement ("Løn efter ...").
    std::string collective_agreement;
    EmploymentForm employment_form = EmploymentForm::permanent;
    EmploymentBasis employment_basis = EmploymentBasis::collective_agreement;
    std::string fixed_term_text; ///< Required for fixed term and åremål: the period.
    bool full_time = true;
    double weekly_hours = 37; ///< Required below 37 for part-time.
    std::optional<core::UnixTime> application_deadline;
    std::vector<ContactPerson> contacts;
    bool readvertisement = false;
    std::string body_html; ///< Sanitized.
    /// The institution's encouragement sentence ("Vi opfordrer alle interesserede ...") is in the ad.
    bool has_encouragement = false;
};

/// Everything a Danish state ad must state, each missing item named (message ids with the field
/// they belong to). Empty when the ad may be marked ready for publication.
std::vector<core::FieldError> validate_job_ad(const JobAdContent& ad);

} // namespace rekrut::domain
