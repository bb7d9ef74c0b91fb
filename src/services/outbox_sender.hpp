#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "integrations/smtp.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// Delivers queued mail in the background: claims due messages (so several server instances can
/// share the outbox), sends them over SMTP and retries failures with exponential backoff
/// (30 s, 1 min, 2 min, … up to 8 attempts). Without an SMTP URL it leaves mail in the outbox,
/// where the operator can read it.
class OutboxSender {
public:
    OutboxSender(store::Database& database, integrations::SmtpSettings settings);
    ~OutboxSender();

    void start();
    void stop();
    /// Sends what is due now; returns the number delivered. Used by the loop and by tests.
    int deliver_due();

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
