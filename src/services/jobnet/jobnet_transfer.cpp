#include "services/jobnet/jobnet_transfer.hpp"

#include <algorithm>
#include <atomic>

#include "core/log.hpp"
#include "core/text.hpp"
#include "services/audit_log.hpp"
#include "services/recruitment_case/ad_assembly.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/institution_store.hpp"
#include "store/jobnet_store.hpp"

namespace rekrut::services::jobnet {
namespace {

namespace wire = integrations::jobnet;
using store::jobnet::JobnetJob;

std::atomic<bool> g_enabled{false};

/// Transfers claimed at a time (a claim holds for the configured lease: a call times out after 20 s,
/// and a transfer makes at most six).
constexpr int k_batch = 10;
/// The longest wait between retries, and how often an ad awaiting Jobnet's review is asked about.
constexpr core::UnixTime k_longest_wait = 3600;
constexpr core::UnixTime k_review_poll = 60;

std::string reference_for(const std::string& cvr, std::int64_t case_id)
{
    return cvr + "-" + std::to_string(case_id);
}

std::string date_of(core::UnixTime time)
{
    return core::format_copenhagen_date(time);
}

/// The street address: the place of work as written, without a trailing ", <postcode> <town>" that
/// the structured fields already carry.
std::string street_of(const domain::CaseRecord& record)
{
    std::string suffix = ", " + record.work_postcode + " " + record.work_city;
    const std::string& place = record.place_of_work;
    if (!record.work_postcode.empty() && place.size() > suffix.size() && place.ends_with(suffix))
        return place.substr(0, place.size() - suffix.size());
    return place;
}

std::string first_contact_part(const std::vector<domain::ContactPerson>& contacts,
                               std::string domain::ContactPerson::*part)
{
    for (const auto& contact : contacts)
        if (!(contact.*part).empty())
            return contact.*part;
    return {};
}

/// One step towards what the case wants, or nothing when it is reached.
enum class Step { find, add, publish, update, close, remove, done };

Step next_step(const JobnetJob& job, bool looked_up)
{
    if (job.desired == "published") {
        if (job.remote_step == "none")
            return looked_up ? Step::add : Step::find;
        if (job.remote_step == "added")
            return Step::publish;
        if (job.remote_step == "published" && job.sent_version < job.content_version)
            return Step::update;
        return Step::done;
    }
    // An ad sent once without an answer that it arrived (or a look-up that failed) may be at Jobnet:
    // it is looked up before it is taken as never added.
    if (job.remote_step == "none" && !job.last_operation.empty() && !looked_up)
        return Step::find;
    if (job.desired == "closed")
        return job.remote_step == "added" || job.remote_step == "published" ? Step::close : Step::done;
    return job.remote_step != "none" && job.remote_step != "deleted" ? Step::remove : Step::done;
}

void take(JobnetJob& job, const wire::JobStatus& status)
{
    if (!status.job_id.empty())
        job.jobnet_id = status.job_id;
    job.jobnet_status = status.status;
    job.jobnet_reason = status.reason;
}

} // namespace

void enable(bool on)
{
    g_enabled = on;
}

bool enabled()
{
    return g_enabled;
}

std::string language_for(const domain::CaseRecord& record)
{
    auto languages = recruitment_case::ad_languages(record.ad_languages);
    return std::find(languages.begin(), languages.end(), "da") != languages.end() || languages.empty()
               ? "da"
               : languages.front();
}

wire::JobAd job_ad_for(store::Session& session, const domain::CaseRecord& record, core::UnixTime start,
                       const std::string& public_url)
{
    std::string language = language_for(record);
    auto rendered = recruitment_case::render(session, record, language);
    auto institution = store::InstitutionStore::find_in(session, record.institution_id);
    std::string html = rendered.body_html;
    for (const auto& block : rendered.blocks_html)
        html += block;
    wire::JobAd ad;
    std::string cvr = institution ? institution->cvr : "";
    ad.reference = reference_for(cvr, record.id);
    ad.employer_cvr = cvr;
    ad.title = record.title;
    ad.description_html = wire::to_jobnet_html(html);
    ad.workplace = {street_of(record), record.work_postcode, record.work_city, record.municipality_code};
    const auto& contacts = rendered.contacts;
    // The first contact person who can be reached both ways; Jobnet takes one.
    auto reachable = std::find_if(contacts.begin(), contacts.end(), [](const domain::ContactPerson& contact) {
        return !contact.name.empty() && !contact.email.empty() && !contact.phone.empty();
    });
    if (reachable != contacts.end())
        ad.contact = {reachable->name, reachable->title, reachable->email, reachable->phone};
    else
        ad.contact = {first_contact_part(contacts, &domain::ContactPerson::name),
                      first_contact_part(contacts, &domain::ContactPerson::title),
                      first_contact_part(contacts, &domain::ContactPerson::email),
                      first_contact_part(contacts, &domain::ContactPerson::phone)};
    ad.occupation_code = record.occupation_code;
    ad.permanent = record.employment_form == "permanent";
    ad.full_time = record.full_time;
    ad.weekly_hours = record.full_time ? 37 : record.weekly_hours;
    ad.positions = record.positions;
    ad.publication_start = date_of(start);
    if (record.application_deadline) {
        ad.publication_end = date_of(*record.application_deadline);
        ad.application_deadline = core::format_iso_utc(*record.application_deadline);
    }
    ad.language = language;
    ad.application_url = public_url + "/positions/" + std::to_string(record.id);
    return ad;
}

std::vector<core::FieldError> problems_for(store::Session& session, const domain::CaseRecord& record,
                                           core::UnixTime now)
{
    return wire::check_job_ad(job_ad_for(session, record, now, ""));
}

void queue_publication(store::Transaction& transaction, const domain::CaseRecord& record, core::UnixTime now)
{
    if (!enabled())
        return;
    auto institution = store::InstitutionStore::find_in(transaction, record.institution_id);
    store::jobnet::want(transaction, record.institution_id, record.id,
                        reference_for(institution ? institution->cvr : "", record.id), "published",
                        language_for(record), false, now);
}

void queue_update(store::Transaction& transaction, const domain::CaseRecord& record, core::UnixTime now)
{
    if (!store::jobnet::find(transaction, record.institution_id, record.id))
        return;
    store::jobnet::want(transaction, record.institution_id, record.id, "", "published", language_for(record),
                        true, now);
}

void queue_close(store::Transaction& transaction, std::int64_t institution_id, std::int64_t case_id,
                 core::UnixTime now)
{
    auto job = store::jobnet::find(transaction, institution_id, case_id);
    if (!job || job->desired != "published")
        return;
    store::jobnet::want(transaction, institution_id, case_id, job->reference, "closed", job->language, false,
                        now);
}

void queue_delete(store::Transaction& transaction, std::int64_t institution_id, std::int64_t case_id,
                  core::UnixTime now)
{
    auto job = store::jobnet::find(transaction, institution_id, case_id);
    if (!job || job->desired == "deleted")
        return;
    store::jobnet::want(transaction, institution_id, case_id, job->reference, "deleted", job->language, false,
                        now);
}

std::optional<JobnetView> view(store::Session& session, std::int64_t institution_id, std::int64_t case_id)
{
    auto job = store::jobnet::find(session, institution_id, case_id);
    if (!job)
        return std::nullopt;
    JobnetView shown;
    shown.reason = job->jobnet_reason;
    shown.last_error = job->last_error;
    shown.next_attempt_at = job->next_attempt_at;
    shown.jobnet_id = job->jobnet_id;
    shown.language = job->language;
    shown.last_operation = job->last_operation;
    shown.sent_at = job->sent_at;
    if (job->refused)
        shown.status = "refused";
    else if (!job->last_error.empty())
        shown.status = "failing";
    else if (job->remote_step == "none")
        shown.status = "waiting";
    else if (!job->jobnet_status.empty())
        shown.status = job->jobnet_status;
    else
        shown.status = "sent";
    return shown;
}

Sender::Sender(store::Database& database, wire::Settings settings, unsigned retry_seconds,
               std::string public_url, unsigned lease_seconds)
    : m_database(database), m_client(std::move(settings)), m_retry_seconds(retry_seconds),
      m_public_url(std::move(public_url)), m_lease_seconds(lease_seconds)
{
}

Sender::~Sender()
{
    stop();
}

void Sender::start()
{
    m_thread = std::thread([this] { run(); });
}

void Sender::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

int Sender::transfer_due()
{
    core::UnixTime now = core::now();
    auto due =
        m_database
            .transact([&](store::Transaction& transaction) -> core::Result<std::vector<JobnetJob>> {
                return store::jobnet::claim_due(transaction, now, k_batch, static_cast<int>(m_lease_seconds));
            })
            .value();
    for (auto& job : due) {
        auto record = m_database.read([&](store::Session& session) {
            return store::cases::find(session, job.institution_id, job.case_id);
        });
        std::optional<wire::JobAd> ad;
        std::optional<core::FieldError> unfit;
        if (!record) {
            unfit = core::FieldError{"", core::msgid("The page was not found.")};
        } else if (job.desired == "published") {
            ad = m_database.read([&](store::Session& session) {
                return job_ad_for(session, *record, record->published_at.value_or(now), m_public_url);
            });
            auto problems = wire::check_job_ad(*ad);
            if (!problems.empty())
                unfit = problems.front();
        }
        std::string before = job.jobnet_status;
        core::Status result = core::success();
        bool looked_up = false;
        for (int calls = 0; calls < 6 && result; ++calls) {
            Step step = next_step(job, looked_up);
            if (step == Step::done)
                break;
            if ((step == Step::add || step == Step::update) && unfit) {
                result = core::Error::invalid(unfit->message);
                break;
            }
            core::Result<wire::JobStatus> answer = wire::JobStatus{};
            switch (step) {
            case Step::find: {
                job.last_operation = "GetJob";
                auto found = m_client.find(job.reference);
                looked_up = found.ok();
                if (!found) {
                    answer = found.error();
                } else if (*found) {
                    take(job, **found);
                    // It arrived once already; its content is sent again to be sure it is the latest.
                    job.remote_step = (*found)->status == "Processed" ? "added" : "published";
                    job.sent_version = 0;
                }
                break;
            }
            case Step::add:
                job.last_operation = "AddJob";
                answer = m_client.add(*ad);
                if (answer) {
                    job.remote_step = "added";
                    job.sent_version = job.content_version;
                }
                break;
            case Step::publish:
                job.last_operation = "PublishJob";
                answer = m_client.publish(job.jobnet_id);
                if (answer)
                    job.remote_step = "published";
                break;
            case Step::update:
                job.last_operation = "UpdateJob";
                answer = m_client.update(job.jobnet_id, *ad);
                if (answer)
                    job.sent_version = job.content_version;
                break;
            case Step::close:
                job.last_operation = "CloseJob";
                answer = m_client.close(job.jobnet_id);
                if (answer)
                    job.remote_step = "closed";
                break;
            case Step::remove:
                job.last_operation = "DeleteJob";
                answer = m_client.remove(job.jobnet_id);
                if (!answer && answer.error().kind == core::ErrorKind::not_found) {
                    // Jobnet no longer has the ad: what the DeleteJob was for.
                    wire::JobStatus gone;
                    gone.job_id = job.jobnet_id;
                    gone.status = "Deleted";
                    answer = gone;
                }
                if (answer)
                    job.remote_step = "deleted";
                break;
            case Step::done: break;
            }
            if (!answer)
                result = answer.error();
            else if (step != Step::find)
                take(job, *answer);
        }
        core::UnixTime finished = core::now();
        std::optional<core::UnixTime> next;
        if (result) {
            job.attempts = 0;
            job.last_error.clear();
            job.refused = false;
            job.sent_at = finished;
            if (job.jobnet_status == "Processed")
                next = finished + k_review_poll; // Jobnet reviews the ad; ask again later
        } else {
            const core::Error& error = result.error();
            job.last_error = error.message;
            job.refused = error.kind == core::ErrorKind::invalid;
            if (!job.refused) {
                ++job.attempts;
                core::UnixTime wait = m_retry_seconds;
                for (int i = 1; i < job.attempts && wait < k_longest_wait; ++i)
                    wait *= 2;
                next = finished + std::min(wait, k_longest_wait);
            }
            core::log_event("warn", "jobnet_transfer_failed",
                            "\"case_id\":" + std::to_string(job.case_id) + ",\"operation\":\"" +
                                job.last_operation + "\",\"error\":\"" + core::json_escape(error.message) +
                                "\"");
        }
        auto recorded = m_database.transact([&](store::Transaction& transaction) -> core::Status {
            store::jobnet::record(transaction, job, next, finished);
            if (job.jobnet_status != before)
                record_audit(transaction, Origin::system("jobnet"),
                             {job.institution_id, "case.jobnet_status", "recruitment_case",
                              std::to_string(job.case_id), json_object({{"status", before}}),
                              json_object({{"status", job.jobnet_status},
                                           {"jobnet_id", job.jobnet_id},
                                           {"operation", job.last_operation}})});
            return core::success();
        });
        if (!recorded)
            core::log_event("error", "jobnet_record_failed", "\"case_id\":" + std::to_string(job.case_id));
    }
    return static_cast<int>(due.size());
}

void Sender::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        int handled = 0;
        try {
            handled = transfer_due();
        } catch (const std::exception& error) {
            core::log_event("error", "jobnet_sender_failed",
                            "\"error\":\"" + core::json_escape(error.what()) + "\"");
        }
        lock.lock();
        if (handled < k_batch)
            m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopping; });
    }
}

} // namespace rekrut::services::jobnet
