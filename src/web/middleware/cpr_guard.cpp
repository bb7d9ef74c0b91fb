// The CPR guard on staff forms (middleware.hpp, cpr_guard_middleware).

#include <algorithm>
#include <array>
#include <ctemplate/template.h>
#include <string_view>

#include "core/text.hpp"
#include "domain/free_text/sensitive_text.hpp"
#include "services/audit_trail.hpp"
#include "web/app_context.hpp"
#include "web/audit/audit_labels.hpp"
#include "web/forms.hpp"
#include "web/middleware/middleware.hpp"
#include "web/page_kit.hpp"
#include "web/router.hpp"

namespace rekrut::web {
namespace {

/// The field that carries the confirmation when the form is sent again.
constexpr std::string_view k_confirm_field = "confirm_cpr";

/// Fields never scanned: the CSRF token, secrets and codes, and the free texts whose handlers warn
/// about CPR numbers and sensitive words themselves (assessment notes and comments).
bool skipped_field(std::string_view name)
{
    constexpr std::array<std::string_view, 5> k_skipped{"csrf_token", "note", "comment", "code",
                                                        "confirm_sensitive"};
    for (auto skipped : k_skipped)
        if (name == skipped)
            return true;
    return name.find("password") != std::string_view::npos || name == k_confirm_field;
}

bool has_files(const Request& request)
{
    auto type = request.header("Content-Type");
    return !request.files.empty() || (type && core::ascii_lower(*type).rfind("multipart/", 0) == 0);
}

/// The fields whose values hold what looks like a CPR number, each named once, in form order.
std::vector<std::string> fields_with_cpr(const Request& request)
{
    std::vector<std::string> found;
    for (const auto& [name, value] : request.form) {
        if (skipped_field(name) || value.size() < 10)
            continue;
        if (domain::find_cpr_numbers(value).empty())
            continue;
        if (std::find(found.begin(), found.end(), name) == found.end())
            found.push_back(name);
    }
    return found;
}

/// The page the form was sent from, when it is one of ours; else the home page.
std::string back_path(const AppContext& context, const Request& request)
{
    std::string referer = request.header("Referer").value_or("");
    const std::string& origin = context.config.public_url;
    if (!origin.empty() && referer.rfind(origin, 0) == 0)
        referer.erase(0, origin.size());
    return local_path_or(referer, "/home");
}

Response warning_page(AppContext& context, const Request& request, const std::vector<std::string>& fields)
{
    auto response = page(
        context, request, "partials/cpr_warning", tr(context, request, core::msgid("Check the text")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            dictionary.SetValue("ACTION", request.path);
            dictionary.SetValue("BACK_HREF", back_path(context, request));
            for (const auto& field : fields) {
                auto* item = dictionary.AddSectionDictionary("FIELD");
                const char* label = audit::field_label(field);
                item->SetValue("LABEL", label ? tr(context, request, label) : field);
            }
            for (const auto& [name, value] : request.form) {
                if (name == "csrf_token" || name == k_confirm_field)
                    continue;
                auto* hidden = dictionary.AddSectionDictionary("HIDDEN");
                hidden->SetValue("NAME", name);
                hidden->SetValue("VALUE", value);
            }
        },
        400);
    response.set_header("Cache-Control", "no-store");
    return response;
}

} // namespace

Middleware cpr_guard_middleware(AppContext& context)
{
    return [&context](Request& request, const Next& next) {
        if (!request.is_state_changing() || !request.session || !request.route ||
            request.route->guard == Guard::public_access || has_files(request))
            return next(request);
        auto fields = fields_with_cpr(request);
        if (fields.empty())
            return next(request);
        if (request.form_or(std::string(k_confirm_field)) != "1")
            return warning_page(context, request, fields);
        Response response = next(request);
        // Only a change that went through is recorded as saved despite the warning.
        if (response.status < 400)
            context.audit_trail.record_cpr_confirmed(request.actor(), request.route->pattern, fields,
                                                     request.origin());
        return response;
    };
}

} // namespace rekrut::web
