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

class Session;
class Transaction;

using domain::OutboxMessage;

/// Mail bodies hold reset links and, later, what is written to applicants: they are stored sealed
/// with the installation's key, opened only to be sent, and blanked some days after delivery.
namespace outbox {
/// Queues a mail inside the caller's transaction, so it is sent if and only if the change commits.
/// The bodies are sealed before they are stored.
std::int64_t enqueue(Transaction& transaction, const OutboxMessage& message);
/// Claims up to `limit` due messages for `lease_seconds`; another instance skips claimed ones. The
/// bodies come back opened; `body_unreadable` marks one sealed under another key.
std::vector<OutboxMessage> claim_due(Transaction& transaction, core::UnixTime now, int limit,
                                     int lease_seconds);
void mark_sent(soci::session& sql, std::int64_t id, core::UnixTime now);
void mark_failed(soci::session& sql, std::int64_t id, int attempts, core::UnixTime next_attempt_at,
                 const std::string& error);
/// The newest messages' delivery metadata (recipient, subject, times, attempts, error); the bodies
/// stay empty.
std::vector<OutboxMessage> recent(soci::session& sql, int limit);
/// Blanks the bodies of mails delivered before `delivered_before` and of mails written before
/// `undelivered_before` that were never delivered; returns how many.
int purge_bodies(soci::session& sql, core::UnixTime delivered_before, core::UnixTime undelivered_before);
} // namespace outbox

} // namespace rekrut::store
