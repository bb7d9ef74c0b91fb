#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/job_ad/job_ad.hpp"
#include "domain/recruitment_case/case_records.hpp"

namespace rekrut::domain {

/// What may change in a published case's facts: the deadline (later only) and the contact persons,
/// with the reason for the change. The ad text is corrected in the ad editor (JobAds::save).
struct CaseCorrection {
    std::optional<core::UnixTime> application_deadline;
    std::vector<ContactPerson> contacts; ///< In form order; entirely blank entries are ignored.
    std::string reason;
};

/// Every problem with a correction of `current` at `now`, each on its field: the case must be
/// published; the deadline is required, in the future and not earlier than the one applicants were
/// given (applicants who already applied relied on it); the contact persons follow the case form's
/// rules and one of them must be reachable by phone or e-mail; the reason is required (at most
/// 1,000 characters).
std::vector<core::FieldError> check_case_correction(const CaseRecord& current,
                                                    const CaseCorrection& correction, core::UnixTime now);

} // namespace rekrut::domain
