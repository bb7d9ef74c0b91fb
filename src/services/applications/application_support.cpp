#include "services/applications/application_support.hpp"

#include <cstdio>
#include <stdexcept>
#include <unistd.h>

#include "core/crypto.hpp"
#include "domain/access/policy.hpp"
#include "integrations/documents.hpp"
#include "services/applications/attachment_texts.hpp"
#include "services/communication/mailings.hpp"
#include "services/mail/mail_composer.hpp"
#include "store/application_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/institution_store.hpp"

namespace rekrut::services::applications {

using core::msgid;

domain::FileFacts file_facts(const IncomingFile& file)
{
    auto facts = integrations::inspect_document(file.path);
    domain::FileFacts result;
    result.filename = file.filename;
    result.size = file.size;
    result.media_type = facts.media_type;
    result.encrypted = facts.encrypted;
    result.has_macros = facts.has_macros;
    result.executable = facts.executable;
    result.readable = facts.readable;
    result.polyglot = facts.polyglot;
    return result;
}

std::string field_of(domain::AttachmentKind kind)
{
    switch (kind) {
    case domain::AttachmentKind::cover_letter: return "cover_letter_file";
    case domain::AttachmentKind::cv: return "cv_file";
    case domain::AttachmentKind::other: return "other_files";
    }
    return "other_files";
}

core::Error refusal(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id)
{
    if (domain::can(actor, domain::Action::view_case, {institution_id, case_id, {}, false, {}}))
        return core::Error::forbidden();
    return core::Error::not_found();
}

namespace {

bool has_cover_letter_file(const Submission& submission)
{
    for (const auto& file : submission.files)
        if (file.kind == domain::AttachmentKind::cover_letter)
            return true;
    return false;
}

/// The audit event of a new application: ids, channel and counts, never what the applicant wrote.
void audit_received(store::Transaction& transaction, const Origin& origin,
                    const domain::ApplicationRecord& record, std::size_t files)
{
    record_audit(transaction, origin,
                 {record.institution_id, "application.received", "application", std::to_string(record.id),
                  "{}",
                  json_object({{"case_id", std::to_string(record.case_id)},
                               {"channel", std::string(domain::to_string(record.channel))},
                               {"on_time", record.on_time ? "true" : "false"},
                               {"attachments", std::to_string(files)}})});
}

} // namespace

core::Result<StoredApplication> store_application(store::Transaction& transaction, store::FileStore& files,
                                                  const NewApplication& fresh, const Origin& origin)
{
    auto form = fresh.submission.form;
    form.has_cover_letter_file = has_cover_letter_file(fresh.submission);
    const auto& case_record = fresh.case_record;
    auto questions = store::cases::questions(transaction, case_record.institution_id, case_record.id);
    auto checked = domain::check_application(form, questions, case_record.employment_basis == "civil_servant",
                                             fresh.now);
    if (!checked)
        return checked.error();
    StoredApplication stored;
    auto& record = checked->record;
    record.institution_id = case_record.institution_id;
    record.case_id = case_record.id;
    record.channel = fresh.channel;
    record.language = fresh.submission.language == "en" ? "en" : "da";
    record.received_at = fresh.received_at;
    record.on_time =
        case_record.application_deadline && fresh.received_at < *case_record.application_deadline;
    record.registered_by = fresh.registered_by;
    record.idempotency_key = fresh.submission.idempotency_key;
    record.created_at = fresh.now;
    if (fresh.file_facts.size() != fresh.submission.files.size())
        throw std::logic_error("store_application: the file facts are not those of the files");
    auto inserted = store::applications::insert_once(transaction, record);
    if (!inserted) {
        stored.repeated = true;
        stored.id = store::applications::find_by_idempotency_key(transaction, record.institution_id,
                                                                 record.case_id, record.idempotency_key)
                        .value();
        return stored;
    }
    record.id = *inserted;
    auto data_key = store::application_keys::create(transaction, record.id);
    for (std::size_t i = 0; i < fresh.submission.files.size(); ++i) {
        const auto& file = fresh.submission.files[i];
        auto put = files.put(transaction,
                             {record.institution_id, record.id, std::string(domain::to_string(file.kind)),
                              file.filename, fresh.file_facts[i].media_type, file.path},
                             data_key);
        if (!put)
            return put.error();
    }
    if (auto full = store::applications::find(transaction, record.institution_id, record.id))
        reindex(transaction, files, *full);
    stored.link_token = core::random_hex(32);
    store::applications::add_link(transaction, record.id, core::blake2b_hex(stored.link_token), fresh.now,
                                  fresh.now + k_link_lifetime);
    audit_received(transaction, origin, record, fresh.submission.files.size());
    stored.id = record.id;
    stored.record = std::move(record);
    return stored;
}

std::string self_service_link(const std::string& public_url, const std::string& token)
{
    auto base = public_url;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base + "/application/" + token;
}

void send_receipt(store::Transaction& transaction, const domain::CaseRecord& case_record,
                  const StoredApplication& stored, const std::string& public_url)
{
    queue_application_mail(transaction, case_record, stored.record, "application_receipt",
                           self_service_link(public_url, stored.link_token));
}

Receipt receipt_for(store::Session& session, const domain::CaseRecord& case_record,
                    std::int64_t application_id, bool repeated)
{
    Receipt receipt;
    receipt.application_id = application_id;
    receipt.title = case_record.title;
    receipt.repeated = repeated;
    if (auto record = store::applications::find(session, case_record.institution_id, application_id)) {
        receipt.reference = domain::application_reference(*record);
        receipt.email = record->email;
    }
    return receipt;
}

void log_access(store::Transaction& transaction, const domain::ApplicationRecord& application,
                std::optional<std::int64_t> attachment_id, std::optional<std::int64_t> user_id,
                const std::string& action, const Origin& origin)
{
    domain::AccessLogEntry entry;
    entry.institution_id = application.institution_id;
    entry.case_id = application.case_id;
    entry.application_id = application.id;
    entry.attachment_id = attachment_id;
    entry.user_id = user_id;
    entry.action = action;
    entry.client_ip = origin.ip;
    entry.at = core::now();
    store::applications::log_access(transaction, entry);
}

core::Result<DecryptedFile> decrypt_attachment(store::Session& session, store::FileStore& files,
                                               const domain::ApplicationRecord& application,
                                               std::int64_t attachment_id, const std::string& spool_dir)
{
    const domain::AttachmentRecord* attachment = nullptr;
    for (const auto& candidate : application.attachments)
        if (candidate.id == attachment_id)
            attachment = &candidate;
    if (!attachment)
        return core::Error::not_found();
    auto key = store::application_keys::load(session, application.id);
    if (!key)
        return core::Error::not_found();
    std::string path = spool_dir + "/rekrut-download-XXXXXX";
    int fd = ::mkstemp(path.data());
    if (fd < 0)
        throw core::Unavailable("cannot create a temporary file for a download");
    bool written = true;
    auto status =
        files.read(session, application.institution_id, attachment_id, *key, [&](std::string_view piece) {
            std::size_t done = 0;
            while (written && done < piece.size()) {
                auto count = ::write(fd, piece.data() + done, piece.size() - done);
                written = count > 0;
                done += written ? static_cast<std::size_t>(count) : 0;
            }
        });
    ::close(fd);
    if (!status || !written) {
        ::unlink(path.c_str());
        return status ? core::Error::not_found() : status.error();
    }
    return DecryptedFile{path, attachment->filename, attachment->media_type};
}

std::optional<domain::ApplicationRecord> application_by_link(store::Session& session,
                                                             const std::string& token)
{
    if (token.size() != 64)
        return std::nullopt;
    auto target = store::applications::find_link(session, core::blake2b_hex(token), core::now());
    if (!target)
        return std::nullopt;
    return store::applications::find(session, target->institution_id, target->application_id);
}

} // namespace rekrut::services::applications
