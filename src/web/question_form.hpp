#pragma once

#include <string>

namespace ctemplate {
class TemplateDictionary;
}
namespace rekrut::domain {
struct ScreeningQuestion;
}

namespace rekrut::web {

struct Request;

/// The label (a message id) of a kind of answer: yes_no, single_choice, multiple_choice, number or
/// short_text.
const char* answer_kind_label(const std::string& kind);

/// Includes the screening-question form (templates/setup/_question_form.tpl) as FORM in `page`,
/// filled in with `question` and posting to `action`. The institution's templates and the questions
/// of one case share it. Returns the form's dictionary, for marking fields with errors.
ctemplate::TemplateDictionary& question_form(ctemplate::TemplateDictionary& page, const Request& request,
                                             const domain::ScreeningQuestion& question,
                                             const std::string& action);

} // namespace rekrut::web
