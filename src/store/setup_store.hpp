#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/institution/setup_records.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

using domain::AdTemplateRecord;
using domain::MandatoryTextRecord;
using domain::NamedRecord;
using domain::OrganisationUnitRecord;
using domain::QuestionTemplateRecord;

// The institution set-up an Administrator maintains. Every function takes the institution first;
// records of another institution are not found.

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
