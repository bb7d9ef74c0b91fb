#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/institution/setup_records.hpp"
#include "domain/job_ad/job_ad.hpp"
#include "domain/recruitment_case/case_lifecycle.hpp"
#include "domain/recruitment_case/case_records.hpp"

namespace rekrut::services {

/// One mandatory text as it appears in an ad.
struct AdBlock {
    domain::MandatoryTextRecord text; ///< As the institution has it now.
    bool included = false;
    std::string body_source; ///< As it stands in the ad (an editable text may be adapted).
    std::string body_html;   ///< Sanitized rendering of body_source.
};

/// Everything the case pages show.
/// Where the case's ad stands at Jobnet, for the case page.
struct JobnetView {
    /// waiting | sent | failing | refused, or Jobnet's status: Processed, Publication, NotApproved,
    /// PublicationEnd, Closed, Deleted.
    std::string status;
    std::string reason;     ///< Jobnet's reason for NotApproved or for refusing the ad, as Jobnet wrote it.
    std::string last_error; ///< The last failure, as the connector or Jobnet described it.
    std::optional<core::UnixTime> next_attempt_at;
    std::string jobnet_id;
    std::string language;       ///< The version that goes: "da", else "en".
    std::string last_operation; ///< "AddJob", "PublishJob", ...
    std::optional<core::UnixTime> sent_at;
};

struct CaseOverview {
    domain::CaseRecord record;
    std::vector<domain::ContactPerson> contacts;
    std::vector<domain::CommitteeMemberRecord> committee;
    std::vector<domain::CaseQuestionRecord> questions;
    std::vector<domain::CaseTransition> transitions;
    /// Per ad language: the missing items (empty = complete).
    std::vector<core::FieldError> ad_problems;
    /// What the state machine knows about the case, for showing which steps are possible.
    domain::CaseFacts facts;
    /// Set when the installation transfers ads to Jobnet and the case was published.
    std::optional<JobnetView> jobnet;
};

/// A rendered ad, exactly as applicants see it.
struct RenderedAd {
    std::string language;
    std::string title;
    std::string body_html;                ///< Sanitized.
    std::vector<std::string> blocks_html; ///< Mandatory texts, sanitized.
    domain::CaseRecord record;
    std::vector<domain::ContactPerson> contacts;
    std::string institution_name;
};

/// The ad editor's current state for one language: the source text and the mandatory texts.
struct AdDraft {
    domain::CaseRecord record;
    std::string body_source;
    std::vector<AdBlock> blocks;
    int version = 0;
};

/// A saved ad version and the one before it, for the diff.
struct AdVersionPair {
    domain::AdVersionRecord version;
    std::optional<domain::AdVersionRecord> previous;
};

struct CaseList {
    std::vector<domain::CaseRecord> cases;
    std::int64_t total = 0;
    /// The institution's units for the list's filter; empty for those who may not see them.
    std::vector<domain::OrganisationUnitRecord> units;
};

} // namespace rekrut::services
