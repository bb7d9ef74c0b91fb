#include "store/jobnet_store.hpp"

#include <soci/soci.h>

#include "store/database.hpp"

namespace rekrut::store::jobnet {
namespace {

constexpr const char* k_columns =
    "SELECT case_id, institution_id, reference, desired, content_version, jobnet_id, remote_step, "
    "sent_version,"
    " jobnet_status, jobnet_reason, language, last_operation, last_error, refused, attempts, next_attempt_at,"
    " queued_at, sent_at, updated_at FROM jobnet_jobs ";

struct Row {
    long long case_id = 0, institution_id = 0, queued_at = 0, updated_at = 0, next = 0, sent = 0;
    int content_version = 0, sent_version = 0, refused = 0, attempts = 0;
    std::string reference, desired, jobnet_id, remote_step, status, reason, language, operation, error;
    soci::indicator next_null = soci::i_ok, sent_null = soci::i_ok;

    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(case_id), soci::into(institution_id), soci::into(reference),
            soci::into(desired), soci::into(content_version), soci::into(jobnet_id), soci::into(remote_step),
            soci::into(sent_version), soci::into(status), soci::into(reason), soci::into(language),
            soci::into(operation), soci::into(error), soci::into(refused), soci::into(attempts),
            soci::into(next, next_null), soci::into(queued_at), soci::into(sent, sent_null),
            soci::into(updated_at);
    }

    JobnetJob job() const
    {
        JobnetJob job;
        job.case_id = case_id;
        job.institution_id = institution_id;
        job.reference = reference;
        job.desired = desired;
        job.content_version = content_version;
        job.jobnet_id = jobnet_id;
        job.remote_step = remote_step;
        job.sent_version = sent_version;
        job.jobnet_status = status;
        job.jobnet_reason = reason;
        job.language = language;
        job.last_operation = operation;
        job.last_error = error;
        job.refused = refused != 0;
        job.attempts = attempts;
        if (next_null == soci::i_ok)
            job.next_attempt_at = next;
        job.queued_at = queued_at;
        if (sent_null == soci::i_ok)
            job.sent_at = sent;
        job.updated_at = updated_at;
        return job;
    }
};

} // namespace

void withdraw_all(Transaction& transaction, std::int64_t institution_id, core::UnixTime now)
{
    soci::session& sql = transaction;
    long long institution = institution_id, at = now;
    sql << "UPDATE jobnet_jobs SET desired = 'deleted', attempts = 0, refused = 0, next_attempt_at = :now,"
           " updated_at = :now2 WHERE institution_id = :institution AND remote_step <> 'deleted'",
        soci::use(at), soci::use(at), soci::use(institution);
}

int still_at_jobnet(soci::session& sql, std::int64_t institution_id, core::UnixTime now)
{
    long long institution = institution_id, at = now;
    int count = 0;
    sql << "SELECT COUNT(*) FROM jobnet_jobs WHERE institution_id = :institution"
           " AND (remote_step IN ('added', 'published', 'closed') OR (remote_step = 'none'"
           " AND (claimed_until > :now OR (last_operation <> '' AND next_attempt_at IS NOT NULL))))",
        soci::use(institution), soci::use(at), soci::into(count);
    return count;
}

std::optional<JobnetJob> find(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    long long institution = institution_id, id = case_id;
    Row row;
    auto prepared =
        (sql.prepare << std::string(k_columns) + "WHERE institution_id = :institution AND case_id = :id");
    row.bind(prepared);
    prepared, soci::use(institution), soci::use(id);
    soci::statement statement(prepared);
    statement.execute(true);
    if (!statement.got_data())
        return std::nullopt;
    return row.job();
}

void want(Transaction& transaction, std::int64_t institution_id, std::int64_t case_id,
          const std::string& reference, const std::string& desired, const std::string& language,
          bool new_content, core::UnixTime now)
{
    soci::session& sql = transaction;
    long long institution = institution_id, id = case_id, at = now;
    int bump = new_content ? 1 : 0;
    soci::statement update =
        (sql.prepare << "UPDATE jobnet_jobs SET desired = :desired, language = :language,"
                        " content_version = content_version + :bump,"
                        " refused = CASE WHEN :bump2 = 1 THEN 0 ELSE refused END, attempts = 0,"
                        " next_attempt_at = :now, updated_at = :now2 WHERE institution_id = :institution AND"
                        " case_id = :id",
         soci::use(desired), soci::use(language), soci::use(bump), soci::use(bump), soci::use(at),
         soci::use(at), soci::use(institution), soci::use(id));
    update.execute(true);
    if (update.get_affected_rows() > 0)
        return;
    sql << "INSERT INTO jobnet_jobs (case_id, institution_id, reference, desired, language, next_attempt_at,"
           " queued_at, updated_at) VALUES (:id, :institution, :reference, :desired, :language, :now, :now2, "
           ":now3)",
        soci::use(id), soci::use(institution), soci::use(reference), soci::use(desired), soci::use(language),
        soci::use(at), soci::use(at), soci::use(at);
}

std::vector<JobnetJob> claim_due(Transaction& transaction, core::UnixTime now, int limit, int lease_seconds)
{
    soci::session& sql = transaction;
    long long at = now;
    std::vector<JobnetJob> due;
    {
        Row row;
        auto prepared =
            (sql.prepare << std::string(k_columns) +
                                "WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= :now AND"
                                " claimed_until < :now2 ORDER BY next_attempt_at LIMIT :limit");
        row.bind(prepared);
        prepared, soci::use(at), soci::use(at), soci::use(limit);
        soci::statement statement(prepared);
        statement.execute();
        while (statement.fetch())
            due.push_back(row.job());
    }
    std::vector<JobnetJob> claimed;
    for (auto& job : due) {
        long long id = job.case_id, until = now + lease_seconds;
        soci::statement claim =
            (sql.prepare << "UPDATE jobnet_jobs SET claimed_until = :until WHERE case_id = :id"
                            " AND claimed_until < :now",
             soci::use(until), soci::use(id), soci::use(at));
        claim.execute(true);
        if (claim.get_affected_rows() == 1)
            claimed.push_back(std::move(job));
    }
    return claimed;
}

void record(soci::session& sql, const JobnetJob& job, std::optional<core::UnixTime> next, core::UnixTime now)
{
    long long id = job.case_id, at = now, next_at = next.value_or(0), sent = job.sent_at.value_or(0);
    soci::indicator next_null = next ? soci::i_ok : soci::i_null;
    soci::indicator sent_null = job.sent_at ? soci::i_ok : soci::i_null;
    int refused = job.refused ? 1 : 0;
    // The wish may have changed while the calls ran: then the job is due again at once.
    sql << "UPDATE jobnet_jobs SET jobnet_id = :jobnet_id, remote_step = :step, sent_version = :sent_version,"
           " jobnet_status = :status, jobnet_reason = :reason, last_operation = :operation, last_error = "
           ":error,"
           " refused = :refused, attempts = :attempts, sent_at = :sent, updated_at = :now, claimed_until = 0,"
           " next_attempt_at = CASE WHEN desired = :desired AND content_version = :version THEN CAST(:next "
           "AS BIGINT) ELSE CAST(:now2 AS BIGINT)"
           " END WHERE case_id = :id",
        soci::use(job.jobnet_id), soci::use(job.remote_step), soci::use(job.sent_version),
        soci::use(job.jobnet_status), soci::use(job.jobnet_reason), soci::use(job.last_operation),
        soci::use(job.last_error), soci::use(refused), soci::use(job.attempts), soci::use(sent, sent_null),
        soci::use(at), soci::use(job.desired), soci::use(job.content_version), soci::use(next_at, next_null),
        soci::use(at), soci::use(id);
}

} // namespace rekrut::store::jobnet
