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

/// Mail bodies hold reset links and what is written to applicants: they are stored sealed, opened
/// only to be sent or shown to those who may read them. Account mails are sealed with the
/// installation's key and blanked some days after delivery; mails about an application are sealed
/// under the application's data key, so they become unreadable when the application is erased.
namespace outbox {
/// Queues a mail inside the caller's transaction, so it is sent if and only if the change commits.
/// The bodies and attachment are sealed before they are stored, and the Message-ID is fixed here
/// when the message has none. Throws std::runtime_error for a mail about an application whose key
/// is gone.
std::int64_t enqueue(Transaction& transaction, const OutboxMessage& message);
/// Claims up to `limit` due messages for `lease_seconds`; another instance skips claimed ones, and
/// cancelled ones are never claimed. The bodies come back opened; `body_unreadable` marks one sealed
/// under another key.
std::vector<OutboxMessage> claim_due(Transaction& transaction, core::UnixTime now, int limit,
                                     int lease_seconds);
/// Hands back claims this sender made (`claimed_until` as it set it) on mails it did not send, so that
/// another node, or this one after a restart, sends them at once rather than when the claim runs out.
void release_claims(soci::session& sql, const std::vector<std::int64_t>& ids, core::UnixTime claimed_until);
void mark_sent(soci::session& sql, std::int64_t id, core::UnixTime now);
void mark_failed(soci::session& sql, std::int64_t id, int attempts, core::UnixTime next_attempt_at,
                 const std::string& error);
/// The newest messages' delivery metadata (recipient, subject, kind, times, attempts, error); the
/// bodies stay empty.
std::vector<OutboxMessage> recent(soci::session& sql, int limit);
/// Blanks the bodies of account mails delivered before `delivered_before` and of those written
/// before `undelivered_before` that were never delivered; returns how many. Mails about an
/// application are kept with it, as its communication log.
int purge_bodies(soci::session& sql, core::UnixTime delivered_before, core::UnixTime undelivered_before);

/// The mails about one application of the institution, oldest first, with their bodies opened.
std::vector<OutboxMessage> for_application(Session& session, std::int64_t institution_id,
                                           std::int64_t application_id);
/// One mail of the institution, opened; nullopt when there is none of that id there.
std::optional<OutboxMessage> find(Session& session, std::int64_t institution_id, std::int64_t id);
/// The mails of a mailing, delivery metadata only, in the order they were queued.
std::vector<OutboxMessage> for_mailing(soci::session& sql, std::int64_t institution_id,
                                       std::int64_t mailing_id);
/// Cancels the mailing's mails not yet sent, claimed ones included (the sender checks each mail just
/// before sending it); returns how many.
int cancel_mailing(soci::session& sql, std::int64_t institution_id, std::int64_t mailing_id,
                   core::UnixTime now);
/// Whether the mail was cancelled after it was claimed.
bool is_cancelled(soci::session& sql, std::int64_t id);
} // namespace outbox

/// A send of one template to one or more applications of a case.
struct MailingRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::int64_t case_id = 0;
    std::string kind;
    std::int64_t created_by = 0;
    core::UnixTime created_at = 0;
    std::optional<core::UnixTime> cancelled_at;
};

namespace mailings {
std::int64_t create(soci::session& sql, const MailingRecord& mailing);
/// The institution's mailing of that case; nullopt when there is none.
std::optional<MailingRecord> find(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                                  std::int64_t mailing_id);
void mark_cancelled(soci::session& sql, std::int64_t institution_id, std::int64_t mailing_id,
                    core::UnixTime now);
} // namespace mailings

} // namespace rekrut::store
