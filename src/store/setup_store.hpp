#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

// The institution set-up an Administrator maintains. Every function takes the institution first;
// records of another institution are not found.

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

namespace organisation_units {
std::int64_t insert(soci::session& sql, std::int64_t institution_id, std::optional<std::int64_t> parent_id,
                    const std::string& name, core::UnixTime now);
/// Depth-first, children under their parent, with depth set.
std::vector<OrganisationUnitRecord> list(soci::session& sql, std::int64_t institution_id);
std::optional<OrganisationUnitRecord> find(soci::session& sql, std::int64_t institution_id,
                                           std::int64_t unit_id);
void rename(soci::session& sql, std::int64_t institution_id, std::int64_t unit_id, const std::string& name);
} // namespace organisation_units

namespace mandatory_texts {
std::int64_t insert(soci::session& sql, std::int64_t institution_id, const MandatoryTextRecord& text,
                    core::UnixTime now);
void update(soci::session& sql, std::int64_t institution_id, const MandatoryTextRecord& text,
            core::UnixTime now);
std::vector<MandatoryTextRecord> list(soci::session& sql, std::int64_t institution_id);
std::optional<MandatoryTextRecord> find(soci::session& sql, std::int64_t institution_id,
                                        std::int64_t text_id);
} // namespace mandatory_texts

namespace ad_templates {
std::int64_t insert(soci::session& sql, std::int64_t institution_id, const AdTemplateRecord& ad_template,
                    core::UnixTime now);
void update(soci::session& sql, std::int64_t institution_id, const AdTemplateRecord& ad_template,
            core::UnixTime now);
std::vector<AdTemplateRecord> list(soci::session& sql, std::int64_t institution_id);
std::optional<AdTemplateRecord> find(soci::session& sql, std::int64_t institution_id,
                                     std::int64_t template_id);
} // namespace ad_templates

namespace question_templates {
std::int64_t insert(soci::session& sql, std::int64_t institution_id, const QuestionTemplateRecord& question,
                    core::UnixTime now);
void update(soci::session& sql, std::int64_t institution_id, const QuestionTemplateRecord& question);
std::vector<QuestionTemplateRecord> list(soci::session& sql, std::int64_t institution_id);
std::optional<QuestionTemplateRecord> find(soci::session& sql, std::int64_t institution_id,
                                           std::int64_t question_id);
} // namespace question_templates

/// `table` is "collective_agreements" or "position_categories" (a fixed choice, never input).
namespace named_lists {
std::int64_t insert(soci::session& sql, const char* table, std::int64_t institution_id,
                    const std::string& name);
void remove(soci::session& sql, const char* table, std::int64_t institution_id, std::int64_t id);
std::vector<NamedRecord> list(soci::session& sql, const char* table, std::int64_t institution_id);
} // namespace named_lists

} // namespace rekrut::store
