#pragma once

// The transfer of ads to Jobnet: one row per case (migrations/0017_jobnet.sql says how the desired
// and the confirmed state are kept apart).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace soci {
class session;
}

namespace rekrut::store {

class Transaction;

namespace jobnet {

struct JobnetJob {
    std::int64_t case_id = 0;
    std::int64_t institution_id = 0;
    std::string reference;
    std::string desired = "published"; ///< published | closed | deleted
    int content_version = 1;
    std::string jobnet_id;
    std::string remote_step = "none"; ///< none | added | published | closed | deleted
    int sent_version = 0;
    std::string jobnet_status;
    std::string jobnet_reason;
    std::string language = "da";
    std::string last_operation;
    std::string last_error;
    bool refused = false; ///< The last error was Jobnet refusing the ad as written.
    int attempts = 0;
    std::optional<core::UnixTime> next_attempt_at; ///< Empty: nothing to do.
    core::UnixTime queued_at = 0;
    std::optional<core::UnixTime> sent_at;
    core::UnixTime updated_at = 0;
};

/// The case's transfer, if its ad was ever published.
std::optional<JobnetJob> find(soci::session& sql, std::int64_t institution_id, std::int64_t case_id);

/// Wants every ad of the institution not yet deleted at Jobnet deleted there, due now, with its
/// attempts and any refusal forgotten (each off-boarding step that waits for Jobnet asks again).
void withdraw_all(Transaction& transaction, std::int64_t institution_id, core::UnixTime now);

/// How many of the institution's ads are, or may be, at Jobnet still: added there and not deleted, or
/// sent once without an answer that said so (an AddJob whose answer was lost, a transfer in flight).
int still_at_jobnet(soci::session& sql, std::int64_t institution_id, core::UnixTime now);

/// Asks for the ad to be `desired` at Jobnet, in the caller's transaction: creates the row on the
/// first publication, and otherwise sets the wish and makes it due now. `new_content` counts a change
/// of the ad (it is sent again, and a refusal of the old content no longer holds). `language` is the
/// version that goes.
void want(Transaction& transaction, std::int64_t institution_id, std::int64_t case_id,
          const std::string& reference, const std::string& desired, const std::string& language,
          bool new_content, core::UnixTime now);

/// Claims up to `limit` due transfers for `lease_seconds`; another instance skips claimed ones.
std::vector<JobnetJob> claim_due(Transaction& transaction, core::UnixTime now, int limit, int lease_seconds);

/// Writes what the sender learnt and did (the remote fields, status, error, attempts) and releases the
/// claim. The next attempt is `next` unless the wish changed meanwhile (another desired state or new
/// content), in which case it is due at once.
void record(soci::session& sql, const JobnetJob& job, std::optional<core::UnixTime> next, core::UnixTime now);

} // namespace jobnet
} // namespace rekrut::store
