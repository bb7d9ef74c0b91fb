#include "domain/job_ad/screening_question.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text.hpp"

namespace rekrut::domain {
namespace {

using core::msgid;

/// Options compare without regard to ASCII case ("Jobnet" and "jobnet" are the same option).
bool same_text(std::string_view left, std::string_view right)
{
    return left.size() == right.size() &&
           std::equal(left.begin(), left.end(), right.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           });
}

} // namespace

std::vector<QuestionOption> question_options(std::string_view options)
{
    std::vector<QuestionOption> found;
    while (!options.empty()) {
        std::size_t end = options.find('\n');
        std::string_view line = core::trim(options.substr(0, end));
        options = end == std::string_view::npos ? std::string_view() : options.substr(end + 1);
        if (line.empty())
            continue;
        QuestionOption option;
        option.disqualifies = line.front() == '!';
        option.text = std::string(core::trim(option.disqualifies ? line.substr(1) : line));
        found.push_back(std::move(option));
    }
    return found;
}

std::vector<core::FieldError> check_screening_question(ScreeningQuestion& question)
{
    static const std::set<std::string> kinds = {"yes_no", "single_choice", "multiple_choice", "number",
                                                "short_text"};
    question.text = std::string(core::trim(question.text));
    std::vector<core::FieldError> problems;
    if (question.text.empty() || question.text.size() > 1000)
        problems.push_back({"text", msgid("Write the question (at most 1,000 characters).")});
    if (!kinds.count(question.kind)) {
        problems.push_back({"kind", msgid("Choose a kind of answer.")});
        return problems;
    }
    if (question.options.size() > 5000) {
        problems.push_back({"options", msgid("The options can be at most 5,000 characters.")});
        return problems;
    }
    auto options = question_options(question.options);
    if (question.kind == "yes_no" && options.empty())
        options = {{"Ja", false}, {"Nej", false}};
    // Stored normalised: one option a line, no blank lines, no stray spaces.
    question.options.clear();
    for (const auto& option : options)
        question.options += (question.options.empty() ? "" : "\n") +
                            std::string(option.disqualifies ? "!" : "") + option.text;
    if (question.kind == "number" || question.kind == "short_text") {
        if (!options.empty())
            problems.push_back(
                {"options", msgid("This kind of answer has no options; leave the field empty.")});
        return problems;
    }
    if (question.kind == "yes_no" && options.size() != 2) {
        problems.push_back({"options", msgid("A yes-or-no question has exactly two options, one per line.")});
        return problems;
    }
    if (options.size() < 2) {
        problems.push_back({"options", msgid("A choice needs at least two options, one per line.")});
        return problems;
    }
    bool blank = false, repeated = false, all_disqualify = true;
    for (std::size_t i = 0; i < options.size(); ++i) {
        blank = blank || options[i].text.empty() || options[i].text.size() > 200;
        all_disqualify = all_disqualify && options[i].disqualifies;
        for (std::size_t j = 0; j < i; ++j)
            repeated = repeated || same_text(options[i].text, options[j].text);
    }
    if (blank)
        problems.push_back(
            {"options", msgid("Each option needs a text of at most 200 characters, also after a !.")});
    else if (repeated)
        problems.push_back({"options", msgid("Each option can appear only once.")});
    else if (all_disqualify)
        problems.push_back({"options", msgid("At least one answer must not disqualify the applicant.")});
    return problems;
}

} // namespace rekrut::domain
