#pragma once

// A mail in the outbox, waiting for or done with delivery.

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace rekrut::domain {

struct OutboxMessage {
    std::int64_t id = 0;
    std::optional<std::int64_t> institution_id;
    std::string recipient;
    std::string subject;
    std::string body_text;
    std::string body_html;
    core::UnixTime created_at = 0;
    int attempts = 0;
    core::UnixTime next_attempt_at = 0;
    std::optional<core::UnixTime> sent_at;
    std::string last_error;
    /// Claimed for sending, but its bodies were sealed under another installation key, or under an
    /// application key that was destroyed.
    bool body_unreadable = false;

    /// "account" for sign-in mails, otherwise the e-mail template kind.
    std::string kind = "account";
    std::optional<std::int64_t> case_id;
    /// Set for mails about an application: their bodies and attachment are sealed under its data key.
    std::optional<std::int64_t> application_id;
    std::optional<std::int64_t> mailing_id;
    /// The left part of the Message-ID, fixed when queued.
    std::string message_id;
    /// The application status set when the mail is recorded as sent ("" for none).
    std::string sets_status;
    std::string attachment_name;
    std::string attachment_type;
    std::string attachment;
    std::optional<core::UnixTime> cancelled_at;
};

/// A mail is tried this many times before the outbox gives up; a mail that can never be sent as it is
/// (a header that would inject another, a body that cannot be opened) is given up at once.
inline constexpr int k_max_mail_attempts = 8;

/// Where a mail is, as HR and the operator see it.
enum class DeliveryStatus { waiting, sent, failed, cancelled, not_sent };

/// A mail's delivery status: sent; cancelled (the mailing was stopped); not sent (a merge field had
/// no value, named in last_error); failed (given up after its attempts); otherwise waiting.
inline DeliveryStatus delivery_status(const OutboxMessage& message)
{
    if (message.sent_at)
        return DeliveryStatus::sent;
    if (message.cancelled_at)
        return message.last_error.empty() ? DeliveryStatus::cancelled : DeliveryStatus::not_sent;
    if (message.attempts >= k_max_mail_attempts)
        return DeliveryStatus::failed;
    return DeliveryStatus::waiting;
}

} // namespace rekrut::domain
