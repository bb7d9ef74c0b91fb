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
};

} // namespace rekrut::services
