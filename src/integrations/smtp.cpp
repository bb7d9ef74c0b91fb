#include "integrations/smtp.hpp"

#include <algorithm>
#include <cstring>
#include <curl/curl.h>
#include <sodium.h>
#include <string_view>

#include "core/clock.hpp"
#include "core/crypto.hpp"

namespace rekrut::integrations {
namespace {

std::string address_of(const std::string& mailbox)
{
    auto open = mailbox.find('<');
    auto close = mailbox.find('>', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos)
        return mailbox;
    return mailbox.substr(open + 1, close - open - 1);
}

bool has_control_character(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char ch) {
        auto byte = static_cast<unsigned char>(ch);
        return byte < 0x20 || byte == 0x7F;
    });
}

/// One address as the SMTP envelope carries it: an "@" between a local part and a domain, and no
/// spaces, control characters or characters that separate or quote addresses.
bool plain_address(std::string_view address)
{
    constexpr std::size_t k_longest_address = 254;
    if (address.empty() || address.size() > k_longest_address || has_control_character(address) ||
        address.find_first_of(" <>,;:\"()[]\\") != std::string_view::npos)
        return false;
    auto at = address.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
           address.find('@', at + 1) == std::string_view::npos;
}

/// "<left@right>" as RFC 5322 writes a msg-id: no spaces, control characters or further angle brackets.
bool valid_message_id(std::string_view id)
{
    constexpr std::size_t k_longest_id = 250;
    if (id.size() < 5 || id.size() > k_longest_id || id.front() != '<' || id.back() != '>')
        return false;
    std::string_view inner = id.substr(1, id.size() - 2);
    if (has_control_character(inner) || inner.find_first_of(" <>\"") != std::string_view::npos)
        return false;
    auto at = inner.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < inner.size() &&
           inner.find('@', at + 1) == std::string_view::npos;
}

/// "Content-Disposition: attachment; filename=..." with a plain quoted name when it is printable ASCII,
/// and as RFC 2231 UTF-8 with percent-encoding otherwise (æøå, quotes), which mail programs decode.
std::string attachment_disposition(const std::string& file_name)
{
    bool plain = std::all_of(file_name.begin(), file_name.end(), [](char ch) {
        auto byte = static_cast<unsigned char>(ch);
        return byte >= 0x20 && byte < 0x7F && ch != '"' && ch != '\\' && ch != '%';
    });
    if (plain)
        return "Content-Disposition: attachment; filename=\"" + file_name + "\"";
    static const char* hex = "0123456789ABCDEF";
    std::string encoded;
    for (char ch : file_name) {
        auto byte = static_cast<unsigned char>(ch);
        if ((byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
            ch == '.' || ch == '-' || ch == '_') {
            encoded += ch;
        } else {
            encoded += '%';
            encoded += hex[byte >> 4];
            encoded += hex[byte & 0x0F];
        }
    }
    return "Content-Disposition: attachment; filename*=UTF-8''" + encoded;
}

core::Error refused(const char* reason)
{
    return core::Error{core::ErrorKind::invalid, reason, {}};
}

std::string rfc5322_date(core::UnixTime now)
{
    static const char* days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::int64_t day_number = now / 86400;
    int year = 0;
    unsigned month = 0, day = 0;
    core::civil_from_days(day_number, year, month, day);
    std::int64_t seconds = now % 86400;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d +0000", days[day_number % 7], day,
                  months[month - 1], year, static_cast<int>(seconds / 3600),
                  static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
    return buffer;
}

} // namespace

bool init_smtp()
{
    return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

std::string make_message_id(const std::string& from)
{
    std::string sender = address_of(from);
    auto at = sender.rfind('@');
    std::string domain =
        at == std::string::npos || at + 1 == sender.size() ? "localhost" : sender.substr(at + 1);
    return "<" + core::random_hex(16) + "@" + domain + ">";
}

bool is_plain_address(std::string_view address)
{
    return plain_address(address);
}

std::string encode_header_word(const std::string& text)
{
    bool ascii = true;
    for (unsigned char ch : text)
        ascii = ascii && ch >= 0x20 && ch < 0x7F;
    if (ascii)
        return text;
    std::string encoded(sodium_base64_encoded_len(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(text.data()),
                      text.size(), sodium_base64_VARIANT_ORIGINAL);
    encoded.resize(std::strlen(encoded.c_str()));
    return "=?UTF-8?B?" + encoded + "?=";
}

core::Status check_mail(const SmtpSettings& settings, const Mail& mail)
{
    if (has_control_character(mail.to) || !plain_address(address_of(mail.to)))
        return refused("The recipient is not one plain e-mail address (it holds a line break, a control "
                       "character or a separator); the mail was not sent.");
    if (has_control_character(settings.from) || !plain_address(address_of(settings.from)))
        return refused("The sender (smtp.from) is not one plain e-mail address; the mail was not sent.");
    if (has_control_character(mail.subject))
        return refused("The subject holds a line break or a control character; the mail was not sent.");
    if (!mail.message_id.empty() && !valid_message_id(mail.message_id))
        return refused("The Message-ID is not one \"<id@domain>\"; the mail was not sent.");
    // A longer name would make the Content-Disposition line longer than mail lines may be.
    constexpr std::size_t k_longest_file_name = 200;
    for (const MailAttachment& attachment : mail.attachments) {
        if (attachment.file_name.empty() || attachment.file_name.size() > k_longest_file_name ||
            has_control_character(attachment.file_name) ||
            attachment.media_type.find('/') == std::string::npos ||
            has_control_character(attachment.media_type))
            return refused(
                "An attachment's file name or media type is empty or holds a line break or a control "
                "character; the mail was not sent.");
    }
    return core::success();
}

struct SmtpConnection::State {
    SmtpSettings settings;
    CURL* curl = nullptr;
    std::size_t connections_opened = 0;

    ~State() { drop(); }

    /// Closing the handle closes its connection; the next send makes a new handle and connects.
    void drop()
    {
        if (curl)
            curl_easy_cleanup(curl);
        curl = nullptr;
    }
};

SmtpConnection::SmtpConnection(SmtpSettings settings) : m_state(std::make_unique<State>())
{
    m_state->settings = std::move(settings);
}

SmtpConnection::~SmtpConnection() = default;
SmtpConnection::SmtpConnection(SmtpConnection&&) noexcept = default;
SmtpConnection& SmtpConnection::operator=(SmtpConnection&&) noexcept = default;

std::size_t SmtpConnection::connections_opened() const
{
    return m_state->connections_opened;
}

core::Status SmtpConnection::send(const Mail& mail)
{
    const SmtpSettings& settings = m_state->settings;
    if (auto checked = check_mail(settings, mail); !checked)
        return checked;
    if (!m_state->curl) {
        m_state->curl = curl_easy_init();
        if (!m_state->curl)
            return core::Error{core::ErrorKind::unavailable, "libcurl could not start", {}};
        // Options that stay the same for every mail on this connection. libcurl reuses the open
        // connection for the next transfer on the same handle to the same URL.
        CURL* curl = m_state->curl;
        curl_easy_setopt(curl, CURLOPT_URL, settings.url.c_str());
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings.timeout_seconds);
        if (!settings.username.empty()) {
            curl_easy_setopt(curl, CURLOPT_USERNAME, settings.username.c_str());
            curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.password.c_str());
            curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
        }
    }
    CURL* curl = m_state->curl;

    std::string sender = address_of(settings.from);
    std::string from_header = "From: " + settings.from;
    std::string to_header = "To: " + mail.to;
    std::string subject_header = "Subject: " + encode_header_word(mail.subject);
    std::string date_header = "Date: " + rfc5322_date(core::now());
    std::string id_header =
        "Message-ID: " + (mail.message_id.empty() ? make_message_id(settings.from) : mail.message_id);
    curl_slist* headers = nullptr;
    for (const auto* header : {&from_header, &to_header, &subject_header, &date_header, &id_header}) {
        // Every value is checked above; this keeps the guarantee for each line as it is written.
        if (has_control_character(*header)) {
            curl_slist_free_all(headers);
            return refused("A mail header holds a line break or a control character; the mail was not sent.");
        }
        headers = curl_slist_append(headers, header->c_str());
    }
    headers = curl_slist_append(headers, "MIME-Version: 1.0");
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + address_of(mail.to) + ">").c_str());

    curl_mime* message = curl_mime_init(curl);
    curl_mime* alternative = curl_mime_init(curl);
    curl_mimepart* text = curl_mime_addpart(alternative);
    curl_mime_data(text, mail.text.data(), mail.text.size());
    curl_mime_type(text, "text/plain; charset=utf-8");
    curl_mime_encoder(text, "quoted-printable");
    curl_mimepart* html = curl_mime_addpart(alternative);
    curl_mime_data(html, mail.html.data(), mail.html.size());
    curl_mime_type(html, "text/html; charset=utf-8");
    curl_mime_encoder(html, "quoted-printable");
    curl_mimepart* body = curl_mime_addpart(message);
    curl_mime_subparts(body, alternative);
    curl_mime_type(body, "multipart/alternative");
    curl_mime_headers(body, curl_slist_append(nullptr, "Content-Disposition: inline"), 1);
    for (const MailAttachment& attachment : mail.attachments) {
        curl_mimepart* part = curl_mime_addpart(message);
        curl_mime_data(part, attachment.content.data(), attachment.content.size());
        curl_mime_type(part, attachment.media_type.c_str());
        curl_mime_encoder(part, "base64");
        curl_mime_headers(
            part, curl_slist_append(nullptr, attachment_disposition(attachment.file_name).c_str()), 1);
    }

    std::string envelope_sender = "<" + sender + ">";
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, envelope_sender.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, message);
    CURLcode result = curl_easy_perform(curl);
    long connects = 0;
    if (curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK && connects > 0)
        m_state->connections_opened += static_cast<std::size_t>(connects);
    // The handle outlives this mail: it must not keep pointers to what is freed below.
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, nullptr);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
    curl_slist_free_all(recipients);
    curl_slist_free_all(headers);
    curl_mime_free(message);
    if (result != CURLE_OK) {
        // After a failure the SMTP session may be anywhere in its dialogue (or gone): start afresh.
        m_state->drop();
        return core::Error{core::ErrorKind::unavailable, curl_easy_strerror(result), {}};
    }
    return core::success();
}

core::Status send_mail(const SmtpSettings& settings, const Mail& mail)
{
    if (auto checked = check_mail(settings, mail); !checked)
        return checked;
    SmtpConnection connection(settings);
    return connection.send(mail);
}

} // namespace rekrut::integrations
