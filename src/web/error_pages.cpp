#include "web/error_pages.hpp"

#include <ctemplate/template.h>

#include "web/app_context.hpp"
#include "web/i18n.hpp"
#include "web/request.hpp"
#include "web/views.hpp"

namespace rekrut::web {

unsigned status_for(core::ErrorKind kind)
{
    switch (kind) {
    case core::ErrorKind::invalid: return 400;
    case core::ErrorKind::unauthorized: return 401;
    case core::ErrorKind::forbidden: return 403;
    case core::ErrorKind::not_found: return 404;
    case core::ErrorKind::conflict: return 409;
    case core::ErrorKind::too_large: return 413;
    case core::ErrorKind::unavailable: return 503;
    }
    return 500;
}

namespace {

struct StatusText {
    unsigned status;
    const char* title;
    const char* explanation;
};

constexpr StatusText k_texts[] = {
    {400, msgid("The request could not be understood"), msgid("Check what you entered and try again.")},
    {401, msgid("Please log in"), msgid("You must log in to see this page.")},
    {403, msgid("Access denied"),
     msgid("You do not have access to this page, or the form had expired. Go back, reload the page and try "
           "again.")},
    {404, msgid("Page not found"), msgid("The page does not exist, or you do not have access to it.")},
    {405, msgid("Action not allowed"), msgid("This page cannot be used that way.")},
    {409, msgid("The change could not be saved"),
     msgid("Someone else changed the same thing. Reload the page and try again.")},
    {413, msgid("The upload is too large"), msgid("The file or form you sent is larger than allowed.")},
    {415, msgid("Files are not accepted here"),
     msgid("This form does not take files. Go back and send it without files.")},
    {500, msgid("Something went wrong"),
     msgid("An error occurred on our side. Please try again. If it happens again, contact support and give "
           "the error "
           "reference.")},
    {501, msgid("Not supported"), msgid("The server does not support the way this request was sent.")},
    {503, msgid("Temporarily unavailable"),
     msgid("The service is temporarily unavailable. Please try again in a few minutes.")},
};

} // namespace

Response error_page(const AppContext& context, const Request& request, unsigned status,
                    const std::string& detail)
{
    auto text_for = [](unsigned wanted) {
        for (const auto& candidate : k_texts)
            if (candidate.status == wanted)
                return &candidate;
        return static_cast<const StatusText*>(nullptr);
    };
    const StatusText* text = text_for(status);
    if (!text)
        text = text_for(500);
    const auto& translator = context.translator;
    std::string title = translator.translate(request.language, text->title);
    auto fill = [&](ctemplate::TemplateDictionary& page) {
        page.SetValue("STATUS", std::to_string(status));
        page.SetValue("EXPLANATION", translator.translate(request.language, text->explanation));
        if (!detail.empty())
            page.SetValueAndShowSection("DETAIL", translator.translate(request.language, detail),
                                        "HAS_DETAIL");
    };
    Response response =
        Response::html(context.views.render_page(request, "errors/error", title, fill), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response error_response(const AppContext& context, const Request& request, const core::Error& error)
{
    return error_page(context, request, status_for(error.kind), error.message);
}

} // namespace rekrut::web
