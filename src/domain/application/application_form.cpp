#include "domain/application/application_form.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/text.hpp"
#include "domain/email_address.hpp"
#include "domain/field_limits.hpp"
#include "domain/job_ad/screening_question.hpp"

namespace rekrut::domain {

namespace {

using core::msgid;

/// Line breaks and other control characters have no place in a one-line field.
bool has_control(std::string_view text)
{
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

/// Control characters other than line breaks and tabs, in a text of several lines.
bool has_control_in_text(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\n' && c != '\r' && c != '\t') || byte == 0x7f;
    });
}

struct Checker {
    std::vector<core::FieldError> errors;

    /// A one-line field: trimmed, within `limit`, without control characters.
    std::string line(const std::string& field, std::string_view value, std::size_t limit, bool required,
                     const char* missing)
    {
        auto text = std::string(core::trim(value));
        if (text.empty() && required)
            errors.push_back({field, missing});
        else if (text.size() > limit)
            errors.push_back({field, msgid("The text is too long.")});
        else if (has_control(text))
            errors.push_back({field, msgid("The text cannot contain line breaks or control characters.")});
        return text;
    }
};

bool is_phone(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '+' || c == ' ' || c == '-' || c == '(' || c == ')';
    });
}

/// The chosen options of an answer, one per non-blank line, trimmed.
std::vector<std::string> chosen(std::string_view answer)
{
    std::vector<std::string> result;
    std::size_t start = 0;
    while (start <= answer.size()) {
        auto end = answer.find('\n', start);
        if (end == std::string_view::npos)
            end = answer.size();
        auto item = core::trim(answer.substr(start, end - start));
        if (!item.empty())
            result.emplace_back(item);
        start = end + 1;
    }
    return result;
}

/// Checks one answer; returns the normalised answer and whether it is a knockout.
std::pair<std::string, bool> check_answer(Checker& checker, const CaseQuestionRecord& question,
                                          std::string_view given)
{
    const auto field = answer_field(question.id);
    auto options = question_options(question.options);
    auto picks = chosen(given);
    if (picks.empty()) {
        checker.errors.push_back({field, msgid("Answer the question.")});
        return {"", false};
    }
    if (question.kind == "number") {
        double value = 0;
        auto text = picks.front();
        std::replace(text.begin(), text.end(), ',', '.'); // Danish decimal comma
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || picks.size() != 1)
            checker.errors.push_back({field, msgid("Enter a number.")});
        return {text, false};
    }
    if (question.kind == "short_text") {
        auto text = std::string(core::trim(given));
        if (text.size() > limits::short_answer)
            checker.errors.push_back({field, msgid("The text is too long.")});
        else if (has_control_in_text(text))
            checker.errors.push_back({field, msgid("The text cannot contain control characters.")});
        return {text, false};
    }
    if (question.kind != "multiple_choice" && picks.size() != 1) {
        checker.errors.push_back({field, msgid("Choose one of the answers.")});
        return {"", false};
    }
    bool knockout = false;
    std::set<std::string> seen;
    std::string normalised;
    for (const auto& pick : picks) {
        auto option = std::find_if(options.begin(), options.end(),
                                   [&](const QuestionOption& candidate) { return candidate.text == pick; });
        if (option == options.end() || !seen.insert(pick).second) {
            checker.errors.push_back({field, msgid("Choose one of the answers.")});
            return {"", false};
        }
        knockout = knockout || option->disqualifies;
        normalised += (normalised.empty() ? "" : "\n") + pick;
    }
    return {normalised, knockout};
}

/// A year on: the consent to keep an application for future positions ends then.
core::UnixTime keep_until(core::UnixTime now)
{
    constexpr core::UnixTime k_year = core::UnixTime{365} * 86400;
    return now + k_year * k_keep_for_future_months / 12;
}

} // namespace

std::string answer_field(std::int64_t question_id)
{
    return "q" + std::to_string(question_id);
}

core::Result<CheckedApplication> check_application(const ApplicationForm& form,
                                                   const std::vector<CaseQuestionRecord>& questions,
                                                   bool civil_servant, core::UnixTime now)
{
    Checker checker;
    ApplicationRecord record;
    record.full_name =
        checker.line("full_name", form.full_name, limits::name, true, msgid("Enter your full name."));
    auto email = normalize_email_address(form.email);
    if (core::trim(form.email).empty())
        checker.errors.push_back({"email", msgid("Enter your e-mail address.")});
    else if (!email)
        checker.errors.push_back({"email", msgid("Enter a valid e-mail address, like name@example.dk.")});
    else
        record.email = *email;
    record.phone = checker.line("phone", form.phone, limits::phone, false, "");
    if (!is_phone(record.phone))
        checker.errors.push_back({"phone", msgid("Enter a telephone number with digits, spaces and +.")});
    record.address = checker.line("address", form.address, limits::line, false, "");
    record.postal_code = checker.line("postal_code", form.postal_code, limits::phone, false, "");
    record.city = checker.line("city", form.city, limits::name, false, "");

    record.cover_letter = std::string(core::trim(form.cover_letter));
    if (record.cover_letter.empty() && !form.has_cover_letter_file)
        checker.errors.push_back({"cover_letter", msgid("Write a cover letter or attach it as a file.")});
    else if (record.cover_letter.size() > limits::cover_letter)
        checker.errors.push_back({"cover_letter", msgid("The cover letter is too long.")});
    else if (has_control_in_text(record.cover_letter))
        checker.errors.push_back({"cover_letter", msgid("The text cannot contain control characters.")});

    for (const auto& question : questions) {
        auto given = form.answers.find(question.id);
        auto [answer, knockout] =
            check_answer(checker, question, given == form.answers.end() ? "" : given->second);
        record.answers.push_back({question.id, answer});
        record.knocked_out = record.knocked_out || knockout;
    }

    if (!form.consent_processing)
        checker.errors.push_back(
            {"consent_processing", msgid("Consent to the processing of your application to apply.")});
    record.consent_processing = form.consent_processing;
    if (form.keep_for_future)
        record.keep_until = keep_until(now);
    record.consent_contact = form.consent_contact;
    record.priority_access = form.priority_access;
    record.exclude_from_list = civil_servant && form.exclude_from_list;

    if (!checker.errors.empty())
        return core::Error::invalid(msgid("The application could not be sent. Correct the fields marked."),
                                    std::move(checker.errors));
    return CheckedApplication{std::move(record)};
}

core::Result<Rectification> check_rectification(const RectificationForm& form)
{
    Checker checker;
    Rectification checked;
    checked.full_name = checker.line("full_name", form.full_name, limits::name, true,
                                     msgid("Enter the applicant's full name."));
    auto email = normalize_email_address(form.email);
    if (core::trim(form.email).empty())
        checker.errors.push_back({"email", msgid("Enter the applicant's e-mail address.")});
    else if (form.email.size() > limits::email || !email)
        checker.errors.push_back({"email", msgid("Enter a valid e-mail address, like name@example.dk.")});
    else
        checked.email = *email;
    checked.phone = checker.line("phone", form.phone, limits::phone, false, "");
    if (!is_phone(checked.phone))
        checker.errors.push_back({"phone", msgid("Enter a telephone number with digits, spaces and +.")});
    checked.reason = checker.line("reason", form.reason, limits::reason, true,
                                  msgid("Give the reason for the correction."));
    if (!checker.errors.empty())
        return core::Error::invalid(msgid("Nothing was corrected. Correct the fields marked."),
                                    std::move(checker.errors));
    return checked;
}

} // namespace rekrut::domain
