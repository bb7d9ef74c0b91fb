#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "integrations/smtp.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// How fast the outbox sends and retries.
struct OutboxPacing {
    unsigned max_per_second = 0; ///< 0: as fast as the SMTP server takes them.
    unsigned retry_seconds = 30; ///< The first retry's wait; each further one waits twice as long.
    /// How long a claim on a batch holds (`smtp.lease_seconds`). Every node runs a sender; a node that
    /// crashes leaves its claimed mails to the others once the claim has run out, so this is also
    /// the longest such mails wait. A batch is cut short before its claim could run out mid-send.
    unsigned lease_seconds = 300;
};

/// Delivers queued mail in the background: claims due messages (so several server instances can
/// share the outbox), sends them over SMTP and retries failures with exponential backoff
/// (30 s, 1 min, 2 min, … up to 8 attempts). Without an SMTP URL it leaves mail in the outbox.
/// Account mail bodies are blanked a week after delivery (a month when never delivered); mails about
/// an application stay with it as its communication log.
///
/// Each mail is recorded as sent in its own transaction right after the SMTP server accepted it.
/// The one window for a duplicate is between that acceptance and the commit: a crash there leaves
/// the mail claimed but not marked, and it is sent again when its claim runs out. The mail keeps the
/// Message-ID fixed when it was queued, so the second copy can be recognised as the same mail.
class OutboxSender {
public:
    OutboxSender(store::Database& database, integrations::SmtpSettings settings, OutboxPacing pacing = {});
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
    /// Waits until the next mail may go under the rate limit; false when stopping.
    bool pace();

    integrations::SmtpSettings m_settings;
    /// One connection for every mail the sender delivers; it reconnects after a failure.
    integrations::SmtpConnection m_connection;
    OutboxPacing m_pacing;
    std::chrono::steady_clock::time_point m_next_send{};
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace rekrut::services
