#pragma once

// E-mail templates: the kinds of mail an institution writes to applicants and to its committees,
// their merge fields, and the rules a template must follow to be saved and to be sent.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::domain {

/// Who a kind of mail is written to. A letter is printed (the employment letter, as PDF), not mailed.
enum class MailAudience { applicant, committee, letter };

/// One kind of mail: its id (stored), its name (a msgid) and whom it goes to. An application mail
/// may set the application's status when it is sent.
struct MailKind {
    std::string_view id;
    std::string_view name;
    MailAudience audience;
    std::string_view default_status; ///< "" or the status a new template of this kind sets.
};

/// Every kind, in the order the pages list them.
inline constexpr MailKind k_mail_kinds[] = {
    {"application_receipt", core::msgid("Application receipt"), MailAudience::applicant, ""},
    {"self_service_link", core::msgid("Link to the application"), MailAudience::applicant, ""},
    /// A month before the applicant's consent to keep the application for future positions ends.
    {"consent_ending", core::msgid("The consent to keep the application is ending"), MailAudience::applicant,
     ""},
    {"interview_invitation", core::msgid("Interview invitation"), MailAudience::applicant, "invited"},
    /// An invitation to an interview round whose time the applicant books through the personal link.
    {"interview_booking", core::msgid("Invitation to book an interview time"), MailAudience::applicant,
     "invited"},
    {"rejection_before_interview", core::msgid("Rejection before interview"), MailAudience::applicant,
     "rejected"},
    {"rejection_after_interview", core::msgid("Rejection after interview"), MailAudience::applicant,
     "rejected"},
    {"offer", core::msgid("Offer of the position"), MailAudience::applicant, "offered"},
    {"withdrawal_confirmation", core::msgid("Confirmation of withdrawal"), MailAudience::applicant, ""},
    {"case_cancelled", core::msgid("The recruitment is cancelled"), MailAudience::applicant, ""},
    {"free_message", core::msgid("Free message"), MailAudience::applicant, ""},
    {"new_applications_digest", core::msgid("New applications (to the committee)"), MailAudience::committee,
     ""},
    {"deadline_passed", core::msgid("Application deadline passed (to the committee)"),
     MailAudience::committee, ""},
    {"decision_awaiting_approval", core::msgid("Decision awaiting approval (to the approver)"),
     MailAudience::committee, ""},
    {"employment_letter", core::msgid("Employment letter (printed as PDF)"), MailAudience::letter, ""},
};

/// The kind of that id; nullptr when there is none.
const MailKind* find_mail_kind(std::string_view id);

/// One merge field, by its English and its Danish name (without the braces): a template may use
/// either. `description` is a msgid. A link field is made a link in the HTML part.
struct MergeField {
    std::string_view english;
    std::string_view danish;
    std::string_view description;
    bool link = false;
};

/// Every merge field, in the order the template pages list them.
inline constexpr MergeField k_merge_fields[] = {
    {"applicant_name", "ansøgers_navn", core::msgid("The applicant's full name")},
    {"application_reference", "ansøgningsnummer",
     core::msgid("The application's number, such as 2026-000123")},
    {"case_title", "stillingsbetegnelse", core::msgid("The position's title")},
    {"institution", "institution", core::msgid("The institution's name")},
    {"deadline", "ansøgningsfrist", core::msgid("The application deadline")},
    {"contact_person", "kontaktperson", core::msgid("The case's contact persons")},
    {"self_service_link", "selvbetjeningslink",
     core::msgid("The applicant's personal link to the application"), true},
    {"interview_time", "samtaletidspunkt", core::msgid("The interview's date and time")},
    {"interview_place", "samtalested", core::msgid("The interview's place or online link")},
    {"start_date", "tiltrædelsesdato", core::msgid("The expected start of the employment")},
    {"salary", "løn", core::msgid("The salary placement as the case states it")},
    {"weekly_hours", "ugentlig_arbejdstid", core::msgid("The weekly working hours")},
    {"collective_agreement", "overenskomst", core::msgid("The collective agreement")},
    {"recipient_name", "modtagers_navn", core::msgid("The committee member's name (committee mails)")},
    {"application_count", "antal_ansøgninger", core::msgid("The number of applications (committee mails)")},
    {"case_link", "sagslink", core::msgid("The link to the case in Rekrut (committee mails)"), true},
};

/// The English name of a merge field named in either language; nullopt for no merge field.
std::optional<std::string_view> merge_field_name(std::string_view name);

/// A template as stored: the institution's (`case_id` empty) or a case's copy.
struct EmailTemplateRecord {
    std::int64_t id = 0; ///< 0 for a kind the institution has not changed (the built-in text).
    std::int64_t institution_id = 0;
    std::optional<std::int64_t> case_id;
    std::string kind;
    std::string subject_da;
    std::string body_da;
    std::string subject_en;
    std::string body_en;
    std::string sets_status; ///< "" or the application status that sending sets.
    core::UnixTime updated_at = 0;
};

/// The built-in texts of a kind, which an institution starts from. Throws std::out_of_range for an
/// unknown kind.
EmailTemplateRecord default_email_template(std::string_view kind);

inline constexpr std::size_t k_max_mail_subject = 200;
inline constexpr std::size_t k_max_mail_body = 20000;

/// The template's problems, by form field (subject_da, body_da, subject_en, body_en, sets_status):
/// lengths, a line break in a subject, an unknown merge field (named), a status that a mail cannot
/// set. Trims the subjects.
std::vector<core::FieldError> check_email_template(EmailTemplateRecord& email_template);

/// A rendered mail.
struct RenderedMail {
    std::string subject;
    std::string text;
    std::string html;
};

/// The result of filling a template for one recipient: the mail, or the merge fields that had no
/// value for the recipient (English names), in which case nothing is sent to them.
struct MailRendering {
    std::optional<RenderedMail> mail;
    std::vector<std::string> missing;
};

/// Fills `subject` and `body` with `values` (by English name; an empty value counts as missing).
/// The text part is the body as written; the HTML part escapes everything, values included, makes
/// paragraphs of blank-line separated blocks and links of link fields. Unknown fields (which saving
/// refuses) count as missing.
MailRendering render_mail(std::string_view subject, std::string_view body,
                          const std::map<std::string, std::string>& values);

} // namespace rekrut::domain
