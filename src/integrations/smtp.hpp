#pragma once

#include <string>

#include "core/result.hpp"

namespace rekrut::integrations {

struct SmtpSettings {
    std::string url;  ///< "smtp://127.0.0.1:1025" or "smtps://mail.example.test"
    std::string from; ///< "Rekrut <noreply@example.test>"
    std::string username;
    std::string password;
    long timeout_seconds = 20;
};

struct Mail {
    std::string to;
    std::string subject; ///< UTF-8; encoded per RFC 2047 when sent.
    std::string text;
    std::string html;
};

/// Initialises libcurl; call once before threads start.
bool init_smtp();

/// Sends one mail as multipart/alternative (text and HTML, UTF-8) with libcurl. Failures are values
/// with libcurl's reason, for the outbox to retry. A mail that `check_mail` refuses is never sent:
/// its error (kind `invalid`) is returned before any connection is made, and retrying cannot help.
core::Status send_mail(const SmtpSettings& settings, const Mail& mail);

/// Refuses a mail whose header or envelope values cannot be sent as written: a CR, LF or other control
/// character in the recipient, the sender or the subject (a line break would end the header or the
/// SMTP command early, and what follows would be read as further headers or commands, such as another
/// recipient), or a recipient or sender that is not one plain address.
core::Status check_mail(const SmtpSettings& settings, const Mail& mail);

/// "=?UTF-8?B?...?=" when `text` is not plain ASCII, `text` otherwise.
std::string encode_header_word(const std::string& text);

} // namespace rekrut::integrations
