#pragma once

#include <cstdint>
#include <string>

#include "core/clock.hpp"

namespace rekrut::domain {

/// A published position as the public career site lists it: what the list shows, filters and sorts
/// by, and what tells a change of the ad (`updated_at`).
struct OpenPosition {
    std::int64_t case_id = 0;
    std::int64_t institution_id = 0;
    std::string title;
    std::string institution_name;
    std::string place_of_work;
    std::string employment_form; ///< permanent | fixed_term | aaremaal
    std::string position_category;
    std::string municipality_code; ///< Empty until the structured workplace address exists.
    bool full_time = true;
    double weekly_hours = 37;
    core::UnixTime application_deadline = 0;
    core::UnixTime published_at = 0;
    core::UnixTime updated_at = 0;
    /// Title, institution, place, category and ad text, folded for search (`fold_for_search`).
    std::string search_text;
};

/// An institution's presentation text (a required mandatory text of the kind "presentation").
struct InstitutionPresentation {
    std::int64_t institution_id = 0;
    std::string language;
    std::string body_html; ///< Sanitized.
    core::UnixTime updated_at = 0;
};

} // namespace rekrut::domain
