#pragma once

#include <optional>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::domain {

/// Where an application is. Stored as the lower-case name.
enum class ApplicationStatus { received, withdrawn, in_assessment, invited, offered, hired, rejected };

std::string_view to_string(ApplicationStatus status);
std::optional<ApplicationStatus> application_status_from_string(std::string_view text);

/// Whether an application may move from `from` to `to`. The applicant withdraws until an offer is
/// accepted; withdrawn, hired and rejected applications are final.
bool can_change_status(ApplicationStatus from, ApplicationStatus to);

/// A final status: nothing happens to the application after it but deletion.
constexpr bool is_final(ApplicationStatus status)
{
    return status == ApplicationStatus::withdrawn || status == ApplicationStatus::hired ||
           status == ApplicationStatus::rejected;
}

/// The one rule for whether a case takes applications: it is published and its deadline, a
/// moment in Copenhagen time stored as Unix seconds, is still ahead. The deadline job closes cases by
/// the same rule, so the career site stops offering "Apply" at the deadline itself.
constexpr bool accepts_applications(bool published, std::optional<core::UnixTime> deadline,
                                    core::UnixTime now)
{
    return published && deadline && now < *deadline;
}

} // namespace rekrut::domain
