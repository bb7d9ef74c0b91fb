#include "services/applications/applications.hpp"

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <set>
#include <stdexcept>
#include <unistd.h>

#include "core/crypto.hpp"
#include "domain/access/policy.hpp"
#include "domain/assessment/anonymise.hpp"
#include "integrations/documents.hpp"
#include "services/applications/application_support.hpp"
#include "services/applications/attachment_texts.hpp"
#include "services/assessment/assessment.hpp"
#include "services/assessment/committee_facts.hpp"
#include "services/mail/mail_composer.hpp"
#include "services/retention/erasure.hpp"
#include "store/application_store.hpp"
#include "store/assessment_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/institution_store.hpp"
#include "store/search_index.hpp"

namespace rekrut::services {

using core::msgid;
using domain::Action;

Applications::Applications(store::Database& database, store::FileStore& files, domain::FileLimits limits,
                           std::string public_url, std::string spool_dir)
    : m_database(database), m_files(files), m_limits(limits), m_public_url(std::move(public_url)),
      m_spool_dir(std::move(spool_dir))
{
}

namespace {

ApplyContext context_of(store::Session& session, const domain::CaseRecord& record, core::UnixTime now)
{
    ApplyContext context;
    context.case_id = record.id;
    context.institution_id = record.institution_id;
    context.title = record.title;
    if (auto institution = store::InstitutionStore::find_in(session, record.institution_id))
        context.institution_name = institution->name;
    context.deadline = record.application_deadline.value_or(0);
    context.accepting = domain::accepts_applications(record.state == domain::CaseState::published,
                                                     record.application_deadline, now);
    context.civil_servant = record.employment_basis == "civil_servant";
    context.questions = store::cases::questions(session, record.institution_id, record.id);
    return context;
}

/// The refusal for an actor the policy turned away: the declarations first for a member who owes
/// some; not found for an applicant hidden by a conflict or a case the actor cannot see.
core::Error refused(const domain::Actor& actor, const domain::Resource& resource)
{
    if (resource.declarations_pending && is_member(actor, *resource.institution_id, *resource.case_id))
        return core::Error::conflict(k_declarations_pending);
    if (resource.conflict_of_interest)
        return core::Error::not_found();
    return applications::refusal(actor, *resource.institution_id, *resource.case_id);
}

/// What the committee sees in place of masked details.
constexpr std::string_view k_mask = "•••";

std::string mask(const std::string& text, const domain::ApplicationRecord& application)
{
    domain::ApplicantIdentity identity{application.full_name, application.email,       application.phone,
                                       application.address,   application.postal_code, application.city};
    return domain::anonymise(text, identity, k_mask).text;
}

/// The view as the committee sees it in an anonymised round.
void anonymise_view(ApplicationView& view)
{
    auto& application = view.application;
    const auto original = application;
    view.anonymised = true;
    application.cover_letter = mask(original.cover_letter, original);
    for (auto& answer : application.answers)
        answer.answer = mask(answer.answer, original);
    for (auto& attachment : application.attachments)
        attachment.filename.clear();
    application.full_name.clear();
    application.email.clear();
    application.phone.clear();
    application.address.clear();
    application.postal_code.clear();
    application.city.clear();
}

} // namespace

std::optional<ApplyContext> Applications::apply_context(std::int64_t case_id, core::UnixTime now)
{
    return m_database.read([&](store::Session& session) -> std::optional<ApplyContext> {
        auto record = store::cases::find_published(session, case_id);
        if (!record)
            return std::nullopt;
        return context_of(session, *record, now);
    });
}

core::Result<ApplyContext> Applications::registration_context(const domain::Actor& actor,
                                                              std::int64_t institution_id,
                                                              std::int64_t case_id)
{
    if (!domain::can(actor, Action::register_application, {institution_id, case_id, {}, false, {}}))
        return applications::refusal(actor, institution_id, case_id);
    return m_database.read([&](store::Session& session) -> core::Result<ApplyContext> {
        auto record = store::cases::find(session, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        if (!record->published_at)
            return core::Error::conflict(
                msgid("Applications can be registered once the position is published."));
        return context_of(session, *record, core::now());
    });
}

std::vector<domain::FileFacts> Applications::inspect(const std::vector<IncomingFile>& files) const
{
    std::vector<domain::FileFacts> facts;
    facts.reserve(files.size());
    for (const auto& file : files)
        facts.push_back(applications::file_facts(file));
    return facts;
}

std::vector<RefusedFile> Applications::check_files(const std::vector<IncomingFile>& files) const
{
    return check_files(files, inspect(files));
}

std::vector<RefusedFile> Applications::check_files(const std::vector<IncomingFile>& files,
                                                   const std::vector<domain::FileFacts>& facts) const
{
    if (facts.size() != files.size())
        throw std::logic_error("check_files: the facts are not those of the files");
    std::vector<RefusedFile> refused;
    std::int64_t total = 0;
    auto megabytes = [](std::int64_t bytes) {
        return std::to_string(bytes / (std::int64_t{1024} * 1024)) + " MB";
    };
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& file = files[i];
        auto problem = domain::file_problem(facts[i], m_limits);
        if (problem)
            refused.push_back({applications::field_of(file.kind), file.filename, *problem,
                               megabytes(m_limits.max_file_bytes), ""});
        total += file.size;
    }
    if (auto problem = domain::total_problem(total, static_cast<int>(files.size()), m_limits))
        refused.push_back({"other_files", "", *problem, megabytes(m_limits.max_application_bytes),
                           std::to_string(m_limits.max_files)});
    return refused;
}

core::Result<Receipt> Applications::submit(const Submission& submission, const Origin& origin)
{
    // The files are read here, before the transaction, and only once (or not at all when the caller
    // has read them for its own check): the transaction only stores.
    const auto facts = submission.file_facts.size() == submission.files.size() ? submission.file_facts
                                                                               : inspect(submission.files);
    if (!check_files(submission.files, facts).empty())
        return core::Error::invalid(msgid("A file could not be accepted."));
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<Receipt> {
        auto found = store::cases::find_published(transaction, submission.case_id);
        if (!found)
            return core::Error::not_found();
        // Submissions to one case run side by side: the shared lock only keeps the case's state and
        // deadline from changing until this one is stored, and two submissions with the same key
        // meet at the unique (case_id, idempotency_key) index (see store_application). The case is
        // read again under the lock, so that a change just committed counts.
        store::cases::lock_shared(transaction, found->institution_id, found->id);
        auto record = store::cases::find_published(transaction, submission.case_id);
        if (!record)
            return core::Error::not_found();
        const auto now = core::now();
        if (!domain::accepts_applications(true, record->application_deadline, now))
            return core::Error::conflict(msgid("The application deadline has passed, so applications can no "
                                               "longer be sent for this position."));
        if (auto existing = store::applications::find_by_idempotency_key(
                transaction, record->institution_id, record->id, submission.idempotency_key))
            return applications::receipt_for(transaction, *record, *existing, true);
        applications::NewApplication fresh{
            *record, submission, facts, domain::ApplicationChannel::online, now, now, std::nullopt};
        auto stored = applications::store_application(transaction, m_files, fresh, origin);
        if (!stored)
            return stored.error();
        if (stored->repeated)
            return applications::receipt_for(transaction, *record, stored->id, true);
        applications::send_receipt(transaction, *record, *stored, m_public_url);
        return applications::receipt_for(transaction, *record, stored->id, false);
    });
}

std::optional<Receipt> Applications::receipt(std::int64_t case_id, const std::string& form_key)
{
    return m_database.read([&](store::Session& session) -> std::optional<Receipt> {
        auto target = store::applications::find_by_form_key(session, case_id, form_key);
        if (!target)
            return std::nullopt;
        auto record = store::cases::find(session, target->institution_id, case_id);
        if (!record)
            return std::nullopt;
        return applications::receipt_for(session, *record, target->application_id, true);
    });
}

core::Result<Receipt> Applications::register_received(const domain::Actor& actor, std::int64_t institution_id,
                                                      const Submission& submission,
                                                      domain::ApplicationChannel channel,
                                                      core::UnixTime received_at, const Origin& origin)
{
    if (!domain::can(actor, Action::register_application,
                     {institution_id, submission.case_id, {}, false, {}}))
        return applications::refusal(actor, institution_id, submission.case_id);
    const auto facts = submission.file_facts.size() == submission.files.size() ? submission.file_facts
                                                                               : inspect(submission.files);
    if (!check_files(submission.files, facts).empty())
        return core::Error::invalid(msgid("A file could not be accepted."));
    const auto now = core::now();
    if (received_at > now)
        return core::Error::invalid(msgid("The date received cannot be in the future."),
                                    {{"received_date", msgid("The date received cannot be in the future.")}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<Receipt> {
        store::cases::lock(transaction, institution_id, submission.case_id);
        auto record = store::cases::find(transaction, institution_id, submission.case_id);
        if (!record)
            return core::Error::not_found();
        if (!record->published_at)
            return core::Error::conflict(
                msgid("Applications can be registered once the position is published."));
        if (auto existing = store::applications::find_by_idempotency_key(
                transaction, institution_id, record->id, submission.idempotency_key))
            return applications::receipt_for(transaction, *record, *existing, true);
        applications::NewApplication fresh{*record,     submission, facts,        channel,
                                           received_at, now,        actor.user_id};
        auto stored = applications::store_application(transaction, m_files, fresh, origin);
        if (!stored)
            return stored.error();
        return applications::receipt_for(transaction, *record, stored->id, stored->repeated);
    });
}

std::optional<std::pair<int, int>> Applications::counts(const domain::Actor& actor,
                                                        std::int64_t institution_id, std::int64_t case_id)
{
    return m_database.read([&](store::Session& session) -> std::optional<std::pair<int, int>> {
        auto resource = committee_resource(session, actor, institution_id, case_id);
        if (!domain::can(actor, Action::view_applications, resource))
            return std::nullopt;
        if (!is_member(actor, institution_id, case_id)) {
            auto counts = store::applications::count_for_case(session, institution_id, case_id);
            return std::pair{counts.total, counts.withdrawn};
        }
        // A member's counts leave out the applicants they declared a conflict with.
        domain::ApplicationListQuery query;
        query.institution_id = institution_id;
        query.case_id = case_id;
        query.viewer_id = actor.user_id;
        query.member = true;
        const int total = store::assessment::count(session, query);
        query.status = domain::ApplicationStatus::withdrawn;
        return std::pair{total, store::assessment::count(session, query)};
    });
}

core::Result<ApplicationList> Applications::list(const domain::Actor& actor, std::int64_t institution_id,
                                                 std::int64_t case_id)
{
    return m_database.read([&](store::Session& session) -> core::Result<ApplicationList> {
        auto resource = committee_resource(session, actor, institution_id, case_id);
        if (!domain::can(actor, Action::view_applications, resource))
            return refused(actor, resource);
        auto record = store::cases::find(session, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        ApplicationList list{*record, store::applications::list_for_case(session, institution_id, case_id),
                             0};
        if (is_member(actor, institution_id, case_id)) {
            auto conflicts = store::assessment::conflicts_of(session, institution_id, case_id, actor.user_id);
            std::erase_if(list.applications, [&](const domain::ApplicationRecord& application) {
                return conflicts.count(application.id) > 0;
            });
        }
        for (const auto& application : list.applications)
            list.withdrawn += application.status == domain::ApplicationStatus::withdrawn ? 1 : 0;
        return list;
    });
}

core::Result<ApplicationView> Applications::open(const domain::Actor& actor, std::int64_t institution_id,
                                                 std::int64_t case_id, std::int64_t application_id,
                                                 const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<ApplicationView> {
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::view_applications, resource))
            return refused(actor, resource);
        auto record = store::cases::find(transaction, institution_id, case_id);
        auto application = store::applications::find(transaction, institution_id, application_id);
        if (!record || !application || application->case_id != case_id)
            return core::Error::not_found();
        applications::log_access(transaction, *application, std::nullopt, actor.user_id, "view", origin);
        ApplicationView view{*record, *application,
                             store::cases::questions(transaction, institution_id, case_id)};
        if (!domain::can(actor, Action::see_applicant_identity, resource))
            anonymise_view(view);
        return view;
    });
}

core::Result<ApplicationView>
Applications::rectification_context(const domain::Actor& actor, std::int64_t institution_id,
                                    std::int64_t case_id, std::int64_t application_id, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<ApplicationView> {
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::rectify_application, resource))
            return refused(actor, resource);
        auto record = store::cases::find(transaction, institution_id, case_id);
        auto application = store::applications::find(transaction, institution_id, application_id);
        if (!record || !application || application->case_id != case_id)
            return core::Error::not_found();
        applications::log_access(transaction, *application, std::nullopt, actor.user_id, "view", origin);
        return ApplicationView{*record, *application, {}};
    });
}

core::Result<std::vector<std::string>>
Applications::rectify(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                      std::int64_t application_id, const domain::RectificationForm& form,
                      const Origin& origin)
{
    return m_database.transact(
        [&](store::Transaction& transaction) -> core::Result<std::vector<std::string>> {
            auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
            if (!domain::can(actor, Action::rectify_application, resource))
                return refused(actor, resource);
            store::applications::lock(transaction, institution_id, application_id);
            auto application = store::applications::find(transaction, institution_id, application_id);
            if (!application || application->case_id != case_id)
                return core::Error::not_found();
            auto checked = domain::check_rectification(form);
            if (!checked)
                return checked.error();
            // The audit event names the fields as the audit trail knows them; the values are sealed.
            std::vector<std::string> changed;
            std::vector<std::pair<std::string, std::string>> before;
            std::vector<std::pair<std::string, std::string>> after;
            auto compare = [&](const char* field, const std::string& old_value,
                               const std::string& new_value) {
                if (old_value == new_value)
                    return;
                changed.emplace_back(field);
                before.emplace_back(field, old_value);
                after.emplace_back(field, new_value);
            };
            compare("name", application->full_name, checked->full_name);
            compare("email", application->email, checked->email);
            compare("phone", application->phone, checked->phone);
            if (changed.empty())
                return core::Error::invalid(
                    msgid("The values are the same as before, so nothing was corrected."));
            const auto now = core::now();
            store::applications::update_personal(transaction, institution_id, application_id,
                                                 checked->full_name, checked->email, checked->phone, now);
            if (auto updated = store::applications::find(transaction, institution_id, application_id))
                applications::reindex(transaction, m_files, *updated);
            register_rectification_request(transaction, *application, actor.user_id, now);
            std::string fields;
            for (const auto& field : changed)
                fields += (fields.empty() ? "" : ",") + field;
            after.emplace_back("fields", fields);
            after.emplace_back("rectification_reason", checked->reason);
            record_audit(transaction, origin,
                         {institution_id, "application.rectified", "application",
                          std::to_string(application_id), json_object(before), json_object(after)});
            return changed;
        });
}

core::Result<DecryptedFile> Applications::download(const domain::Actor& actor, std::int64_t institution_id,
                                                   std::int64_t case_id, std::int64_t application_id,
                                                   std::int64_t attachment_id, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<DecryptedFile> {
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::view_applications, resource))
            return refused(actor, resource);
        // In an anonymised round the files themselves would tell who sent them (names, photos): the
        // committee reads their extracted text, masked, instead.
        if (!domain::can(actor, Action::see_applicant_identity, resource))
            return core::Error::forbidden();
        auto application = store::applications::find(transaction, institution_id, application_id);
        if (!application || application->case_id != case_id)
            return core::Error::not_found();
        auto decrypted =
            applications::decrypt_attachment(transaction, m_files, *application, attachment_id, m_spool_dir);
        if (!decrypted)
            return decrypted.error();
        applications::log_access(transaction, *application, attachment_id, actor.user_id, "download", origin);
        return decrypted;
    });
}

core::Result<AttachmentText> Applications::attachment_text(const domain::Actor& actor,
                                                           std::int64_t institution_id, std::int64_t case_id,
                                                           std::int64_t application_id,
                                                           std::int64_t attachment_id, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<AttachmentText> {
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::view_applications, resource))
            return refused(actor, resource);
        auto record = store::cases::find(transaction, institution_id, case_id);
        auto application = store::applications::find(transaction, institution_id, application_id);
        if (!record || !application || application->case_id != case_id)
            return core::Error::not_found();
        auto attachment =
            std::find_if(application->attachments.begin(), application->attachments.end(),
                         [&](const domain::AttachmentRecord& item) { return item.id == attachment_id; });
        if (attachment == application->attachments.end())
            return core::Error::not_found();
        auto key = store::application_keys::load(transaction, application_id);
        AttachmentText text{*record, *application, *attachment, {}, false};
        if (key && attachment->text_status == "done")
            text.text = m_files.read_text(transaction, attachment_id, *key).value_or("");
        if (!domain::can(actor, Action::see_applicant_identity, resource)) {
            text.anonymised = true;
            text.text = mask(text.text, *application);
            ApplicationView view{*record, *application, {}};
            anonymise_view(view);
            text.application = view.application;
            text.attachment.filename.clear();
        }
        applications::log_access(transaction, *application, attachment_id, actor.user_id, "view_text",
                                 origin);
        return text;
    });
}

core::Result<std::vector<SearchResult>> Applications::search(const domain::Actor& actor,
                                                             std::int64_t institution_id,
                                                             std::optional<std::int64_t> case_id,
                                                             const std::string& query)
{
    if (!case_id && !domain::can(actor, Action::search_all_applications, {institution_id, {}, {}, false, {}}))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<std::vector<SearchResult>> {
        std::set<std::int64_t> hidden;
        if (case_id) {
            auto resource = committee_resource(session, actor, institution_id, *case_id);
            if (!domain::can(actor, Action::view_applications, resource))
                return refused(actor, resource);
            // A member finds neither the applicants they declared a conflict with nor, in an
            // anonymised round, anyone whose anonymity stands: a hit on a name would tell who it is.
            if (is_member(actor, institution_id, *case_id)) {
                hidden = store::assessment::conflicts_of(session, institution_id, *case_id, actor.user_id);
                if (resource.anonymous_round)
                    for (const auto& application :
                         store::applications::list_for_case(session, institution_id, *case_id))
                        if (!store::assessment::anonymity_lifted(session, institution_id, application.id))
                            hidden.insert(application.id);
            }
        }
        std::vector<std::int64_t> cases;
        if (case_id)
            cases.push_back(*case_id);
        std::vector<SearchResult> results;
        for (const auto& hit : store::search_index::search(session, institution_id, cases, query, 50)) {
            if (hidden.count(hit.application_id) > 0)
                continue;
            auto application = store::applications::find(session, institution_id, hit.application_id);
            auto record = application ? store::cases::find(session, institution_id, application->case_id)
                                      : std::nullopt;
            if (!record)
                continue;
            results.push_back({application->id, record->id, record->title,
                               domain::application_reference(*application), application->full_name,
                               hit.snippet_html});
        }
        return results;
    });
}

core::Result<std::vector<domain::AccessLogEntry>>
Applications::access_log(const domain::Actor& actor, std::int64_t institution_id,
                         std::optional<std::int64_t> application_id, int limit)
{
    if (!domain::can(actor, Action::view_access_log, {institution_id, {}, {}, false, {}}))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) {
        return store::applications::access_log(session, institution_id, application_id, limit);
    });
}

} // namespace rekrut::services

namespace rekrut::services {

core::Result<std::vector<domain::AccessLogEntry>>
Applications::export_access_log(const domain::Actor& actor, std::int64_t institution_id,
                                std::optional<std::int64_t> application_id, const Origin& origin)
{
    if (!domain::can(actor, Action::view_access_log, {institution_id, {}, {}, false, {}}))
        return core::Error::not_found();
    return m_database.transact([&](store::Transaction& transaction)
                                   -> core::Result<std::vector<domain::AccessLogEntry>> {
        auto entries = store::applications::access_log(transaction, institution_id, application_id, 100000);
        record_audit(transaction, origin,
                     {institution_id, "access_log.exported", "access_log", "", "{}",
                      json_object({{"application_id", application_id ? std::to_string(*application_id) : ""},
                                   {"rows", std::to_string(entries.size())}})});
        return entries;
    });
}

} // namespace rekrut::services
