#pragma once

#include <cstddef>

/// The one set of length limits (in octets of UTF-8) for what users type. Every service checks
/// input against these before anything is written (the audit trail keeps what it is given for
/// good), and the forms state the same limits.
namespace rekrut::domain::limits {

/// A title or a name: a case or template title, a person's name, an entry of an institution's list
/// (unit, collective agreement, position category).
constexpr std::size_t name = 200;
/// A one-line case field (place of work, salary placement, the period of a fixed term).
constexpr std::size_t line = 2000;
/// An e-mail address: the most SMTP can carry (domain/email_address.hpp holds the rule).
constexpr std::size_t email = 254;
/// A password, new or current.
constexpr std::size_t password = 1000;
/// A second-factor code as typed: six digits, or a recovery code with its dashes and spaces.
constexpr std::size_t one_time_code = 64;
/// A reason given for a request or a decision.
constexpr std::size_t reason = 1000;
/// A mandatory text of the institution, or its adapted wording in one ad.
constexpr std::size_t mandatory_text = 20000;
/// The body of a job ad or an ad template.
constexpr std::size_t ad_body = 50000;
/// The most an ad may have once the case's values fill its placeholders, both as text and as HTML.
/// A placeholder may stand for a long value (the contact persons), and may be written many times, so
/// the filled-in ad is bounded on its own. Every text within `ad_body` stays under it as HTML.
constexpr std::size_t rendered_ad = 500000;
/// The most contact persons one case names (the case form has room for two). With the limits on
/// their fields this bounds what the {{contact}} placeholder stands for.
constexpr std::size_t contact_persons = 2;
/// A cover letter typed into the application form.
constexpr std::size_t cover_letter = 20000;
/// A telephone number or a postal code as typed.
constexpr std::size_t phone = 40;
/// The answer to a short-text screening question.
constexpr std::size_t short_answer = 1000;
/// The most positions one case can fill.
constexpr int positions = 500;

} // namespace rekrut::domain::limits
