#pragma once

// A mail in the outbox, waiting for or done with delivery.

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace rekrut::domain {

struct OutboxMessage {
    std::int64_t id = 0;
    std::optional<std::int64_t> institution_id;
    std::string recipient;
    std::string subject;
    std::string body_text;
    std::string body_html;
    core::UnixTime created_at = 0;
    int attempts = 0;
    core::UnixTime next_attempt_at = 0;
    std::optional<core::UnixTime> sent_at;
    std::string last_error;
    /// Claimed for sending, but its bodies were sealed under another installation key.
    bool body_unreadable = false;
};

} // namespace rekrut::domain
