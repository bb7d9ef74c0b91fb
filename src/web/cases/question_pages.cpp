#include <ctemplate/template.h>

#include "domain/access/policy.hpp"
#include "services/recruitment_case/screening_questions.hpp"
#include "web/app_context.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_page.hpp"
#include "web/cases/case_pages.hpp"
#include "web/forms.hpp"
#include "web/page_kit.hpp"
#include "web/question_form.hpp"

namespace rekrut::web {

using core::msgid;

Response submit_question_add(AppContext& context, Request& request)
{
    return after_change(context, request,
                        context.questions.add(request.actor(), institution_of(request),
                                              parse_id(request.param("case_id")),
                                              parse_id(request.form_or("template_id")), request.origin()),
                        "#questions");
}

Response submit_question_remove(AppContext& context, Request& request)
{
    return after_change(context, request,
                        context.questions.remove(request.actor(), institution_of(request),
                                                 parse_id(request.param("case_id")),
                                                 parse_id(request.param("question_id")), request.origin()),
                        "#questions");
}

namespace {

Response question_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto case_id = parse_id(request.param("case_id"));
    auto question_id = parse_id(request.param("question_id"));
    auto stored = context.questions.find(request.actor(), institution_of(request), case_id, question_id);
    if (!stored)
        return error_response(context, request, stored.error());
    domain::ScreeningQuestion shown{stored->text, stored->kind, stored->options};
    if (request.method == "POST")
        shown = {request.form_or("text"), request.form_or("kind"), request.form_or("options")};
    return page(
        context, request, "cases/question", tr(context, request, msgid("Screening question")),
        [&](Dictionary& dictionary) {
            dictionary.SetValue("CASE_ID", std::to_string(case_id));
            dictionary.SetValue("TEXT", stored->text);
            auto& form = question_form(dictionary, request, shown,
                                       "/cases/" + std::to_string(case_id) + "/questions/" +
                                           std::to_string(question_id));
            if (error) {
                show_form_errors(dictionary, *error, context.translator, request);
                show_form_errors(form, *error, context.translator, request);
            }
        },
        form_status(error));
}

} // namespace

Response show_case_question(AppContext& context, Request& request)
{
    return question_page(context, request, std::nullopt);
}

Response submit_case_question(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto result = context.questions.update(
        request.actor(), institution_of(request), case_id, parse_id(request.param("question_id")),
        {request.form_or("text"), request.form_or("kind"), request.form_or("options")}, request.origin());
    return after_submit(context, request, result, question_page,
                        "/cases/" + std::to_string(case_id) + "?saved=1#questions");
}

} // namespace rekrut::web
