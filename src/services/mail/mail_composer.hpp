#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctemplate {
class TemplateCache;
}

namespace rekrut::store {
class Transaction;
}

/// Mail composition: every mail Rekrut sends is rendered here from ctemplate files in
/// templates/mail/ and queued in the outbox inside the caller's transaction.
///
/// A mail is three files, `<mail>.subject.tpl`, `<mail>.text.tpl` and `<mail>.html.tpl`, shared by
/// all languages. Their texts are `{{_ English text}}` markers translated through the gettext
/// catalogs (po/da.po, po/en.po), as on pages, rather than one file per language: the callers
/// already hold a `Translate` bound to the reader's language, so no language has to be passed
/// down; layout, links and merge fields cannot drift apart between the languages; and
/// scripts/check-messages keeps every mail text translated, as it does for pages. Unlike pages,
/// a marker becomes a template value at load time and its translation is filled in when the mail
/// is rendered, so translations are escaped by ctemplate like every other value.
namespace rekrut::services::mail {

/// Translates a message id into the reader's language (the same type as services::Translate).
using Translate = std::function<std::string(const std::string&)>;

/// Merge fields by template name ("NAME", "LINK"), as plain text: ctemplate escapes them for the
/// HTML part and the subject is made a single line, so callers never escape.
using Fields = std::map<std::string, std::string>;

/// The mails the code sends, which must be present at start.
inline constexpr const char* k_welcome = "welcome";
inline constexpr const char* k_password_reset = "password_reset";
/// To a new e-mail address, with the link that confirms it.
inline constexpr const char* k_email_change_confirmation = "email_change_confirmation";
/// To the address in use, telling it that a change to another address was asked for.
inline constexpr const char* k_email_change_notice = "email_change_notice";

// Mails to applicants are written from the institution's e-mail templates (services/communication),
// not from these files.

/// At most this many bytes of subject: short enough that the RFC 2047 encoded header stays far
/// below the 998-byte line limit of RFC 5322.
inline constexpr std::size_t k_max_subject_bytes = 200;

/// One rendered mail.
struct ComposedMail {
    std::string subject; ///< One line, no control characters, at most k_max_subject_bytes.
    std::string text;    ///< The text/plain part.
    std::string html;    ///< The text/html part, every value escaped by ctemplate.
};

/// Who a mail goes to. The institution (none for the platform operator) is kept with the mail in
/// the outbox.
struct Recipient {
    std::optional<std::int64_t> institution_id;
    std::string address;
};

/// The mail templates of templates/mail/, parsed once into a private ctemplate cache that is frozen
/// after loading, so rendering is const and safe from any thread.
class MailComposer {
public:
    MailComposer();
    ~MailComposer();
    MailComposer(const MailComposer&) = delete;
    MailComposer& operator=(const MailComposer&) = delete;

    /// Loads every `<mail>.<part>.tpl` in `mail_dir`. Returns an error text, or "" on success. Refuses
    /// an HTML part that does not start with the auto-escape pragma (as pages are refused), a plain
    /// part that has it (its values would reach the reader as HTML entities), a mail without all three
    /// parts, and a missing mail that the code sends.
    std::string load(const std::string& mail_dir);

    /// Whether `mail` was loaded.
    bool has(const std::string& mail) const;

    /// Renders `mail` with `fields`, its texts translated by `translate`. Throws std::logic_error for
    /// a mail that was not loaded or a field name that is not upper case (names starting with "_" are
    /// the composer's own), both programming errors.
    ComposedMail compose(const std::string& mail, const Fields& fields, const Translate& translate) const;

private:
    std::unique_ptr<ctemplate::TemplateCache> m_cache;
    /// The message id of each translation marker, by cache key ("welcome.html").
    std::map<std::string, std::vector<std::string>> m_messages;
};

/// Renders `mail` and queues it for `recipient` in the outbox inside the caller's transaction, so it
/// is sent if and only if the change commits. Returns the outbox id. Throws std::invalid_argument
/// when the address holds a control character, which would otherwise reach the To: header.
std::int64_t queue(store::Transaction& transaction, const MailComposer& composer, const Recipient& recipient,
                   const std::string& mail, const Fields& fields, const Translate& translate);

/// Makes `composer` the one that code without a composer of its own uses (`installed_composer`).
/// Called once by main before any thread starts; `composer` must outlive every use.
// FIXME: pass the composer to UserAdministration and RecruitmentCases instead, once their
// constructors change with the transaction API, and drop this process-wide instance.
void install_composer(const MailComposer& composer);

/// The composer installed by main. Throws std::logic_error when none is installed.
const MailComposer& installed_composer();

/// Demo configuration only (mail.log_links): every queued mail's link also goes to the server log
/// (level warn), so a demo without a mail server can follow it. Never on by default: the link is a
/// secret that takes over an account.
void log_links_for_demo(bool on);
/// Writes `link`, mailed to `recipient`, to the server log when log_links_for_demo is on (the
/// applicants' personal links too); does nothing otherwise.
void log_link_for_demo(const std::string& recipient, const std::string& link);

} // namespace rekrut::services::mail
