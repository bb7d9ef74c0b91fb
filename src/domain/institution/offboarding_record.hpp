#pragma once

// An institution's off-boarding (service description 2.3): asked for by one platform operator,
// approved or rejected by another, then exported once and deleted by the approver.

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace rekrut::domain {

struct OffboardingRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::string institution_name;
    std::string reason;
    std::string state; ///< pending | rejected | approved | exported | deleted
    std::int64_t requested_by = 0;
    std::string requested_by_name;
    core::UnixTime requested_at = 0;
    std::optional<std::int64_t> decided_by;
    std::string decided_by_name;
    std::optional<core::UnixTime> decided_at;
    std::optional<core::UnixTime> exported_at;
    std::optional<std::int64_t> exported_through; ///< The newest audit event of the institution exported.
    std::optional<core::UnixTime> deleted_at;
    std::string report; ///< The deletion report as JSON: counts per kind, no personal data.
};

} // namespace rekrut::domain
