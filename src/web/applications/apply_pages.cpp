#include <ctemplate/template.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "services/applications/applications.hpp"
#include "services/applications/held_uploads.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_form_view.hpp"
#include "web/applications/application_pages.hpp"
#include "web/forms.hpp"

namespace rekrut::web {

using core::msgid;

namespace {

Response closed_page(AppContext& context, const Request& request, const services::ApplyContext& apply,
                     unsigned status)
{
    return page(
        context, request, "applications/closed", apply.title,
        [&](Dictionary& dictionary) { dictionary.SetValue("POSITION_TITLE", apply.title); }, status);
}

Response apply_page(AppContext& context, const Request& request, const services::ApplyContext& apply,
                    const std::string& form_key, const domain::ApplicationForm& form,
                    const std::optional<core::Error>& error)
{
    auto held = context.held_uploads.list(form_key);
    return page(
        context, request, "applications/apply", tr(context, request, msgid("Apply for")) + " " + apply.title,
        [&](Dictionary& dictionary) {
            dictionary.SetValue("FORM_KEY", form_key);
            const auto case_path = "/positions/" + std::to_string(apply.case_id);
            dictionary.SetValue("BACK_HREF", case_path);
            dictionary.SetValue("BACK_TEXT", tr(context, request, msgid("Back to the ad")));
            dictionary.SetValue("HEADING", tr(context, request, msgid("Apply for")) + " " + apply.title);
            dictionary.SetValue(
                "INTRODUCTION",
                tr(context, request,
                   msgid("Fields marked (required) must be filled in. Your application is sent only "
                         "when you press Send application at the bottom.")));
            dictionary.SetValue("FORM_ACTION", case_path + "/apply");
            dictionary.SetValue("ABOUT_HEADING", tr(context, request, msgid("About you")));
            dictionary.SetValue("SUBMIT_TEXT", tr(context, request, msgid("Send application")));
            fill_application_form(dictionary, context, request, apply, form, held, error);
        },
        form_status(error));
}

} // namespace

Response show_apply_form(AppContext& context, Request& request)
{
    auto apply = context.applications.apply_context(parse_id(request.param("case_id")), core::now());
    if (!apply)
        return not_found(context, request);
    if (!apply->accepting)
        return closed_page(context, request, *apply, 200);
    return apply_page(context, request, *apply, core::random_hex(16), {}, std::nullopt);
}

Response submit_application(AppContext& context, Request& request)
{
    auto apply = context.applications.apply_context(parse_id(request.param("case_id")), core::now());
    if (!apply)
        return not_found(context, request);
    if (!apply->accepting)
        return closed_page(context, request, *apply, 409);
    auto form_key = request.form_or("form_key");
    if (!services::HeldUploads::valid_key(form_key))
        form_key = core::random_hex(16);
    auto form = read_application_form(request, apply->questions);
    auto refused = hold_uploads(context, form_key, uploaded_files(request));
    if (auto handle = request.form_value("remove_held")) {
        context.held_uploads.remove(form_key, *handle);
        return apply_page(context, request, *apply, form_key, form, std::nullopt);
    }
    auto files = held_files(context, form_key);
    // Read once here, for the refusals on the page and for the service, which would read them again.
    auto facts = context.applications.inspect(files);
    auto total = context.applications.check_files(files, facts);
    refused.insert(refused.end(), total.begin(), total.end());
    if (!refused.empty())
        return apply_page(context, request, *apply, form_key, form,
                          combined_errors(context, request, *apply, form, refused, files));
    services::Submission submission{apply->case_id, form, files, form_key, request.language, facts};
    auto receipt = context.applications.submit(submission, request.origin());
    if (!receipt) {
        if (receipt.error().kind == core::ErrorKind::invalid)
            return apply_page(context, request, *apply, form_key, form, receipt.error());
        if (receipt.error().kind == core::ErrorKind::conflict)
            return closed_page(context, request, *apply, 409);
        return error_response(context, request, receipt.error());
    }
    context.held_uploads.release(form_key);
    return Response::redirect("/positions/" + std::to_string(apply->case_id) + "/apply/receipt/" + form_key);
}

Response show_application_receipt(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto form_key = request.param("form_key");
    auto receipt = services::HeldUploads::valid_key(form_key)
                       ? context.applications.receipt(case_id, form_key)
                       : std::nullopt;
    if (!receipt)
        return not_found(context, request);
    auto response = page(context, request, "applications/receipt", tr(context, request, msgid("Receipt")),
                         [&](Dictionary& dictionary) {
                             dictionary.SetValue("POSITION_TITLE", receipt->title);
                             dictionary.SetValue("REFERENCE", receipt->reference);
                             dictionary.SetValue("EMAIL", receipt->email);
                         });
    response.set_header("Cache-Control", "no-store");
    return response;
}

} // namespace rekrut::web
