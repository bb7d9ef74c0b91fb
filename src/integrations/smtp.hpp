#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rekrut::integrations {

struct SmtpSettings {
    std::string url;  ///< "smtp://127.0.0.1:1025" or "smtps://mail.example.test"
    std::string from; ///< "Rekrut <noreply@example.test>"
    std::string username;
    std::string password;
    long timeout_seconds = 20;
};

/// A file sent with a mail, base64-encoded, as "Content-Disposition: attachment".
struct MailAttachment {
    std::string file_name;  ///< "samtale.ics"; UTF-8 names are sent per RFC 2231.
    std::string media_type; ///< "application/pdf", or "text/calendar; charset=utf-8; method=REQUEST".
    std::string content;
};

struct Mail {
    std::string to;
    std::string subject; ///< UTF-8; encoded per RFC 2047 when sent.
    std::string text;
    std::string html;
    /// "<id@domain>", fixed when the mail is queued (see make_message_id) so that every attempt to
    /// deliver it carries the same Message-ID. Empty: a new one is made when it is sent.
    std::string message_id{};
    /// With attachments the mail is multipart/mixed: the text and HTML part first, then each file.
    std::vector<MailAttachment> attachments{};
};

/// Initialises libcurl; call once before threads start.
bool init_smtp();

/// A new Message-ID, "<32 random hex digits@the sender's domain>", for a mail from `from`
/// ("Rekrut <noreply@example.test>" or a bare address).
std::string make_message_id(const std::string& from);

/// One address as the SMTP envelope carries it: a local part, one "@" and a domain, with no spaces,
/// control characters or characters that separate or quote addresses.
bool is_plain_address(std::string_view address);

/// One connection to the SMTP server, kept open between mails: a bulk send then pays for the
/// connection, the greeting and the authentication once, not once per mail. After a failed send the
/// connection is dropped and the next send connects anew. Not thread-safe: one per sending thread.
class SmtpConnection {
public:
    explicit SmtpConnection(SmtpSettings settings);
    ~SmtpConnection();
    SmtpConnection(SmtpConnection&&) noexcept;
    SmtpConnection& operator=(SmtpConnection&&) noexcept;
    SmtpConnection(const SmtpConnection&) = delete;
    SmtpConnection& operator=(const SmtpConnection&) = delete;

    /// Sends one mail, as `send_mail` describes. Connects first when no connection is open or the
    /// server closed it while idle.
    core::Status send(const Mail& mail);

    /// How many connections to the server have been opened so far (1 for any number of mails sent
    /// without a failure or a long pause).
    std::size_t connections_opened() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// Sends one mail as multipart/alternative (text and HTML, UTF-8) with libcurl. Failures are values
/// with libcurl's reason, for the outbox to retry. A mail that `check_mail` refuses is never sent:
/// its error (kind `invalid`) is returned before any connection is made, and retrying cannot help.
/// Opens a connection for this one mail; use SmtpConnection to send several.
core::Status send_mail(const SmtpSettings& settings, const Mail& mail);

/// Refuses a mail whose header or envelope values cannot be sent as written: a CR, LF or other control
/// character in the recipient, the sender or the subject (a line break would end the header or the
/// SMTP command early, and what follows would be read as further headers or commands, such as another
/// recipient), or a recipient or sender that is not one plain address. Also refused: a Message-ID that is
/// not "<id@domain>", and an attachment whose file name or media type is empty or holds a control character.
core::Status check_mail(const SmtpSettings& settings, const Mail& mail);

/// "=?UTF-8?B?...?=" when `text` is not plain ASCII, `text` otherwise.
std::string encode_header_word(const std::string& text);

} // namespace rekrut::integrations
