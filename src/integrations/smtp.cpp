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
    return core::success();
}

core::Status send_mail(const SmtpSettings& settings, const Mail& mail)
{
    if (auto checked = check_mail(settings, mail); !checked)
        return checked;
    CURL* curl = curl_easy_init();
    if (!curl)
        return core::Error{core::ErrorKind::unavailable, "libcurl could not start", {}};
    curl_slist* headers = nullptr;
    curl_slist* recipients = nullptr;
    curl_mime* message = nullptr;
    curl_mime* alternative = nullptr;

    std::string sender = address_of(settings.from);
    std::string from_header = "From: " + settings.from;
    std::string to_header = "To: " + mail.to;
    std::string subject_header = "Subject: " + encode_header_word(mail.subject);
    std::string date_header = "Date: " + rfc5322_date(core::now());
    std::string id_header = "Message-ID: <" + core::random_hex(16) + "@" +
                            sender.substr(sender.find('@') == std::string::npos ? 0 : sender.find('@') + 1) +
                            ">";
    for (const auto* header : {&from_header, &to_header, &subject_header, &date_header, &id_header}) {
        // Every value is checked above; this keeps the guarantee for each line as it is written.
        if (has_control_character(*header)) {
            curl_slist_free_all(headers);
            curl_easy_cleanup(curl);
            return refused("A mail header holds a line break or a control character; the mail was not sent.");
        }
        headers = curl_slist_append(headers, header->c_str());
    }
    headers = curl_slist_append(headers, "MIME-Version: 1.0");
    recipients = curl_slist_append(recipients, ("<" + address_of(mail.to) + ">").c_str());

    message = curl_mime_init(curl);
    alternative = curl_mime_init(curl);
    curl_mimepart* text = curl_mime_addpart(alternative);
    curl_mime_data(text, mail.text.c_str(), CURL_ZERO_TERMINATED);
    curl_mime_type(text, "text/plain; charset=utf-8");
    curl_mime_encoder(text, "quoted-printable");
    curl_mimepart* html = curl_mime_addpart(alternative);
    curl_mime_data(html, mail.html.c_str(), CURL_ZERO_TERMINATED);
    curl_mime_type(html, "text/html; charset=utf-8");
    curl_mime_encoder(html, "quoted-printable");
    curl_mimepart* body = curl_mime_addpart(message);
    curl_mime_subparts(body, alternative);
    curl_mime_type(body, "multipart/alternative");
    curl_slist* body_headers = curl_slist_append(nullptr, "Content-Disposition: inline");
    curl_mime_headers(body, body_headers, 1);

    curl_easy_setopt(curl, CURLOPT_URL, settings.url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, ("<" + sender + ">").c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, message);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings.timeout_seconds);
    if (!settings.username.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, settings.username.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.password.c_str());
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    }
    CURLcode result = curl_easy_perform(curl);

    curl_slist_free_all(recipients);
    curl_slist_free_all(headers);
    curl_mime_free(message);
    curl_easy_cleanup(curl);
    if (result != CURLE_OK)
        return core::Error{core::ErrorKind::unavailable, curl_easy_strerror(result), {}};
    return core::success();
}

} // namespace rekrut::integrations
