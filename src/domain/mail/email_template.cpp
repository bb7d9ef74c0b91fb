#include "domain/mail/email_template.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/text.hpp"
#include "domain/application/application_status.hpp"
#include "domain/merge_fields.hpp"

namespace rekrut::domain {

using core::msgid;

namespace {

struct DefaultTexts {
    std::string_view kind;
    std::string_view subject_da, body_da, subject_en, body_en;
};

// The built-in texts. Each institution starts from these and may change them; a case may change
// its own copy.
constexpr DefaultTexts k_defaults[] = {
    {"application_receipt", "Vi har modtaget din ansøgning: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\nTak for din ansøgning til stillingen som {{stillingsbetegnelse}} hos "
     "{{institution}}. Dit ansøgningsnummer er {{ansøgningsnummer}}.\n\nDu kan se, ændre eller trække din "
     "ansøgning tilbage her:\n{{selvbetjeningslink}}\n\nVenlig hilsen\n{{institution}}",
     "We have received your application: {{case_title}}",
     "Dear {{applicant_name}}\n\nThank you for applying for the position of {{case_title}} at "
     "{{institution}}. Your application number is {{application_reference}}.\n\nYou can see, change or "
     "withdraw your application here:\n{{self_service_link}}\n\nKind regards\n{{institution}}"},
    {"self_service_link", "Link til din ansøgning: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\nHer er linket til din ansøgning til stillingen som "
     "{{stillingsbetegnelse}}:\n{{selvbetjeningslink}}\n\nVenlig hilsen\n{{institution}}",
     "Link to your application: {{case_title}}",
     "Dear {{applicant_name}}\n\nHere is the link to your application for the position of "
     "{{case_title}}:\n{{self_service_link}}\n\nKind regards\n{{institution}}"},
    {"consent_ending", "Vi opbevarer din ansøgning: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\nDu gav os lov til at gemme din ansøgning til stillingen som "
     "{{stillingsbetegnelse}}, så vi kan kontakte dig om andre stillinger hos {{institution}}. Tilladelsen "
     "udløber om en måned, og så sletter vi ansøgningen.\n\nVil du have, at vi gemmer den et år mere, kan du "
     "forny tilladelsen her:\n{{selvbetjeningslink}}\n\nGør du ingenting, sletter vi ansøgningen, når "
     "tilladelsen udløber.\n\nVenlig hilsen\n{{institution}}",
     "We are keeping your application: {{case_title}}",
     "Dear {{applicant_name}}\n\nYou allowed us to keep your application for the position of "
     "{{case_title}} so that we can contact you about other positions at {{institution}}. The permission "
     "ends in a month, and then we delete the application.\n\nIf you want us to keep it for another year, "
     "you can renew the permission here:\n{{self_service_link}}\n\nIf you do nothing, we delete the "
     "application when the permission ends.\n\nKind regards\n{{institution}}"},
    {"interview_invitation", "Invitation til samtale: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\nVi vil gerne invitere dig til samtale om stillingen som "
     "{{stillingsbetegnelse}}.\n\nTid: {{samtaletidspunkt}}\nSted: {{samtalested}}\n\nInvitationen er "
     "vedhæftet som kalenderfil. Har du spørgsmål, kan du kontakte {{kontaktperson}}.\n\nVenlig hilsen\n"
     "{{institution}}",
     "Invitation to interview: {{case_title}}",
     "Dear {{applicant_name}}\n\nWe would like to invite you to an interview for the position of "
     "{{case_title}}.\n\nTime: {{interview_time}}\nPlace: {{interview_place}}\n\nThe invitation is attached "
     "as a calendar file. If you have questions, please contact {{contact_person}}.\n\nKind regards\n"
     "{{institution}}"},
    {"interview_booking", "Invitation til samtale: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\nVi vil gerne invitere dig til samtale om stillingen som "
     "{{stillingsbetegnelse}}.\n\nVælg selv en tid til samtalen her, hvor du også kan ombooke eller aflyse "
     "den og hente den som kalenderfil:\n{{selvbetjeningslink}}\n\nHar du spørgsmål, kan du kontakte "
     "{{kontaktperson}}.\n\nVenlig hilsen\n{{institution}}",
     "Invitation to interview: {{case_title}}",
     "Dear {{applicant_name}}\n\nWe would like to invite you to an interview for the position of "
     "{{case_title}}.\n\nPlease pick a time for the interview here, where you can also rebook or cancel it "
     "and download it as a calendar file:\n{{self_service_link}}\n\nIf you have questions, please contact "
     "{{contact_person}}.\n\nKind regards\n{{institution}}"},
    {"rejection_before_interview", "Din ansøgning: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\nTak for din ansøgning til stillingen som {{stillingsbetegnelse}}. Vi har "
     "modtaget mange kvalificerede ansøgninger, og vi har valgt at gå videre med andre kandidater. Du er "
     "derfor ikke blandt dem, vi inviterer til samtale.\n\nVi takker for din interesse for "
     "{{institution}}.\n\nVenlig hilsen\n{{institution}}",
     "Your application: {{case_title}}",
     "Dear {{applicant_name}}\n\nThank you for your application for the position of {{case_title}}. We "
     "received many qualified applications and have chosen to continue with other candidates, so you are "
     "not among those invited to interview.\n\nThank you for your interest in {{institution}}.\n\n"
     "Kind regards\n{{institution}}"},
    {"rejection_after_interview", "Din ansøgning: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\nTak for din ansøgning og for samtalen om stillingen som "
     "{{stillingsbetegnelse}}. Vi har valgt en anden kandidat til stillingen.\n\nVi takker for din "
     "interesse for {{institution}}.\n\nVenlig hilsen\n{{institution}}",
     "Your application: {{case_title}}",
     "Dear {{applicant_name}}\n\nThank you for your application and for the interview for the position of "
     "{{case_title}}. We have chosen another candidate for the position.\n\nThank you for your interest "
     "in {{institution}}.\n\nKind regards\n{{institution}}"},
    {"offer", "Tilbud om ansættelse: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\nVi har glæden at tilbyde dig stillingen som {{stillingsbetegnelse}} hos "
     "{{institution}}. {{kontaktperson}} kontakter dig om kontrakten.\n\nVenlig hilsen\n{{institution}}",
     "Offer of employment: {{case_title}}",
     "Dear {{applicant_name}}\n\nWe are pleased to offer you the position of {{case_title}} at "
     "{{institution}}. {{contact_person}} will contact you about the contract.\n\nKind regards\n"
     "{{institution}}"},
    {"withdrawal_confirmation", "Din ansøgning er trukket tilbage: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\nDu har trukket din ansøgning {{ansøgningsnummer}} til stillingen som "
     "{{stillingsbetegnelse}} tilbage. Vi behandler den ikke videre.\n\nVenlig hilsen\n{{institution}}",
     "Your application has been withdrawn: {{case_title}}",
     "Dear {{applicant_name}}\n\nYou have withdrawn your application {{application_reference}} for the "
     "position of {{case_title}}. We will not process it further.\n\nKind regards\n{{institution}}"},
    {"case_cancelled", "Stillingen besættes ikke: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\nVi har besluttet ikke at besætte stillingen som {{stillingsbetegnelse}}, og "
     "rekrutteringen er derfor stoppet. Din ansøgning {{ansøgningsnummer}} bliver ikke behandlet "
     "videre.\n\nTak for din interesse.\n\nVenlig hilsen\n{{institution}}",
     "The position will not be filled: {{case_title}}",
     "Dear {{applicant_name}}\n\nWe have decided not to fill the position of {{case_title}}, and the "
     "recruitment has been stopped. Your application {{application_reference}} will not be processed "
     "further.\n\nThank you for your interest.\n\nKind regards\n{{institution}}"},
    {"employment_letter", "Ansættelsesbrev: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\n{{institution}} bekræfter hermed, at du ansættes i stillingen som "
     "{{stillingsbetegnelse}} fra {{tiltrædelsesdato}}.\n\nAnsættelsen sker i henhold til "
     "{{overenskomst}}. Den ugentlige arbejdstid er {{ugentlig_arbejdstid}} timer.\n\nLøn: {{løn}}\n\n"
     "Har du spørgsmål til ansættelsen, er du velkommen til at kontakte {{kontaktperson}}.\n\nVi glæder "
     "os til samarbejdet.\n\nVenlig hilsen\n{{institution}}",
     "Letter of employment: {{case_title}}",
     "Dear {{applicant_name}}\n\n{{institution}} hereby confirms that you are employed in the position of "
     "{{case_title}} from {{start_date}}.\n\nThe employment is governed by {{collective_agreement}}. The "
     "weekly working hours are {{weekly_hours}}.\n\nSalary: {{salary}}\n\nIf you have questions about "
     "the employment, please contact {{contact_person}}.\n\nWe look forward to working with you.\n\n"
     "Kind regards\n{{institution}}"},
    {"free_message", "Vedrørende din ansøgning: {{stillingsbetegnelse}}",
     "Kære {{ansøgers_navn}}\n\n\n\nVenlig hilsen\n{{institution}}", "About your application: {{case_title}}",
     "Dear {{applicant_name}}\n\n\n\nKind regards\n{{institution}}"},
    {"new_applications_digest", "Nye ansøgninger: {{stillingsbetegnelse}}",
     "Kære {{modtagers_navn}}\n\nDer er kommet {{antal_ansøgninger}} nye ansøgninger til stillingen som "
     "{{stillingsbetegnelse}}.\n\n{{sagslink}}",
     "New applications: {{case_title}}",
     "Dear {{recipient_name}}\n\n{{application_count}} new applications have arrived for the position of "
     "{{case_title}}.\n\n{{case_link}}"},
    {"deadline_passed", "Ansøgningsfristen er udløbet: {{stillingsbetegnelse}}",
     "Kære {{modtagers_navn}}\n\nAnsøgningsfristen for stillingen som {{stillingsbetegnelse}} er udløbet. "
     "Der er {{antal_ansøgninger}} ansøgninger.\n\n{{sagslink}}",
     "The application deadline has passed: {{case_title}}",
     "Dear {{recipient_name}}\n\nThe application deadline for the position of {{case_title}} has passed. "
     "There are {{application_count}} applications.\n\n{{case_link}}"},
    {"decision_awaiting_approval", "Ansættelse venter på din godkendelse: {{stillingsbetegnelse}}",
     "Kære {{modtagers_navn}}\n\nDer er indstillet en kandidat til stillingen som {{stillingsbetegnelse}}, "
     "og indstillingen venter på din godkendelse.\n\n{{sagslink}}",
     "A hiring decision awaits your approval: {{case_title}}",
     "Dear {{recipient_name}}\n\nA candidate has been proposed for the position of {{case_title}}, and the "
     "proposal awaits your approval.\n\n{{case_link}}"},
};

bool has_control_character(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char ch) {
        auto byte = static_cast<unsigned char>(ch);
        return byte < 0x20 || byte == 0x7F;
    });
}

bool is_known_field(std::string_view name)
{
    return merge_field_name(name).has_value();
}

bool is_link_field(std::string_view english)
{
    return std::any_of(std::begin(k_merge_fields), std::end(k_merge_fields),
                       [&](const MergeField& field) { return field.english == english && field.link; });
}

/// The body as HTML: blank-line separated blocks become paragraphs, single line breaks <br>, and
/// link fields whose value is an http(s) URL become links. Everything is escaped.
std::string body_html(const std::vector<TextPiece>& pieces, const std::map<std::string, std::string>& values)
{
    std::string html = "<p>";
    auto add_text = [&](std::string_view text) {
        for (std::size_t at = 0; at < text.size(); ++at) {
            if (text[at] == '\r')
                continue;
            if (text[at] != '\n') {
                std::size_t end = text.find_first_of("\r\n", at);
                end = end == std::string_view::npos ? text.size() : end;
                html += core::html_escape(text.substr(at, end - at));
                at = end - 1;
                continue;
            }
            int breaks = 0;
            for (; at < text.size() && (text[at] == '\n' || text[at] == '\r'); ++at)
                breaks += text[at] == '\n' ? 1 : 0;
            --at;
            html += breaks > 1 ? "</p>\n<p>" : "<br>\n";
        }
    };
    for (const auto& piece : pieces) {
        if (!piece.is_field) {
            add_text(piece.text);
            continue;
        }
        auto english = merge_field_name(piece.text);
        const std::string& value = values.at(std::string(*english));
        if (is_link_field(*english) && (value.starts_with("https://") || value.starts_with("http://")))
            html += "<a href=\"" + core::html_escape(value) + "\">" + core::html_escape(value) + "</a>";
        else
            add_text(value);
    }
    html += "</p>";
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + html +
           "\n</body></html>\n";
}

} // namespace

const MailKind* find_mail_kind(std::string_view id)
{
    for (const auto& kind : k_mail_kinds)
        if (kind.id == id)
            return &kind;
    return nullptr;
}

std::optional<std::string_view> merge_field_name(std::string_view name)
{
    for (const auto& field : k_merge_fields)
        if (name == field.english || name == field.danish)
            return field.english;
    return std::nullopt;
}

EmailTemplateRecord default_email_template(std::string_view kind)
{
    const auto* found = find_mail_kind(kind);
    for (const auto& texts : k_defaults) {
        if (texts.kind != kind || !found)
            continue;
        EmailTemplateRecord record;
        record.kind = std::string(kind);
        record.subject_da = std::string(texts.subject_da);
        record.body_da = std::string(texts.body_da);
        record.subject_en = std::string(texts.subject_en);
        record.body_en = std::string(texts.body_en);
        record.sets_status = std::string(found->default_status);
        return record;
    }
    throw std::out_of_range("no e-mail template kind " + std::string(kind));
}

std::vector<core::FieldError> check_email_template(EmailTemplateRecord& email_template)
{
    std::vector<core::FieldError> problems;
    auto check_subject = [&](std::string& subject, const char* field) {
        subject = std::string(core::trim(subject));
        if (subject.empty())
            problems.push_back({field, msgid("Enter a subject.")});
        else if (subject.size() > k_max_mail_subject)
            problems.push_back({field, msgid("The subject can be at most 200 characters.")});
        else if (has_control_character(subject))
            problems.push_back({field, msgid("The subject must be one line.")});
    };
    auto check_fields = [&](const std::string& text, const char* field) {
        if (!core::is_valid_utf8(text)) {
            problems.push_back({field, msgid("The text holds characters that are not valid.")});
            return;
        }
        if (auto unknown = first_unknown_field(text, is_known_field)) {
            if (*unknown == "{{")
                problems.push_back({field, msgid("A merge field is missing its closing }}.")});
            else
                problems.push_back(
                    {field,
                     msgid("{{{detail}}} is not a merge field. Use only the merge fields listed "
                           "on the page, written exactly as shown."),
                     *unknown});
        }
    };
    auto check_body = [&](const std::string& body, const char* field) {
        if (core::trim(body).empty())
            problems.push_back({field, msgid("Enter the text of the mail.")});
        else if (body.size() > k_max_mail_body)
            problems.push_back({field, msgid("The text can be at most 20,000 characters.")});
        else
            check_fields(body, field);
    };
    check_subject(email_template.subject_da, "subject_da");
    if (email_template.subject_da.size() <= k_max_mail_subject)
        check_fields(email_template.subject_da, "subject_da");
    check_body(email_template.body_da, "body_da");
    check_subject(email_template.subject_en, "subject_en");
    if (email_template.subject_en.size() <= k_max_mail_subject)
        check_fields(email_template.subject_en, "subject_en");
    check_body(email_template.body_en, "body_en");
    const auto* kind = find_mail_kind(email_template.kind);
    if (!kind)
        problems.push_back({"kind", msgid("Choose the kind of mail.")});
    if (!email_template.sets_status.empty()) {
        auto status = application_status_from_string(email_template.sets_status);
        bool settable =
            status && (*status == ApplicationStatus::invited || *status == ApplicationStatus::offered ||
                       *status == ApplicationStatus::rejected || *status == ApplicationStatus::in_assessment);
        if (!settable || (kind && kind->audience != MailAudience::applicant))
            problems.push_back({"sets_status", msgid("Choose a status that a mail can set, or none.")});
    }
    return problems;
}

MailRendering render_mail(std::string_view subject, std::string_view body,
                          const std::map<std::string, std::string>& values)
{
    MailRendering rendering;
    auto subject_pieces = split_fields(subject);
    auto body_pieces = split_fields(body);
    auto note_missing = [&](const std::vector<TextPiece>& pieces) {
        for (const auto& piece : pieces) {
            if (!piece.is_field)
                continue;
            auto english = merge_field_name(piece.text);
            std::string name(english ? *english : piece.text);
            auto value = english ? values.find(name) : values.end();
            if ((value == values.end() || value->second.empty()) &&
                std::find(rendering.missing.begin(), rendering.missing.end(), name) ==
                    rendering.missing.end())
                rendering.missing.push_back(name);
        }
    };
    note_missing(subject_pieces);
    note_missing(body_pieces);
    if (!rendering.missing.empty())
        return rendering;
    auto plain = [&](const std::vector<TextPiece>& pieces) {
        std::string out;
        for (const auto& piece : pieces)
            out += piece.is_field ? values.at(std::string(*merge_field_name(piece.text)))
                                  : std::string(piece.text);
        return out;
    };
    RenderedMail mail;
    mail.subject = plain(subject_pieces);
    // A value cannot break the subject into header lines: control characters become spaces.
    std::replace_if(
        mail.subject.begin(), mail.subject.end(),
        [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F; }, ' ');
    mail.text = plain(body_pieces);
    mail.html = body_html(body_pieces, values);
    rendering.mail = std::move(mail);
    return rendering;
}

} // namespace rekrut::domain
