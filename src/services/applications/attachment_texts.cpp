#include "services/applications/attachment_texts.hpp"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>
#include <vector>

#include "core/log.hpp"
#include "domain/application/application_records.hpp"
#include "domain/application/file_rules.hpp"
#include "integrations/documents.hpp"
#include "store/application_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/search_index.hpp"

namespace rekrut::services {

namespace applications {

void reindex(store::Transaction& transaction, store::FileStore& files,
             const domain::ApplicationRecord& application)
{
    std::string text = application.full_name + "\n" + application.email + "\n" + application.phone + "\n" +
                       application.city + "\n" + application.cover_letter + "\n";
    for (const auto& answer : application.answers)
        text += answer.answer + "\n";
    auto key = store::application_keys::load(transaction, application.id);
    for (const auto& attachment : application.attachments) {
        text += attachment.filename + "\n";
        if (key && attachment.text_status == "done")
            if (auto extracted = files.read_text(transaction, attachment.id, *key))
                text += *extracted + "\n";
    }
    store::search_index::index_application(transaction, application.institution_id, application.case_id,
                                           application.id, text);
}

} // namespace applications

AttachmentTexts::AttachmentTexts(store::Database& database, store::FileStore& files, std::string spool_dir)
    : m_database(database), m_files(files), m_spool_dir(std::move(spool_dir))
{
}

namespace {

/// Extracts one attachment's text from a decrypted temporary copy; the copy is removed at once.
core::Result<std::string> extract(store::Database& database, store::FileStore& files,
                                  const store::AttachmentInfo& attachment, const std::string& key,
                                  const std::string& spool_dir)
{
    std::string path = spool_dir + "/rekrut-extract-XXXXXX";
    int fd = ::mkstemp(path.data());
    if (fd < 0)
        return core::Error::invalid("no temporary file for extraction");
    ::close(fd);
    auto copied = database.read([&](store::Session& session) {
        return files.copy_to_file(session, attachment.institution_id, attachment.id, key, path);
    });
    if (!copied) {
        ::unlink(path.c_str());
        return copied.error();
    }
    auto text = integrations::extract_text(path, attachment.media_type);
    ::unlink(path.c_str());
    return text;
}

} // namespace

int AttachmentTexts::extract_pending(int limit)
{
    auto pending = m_database.read(
        [&](store::Session& session) { return store::pending_text_attachments(session, limit); });
    // The slow part, decrypting each file and reading its text, runs outside any write transaction;
    // the results are then written together in one short one, so that the job takes a single turn
    // of SQLite's writer instead of one per attachment while applications are being submitted.
    struct Outcome {
        const store::AttachmentInfo* attachment;
        std::string key;
        core::Result<std::string> text;
    };
    std::vector<Outcome> outcomes;
    for (const auto& attachment : pending) {
        auto key = m_database.read([&](store::Session& session) {
            return store::application_keys::load(session, attachment.application_id);
        });
        if (!key)
            continue;
        core::Result<std::string> text = domain::has_extractable_text(attachment.media_type)
                                             ? extract(m_database, m_files, attachment, *key, m_spool_dir)
                                             : core::Result<std::string>(std::string());
        outcomes.push_back({&attachment, std::move(*key), std::move(text)});
    }
    if (outcomes.empty())
        return static_cast<int>(pending.size());
    (void)m_database.transact([&](store::Transaction& transaction) -> core::Status {
        std::vector<std::pair<std::int64_t, std::int64_t>> applications;
        for (const auto& outcome : outcomes) {
            const auto& attachment = *outcome.attachment;
            // The applicant may have replaced or deleted the file since it was read.
            if (!store::attachment_present(transaction, attachment.id))
                continue;
            if (!domain::has_extractable_text(attachment.media_type))
                store::mark_text(transaction, attachment.id, "none", "");
            else if (!outcome.text)
                store::mark_text(transaction, attachment.id, "failed", outcome.text.error().message);
            else {
                m_files.put_text(transaction, attachment.id, *outcome.text, outcome.key);
                store::mark_text(transaction, attachment.id, "done", "");
            }
            applications.emplace_back(attachment.institution_id, attachment.application_id);
        }
        std::sort(applications.begin(), applications.end());
        applications.erase(std::unique(applications.begin(), applications.end()), applications.end());
        for (const auto& [institution_id, application_id] : applications)
            if (auto application = store::applications::find(transaction, institution_id, application_id))
                applications::reindex(transaction, m_files, *application);
        return core::Done{};
    });
    for (const auto& outcome : outcomes)
        if (!outcome.text)
            core::log_event("warn", "attachment_text_failed",
                            "\"attachment_id\":" + std::to_string(outcome.attachment->id));
    return static_cast<int>(pending.size());
}

} // namespace rekrut::services
