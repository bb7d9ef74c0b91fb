#include "web/question_form.hpp"

#include <cctype>
#include <ctemplate/template.h>

#include "core/result.hpp"
#include "domain/job_ad/screening_question.hpp"
#include "web/forms.hpp"
#include "web/request.hpp"

namespace rekrut::web {

const char* answer_kind_label(const std::string& kind)
{
    using core::msgid;
    if (kind == "single_choice")
        return msgid("One of several options");
    if (kind == "multiple_choice")
        return msgid("Several options");
    if (kind == "number")
        return msgid("A number");
    if (kind == "short_text")
        return msgid("A short text");
    return msgid("Yes or no");
}

ctemplate::TemplateDictionary& question_form(ctemplate::TemplateDictionary& page, const Request& request,
                                             const domain::ScreeningQuestion& question,
                                             const std::string& action)
{
    auto* form = page.AddIncludeDictionary("FORM");
    form->SetFilename(request.language + "/setup/_question_form.tpl");
    keep_value(*form, "text", question.text);
    keep_value(*form, "options", question.options);
    std::string kind = "KIND_";
    for (char ch : question.kind.empty() ? std::string("yes_no") : question.kind)
        kind += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    form->ShowSection(kind);
    form->SetValue("ACTION", action);
    return *form;
}

} // namespace rekrut::web
