#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/application/application_form.hpp"
#include "domain/application/application_records.hpp"
#include "domain/application/file_rules.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
class FileStore;
} // namespace rekrut::store

namespace rekrut::services {

/// Translates a message id into the language of the mail being written.
using Translate = std::function<std::string(const std::string&)>;

/// A file that came with a form, spooled to disk by the HTTP layer (or held from an earlier try).
struct IncomingFile {
    domain::AttachmentKind kind = domain::AttachmentKind::other;
    std::string filename;
    std::string path;
    std::int64_t size = 0;
};

/// A file refused by the file rules: its name and the reason (a msgid).
struct RefusedFile {
    std::string field; ///< The form field it came from (cover_letter_file, cv_file, other_files).
    std::string filename;
    std::string reason;
    /// What the reason's "{limit}" and "{count}" stand for ("10 MB", "10").
    std::string limit;
    std::string count;
};

/// What the public application form shows about the position.
struct ApplyContext {
    std::int64_t case_id = 0;
    std::int64_t institution_id = 0;
    std::string title;
    std::string institution_name;
    core::UnixTime deadline = 0;
    bool accepting = false;     ///< Published and the deadline ahead, now.
    bool civil_servant = false; ///< The applicant may ask to be left off the applicant list.
    std::vector<domain::CaseQuestionRecord> questions;
};

/// An application as sent through the public form or registered by HR.
struct Submission {
    std::int64_t case_id = 0;
    domain::ApplicationForm form;
    std::vector<IncomingFile> files;
    std::string idempotency_key; ///< From the form: a repeated submit yields the first application.
    std::string language = "da";
    /// The facts of `files` in the same order, when the caller read them with inspect() for its own
    /// check_files; empty, and the service reads them itself. Each file is read once either way.
    std::vector<domain::FileFacts> file_facts;
};

/// What the applicant is told after sending.
struct Receipt {
    std::int64_t application_id = 0;
    std::string reference;
    std::string title;
    std::string email;
    bool repeated = false; ///< The same form was sent before; nothing new was stored.
};

/// The case's applications for those allowed to see them.
struct ApplicationList {
    domain::CaseRecord case_record;
    std::vector<domain::ApplicationRecord> applications;
    int withdrawn = 0;
};

/// One application as HR and the committee see it.
struct ApplicationView {
    domain::CaseRecord case_record;
    domain::ApplicationRecord application;
    std::vector<domain::CaseQuestionRecord> questions;
    /// The viewer is in an anonymised round: the name, contact data and file names are left out,
    /// and the cover letter and answers are masked (domain/assessment/anonymise).
    bool anonymised = false;
};

/// An attachment's extracted text, for reading in the page (masked in an anonymised round).
struct AttachmentText {
    domain::CaseRecord case_record;
    domain::ApplicationRecord application;
    domain::AttachmentRecord attachment;
    std::string text;
    bool anonymised = false;
};

/// One application found by a search, with an excerpt around what matched.
struct SearchResult {
    std::int64_t application_id = 0;
    std::int64_t case_id = 0;
    std::string case_title;
    std::string reference;
    std::string name;
    std::string snippet_html; ///< The matched words in <mark>; everything else escaped.
};

/// A decrypted attachment, written to a temporary file for the HTTP layer to stream.
struct DecryptedFile {
    std::string path; ///< Removed by the caller once sent.
    std::string filename;
    std::string media_type;
};

/// Applications: the public form, HR's registration of paper and e-mail applications, and the
/// reading of applications, every read recorded in the access log. Audit events name ids and field
/// names only, never what the applicant wrote: the audit trail cannot be erased, applications must be.
class Applications {
public:
    Applications(store::Database& database, store::FileStore& files, domain::FileLimits limits,
                 std::string public_url, std::string spool_dir);

    /// The form's context for a published position; not found for any other case.
    std::optional<ApplyContext> apply_context(std::int64_t case_id, core::UnixTime now);
    /// Checks every file against the file rules; the refused ones with their reasons.
    std::vector<RefusedFile> check_files(const std::vector<IncomingFile>& files) const;
    /// The same with the facts inspect() read from the files, in the same order.
    std::vector<RefusedFile> check_files(const std::vector<IncomingFile>& files,
                                         const std::vector<domain::FileFacts>& facts) const;
    /// What each file is, read from its content (libmagic, poppler, libzip: the costly part of a
    /// submission), in the order given.
    std::vector<domain::FileFacts> inspect(const std::vector<IncomingFile>& files) const;
    /// Stores an online application while the case accepts applications, with its files encrypted,
    /// mails the receipt with the personal link and records the event, all in one transaction.
    core::Result<Receipt> submit(const Submission& submission, const Origin& origin);
    /// The receipt of the application sent with the form key `form_key` to the case; nullopt when none.
    std::optional<Receipt> receipt(std::int64_t case_id, const std::string& form_key);
    /// The form's context for HR registering an application to a case of the institution.
    core::Result<ApplyContext> registration_context(const domain::Actor& actor, std::int64_t institution_id,
                                                    std::int64_t case_id);
    /// HR registers an application that arrived on paper or by e-mail on `received_at`; whether it
    /// came before the deadline is recorded as it is.
    core::Result<Receipt> register_received(const domain::Actor& actor, std::int64_t institution_id,
                                            const Submission& submission, domain::ApplicationChannel channel,
                                            core::UnixTime received_at, const Origin& origin);

    /// The number of applications of a case and of those withdrawn, for the case page; nullopt for
    /// those who may not see applications.
    std::optional<std::pair<int, int>> counts(const domain::Actor& actor, std::int64_t institution_id,
                                              std::int64_t case_id);
    core::Result<ApplicationList> list(const domain::Actor& actor, std::int64_t institution_id,
                                       std::int64_t case_id);
    /// One application; the view is recorded in the access log.
    core::Result<ApplicationView> open(const domain::Actor& actor, std::int64_t institution_id,
                                       std::int64_t case_id, std::int64_t application_id,
                                       const Origin& origin);
    /// One attachment, decrypted to a temporary file; the download is recorded in the access log.
    core::Result<DecryptedFile> download(const domain::Actor& actor, std::int64_t institution_id,
                                         std::int64_t case_id, std::int64_t application_id,
                                         std::int64_t attachment_id, const Origin& origin);
    /// One attachment's extracted text; the read is recorded in the access log. In an anonymised
    /// round this is how the committee reads attachments, with the identifying details masked.
    core::Result<AttachmentText> attachment_text(const domain::Actor& actor, std::int64_t institution_id,
                                                 std::int64_t case_id, std::int64_t application_id,
                                                 std::int64_t attachment_id, const Origin& origin);
    /// One application for HR's rectification form, with its current personal data, for those who may
    /// correct it (rectify_application); the read is recorded in the access log.
    core::Result<ApplicationView> rectification_context(const domain::Actor& actor,
                                                        std::int64_t institution_id, std::int64_t case_id,
                                                        std::int64_t application_id, const Origin& origin);
    /// Corrects the applicant's name, e-mail address and telephone number on their request (GDPR
    /// article 16), in one transaction: the search entry made anew, the request and its outcome in the
    /// register of data-subject requests, and `application.rectified` naming the fields changed, whose
    /// old and new values and reason are sealed under the application's key (audit_personal). Returns
    /// the fields changed; invalid when the input is, or when it changes nothing.
    core::Result<std::vector<std::string>> rectify(const domain::Actor& actor, std::int64_t institution_id,
                                                   std::int64_t case_id, std::int64_t application_id,
                                                   const domain::RectificationForm& form,
                                                   const Origin& origin);
    /// Full-text search (Danish stemming) over the applications' fields and attachments' texts: in
    /// one case for those who may see its applications, or in every case of the institution for its
    /// administration (`case_id` empty).
    core::Result<std::vector<SearchResult>> search(const domain::Actor& actor, std::int64_t institution_id,
                                                   std::optional<std::int64_t> case_id,
                                                   const std::string& query);
    /// The institution's access log, newest first.
    core::Result<std::vector<domain::AccessLogEntry>> access_log(const domain::Actor& actor,
                                                                 std::int64_t institution_id,
                                                                 std::optional<std::int64_t> application_id,
                                                                 int limit);

    /// The same for a CSV export, which is itself recorded in the audit trail.
    core::Result<std::vector<domain::AccessLogEntry>>
    export_access_log(const domain::Actor& actor, std::int64_t institution_id,
                      std::optional<std::int64_t> application_id, const Origin& origin);

    const domain::FileLimits& limits() const { return m_limits; }

private:
    store::Database& m_database;
    store::FileStore& m_files;
    domain::FileLimits m_limits;
    std::string m_public_url;
    std::string m_spool_dir;
};

} // namespace rekrut::services
