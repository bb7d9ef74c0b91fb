#pragma once

// When personal data is deleted: the rules of retention, in pure C++ so that they are table-tested.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::domain {

/// An institution's retention periods (lawful defaults).
struct RetentionSettings {
    int applications_months = 6; ///< After the case is closed.
    int access_log_months = 6;   ///< After the entry was made.
    /// After a user was deactivated, or an external member's case was closed: then the account is erased.
    int users_months = 6;
};

/// The bounds of the settings: applications 1 to 60 months, the access log 6 to 60 months, users 1 to
/// 60 months.
std::vector<core::FieldError> check_retention_settings(const RetentionSettings& settings);

/// `time` moved `months` calendar months (UTC date, the day clamped to the month's last day).
core::UnixTime add_months(core::UnixTime time, int months);

/// What decides when an application is deleted.
struct RetentionFacts {
    std::optional<core::UnixTime> case_closed_at; ///< Not closed: nothing runs yet.
    bool hired = false;                           ///< The chosen candidate's application is kept.
    bool on_hold = false;                         ///< A hold on the case stops deletion.
    std::optional<core::UnixTime> keep_until;     ///< The applicant's consent for future positions.
    /// The applicant asked for erasure (Art. 17).
    std::optional<core::UnixTime> deletion_requested_at;
    bool withdrawn = false;
};

/// How many days before a consent to keep an application for future positions ends the applicant is
/// mailed a link to renew it.
inline constexpr int k_consent_reminder_days = 30;
/// A consent renewed at `now` lasts as long as a new one: 12 months.
core::UnixTime consent_renewed_until(core::UnixTime now);

/// When the application is to be deleted, or nothing while it is not due to be (case open, hired,
/// on hold). Due at the end of the retention period after the case closed, or when the consent to
/// keep it ends, whichever is later; at once when the applicant asked for erasure and the application
/// is withdrawn or its case closed (until then the institution needs it to fill the position).
/// The hired candidate's application is kept with the employment, and a hold keeps everything.
std::optional<core::UnixTime> deletion_due(const RetentionFacts& facts, const RetentionSettings& settings);

} // namespace rekrut::domain
