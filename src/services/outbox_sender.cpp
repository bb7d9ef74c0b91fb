#include "services/outbox_sender.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/application/application_status.hpp"
#include "services/audit_log.hpp"
#include "store/application_store.hpp"
#include "store/database.hpp"
#include "store/outbox_store.hpp"

namespace rekrut::services {

namespace {

constexpr int k_max_attempts = domain::k_max_mail_attempts;
/// Mails claimed at a time, at most: fewer when the rate limit would not send them all within half
/// the claim's time (OutboxPacing::lease_seconds).
constexpr int k_batch = 50;

int batch_size(const OutboxPacing& pacing)
{
    if (pacing.max_per_second == 0)
        return k_batch;
    auto fits = static_cast<long long>(pacing.lease_seconds) * pacing.max_per_second / 2;
    return static_cast<int>(std::clamp(fits, 1LL, static_cast<long long>(k_batch)));
}

/// Sets the status that the mail's template sets (a rejection: rejected), in the transaction that
/// records the mail as sent, so the status says what the applicant was told. An application that
/// has meanwhile reached a status the mail cannot change keeps it.
void apply_status(store::Transaction& transaction, const domain::OutboxMessage& message, core::UnixTime now)
{
    if (message.sets_status.empty() || !message.application_id || !message.institution_id)
        return;
    auto to = domain::application_status_from_string(message.sets_status);
    auto application =
        store::applications::find(transaction, *message.institution_id, *message.application_id);
    if (!to || !application || application->status == *to ||
        !domain::can_change_status(application->status, *to))
        return;
    store::applications::set_status(transaction, *message.institution_id, application->id, *to, now);
    record_audit(transaction, Origin::system("mail"),
                 {message.institution_id, "application.status_changed", "application",
                  std::to_string(application->id),
                  json_object({{"status", std::string(domain::to_string(application->status))}}),
                  json_object({{"status", message.sets_status}, {"outbox_id", std::to_string(message.id)}})});
}

/// The mail as sent: its Message-ID is the one fixed when it was queued, on the sender's domain, so
/// every attempt carries the same.
integrations::Mail mail_of(const domain::OutboxMessage& message, const std::string& from)
{
    auto at = from.rfind('@');
    auto end = from.find('>', at == std::string::npos ? 0 : at);
    std::string domain = at == std::string::npos
                             ? "rekrut.invalid"
                             : from.substr(at + 1, end == std::string::npos ? end : end - at - 1);
    integrations::Mail mail{message.recipient, message.subject, message.body_text, message.body_html};
    if (!message.message_id.empty())
        mail.message_id = "<" + message.message_id + "@" + domain + ">";
    if (!message.attachment.empty())
        mail.attachments.push_back({message.attachment_name, message.attachment_type, message.attachment});
    return mail;
}

} // namespace
constexpr core::UnixTime k_keep_delivered_seconds = 7L * 86400;
constexpr core::UnixTime k_keep_undelivered_seconds = 30L * 86400;

OutboxSender::OutboxSender(store::Database& database, integrations::SmtpSettings settings,
                           OutboxPacing pacing)
    : m_database(database), m_settings(std::move(settings)), m_connection(m_settings), m_pacing(pacing)
{
}

OutboxSender::~OutboxSender()
{
    stop();
}

void OutboxSender::start()
{
    if (m_settings.url.empty() || m_thread.joinable())
        return;
    m_thread = std::thread([this] { run(); });
}

void OutboxSender::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

int OutboxSender::deliver_due()
{
    const core::UnixTime claimed_at = core::now();
    const auto lease = static_cast<int>(m_pacing.lease_seconds);
    auto due =
        m_database
            .transact(
                [&](store::Transaction& transaction) -> core::Result<std::vector<domain::OutboxMessage>> {
                    return store::outbox::claim_due(transaction, claimed_at, batch_size(m_pacing), lease);
                })
            .value();
    // A mail is sent only while the claim holds for longer than one SMTP exchange may take, so
    // that another node never takes over a mail this one is still sending.
    const core::UnixTime send_until =
        claimed_at + lease - static_cast<core::UnixTime>(m_settings.timeout_seconds);
    int delivered = 0;
    std::size_t next = 0;
    for (; next < due.size(); ++next) {
        const auto& message = due[next];
        if (!pace())
            break; // stopping: the rest are handed back below
        if (core::now() >= send_until)
            break; // the claim could run out mid-send: the rest are handed back below
        // A mailing cancelled while its mails waited here, claimed, keeps them from being sent.
        if (message.mailing_id && m_database.read([&](store::Session& session) {
                return store::outbox::is_cancelled(session, message.id);
            }))
            continue;
        auto sent = message.body_unreadable
                        ? core::Result<core::Done>(core::Error{
                              core::ErrorKind::invalid, "the body was sealed under another key", {}})
                        : m_connection.send(mail_of(message, m_settings.from));
        core::UnixTime now = core::now();
        (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
            if (sent) {
                store::outbox::mark_sent(transaction, message.id, now);
                apply_status(transaction, message, now);
                return core::success();
            }
            int attempts = message.attempts + 1;
            // A mail that cannot be sent as it is (a header that would inject another, a body sealed
            // under another key) fails the same way every time, so it is not tried again.
            bool given_up = attempts >= k_max_attempts || message.body_unreadable ||
                            sent.error().kind == core::ErrorKind::invalid;
            core::UnixTime next =
                given_up ? now + 10L * 365 * 86400
                         : now + (static_cast<core::UnixTime>(m_pacing.retry_seconds) << (attempts - 1));
            store::outbox::mark_failed(transaction, message.id, given_up ? k_max_attempts : attempts, next,
                                       sent.error().message);
            return core::success();
        });
        if (sent) {
            ++delivered;
            core::log_event("info", "mail_sent", "\"outbox_id\":" + std::to_string(message.id));
        } else {
            core::log_event("warn", "mail_failed",
                            "\"outbox_id\":" + std::to_string(message.id) + ",\"error\":\"" +
                                core::json_escape(sent.error().message) + "\"");
        }
    }
    // Mails claimed but not tried go back at once, so that a node that stops (or ran out of its claim)
    // does not hold them for the rest of the lease.
    if (next < due.size()) {
        std::vector<std::int64_t> unsent;
        for (; next < due.size(); ++next)
            unsent.push_back(due[next].id);
        (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
            store::outbox::release_claims(transaction, unsent, claimed_at + lease);
            return core::success();
        });
        core::log_event("info", "mail_claims_released", "\"count\":" + std::to_string(unsent.size()));
    }
    return delivered;
}

int OutboxSender::purge_old_bodies(core::UnixTime now)
{
    return m_database
        .transact([&](store::Transaction& transaction) -> core::Result<int> {
            return store::outbox::purge_bodies(transaction, now - k_keep_delivered_seconds,
                                               now - k_keep_undelivered_seconds);
        })
        .value();
}

bool OutboxSender::pace()
{
    std::unique_lock lock(m_mutex);
    if (m_pacing.max_per_second > 0) {
        m_wake.wait_until(lock, m_next_send, [this] { return m_stopping; });
        m_next_send = std::max(m_next_send, std::chrono::steady_clock::now()) +
                      std::chrono::microseconds(1000000 / m_pacing.max_per_second);
    }
    return !m_stopping;
}

void OutboxSender::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        bool more = false;
        try {
            // Claimed mails that were all handled may mean more are due: go on without waiting.
            more = deliver_due() >= k_batch;
        } catch (const std::exception& error) {
            core::log_event("error", "outbox_failed",
                            "\"error\":\"" + core::json_escape(error.what()) + "\"");
        }
        lock.lock();
        if (!more)
            m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopping; });
    }
}

} // namespace rekrut::services
