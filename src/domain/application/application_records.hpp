#pragma once

// The records of an application as the store reads and writes them and the services hand them upward.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/application/application_status.hpp"

namespace rekrut::domain {

/// How an application reached the institution.
enum class ApplicationChannel { online, paper, email };

std::string_view to_string(ApplicationChannel channel);
std::optional<ApplicationChannel> application_channel_from_string(std::string_view text);

/// One answer to one of the case's screening questions. Multiple choices are one per line.
struct ApplicationAnswer {
    std::int64_t question_id = 0;
    std::string answer;
};

/// What kind of document an attachment is, as the applicant filed it.
enum class AttachmentKind { cover_letter, cv, other };

std::string_view to_string(AttachmentKind kind);
std::optional<AttachmentKind> attachment_kind_from_string(std::string_view text);

/// An attachment's metadata; the bytes stay in the file store, encrypted.
struct AttachmentRecord {
    std::int64_t id = 0;
    std::int64_t application_id = 0;
    AttachmentKind kind = AttachmentKind::other;
    std::string filename;
    std::string media_type;
    std::int64_t size = 0;
    std::string text_status = "pending"; ///< pending | done | failed | none
    std::string text_error;
    core::UnixTime created_at = 0;
};

/// An application row. Every store function takes the institution first.
struct ApplicationRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::int64_t case_id = 0;
    ApplicationStatus status = ApplicationStatus::received;
    ApplicationChannel channel = ApplicationChannel::online;
    std::string language = "da";
    std::string full_name;
    std::string email;
    std::string phone;
    std::string address;
    std::string postal_code;
    std::string city;
    std::string cover_letter;
    bool consent_processing = false;
    std::optional<core::UnixTime> keep_until; ///< Consent to keep it for future positions, until then.
    bool consent_contact = false;
    bool priority_access = false;   ///< Fortrinsadgang invoked.
    bool exclude_from_list = false; ///< Civil servants: left off the applicant list (§ 5, stk. 3).
    bool knocked_out = false;       ///< Some answer is a knockout option.
    core::UnixTime received_at = 0;
    bool on_time = true;
    std::optional<std::int64_t> registered_by; ///< HR registered it (paper or e-mail).
    std::string idempotency_key;
    core::UnixTime created_at = 0;
    core::UnixTime updated_at = 0;
    std::optional<core::UnixTime> withdrawn_at;
    std::optional<core::UnixTime> deletion_requested_at;
    std::vector<ApplicationAnswer> answers;
    std::vector<AttachmentRecord> attachments;
};

/// The application's reference number as the applicant and HR see it: "2026-000042".
std::string application_reference(const ApplicationRecord& application);

/// One entry of the access log: who saw which application, or downloaded which of its files.
struct AccessLogEntry {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::int64_t case_id = 0;
    std::int64_t application_id = 0;
    std::optional<std::int64_t> attachment_id;
    std::optional<std::int64_t> user_id; ///< Empty: the applicant, through the personal link.
    std::string user_name;
    std::string action; ///< view | download | applicant_view | applicant_download | applicant_export
    std::string client_ip;
    core::UnixTime at = 0;
};

} // namespace rekrut::domain
