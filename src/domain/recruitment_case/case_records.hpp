#pragma once

// The records of a recruitment case as the store reads and writes them and the services hand them upward.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/access/roles.hpp"
#include "domain/job_ad/job_ad.hpp"
#include "domain/recruitment_case/case_state.hpp"

namespace rekrut::domain {

/// A recruitment case row. Every function takes the institution first.
struct CaseRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::string title;
    domain::CaseState state = domain::CaseState::draft;
    std::optional<std::int64_t> unit_id;
    std::string unit_name;
    std::string place_of_work; ///< The street address of the workplace.
    std::string work_postcode; ///< Four digits, or empty.
    std::string work_city;
    std::string municipality_code;
    std::string occupation_code;
    std::string employment_form = "permanent";
    std::string employment_basis = "collective_agreement";
    std::string fixed_term_text;
    bool full_time = true;
    double weekly_hours = 37;
    std::string salary_text;
    std::string collective_agreement;
    std::string position_category; ///< One of the institution's position categories, or empty.
    int positions = 1;
    std::optional<core::UnixTime> application_deadline;
    std::optional<core::UnixTime> expected_start;
    bool readvertisement = false;
    std::string ad_languages = "da"; ///< "da", "en" or "da,en"
    std::optional<std::int64_t> template_id;
    std::optional<std::int64_t> copied_from;
    std::optional<core::UnixTime> published_at;
    core::UnixTime created_at = 0;
    core::UnixTime updated_at = 0;
    std::string contract_signed_on;          ///< "YYYY-MM-DD" once HR recorded the signed contract.
    std::optional<core::UnixTime> closed_at; ///< Closed after the rejections; retention runs from it.
};

struct CaseListFilter {
    std::int64_t institution_id = 0;
    std::optional<std::int64_t> member_user_id; ///< Only cases where this user holds a case role.
    std::optional<domain::CaseState> state;
    std::optional<std::int64_t> unit_id;
    std::optional<core::UnixTime> deadline_from;
    std::optional<core::UnixTime> deadline_to;
    std::string sort = "deadline"; ///< deadline | title | created | state
    bool descending = false;
    int limit = 25;
    int offset = 0;
};

struct CommitteeMemberRecord {
    std::int64_t user_id = 0;
    std::string name;
    std::string email;
    domain::CaseRole role = domain::CaseRole::projektdeltager;
    bool external = false;
};

/// A mandatory text as it stands in one version of an ad.
struct AdVersionText {
    std::int64_t mandatory_text_id = 0;
    std::string name;
    std::string body_source;
    std::string body_html; ///< Sanitized rendering of body_source.
    int position = 0;
};

struct AdVersionRecord {
    std::int64_t id = 0;
    std::string language;
    int version = 0;
    std::string body_source;
    std::string body_html;
    std::string mandatory_text_ids;   ///< "3,5,8"
    std::vector<AdVersionText> texts; ///< Only where asked for (ad_version_texts).
    std::string created_by_name;
    core::UnixTime created_at = 0;
};

struct CaseQuestionRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> template_id;
    std::string text;
    std::string kind;
    std::string options;
    int position = 0;
};

} // namespace rekrut::domain
