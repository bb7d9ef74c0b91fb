#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/institution/setup_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// Which of the two simple lists.
enum class SetupList { collective_agreements, position_categories };

/// The placeholders an ad template body may use (the case fills them in): domain::k_placeholder_names.

/// Input rules of the set-up records, without a database so they can be unit-tested. Each normalises
/// the record it is given (trims names, drops blank option lines, fills defaults) and returns the
/// problems, each with the form field it belongs to; empty when the record may be saved.
std::vector<core::FieldError> check_mandatory_text(domain::MandatoryTextRecord& text);
std::vector<core::FieldError> check_ad_template(domain::AdTemplateRecord& ad_template);
/// (The question rules themselves are domain::check_screening_question.)
std::vector<core::FieldError> check_question(domain::QuestionTemplateRecord& question);

/// The institution set-up an Administrator or Superbruger maintains: units, mandatory texts, ad
/// templates, screening-question templates and the lists the case form draws on. Every call checks
/// the policy (edit_institution_setup) first; for those without the right, and for records of
/// another institution, the answer is "not found". Every change is audited in its own transaction.
class InstitutionSetup {
public:
    explicit InstitutionSetup(store::Database& database) : m_database(database) {}

    bool allowed(const domain::Actor& actor, std::int64_t institution_id) const;

    core::Result<std::vector<domain::OrganisationUnitRecord>> units(const domain::Actor& actor,
                                                                    std::int64_t institution_id);
    /// `parent_id` is the form value: empty for a top-level unit.
    core::Result<std::int64_t> add_unit(const domain::Actor& actor, std::int64_t institution_id,
                                        const std::string& parent_id, const std::string& name,
                                        const Origin& origin);
    core::Status rename_unit(const domain::Actor& actor, std::int64_t institution_id, std::int64_t unit_id,
                             const std::string& name, const Origin& origin);

    core::Result<std::vector<domain::MandatoryTextRecord>> mandatory_texts(const domain::Actor& actor,
                                                                           std::int64_t institution_id);
    core::Result<domain::MandatoryTextRecord>
    mandatory_text(const domain::Actor& actor, std::int64_t institution_id, std::int64_t text_id);
    /// Creates (id 0) or changes a mandatory text; body_source is in the rich-text format and
    /// body_html is made from it here.
    core::Result<std::int64_t> save_mandatory_text(const domain::Actor& actor, std::int64_t institution_id,
                                                   domain::MandatoryTextRecord text, const Origin& origin);

    core::Result<std::vector<domain::AdTemplateRecord>> ad_templates(const domain::Actor& actor,
                                                                     std::int64_t institution_id);
    core::Result<domain::AdTemplateRecord> ad_template(const domain::Actor& actor,
                                                       std::int64_t institution_id, std::int64_t template_id);
    /// Creates (id 0) or changes an ad template. A weekly_hours the form could not read is passed
    /// as a negative number and refused here.
    core::Result<std::int64_t> save_ad_template(const domain::Actor& actor, std::int64_t institution_id,
                                                domain::AdTemplateRecord ad_template, const Origin& origin);

    core::Result<std::vector<domain::QuestionTemplateRecord>> questions(const domain::Actor& actor,
                                                                        std::int64_t institution_id);
    core::Result<domain::QuestionTemplateRecord>
    question(const domain::Actor& actor, std::int64_t institution_id, std::int64_t question_id);
    core::Result<std::int64_t> save_question(const domain::Actor& actor, std::int64_t institution_id,
                                             domain::QuestionTemplateRecord question, const Origin& origin);

    core::Result<std::vector<domain::NamedRecord>> list(const domain::Actor& actor, SetupList which,
                                                        std::int64_t institution_id);
    /// Adds a name to the list; a name already on it (ignoring ASCII case) is refused.
    core::Result<std::int64_t> add_to_list(const domain::Actor& actor, SetupList which,
                                           std::int64_t institution_id, const std::string& name,
                                           const Origin& origin);
    core::Status remove_from_list(const domain::Actor& actor, SetupList which, std::int64_t institution_id,
                                  std::int64_t item_id, const Origin& origin);

private:
    store::Database& m_database;
};

} // namespace rekrut::services
