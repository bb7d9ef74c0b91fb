#pragma once

// An institution's set-up: units, mandatory texts, ad templates, question templates and named lists.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace rekrut::domain {

struct OrganisationUnitRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> parent_id;
    std::string name;
    int depth = 0; ///< Filled by list(): 0 for top-level units.
};

struct MandatoryTextRecord {
    std::int64_t id = 0;
    std::string name;
    std::string kind = "other"; ///< encouragement | salary | presentation | other
    std::string language = "da";
    std::string body_source; ///< In the rich-text format (domain/job_ad/rich_text.hpp).
    std::string body_html;   ///< Sanitized rendering of body_source.
    bool required = true;    ///< Cannot be removed from an ad.
    bool locked = true;      ///< Cannot be edited in an ad.
    int position = 0;
};

struct AdTemplateRecord {
    std::int64_t id = 0;
    std::string name;
    std::string language = "da";
    std::string title;
    std::string salary_text;
    std::string collective_agreement;
    std::string employment_form = "permanent";
    std::string employment_basis = "collective_agreement";
    bool full_time = true;
    double weekly_hours = 37;
    std::string body_source;
};

struct QuestionTemplateRecord {
    std::int64_t id = 0;
    std::string text;
    std::string kind;    ///< yes_no | single_choice | multiple_choice | number | short_text
    std::string options; ///< One per line; a line starting with "!" disqualifies.
};

struct NamedRecord {
    std::int64_t id = 0;
    std::string name;
};

} // namespace rekrut::domain
