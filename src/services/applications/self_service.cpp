#include "services/applications/self_service.hpp"

#include "core/crypto.hpp"
#include "domain/application/file_rules.hpp"
#include "domain/email_address.hpp"
#include "domain/retention/retention.hpp"
#include "services/applications/applicant_export.hpp"
#include "services/applications/application_support.hpp"
#include "services/applications/attachment_texts.hpp"
#include "services/communication/mailings.hpp"
#include "services/mail/mail_composer.hpp"
#include "services/retention/erasure.hpp"
#include "store/application_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/institution_store.hpp"
#include "store/retention_store.hpp"

namespace rekrut::services {

using core::msgid;

namespace {

void audit_applicant(store::Transaction& transaction, const domain::ApplicationRecord& application,
                     const std::string& action, const Origin& origin)
{
    record_audit(transaction, Origin{std::nullopt, "Applicant", origin.request_id, origin.ip},
                 {application.institution_id, action, "application", std::to_string(application.id), "{}",
                  json_object({{"case_id", std::to_string(application.case_id)}})});
}

} // namespace

SelfService::SelfService(store::Database& database, store::FileStore& files, std::string public_url,
                         std::string spool_dir)
    : m_database(database), m_files(files), m_public_url(std::move(public_url)),
      m_spool_dir(std::move(spool_dir))
{
}

core::Result<OwnApplication> SelfService::open(const std::string& token, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<OwnApplication> {
        auto application = applications::application_by_link(transaction, token);
        if (!application)
            return core::Error::not_found();
        auto record = store::cases::find(transaction, application->institution_id, application->case_id);
        if (!record)
            return core::Error::not_found();
        OwnApplication own;
        own.case_title = record->title;
        if (auto institution = store::InstitutionStore::find_in(transaction, record->institution_id))
            own.institution_name = institution->name;
        own.deadline = record->application_deadline.value_or(0);
        own.before_deadline = domain::accepts_applications(record->state == domain::CaseState::published,
                                                           record->application_deadline, core::now());
        own.can_withdraw =
            domain::can_change_status(application->status, domain::ApplicationStatus::withdrawn);
        own.questions = store::cases::questions(transaction, record->institution_id, record->id);
        applications::log_access(transaction, *application, std::nullopt, std::nullopt, "applicant_view",
                                 origin);
        own.application = std::move(*application);
        return own;
    });
}

core::Status SelfService::withdraw(const std::string& token, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto application = applications::application_by_link(transaction, token);
        if (!application)
            return core::Error::not_found();
        store::applications::lock(transaction, application->institution_id, application->id);
        if (!domain::can_change_status(application->status, domain::ApplicationStatus::withdrawn))
            return core::Error::conflict(msgid("The application can no longer be withdrawn."));
        store::applications::set_status(transaction, application->institution_id, application->id,
                                        domain::ApplicationStatus::withdrawn, core::now());
        applications::log_access(transaction, *application, std::nullopt, std::nullopt, "applicant_withdraw",
                                 origin);
        audit_applicant(transaction, *application, "application.withdrawn", origin);
        return core::Done{};
    });
}

core::Result<bool> SelfService::request_deletion(const std::string& token, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<bool> {
        auto application = applications::application_by_link(transaction, token);
        if (!application)
            return core::Error::not_found();
        core::UnixTime now = core::now();
        applications::log_access(transaction, *application, std::nullopt, std::nullopt, "applicant_deletion",
                                 origin);
        audit_applicant(transaction, *application, "application.deletion_requested", origin);
        if (request_erasure(transaction, *application, "applicant", std::nullopt, now) !=
            ErasureOutcome::erased)
            return false;
        audit_applicant(transaction, *application, "application.erased", origin);
        return true;
    });
}

core::Result<core::UnixTime> SelfService::renew_consent(const std::string& token, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<core::UnixTime> {
        auto application = applications::application_by_link(transaction, token);
        if (!application)
            return core::Error::not_found();
        core::UnixTime until = domain::consent_renewed_until(core::now());
        if (!store::retention::renew_consent(transaction, application->institution_id, application->id,
                                             until))
            return core::Error::conflict(
                core::msgid("There is no consent to keep this application to renew."));
        audit_applicant(transaction, *application, "application.consent_renewed", origin);
        return until;
    });
}

core::Result<DecryptedFile> SelfService::download(const std::string& token, std::int64_t attachment_id,
                                                  const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<DecryptedFile> {
        auto application = applications::application_by_link(transaction, token);
        if (!application)
            return core::Error::not_found();
        auto file =
            applications::decrypt_attachment(transaction, m_files, *application, attachment_id, m_spool_dir);
        if (file)
            applications::log_access(transaction, *application, attachment_id, std::nullopt,
                                     "applicant_download", origin);
        return file;
    });
}

core::Result<DecryptedFile> SelfService::export_all(const std::string& token, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<DecryptedFile> {
        auto application = applications::application_by_link(transaction, token);
        if (!application)
            return core::Error::not_found();
        auto record = store::cases::find(transaction, application->institution_id, application->case_id);
        if (!record)
            return core::Error::not_found();
        applications::ExportContext context{record->title, "", {}};
        if (auto institution = store::InstitutionStore::find_in(transaction, record->institution_id))
            context.institution_name = institution->name;
        for (const auto& question : store::cases::questions(transaction, record->institution_id, record->id))
            for (const auto& answer : application->answers)
                if (answer.question_id == question.id)
                    context.answers.emplace_back(question.text, answer.answer);
        auto path = applications::write_export(transaction, m_files, *application, context, m_spool_dir);
        if (!path)
            return path.error();
        applications::log_access(transaction, *application, std::nullopt, std::nullopt, "applicant_export",
                                 origin);
        register_access_request(transaction, *application, "applicant", std::nullopt, core::now());
        return DecryptedFile{*path, "ansoegning-" + domain::application_reference(*application) + ".zip",
                             "application/zip"};
    });
}

namespace {

/// The application behind the link, locked, while it may still be changed; a conflict after the
/// deadline or once it is final.
core::Result<domain::ApplicationRecord> changeable(store::Transaction& transaction, const std::string& token)
{
    auto application = applications::application_by_link(transaction, token);
    if (!application)
        return core::Error::not_found();
    store::cases::lock(transaction, application->institution_id, application->case_id);
    auto record = store::cases::find(transaction, application->institution_id, application->case_id);
    if (!record || !domain::accepts_applications(record->state == domain::CaseState::published,
                                                 record->application_deadline, core::now()))
        return core::Error::conflict(msgid("The application deadline has passed, so the application can no "
                                           "longer be changed."));
    if (application->status != domain::ApplicationStatus::received)
        return core::Error::conflict(msgid("The application can no longer be changed."));
    return *application;
}

} // namespace

core::Status SelfService::replace_file(const std::string& token, const IncomingFile& file,
                                       const Origin& origin, const domain::FileLimits& limits)
{
    auto facts = applications::file_facts(file);
    if (auto problem = domain::file_problem(facts, limits))
        return core::Error::invalid(*problem, {{applications::field_of(file.kind), *problem}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto application = changeable(transaction, token);
        if (!application)
            return application.error();
        std::int64_t total = file.size;
        int count = 1;
        for (const auto& attachment : application->attachments)
            if (file.kind == domain::AttachmentKind::other || attachment.kind != file.kind)
                total += attachment.size, ++count;
        if (auto problem = domain::total_problem(total, count, limits))
            return core::Error::invalid(*problem, {{"other_files", *problem}});
        for (const auto& attachment : application->attachments)
            if (file.kind != domain::AttachmentKind::other && attachment.kind == file.kind)
                m_files.remove(transaction, application->institution_id, attachment.id);
        auto key = store::application_keys::load(transaction, application->id);
        if (!key)
            return core::Error::not_found();
        auto put = m_files.put(transaction,
                               {application->institution_id, application->id,
                                std::string(domain::to_string(file.kind)), file.filename, facts.media_type,
                                file.path},
                               *key);
        if (!put)
            return put.error();
        if (auto full = store::applications::find(transaction, application->institution_id, application->id))
            applications::reindex(transaction, m_files, *full);
        applications::log_access(transaction, *application, *put, std::nullopt, "applicant_change", origin);
        audit_applicant(transaction, *application, "application.file_replaced", origin);
        return core::Done{};
    });
}

core::Status SelfService::update_content(const std::string& token, const domain::ApplicationForm& form,
                                         const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto application = changeable(transaction, token);
        if (!application)
            return application.error();
        auto record = store::cases::find(transaction, application->institution_id, application->case_id);
        // The personal data and consents stay as sent; only the letter and the answers change here.
        auto changed = form;
        changed.full_name = application->full_name;
        changed.email = application->email;
        changed.consent_processing = true;
        changed.has_cover_letter_file = false;
        for (const auto& attachment : application->attachments)
            changed.has_cover_letter_file =
                changed.has_cover_letter_file || attachment.kind == domain::AttachmentKind::cover_letter;
        auto questions = store::cases::questions(transaction, record->institution_id, record->id);
        auto checked = domain::check_application(changed, questions,
                                                 record->employment_basis == "civil_servant", core::now());
        if (!checked)
            return checked.error();
        auto updated = *application;
        updated.cover_letter = checked->record.cover_letter;
        updated.answers = checked->record.answers;
        updated.knocked_out = checked->record.knocked_out;
        store::applications::update_content(transaction, updated, core::now());
        if (auto full = store::applications::find(transaction, application->institution_id, application->id))
            applications::reindex(transaction, m_files, *full);
        applications::log_access(transaction, *application, std::nullopt, std::nullopt, "applicant_change",
                                 origin);
        audit_applicant(transaction, *application, "application.changed", origin);
        return core::Done{};
    });
}

void SelfService::send_links(const std::string& email)
{
    auto address = domain::normalize_email_address(email);
    if (!address)
        return;
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        const auto now = core::now();
        for (const auto& target : store::applications::by_email(transaction, *address)) {
            auto application =
                store::applications::find(transaction, target.institution_id, target.application_id);
            auto record = application
                              ? store::cases::find(transaction, target.institution_id, application->case_id)
                              : std::nullopt;
            if (!record)
                continue;
            auto token = core::random_hex(32);
            store::applications::add_link(transaction, application->id, core::blake2b_hex(token), now,
                                          now + applications::k_link_lifetime);
            queue_application_mail(transaction, *record, *application, "self_service_link",
                                   applications::self_service_link(m_public_url, token));
        }
        return core::Done{};
    });
}

} // namespace rekrut::services
