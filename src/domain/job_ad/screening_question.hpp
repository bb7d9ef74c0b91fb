#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rekrut::domain {

/// One answer option of a screening question.
struct QuestionOption {
    std::string text;
    bool disqualifies = false; ///< Written with a leading "!": this answer is a knockout.
};

/// The options of a screening question, one per non-blank line; a leading "!" marks a knockout.
std::vector<QuestionOption> question_options(std::string_view options);

/// A screening question as written, in an institution's template or attached to one case.
struct ScreeningQuestion {
    std::string text;
    std::string kind;    ///< yes_no | single_choice | multiple_choice | number | short_text
    std::string options; ///< One per line; a line starting with "!" disqualifies.
};

/// Checks a screening question and normalises it in place (trims the text, stores the options one
/// a line without blanks, fills in Ja/Nej for an empty yes-or-no question). Returns the problems with
/// the form field each belongs to (text, kind, options); empty when the question may be saved.
std::vector<core::FieldError> check_screening_question(ScreeningQuestion& question);

} // namespace rekrut::domain
