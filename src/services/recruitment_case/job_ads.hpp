#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "services/audit_log.hpp"
#include "services/recruitment_case/case_types.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// A case's job ad: the editor's draft per language, saved versions with the wording of their
/// mandatory texts, the diff between versions, the preview and the public ad.
class JobAds {
public:
    explicit JobAds(store::Database& database) : m_database(database) {}

    /// The ad editor's current state for one language ("da" or "en").
    core::Result<AdDraft> draft(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                                const std::string& language);
    /// Saves a new version. Required mandatory texts are always included; others as chosen. An
    /// editable text takes the wording in `adapted_texts` (by mandatory text id) when given; a locked
    /// one is always the institution's wording.
    ///
    /// A published case's ad can be corrected (a typo, an answer to Jobnet's review) with a reason of
    /// at most 1,000 characters: the new version is what the career site shows from then on, the
    /// correction is audited with its reason, and the ad goes to Jobnet again (UpdateJob).
    /// Applications already received are not touched.
    core::Status save(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                      const std::string& language, const std::string& body_source,
                      const std::vector<std::int64_t>& chosen_texts,
                      const std::map<std::int64_t, std::string>& adapted_texts, const Origin& origin,
                      const std::string& correction_reason = "");
    core::Result<std::vector<domain::AdVersionRecord>> versions(const domain::Actor& actor,
                                                                std::int64_t institution_id,
                                                                std::int64_t case_id,
                                                                const std::string& language);
    /// The version and the one before it (for the diff), or not found.
    core::Result<AdVersionPair> version_pair(const domain::Actor& actor, std::int64_t institution_id,
                                             std::int64_t case_id, std::int64_t version_id);
    /// The ad as applicants will see it, for those who may see the case.
    core::Result<RenderedAd> render(const domain::Actor& actor, std::int64_t institution_id,
                                    std::int64_t case_id, const std::string& language);

private:
    store::Database& m_database;
};

} // namespace rekrut::services
