#include "web/page_kit.hpp"

#include <ctemplate/template.h>

#include "web/app_context.hpp"
#include "web/i18n.hpp"
#include "web/views.hpp"

namespace rekrut::web {

std::string tr(const AppContext& context, const Request& request, const std::string& message)
{
    return context.translator.translate(request.language, message);
}

std::function<std::string(const std::string&)> translator_in(const AppContext& context, std::string language)
{
    return [&context, language = std::move(language)](const std::string& message) {
        return context.translator.translate(language, message);
    };
}

std::int64_t institution_of(const Request& request)
{
    return request.actor().data_institution().value_or(0);
}

Response page(AppContext& context, const Request& request, const std::string& name, const std::string& title,
              const std::function<void(Dictionary&)>& fill, unsigned status)
{
    return Response::html(context.views.render_page(request, name, title, fill), status);
}

unsigned form_status(const std::optional<core::Error>& error)
{
    return error ? status_for(error->kind) : 200;
}

Response not_found(const AppContext& context, const Request& request)
{
    return error_page(context, request, 404);
}

void show_notice(Dictionary& dictionary, const AppContext& context, const Request& request,
                 const std::string& message)
{
    dictionary.SetValueAndShowSection("NOTICE", tr(context, request, message), "HAS_NOTICE");
}

} // namespace rekrut::web
