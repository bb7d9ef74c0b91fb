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

Response register_page(AppContext& context, const Request& request, const services::ApplyContext& apply,
                       const std::string& form_key, const domain::ApplicationForm& form,
                       const std::optional<core::Error>& error)
{
    auto held = context.held_uploads.list(form_key);
    const auto base = "/cases/" + std::to_string(apply.case_id);
    return page(
        context, request, "applications/apply", tr(context, request, msgid("Register an application")),
        [&](Dictionary& dictionary) {
            dictionary.SetValue("FORM_KEY", form_key);
            dictionary.SetValue("BACK_HREF", base);
            dictionary.SetValue("BACK_TEXT", tr(context, request, msgid("Back to the case")));
            dictionary.SetValue("HEADING",
                                tr(context, request, msgid("Register an application")) + ": " + apply.title);
            dictionary.SetValue(
                "INTRODUCTION",
                tr(context, request,
                   msgid("Register an application that arrived by post or e-mail, with the date it was "
                         "received. The applicant gets no mail from here; answer them as usual.")));
            dictionary.SetValue("FORM_ACTION", base + "/applications/new");
            dictionary.SetValue("ABOUT_HEADING", tr(context, request, msgid("The applicant")));
            dictionary.SetValue("SUBMIT_TEXT", tr(context, request, msgid("Register the application")));
            dictionary.ShowSection("REGISTER");
            dictionary.ShowSection(request.form_or("channel") == "email" ? "CHANNEL_EMAIL" : "CHANNEL_PAPER");
            keep_value(dictionary, "received_date", request.form_or("received_date"));
            keep_value(dictionary, "received_time", request.form_or("received_time"));
            fill_application_form(dictionary, context, request, apply, form, held, error);
        },
        form_status(error));
}

/// The moment the application arrived, in Copenhagen time; noon when no time is given.
std::optional<core::UnixTime> received_at(const Request& request)
{
    auto time = request.form_or("received_time");
    return core::parse_copenhagen(request.form_or("received_date"), time.empty() ? "12:00" : time);
}

} // namespace

Response show_register_application(AppContext& context, Request& request)
{
    auto apply = context.applications.registration_context(request.actor(), institution_of(request),
                                                           parse_id(request.param("case_id")));
    if (!apply)
        return error_response(context, request, apply.error());
    return register_page(context, request, *apply, core::random_hex(16), {}, std::nullopt);
}

Response submit_register_application(AppContext& context, Request& request)
{
    auto apply = context.applications.registration_context(request.actor(), institution_of(request),
                                                           parse_id(request.param("case_id")));
    if (!apply)
        return error_response(context, request, apply.error());
    auto form_key = request.form_or("form_key");
    if (!services::HeldUploads::valid_key(form_key))
        form_key = core::random_hex(16);
    auto form = read_application_form(request, apply->questions);
    // Sending an application is the applicant's consent to its processing for this position.
    form.consent_processing = true;
    auto refused = hold_uploads(context, form_key, uploaded_files(request));
    if (auto handle = request.form_value("remove_held")) {
        context.held_uploads.remove(form_key, *handle);
        return register_page(context, request, *apply, form_key, form, std::nullopt);
    }
    auto files = held_files(context, form_key);
    // Read once here, for the refusals on the page and for the service, which would read them again.
    auto facts = context.applications.inspect(files);
    auto total = context.applications.check_files(files, facts);
    refused.insert(refused.end(), total.begin(), total.end());
    auto received = received_at(request);
    if (!refused.empty() || !received) {
        auto error = combined_errors(context, request, *apply, form, refused, files);
        if (!received)
            error.fields.push_back({"received_date", msgid("Enter the date received, like 2026-03-01.")});
        return register_page(context, request, *apply, form_key, form, error);
    }
    auto channel = request.form_or("channel") == "email" ? domain::ApplicationChannel::email
                                                         : domain::ApplicationChannel::paper;
    services::Submission submission{apply->case_id, form, files, form_key, request.language, facts};
    auto receipt = context.applications.register_received(request.actor(), institution_of(request),
                                                          submission, channel, *received, request.origin());
    if (!receipt) {
        if (receipt.error().kind == core::ErrorKind::invalid)
            return register_page(context, request, *apply, form_key, form, receipt.error());
        return error_response(context, request, receipt.error());
    }
    context.held_uploads.release(form_key);
    return Response::redirect("/cases/" + std::to_string(apply->case_id) + "/applications?registered=1");
}

} // namespace rekrut::web
