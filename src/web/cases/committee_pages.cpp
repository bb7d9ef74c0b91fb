#include <ctemplate/template.h>

#include "domain/access/policy.hpp"
#include "services/recruitment_case/committee.hpp"
#include "web/app_context.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_page.hpp"
#include "web/cases/case_pages.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {

using core::msgid;

Response submit_committee_add(AppContext& context, Request& request)
{
    auto role = domain::case_role_from_string(request.form_or("role"));
    if (!role)
        return after_change(
            context, request,
            core::Error::invalid(msgid("Check the marked fields."), {{"role", msgid("Choose a role.")}}), "");
    return after_change(context, request,
                        context.committee.add_member(
                            request.actor(), institution_of(request), parse_id(request.param("case_id")),
                            parse_id(request.form_or("user_id")), *role, request.origin()),
                        "#committee", "member");
}

Response submit_committee_remove(AppContext& context, Request& request)
{
    auto role = domain::case_role_from_string(request.form_or("role"));
    if (!role)
        return not_found(context, request);
    auto result = context.committee.remove_member(
        request.actor(), institution_of(request), parse_id(request.param("case_id")),
        parse_id(request.form_or("user_id")), *role, request.origin());
    if (result)
        return Response::redirect("/cases/" + request.param("case_id") + "?removed=1#committee");
    return after_change(context, request, result, "#committee");
}

Response submit_committee_external(AppContext& context, Request& request)
{
    auto role = domain::case_role_from_string(request.form_or("external_role"));
    if (!role)
        return after_change(context, request,
                            core::Error::invalid(msgid("Check the marked fields."),
                                                 {{"external_role", msgid("Choose a role.")}}),
                            "");
    auto language = request.language;
    auto translate = [&context, language](const std::string& message) {
        return context.translator.translate(language, message);
    };
    return after_change(context, request,
                        context.committee.invite_external(
                            request.actor(), institution_of(request), parse_id(request.param("case_id")),
                            request.form_or("external_email"), request.form_or("external_name"), *role,
                            request.origin(), translate),
                        "#committee", "invited");
}

} // namespace rekrut::web
