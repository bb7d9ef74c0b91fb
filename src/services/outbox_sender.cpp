#include "services/outbox_sender.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "store/database.hpp"
#include "store/outbox_store.hpp"

namespace rekrut::services {

constexpr int k_max_attempts = 8;
constexpr core::UnixTime k_keep_delivered_seconds = 7L * 86400;
constexpr core::UnixTime k_keep_undelivered_seconds = 30L * 86400;

OutboxSender::OutboxSender(store::Database& database, integrations::SmtpSettings settings)
    : m_database(database), m_settings(std::move(settings))
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
    auto due =
        m_database
            .transact(
                [&](store::Transaction& transaction) -> core::Result<std::vector<domain::OutboxMessage>> {
                    return store::outbox::claim_due(transaction, core::now(), 20, 120);
                })
            .value();
    int delivered = 0;
    for (const auto& message : due) {
        auto sent = message.body_unreadable
                        ? core::Result<core::Done>(core::Error{
                              core::ErrorKind::invalid, "the body was sealed under another key", {}})
                        : integrations::send_mail(m_settings, {message.recipient, message.subject,
                                                               message.body_text, message.body_html});
        core::UnixTime now = core::now();
        (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
            if (sent) {
                store::outbox::mark_sent(transaction, message.id, now);
                return core::success();
            }
            int attempts = message.attempts + 1;
            // A mail that cannot be sent as it is (a header that would inject another, a body sealed
            // under another key) fails the same way every time, so it is not tried again.
            bool given_up = attempts >= k_max_attempts || message.body_unreadable ||
                            sent.error().kind == core::ErrorKind::invalid;
            core::UnixTime next = given_up ? now + 10L * 365 * 86400 : now + (30L << (attempts - 1));
            store::outbox::mark_failed(transaction, message.id, attempts, next, sent.error().message);
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

void OutboxSender::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        try {
            deliver_due();
        } catch (const std::exception& error) {
            core::log_event("error", "outbox_failed",
                            "\"error\":\"" + core::json_escape(error.what()) + "\"");
        }
        lock.lock();
        m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopping; });
    }
}

} // namespace rekrut::services
