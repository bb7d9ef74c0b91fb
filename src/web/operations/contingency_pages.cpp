#include "web/operations/contingency_pages.hpp"

#include <ctemplate/template.h>
#include <string>

#include "domain/access/policy.hpp"
#include "domain/application/file_rules.hpp"
#include "services/operations/contingency.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_labels.hpp"
#include "web/cases/case_labels.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {

namespace {

bool may_export(const Request& request)
{
    return domain::can(request.actor(), domain::Action::export_contingency_bundle,
                       {institution_of(request), {}, {}, false, {}});
}

Response contingency_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    return page(
        context, request, "operations/contingency", tr(context, request, msgid("Contingency bundle")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            dictionary.SetValue("MAX_CASES", std::to_string(services::k_contingency_max_cases));
            dictionary.SetValue("MAX_APPLICATIONS", std::to_string(services::k_contingency_max_applications));
            // The passphrase is never shown again: a refused form asks for it anew.
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

} // namespace

Response show_contingency(AppContext& context, Request& request)
{
    if (!may_export(request))
        return not_found(context, request);
    return contingency_page(context, request, std::nullopt);
}

Response submit_contingency(AppContext& context, Request& request)
{
    if (!may_export(request))
        return not_found(context, request);
    const auto translate = translator_in(context, request.language);
    services::ContingencyWording wording{
        request.language, translate, [&](domain::CaseState state) { return translate(state_label(state)); },
        [&](domain::ApplicationStatus status) { return translate(status_label(status)); },
        [&](domain::CaseRole role) { return translate(role_label(role)); }};
    auto bundle = context.contingency.export_bundle(
        request.actor(), institution_of(request), request.form_or("passphrase"),
        request.form_or("passphrase_repeat"), wording, request.origin());
    if (!bundle) {
        if (bundle.error().kind == core::ErrorKind::invalid ||
            bundle.error().kind == core::ErrorKind::conflict)
            return contingency_page(context, request, bundle.error());
        return error_response(context, request, bundle.error());
    }
    Response response;
    response.content_type = "application/zip";
    response.body = std::move(bundle->bytes);
    response.set_header("Content-Disposition", domain::content_disposition("attachment", bundle->filename));
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    return response;
}

} // namespace rekrut::web
