#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "services/applications/applications.hpp"

namespace rekrut::services {

/// The applicant's own view of an application, through the personal link.
struct OwnApplication {
    domain::ApplicationRecord application;
    std::string case_title;
    std::string institution_name;
    core::UnixTime deadline = 0;
    bool before_deadline = false; ///< The applicant may still change the application.
    bool can_withdraw = false;
    std::vector<domain::CaseQuestionRecord> questions;
};

/// What an applicant does with the personal link from the receipt: see the application and its
/// status, withdraw it, download a file they sent, ask for deletion, and ask for new links. Every
/// use is recorded in the access log; the link is a random token of which only the hash is stored.
class SelfService {
public:
    SelfService(store::Database& database, store::FileStore& files, std::string public_url,
                std::string spool_dir);

    /// The application behind the link; not found for an unknown or expired link. The view is logged.
    core::Result<OwnApplication> open(const std::string& token, const Origin& origin);
    /// Withdraws the application; a conflict once it is final.
    core::Status withdraw(const std::string& token, const Origin& origin);
    /// Records that the applicant asks for the application's erasure, and carries it out at once when
    /// the application is withdrawn or its case closed (not for the hired candidate, nor while the case
    /// is on hold); otherwise the retention job erases it as soon as that is so. True when it was erased
    /// (the link no longer works).
    core::Result<bool> request_deletion(const std::string& token, const Origin& origin);
    /// Renews the applicant's consent to keep the application for future positions, for 12 months from
    /// now; a conflict when there is no consent to renew (none was given, or erasure was asked for).
    core::Result<core::UnixTime> renew_consent(const std::string& token, const Origin& origin);
    /// One of the applicant's own files, decrypted to a temporary file; the download is logged.
    core::Result<DecryptedFile> download(const std::string& token, std::int64_t attachment_id,
                                         const Origin& origin);
    /// Everything held about the application as a ZIP (a JSON summary and the files), written to a
    /// temporary file; the export is logged.
    core::Result<DecryptedFile> export_all(const std::string& token, const Origin& origin);
    /// Until the deadline: replaces the cover letter, CV or adds another attachment (the file rules
    /// apply as on the form). A cover letter or CV replaces the one sent before.
    core::Status replace_file(const std::string& token, const IncomingFile& file, const Origin& origin,
                              const domain::FileLimits& limits);
    /// Until the deadline: replaces the typed cover letter and the answers (the form rules apply).
    core::Status update_content(const std::string& token, const domain::ApplicationForm& form,
                                const Origin& origin);
    /// Mails a new personal link for each open application sent from `email`. Says nothing about
    /// whether there are any, so the form cannot be used to find out who applied.
    void send_links(const std::string& email);

private:
    store::Database& m_database;
    store::FileStore& m_files;
    std::string m_public_url;
    std::string m_spool_dir;
};

} // namespace rekrut::services
