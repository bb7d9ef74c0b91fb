#pragma once

// How a case's job ad is put together from its versions, the institution's mandatory texts and the
// case fields. Internal to the case services: shared by the ad editor, the lifecycle checks, the
// overview, copying and the public ad.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/recruitment_case/case_lifecycle.hpp"
#include "services/recruitment_case/case_types.hpp"
#include "store/database.hpp"

namespace rekrut::services::recruitment_case {

/// The ad languages of a case ("da", "en" or "da,en"); Danish when none is set.
std::vector<std::string> ad_languages(const std::string& text);
bool is_ad_language(const std::string& language);

/// Mandatory texts of the language, with their inclusion and wording in the given version of the ad.
std::vector<AdBlock> blocks_for(store::Session& session, std::int64_t institution_id,
                                const std::string& language,
                                const std::optional<domain::AdVersionRecord>& version);

/// The wording of the included texts for a new version: locked texts as the institution has them,
/// editable ones as adapted (or as the ad had them when not adapted).
std::vector<domain::AdVersionText> version_texts(const std::vector<AdBlock>& blocks,
                                                 const std::map<std::int64_t, std::string>& adapted = {});

/// "3,7,9" from the ids of the texts.
std::string text_ids(const std::vector<domain::AdVersionText>& texts);
std::string join_ids(const std::vector<std::int64_t>& ids);

/// The ad body with the case's values in place of the template placeholders, as safe HTML; nullopt
/// when the filled-in ad would be longer than limits::rendered_ad. Dates are written as `language`
/// ("da" or "en", the ad's language) writes them.
std::optional<std::string> render_body(const std::string& source, const domain::CaseRecord& record,
                                       const std::vector<domain::ContactPerson>& contacts,
                                       const std::string& language);

/// The contact persons as one line: "Name, title, phone, e-mail; Name, ...".
std::string contact_line(const std::vector<domain::ContactPerson>& contacts);

/// Why an ad cannot be saved or shown with the case's values: too long once they fill its placeholders.
core::FieldError rendered_ad_too_long();

/// Whether the latest ad of each language still fits limits::rendered_ad with the case's values as
/// in `record` and `contacts` (checked before the case's fields change).
bool ads_fit(store::Session& session, const domain::CaseRecord& record,
             const std::vector<domain::ContactPerson>& contacts);

/// The latest version of the ad in `language`, rendered as applicants see it.
RenderedAd render(store::Session& session, const domain::CaseRecord& record, const std::string& language);

/// Everything the state machine needs, read inside the caller's session.
domain::CaseFacts case_facts(store::Session& session, const domain::CaseRecord& record);

/// The case fields that the audit trail records before and after a change: every field of the case
/// form, with the unit by name and the contact persons as one line. Times are ISO 8601 UTC and
/// numbers plain ("37.5"), since the trail is read by machines too; the audit view formats them.
std::string case_json(const domain::CaseRecord& record, const std::vector<domain::ContactPerson>& contacts);

} // namespace rekrut::services::recruitment_case
