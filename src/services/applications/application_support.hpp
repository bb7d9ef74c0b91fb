#pragma once

// What the application services share: storing a new application with its files, the receipt and
// its mail, the access log, refusals and the application behind a personal link (which the interview
// booking uses too). Internal to the services.

#include <optional>
#include <string>

#include "services/applications/applications.hpp"

namespace rekrut::store {
class Session;
class Transaction;
} // namespace rekrut::store

namespace rekrut::services::applications {

/// How long a personal link works; the applicant can ask for a new one with their address.
inline constexpr core::UnixTime k_link_lifetime = core::UnixTime{90} * 86400;

/// The file's facts as the file rules need them, read from its content.
domain::FileFacts file_facts(const IncomingFile& file);
/// The form field a file of this kind is sent in.
std::string field_of(domain::AttachmentKind kind);

/// Not found for those who may not see the case, forbidden for those who see it but may not do this.
core::Error refusal(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id);

struct NewApplication {
    const domain::CaseRecord& case_record;
    const Submission& submission;
    /// The facts of submission.files, in the same order, read before the transaction began.
    const std::vector<domain::FileFacts>& file_facts;
    domain::ApplicationChannel channel;
    core::UnixTime received_at;
    core::UnixTime now;
    std::optional<std::int64_t> registered_by;
};

/// A stored application and the personal link's token (only its hash is kept).
struct StoredApplication {
    std::int64_t id = 0;
    /// The case had an application with the submission's idempotency key already (sent at the same
    /// time and committed first): `id` is that one's, and nothing else is set.
    bool repeated = false;
    domain::ApplicationRecord record;
    std::string link_token;
};

/// Checks the form against the case's questions, stores the application, its data key, answers and
/// files, makes the personal link and records `application.received`, inside `transaction`. The
/// files are not read again here: their media types come from `fresh.file_facts`.
core::Result<StoredApplication> store_application(store::Transaction& transaction, store::FileStore& files,
                                                  const NewApplication& fresh, const Origin& origin);
/// Queues the receipt mail with the personal link, from the case's "application_receipt" template.
void send_receipt(store::Transaction& transaction, const domain::CaseRecord& case_record,
                  const StoredApplication& stored, const std::string& public_url);
/// The receipt of a stored application.
Receipt receipt_for(store::Session& session, const domain::CaseRecord& case_record,
                    std::int64_t application_id, bool repeated);
/// The personal link: `<public_url>/application/<token>`.
std::string self_service_link(const std::string& public_url, const std::string& token);
/// The application a personal link's token leads to, or nothing for an unknown or expired link.
std::optional<domain::ApplicationRecord> application_by_link(store::Session& session,
                                                             const std::string& token);

/// Records a view or download in the access log.
void log_access(store::Transaction& transaction, const domain::ApplicationRecord& application,
                std::optional<std::int64_t> attachment_id, std::optional<std::int64_t> user_id,
                const std::string& action, const Origin& origin);
/// Decrypts one attachment of `application` to a new file in `spool_dir`.
core::Result<DecryptedFile> decrypt_attachment(store::Session& session, store::FileStore& files,
                                               const domain::ApplicationRecord& application,
                                               std::int64_t attachment_id, const std::string& spool_dir);

} // namespace rekrut::services::applications
