#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/recruitment_case/case_correction.hpp"
#include "domain/recruitment_case/case_fields.hpp"
#include "services/audit_log.hpp"
#include "services/recruitment_case/case_list_cache.hpp"
#include "services/recruitment_case/case_types.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// Whether the actor sees every case of their institution (Administrators and Superbrugere) rather than
/// only the cases whose committee they are on: the list is then "All cases", not "My cases".
bool sees_all_cases(const domain::Actor& actor);

/// Recruitment cases as a whole: the list, creation from a template or a copy, the overview, the case
/// fields, and the institution's lists the case forms draw on. The job ad, the committee, the
/// screening questions and the lifecycle have their own services beside this one.
class RecruitmentCases {
public:
    explicit RecruitmentCases(store::Database& database) : m_database(database) {}

    /// The cases the actor may see: all of the institution's for Administrators and Superbrugere,
    /// otherwise those where the actor holds a case role.
    CaseList list(const domain::Actor& actor, domain::CaseListFilter filter);

    core::Result<std::int64_t> create(const domain::Actor& actor, std::int64_t institution_id,
                                      std::optional<std::int64_t> template_id, const std::string& title,
                                      const Origin& origin);
    /// A copy of everything but dates, applicants and history; a draft.
    core::Result<std::int64_t> copy(const domain::Actor& actor, std::int64_t institution_id,
                                    std::int64_t case_id, const Origin& origin);

    core::Result<CaseOverview> overview(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t case_id);

    /// Replaces the case fields until publication. The unit and the position category must be the
    /// institution's own; the rest is checked by domain::check_case_fields.
    core::Status update(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                        domain::CaseFields fields, const Origin& origin);

    /// Corrects a published case: a later deadline and the contact persons, with a reason
    /// (domain::check_case_correction), and, where ads go to Jobnet, within Jobnet's rules. Audited
    /// with the reason as `case.corrected`; the career site shows it at once and Jobnet receives it
    /// (UpdateJob). Applications already received are not touched.
    core::Status correct(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                         domain::CaseCorrection correction, const Origin& origin);

    /// The institution's lists, for those who work with its cases.
    std::vector<domain::AdTemplateRecord> templates(const domain::Actor& actor, std::int64_t institution_id);
    std::vector<domain::OrganisationUnitRecord> units(const domain::Actor& actor,
                                                      std::int64_t institution_id);
    std::vector<domain::NamedRecord> collective_agreements(const domain::Actor& actor,
                                                           std::int64_t institution_id);
    std::vector<domain::NamedRecord> position_categories(const domain::Actor& actor,
                                                         std::int64_t institution_id);

private:
    store::Database& m_database;
    CaseListCache m_list_cache;
};

} // namespace rekrut::services
