#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/mail/outbox_message.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

using domain::OutboxMessage;

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
