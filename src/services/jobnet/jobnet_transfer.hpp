#pragma once

// The automatic transfer of ads to Jobnet: what a case's ad becomes at Jobnet, the rules Jobnet sets
// (checked when the case is marked ready and again before sending), the queueing of a transfer in the
// transaction of the case's transition, and the sender that carries it out.

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "integrations/jobnet_client.hpp"
#include "services/recruitment_case/case_types.hpp"

namespace rekrut::store {
class Database;
class Session;
class Transaction;
} // namespace rekrut::store

namespace rekrut::services::jobnet {

/// Turns the transfer on for this process (the server does when `jobnet.endpoint` is set): Jobnet's
/// rules then join the checks for marking a case ready, and publishing queues the transfer.
void enable(bool on);
bool enabled();

/// The ad language that goes to Jobnet: Danish when the case has a Danish ad, else English.
std::string language_for(const domain::CaseRecord& record);

/// The ad as Jobnet receives it, from the case, its contacts, its latest ad version and the
/// institution; publication from `start` to the application deadline.
integrations::jobnet::JobAd job_ad_for(store::Session& session, const domain::CaseRecord& record,
                                       core::UnixTime start, const std::string& public_url);

/// What Jobnet would refuse in the case as it stands, if published at `now`, on the case form's fields.
std::vector<core::FieldError> problems_for(store::Session& session, const domain::CaseRecord& record,
                                           core::UnixTime now);

/// In the transaction that publishes the case: the ad goes to Jobnet.
void queue_publication(store::Transaction& transaction, const domain::CaseRecord& record, core::UnixTime now);
/// In the transaction that corrects a published ad: the new content goes to Jobnet (UpdateJob).
void queue_update(store::Transaction& transaction, const domain::CaseRecord& record, core::UnixTime now);
/// In the transaction that ends the case's publication (deadline, cancellation): CloseJob, if the
/// ad was ever queued.
void queue_close(store::Transaction& transaction, std::int64_t institution_id, std::int64_t case_id,
                 core::UnixTime now);

/// In the transaction that deletes a case's personal data: DeleteJob, if the ad was ever queued.
void queue_delete(store::Transaction& transaction, std::int64_t institution_id, std::int64_t case_id,
                  core::UnixTime now);

/// The case's transfer for the case page, if there is one.
std::optional<JobnetView> view(store::Session& session, std::int64_t institution_id, std::int64_t case_id);

/// Carries out the queued transfers in the background: claims due ones (so several server instances
/// can share the work), makes the calls that bring the ad at Jobnet to what the case wants, and
/// retries failures with exponential backoff (from `retry_seconds`, at most an hour apart). A claim
/// holds for `lease_seconds` (`jobnet.lease_seconds`), after which another node takes the transfer over. A
/// retried AddJob first asks Jobnet for the ad by our reference, so an ad whose answer was lost is not added
/// twice. An ad Jobnet refuses as written waits for a correction; NotApproved is Jobnet's review and
/// is shown with its reason.
class Sender {
public:
    Sender(store::Database& database, integrations::jobnet::Settings settings, unsigned retry_seconds,
           std::string public_url, unsigned lease_seconds = 150);
    ~Sender();
    Sender(const Sender&) = delete;
    Sender& operator=(const Sender&) = delete;

    void start();
    void stop();
    /// Handles what is due now; returns how many transfers were handled. Used by the loop and by tests.
    int transfer_due();

private:
    void run();

    store::Database& m_database;
    integrations::jobnet::Client m_client;
    unsigned m_retry_seconds;
    std::string m_public_url;
    unsigned m_lease_seconds;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace rekrut::services::jobnet
