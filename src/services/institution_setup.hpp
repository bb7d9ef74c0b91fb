#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "services/audit_log.hpp"
#include "store/setup_store.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// Which of the two simple lists.
enum class SetupList { collective_agreements, position_categories };

/// The institution set-up an Administrator or Superbruger maintains: units, mandatory texts, ad
/// templates, screening-question templates and the lists the case form draws on. Every change is
/// checked against the policy and audited in its own transaction.
class InstitutionSetup {
public:
    explicit InstitutionSetup(store::Database& database) : m_database(database) {}

    bool allowed(const domain::Actor& actor, std::int64_t institution_id) const;

    std::vector<store::OrganisationUnitRecord> units(std::int64_t institution_id);
    core::Result<std::int64_t> add_unit(const domain::Actor& actor, std::int64_t institution_id,
                                        const std::string& parent_id, const std::string& name, const Origin& origin);
    core::Status rename_unit(const domain::Actor& actor, std::int64_t institution_id, std::int64_t unit_id,
                             const std::string& name, const Origin& origin);

    std::vector<store::MandatoryTextRecord> mandatory_texts(std::int64_t institution_id);
    std::optional<store::MandatoryTextRecord> mandatory_text(std::int64_t institution_id, std::int64_t text_id);
    /// Creates (id 0) or changes a mandatory text; body_source is in the rich-text format.
    core::Result<std::int64_t> save_mandatory_text(const domain::Actor& actor, std::int64_t institution_id,
                                                   store::MandatoryTextRecord text, const Origin& origin);

    std::vector<store::AdTemplateRecord> ad_templates(std::int64_t institution_id);
    std::optional<store::AdTemplateRecord> ad_template(std::int64_t institution_id, std::int64_t template_id);
    core::Result<std::int64_t> save_ad_template(const domain::Actor& actor, std::int64_t institution_id,
                                                store::AdTemplateRecord ad_template, const Origin& origin);

    std::vector<store::QuestionTemplateRecord> questions(std::int64_t institution_id);
    std::optional<store::QuestionTemplateRecord> question(std::int64_t institution_id, std::int64_t question_id);
    core::Result<std::int64_t> save_question(const domain::Actor& actor, std::int64_t institution_id,
                                             store::QuestionTemplateRecord question, const Origin& origin);

    std::vector<store::NamedRecord> list(SetupList which, std::int64_t institution_id);
    core::Result<std::int64_t> add_to_list(const domain::Actor& actor, SetupList which, std::int64_t institution_id,
                                           const std::string& name, const Origin& origin);
    core::Status remove_from_list(const domain::Actor& actor, SetupList which, std::int64_t institution_id,
                                  std::int64_t item_id, const Origin& origin);

private:
    store::Database& m_database;
};

} // namespace rekrut::services
