#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/application/application_records.hpp"
#include "domain/mail/email_template.hpp"
#include "domain/mail/outbox_message.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
class Transaction;
} // namespace rekrut::store

namespace rekrut::services {

/// What HR asks to send: a kind of mail to some of a case's applications, with the interview's time
/// and place when the mail names them, and optionally this send's own wording.
struct MailDraft {
    std::string kind;
    std::vector<std::int64_t> application_ids;
    /// This send's wording instead of the case's template (subjects and bodies; the rest unused).
    std::optional<domain::EmailTemplateRecord> wording;
    std::optional<core::UnixTime> interview_at;
    int interview_minutes = 60;
    std::string interview_place;
};

/// One recipient of a planned or sent mail.
struct MailRecipient {
    std::int64_t application_id = 0;
    std::string reference;
    std::string name;
    std::string email;
    std::string language;
    /// The mail as it will be sent (the personal link is made when it is sent); empty when it will
    /// not be sent, with the reason.
    std::optional<domain::RenderedMail> mail;
    /// Merge fields without a value for this recipient (English names).
    std::vector<std::string> missing;
    /// "" or why the mail does not go to this recipient: "status" (the mail would set a status the
    /// application cannot take), "missing" (see `missing`).
    std::string blocked;
};

/// The preview of a send: the template in force and each recipient's mail.
struct MailPlan {
    domain::CaseRecord case_record;
    domain::EmailTemplateRecord wording;
    bool case_copy = false;
    std::vector<MailRecipient> recipients;
    int sendable = 0;
};

/// A mailing's recipients and where each mail is.
struct MailingProgress {
    std::int64_t mailing_id = 0;
    std::int64_t case_id = 0;
    std::string case_title;
    std::string kind;
    core::UnixTime created_at = 0;
    std::optional<core::UnixTime> cancelled_at;
    int sent = 0, waiting = 0, failed = 0, cancelled = 0, not_sent = 0;
    struct Row {
        std::int64_t outbox_id = 0;
        std::int64_t application_id = 0;
        std::string reference;
        std::string name;
        domain::DeliveryStatus status = domain::DeliveryStatus::waiting;
        std::string error; ///< For not_sent: the merge fields without a value; for failed: the reason.
        std::optional<core::UnixTime> sent_at;
    };
    std::vector<Row> rows;
    bool finished() const { return waiting == 0; }
};

/// A mail of an application's communication log, with its text as sent.
struct LoggedMail {
    domain::OutboxMessage message;
    domain::DeliveryStatus status = domain::DeliveryStatus::waiting;
};

/// Mails to a case's applicants: preview, send to one or many (a mailing), follow and cancel, and
/// each application's communication log with resending. Mails are queued in the outbox inside the
/// transaction that records the mailing, their bodies sealed under each application's key; the
/// status a template sets is set when the mail is recorded as sent.
class Mailings {
public:
    /// `sender` is the address mails come from ("Rekrut <noreply@example.test>"), the organiser of
    /// interview invitations.
    Mailings(store::Database& database, std::string public_url, std::string sender);

    /// Each recipient's mail as it would be sent; nothing is written.
    core::Result<MailPlan> plan(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                                const MailDraft& draft);
    /// Queues the mails (and a record of each one not sent, with why) and returns the mailing's id.
    core::Result<std::int64_t> send(const domain::Actor& actor, std::int64_t institution_id,
                                    std::int64_t case_id, const MailDraft& draft, const Origin& origin);
    core::Result<MailingProgress> progress(const domain::Actor& actor, std::int64_t institution_id,
                                           std::int64_t case_id, std::int64_t mailing_id);
    /// Cancels the mailing's mails not yet sent; returns how many.
    core::Result<int> cancel(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                             std::int64_t mailing_id, const Origin& origin);
    /// The application's mails, oldest first, with their text as sent.
    core::Result<std::vector<LoggedMail>> communication_log(const domain::Actor& actor,
                                                            std::int64_t institution_id, std::int64_t case_id,
                                                            std::int64_t application_id);
    /// Queues the same mail again (a new Message-ID; no status is set again).
    core::Status resend(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                        std::int64_t application_id, std::int64_t outbox_id, const Origin& origin);

private:
    store::Database& m_database;
    std::string m_public_url;
    std::string m_sender;
};

/// The merge-field values of a mail or letter to `application` about its case, in `language` ("da" or
/// "en"): everything but the personal link and the interview's time and place.
std::map<std::string, std::string> application_merge_values(const domain::CaseRecord& record,
                                                            const std::string& institution_name,
                                                            const std::string& contacts,
                                                            const domain::ApplicationRecord& application,
                                                            const std::string& language);

/// Queues the mail of `kind` (the receipt, a new personal link) to one application from the case's
/// text in force, inside the caller's transaction, so it is sent if and only if the change commits
/// and it stays in the application's communication log. When that text names a merge field the mail
/// has no value for, the built-in text is sent instead. Returns the outbox id.
std::int64_t queue_application_mail(store::Transaction& transaction, const domain::CaseRecord& case_record,
                                    const domain::ApplicationRecord& application, const std::string& kind,
                                    const std::string& self_service_link);

/// Queues the committee mail of `kind` (the deadline passed, new applications, a decision awaiting
/// approval) to every member of the case's committee, from the case's text in force, inside the
/// caller's transaction. A member for whom the text cannot be filled gets the built-in text. Returns
/// how many were queued.
int queue_committee_mail(store::Transaction& transaction, const domain::CaseRecord& case_record,
                         const std::string& kind, const std::string& public_url);

} // namespace rekrut::services
