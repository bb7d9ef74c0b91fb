#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "integrations/smtp.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// Delivers queued mail in the background: claims due messages (so several server instances can
/// share the outbox), sends them over SMTP and retries failures with exponential backoff
/// (30 s, 1 min, 2 min, … up to 8 attempts). Without an SMTP URL it leaves mail in the outbox.
/// Bodies are stored sealed and blanked a week after delivery (a month when never delivered).
class OutboxSender {
public:
    OutboxSender(store::Database& database, integrations::SmtpSettings settings);
    ~OutboxSender();

    void start();
    void stop();
    /// Sends what is due now; returns the number delivered. Used by the loop and by tests.
    int deliver_due();
    /// Blanks the bodies of mails delivered over a week ago, or written over a month ago and never
    /// delivered; returns how many. Runs whether or not mail is sent.
    int purge_old_bodies(core::UnixTime now);

private:
    void run();

    store::Database& m_database;
    integrations::SmtpSettings m_settings;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace rekrut::services
