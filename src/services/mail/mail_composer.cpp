#include "services/mail/mail_composer.hpp"

#include <atomic>
#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "store/outbox_store.hpp"

namespace rekrut::services::mail {
namespace fs = std::filesystem;

namespace {

constexpr const char* k_pragma = "{{%AUTOESCAPE context=\"HTML\"}}";
constexpr const char* k_parts[] = {"subject", "text", "html"};
constexpr const char* k_required_mails[] = {k_welcome, k_password_reset, k_email_change_confirmation,
                                            k_email_change_notice};

std::atomic<const MailComposer*> g_installed{nullptr};
std::atomic<bool> g_log_links{false};

/// The subject is one line whatever the template does, so its lines are joined; the text part keeps
/// its lines exactly; the HTML part drops blank lines (such as the pragma's), like pages.
ctemplate::Strip strip_for(const std::string& part)
{
    if (part == "subject")
        return ctemplate::STRIP_WHITESPACE;
    if (part == "text")
        return ctemplate::DO_NOT_STRIP;
    return ctemplate::STRIP_BLANK_LINES;
}

std::string translation_value(std::size_t index)
{
    return "_TEXT_" + std::to_string(index);
}

/// Replaces every {{_ English text}} with the template value {{_TEXT_<n>}} and collects the message
/// ids in order, so the translation is set as a value when the mail is rendered and ctemplate
/// escapes it for its place in the part.
std::string mark_translations(const std::string& source, std::vector<std::string>& messages)
{
    return core::expand_translation_markers(source, [&messages](const std::string& message) {
        messages.push_back(message);
        return "{{" + translation_value(messages.size() - 1) + "}}";
    });
}

/// A field name a template can use: upper-case letters, digits and "_", not starting with "_",
/// which would reach the composer's own translation values.
bool valid_field_name(const std::string& name)
{
    if (name.empty() || !(name.front() >= 'A' && name.front() <= 'Z'))
        return false;
    for (char ch : name)
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_'))
            return false;
    return true;
}

bool has_control_character(const std::string& text)
{
    for (unsigned char ch : text)
        if (ch < 0x20 || ch == 0x7F)
            return true;
    return false;
}

/// One line for the Subject: header. Every run of control characters (CR, LF, tab, ...) and spaces
/// becomes one space, so neither a value nor a translation can start a new header line, and the
/// result is cut to k_max_subject_bytes on a UTF-8 character boundary.
std::string single_line(const std::string& text)
{
    std::string line;
    bool pending_space = false;
    for (unsigned char ch : text) {
        if (ch <= 0x20 || ch == 0x7F) {
            pending_space = !line.empty();
            continue;
        }
        if (pending_space)
            line += ' ';
        pending_space = false;
        line += static_cast<char>(ch);
    }
    if (line.size() <= k_max_subject_bytes)
        return line;
    const std::string ellipsis = "\u2026";
    std::size_t cut = k_max_subject_bytes - ellipsis.size();
    // Back up over UTF-8 continuation bytes (10xxxxxx) so no character is split.
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
        --cut;
    line.resize(cut);
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line + ellipsis;
}

} // namespace

MailComposer::MailComposer() = default;
MailComposer::~MailComposer() = default;

std::string MailComposer::load(const std::string& mail_dir)
{
    // Loaded aside and kept only when complete, so a failed load leaves no half-filled composer.
    auto cache = std::make_unique<ctemplate::TemplateCache>();
    std::map<std::string, std::vector<std::string>> messages_of_part;
    std::map<std::string, std::set<std::string>> parts_of_mail;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(mail_dir, error)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".tpl")
            continue;
        std::string file = entry.path().filename().string();
        std::string key = entry.path().stem().string(); // "welcome.html"
        auto dot = key.rfind('.');
        std::string part = dot == std::string::npos ? "" : key.substr(dot + 1);
        if (dot == 0 || (part != "subject" && part != "text" && part != "html"))
            return "mail template " + file +
                   " is not named <mail>.subject.tpl, <mail>.text.tpl or <mail>.html.tpl";
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        std::string source = text.str();
        bool escaped = source.rfind(k_pragma, 0) == 0;
        if (part == "html" && !escaped)
            return "mail template " + file + " does not start with " + k_pragma;
        if (part != "html" && source.find("{{%AUTOESCAPE") != std::string::npos)
            return "mail template " + file + " is plain text and must not have the HTML auto-escape pragma";
        std::vector<std::string> messages;
        if (!cache->StringToTemplateCache(key, mark_translations(source, messages), strip_for(part)))
            return "mail template " + file + " has a syntax error";
        messages_of_part[key] = std::move(messages);
        parts_of_mail[key.substr(0, dot)].insert(part);
    }
    if (error)
        return "cannot read mail templates from " + mail_dir + ": " + error.message();
    for (const auto& [mail, parts] : parts_of_mail)
        for (const char* part : k_parts)
            if (!parts.contains(part))
                return std::string("mail ")
                    .append(mail)
                    .append(" has no ")
                    .append(part)
                    .append(" part in ")
                    .append(mail_dir);
    for (const char* mail : k_required_mails)
        if (!parts_of_mail.contains(mail))
            return "mail " + std::string(mail) + " is missing from " + mail_dir;
    // Frozen, the cache is read without locks and ExpandNoLoad never reads from disk.
    cache->Freeze();
    m_cache = std::move(cache);
    m_messages = std::move(messages_of_part);
    return "";
}

bool MailComposer::has(const std::string& mail) const
{
    return m_messages.contains(mail + ".subject");
}

ComposedMail MailComposer::compose(const std::string& mail, const Fields& fields,
                                   const Translate& translate) const
{
    if (!has(mail))
        throw std::logic_error("no mail template " + mail);
    for (const auto& field : fields)
        if (!valid_field_name(field.first))
            throw std::logic_error("mail field name " + field.first + " is not upper case");
    auto render = [&](const char* part) {
        std::string key = mail + "." + part;
        ctemplate::TemplateDictionary dictionary(key);
        for (const auto& [name, value] : fields)
            dictionary.SetValue(name, value);
        const auto& messages = m_messages.at(key);
        for (std::size_t index = 0; index < messages.size(); ++index)
            dictionary.SetValue(translation_value(index), translate(messages[index]));
        std::string output;
        if (!m_cache->ExpandNoLoad(key, strip_for(part), &dictionary, nullptr, &output))
            throw std::runtime_error("mail template " + key + " could not be expanded");
        return output;
    };
    return {single_line(render("subject")), render("text"), render("html")};
}

std::int64_t queue(store::Transaction& transaction, const MailComposer& composer, const Recipient& recipient,
                   const std::string& mail, const Fields& fields, const Translate& translate)
{
    // Callers validate addresses; this guards the To: header that the SMTP sender writes as it is.
    if (recipient.address.empty() || has_control_character(recipient.address))
        throw std::invalid_argument("mail recipient address is empty or holds a control character");
    ComposedMail composed = composer.compose(mail, fields, translate);
    domain::OutboxMessage message;
    message.institution_id = recipient.institution_id;
    message.recipient = recipient.address;
    message.subject = std::move(composed.subject);
    message.body_text = std::move(composed.text);
    message.body_html = std::move(composed.html);
    message.created_at = core::now();
    if (fields.count("LINK"))
        log_link_for_demo(recipient.address, fields.at("LINK"));
    return store::outbox::enqueue(transaction, message);
}

void log_link_for_demo(const std::string& recipient, const std::string& link)
{
    if (g_log_links.load())
        core::log_event("warn", "demo_mail_link",
                        "\"recipient\":\"" + core::json_escape(recipient) + "\",\"link\":\"" +
                            core::json_escape(link) + "\"");
}

void log_links_for_demo(bool on)
{
    g_log_links.store(on);
}

void install_composer(const MailComposer& composer)
{
    g_installed.store(&composer);
}

const MailComposer& installed_composer()
{
    const MailComposer* composer = g_installed.load();
    if (!composer)
        throw std::logic_error("no mail composer is installed (services::mail::install_composer)");
    return *composer;
}

} // namespace rekrut::services::mail
