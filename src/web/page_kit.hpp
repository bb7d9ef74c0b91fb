#pragma once

// The helpers every handler uses: translate, render a page, answer "not found", show a notice, and
// the status of a form page from the error it shows. Handlers include this instead of writing
// their own, so no handler hard-codes a status.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "web/error_pages.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace ctemplate {
class TemplateDictionary;
}

namespace rekrut::web {

struct AppContext;
using Dictionary = ctemplate::TemplateDictionary;

/// A message id in the request's language.
std::string tr(const AppContext& context, const Request& request, const std::string& message);

/// Translates message ids into `language`, for text composed outside the page (mails).
std::function<std::string(const std::string&)> translator_in(const AppContext& context, std::string language);

/// The institution whose data the signed-in actor works on (0 when none: such a request finds
/// nothing, since every store call is scoped by it).
std::int64_t institution_of(const Request& request);

/// A page from `templates/<name>.tpl` inside the layout.
Response page(AppContext& context, const Request& request, const std::string& name, const std::string& title,
              const std::function<void(Dictionary&)>& fill, unsigned status = 200);

/// 200 for a form shown fresh; for a form shown again with the error that refused it, the status
/// of that error's kind (400 for invalid input, 409 for a conflict, ...), from status_for.
unsigned form_status(const std::optional<core::Error>& error);

/// The localized 404 page.
Response not_found(const AppContext& context, const Request& request);

/// Shows `message` (a msgid) in the page's notice banner (section HAS_NOTICE with NOTICE).
void show_notice(Dictionary& dictionary, const AppContext& context, const Request& request,
                 const std::string& message);

/// After a form's POST: 303 to `success`; the form again with the problems marked when the input
/// was refused (status from form_status); otherwise the error page.
template <typename Form>
Response after_submit(AppContext& context, Request& request, const core::Status& result, Form form,
                      const std::string& success);

template <typename Form>
Response after_submit(AppContext& context, Request& request, const core::Status& result, Form form,
                      const std::string& success)
{
    if (result)
        return Response::redirect(success);
    if (result.error().kind == core::ErrorKind::invalid)
        return form(context, request, result.error());
    return error_response(context, request, result.error());
}

} // namespace rekrut::web
