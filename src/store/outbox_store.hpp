#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

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
};

namespace outbox {
/// Queues a mail inside the caller's transaction, so it is sent if and only if the change commits.
std::int64_t enqueue(soci::session& sql, const OutboxMessage& message);
/// Claims up to `limit` due messages for `lease_seconds`; another instance skips claimed ones.
std::vector<OutboxMessage> claim_due(soci::session& sql, core::UnixTime now, int limit, int lease_seconds);
void mark_sent(soci::session& sql, std::int64_t id, core::UnixTime now);
void mark_failed(soci::session& sql, std::int64_t id, int attempts, core::UnixTime next_attempt_at,
                 const std::string& error);
std::vector<OutboxMessage> recent(soci::session& sql, int limit);
} // namespace outbox

} // namespace rekrut::store
