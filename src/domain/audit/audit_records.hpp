#pragma once

// Events of the audit trail and the filter of the audit view.

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace rekrut::domain {

/// One row of the audit trail.
struct AuditEventRecord {
    std::int64_t id = 0;
    core::UnixTime occurred_at = 0;
    std::optional<std::int64_t> actor_user_id;
    std::string actor_name;
    std::optional<std::int64_t> institution_id;
    std::string action;
    std::string object_type;
    std::string object_id;
    std::string before_json = "{}";
    std::string after_json = "{}";
    std::string request_id;
    std::string ip;
    std::string previous_hash;
    std::string hash;
};

struct AuditFilter {
    std::optional<std::int64_t> institution_id; ///< Empty: every institution (operator only).
    std::optional<std::int64_t> actor_user_id;
    std::string object_type;
    std::string object_id;
    std::string action;
    std::optional<core::UnixTime> from;
    std::optional<core::UnixTime> to;
    int limit = 50;
    int offset = 0;
};

} // namespace rekrut::domain
