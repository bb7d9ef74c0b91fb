// The free-text guard on staff forms (middleware.hpp, free_text_guard_middleware).

#include <algorithm>
#include <ctemplate/template.h>
#include <string_view>

#include "core/text.hpp"
#include "services/audit_trail.hpp"
#include "web/app_context.hpp"
#include "web/audit/audit_labels.hpp"
#include "web/forms.hpp"
#include "web/middleware/free_text_scan.hpp"
#include "web/middleware/middleware.hpp"
#include "web/page_kit.hpp"
#include "web/router.hpp"

namespace rekrut::web {
namespace {

/// The field that carries the confirmation when the form is sent again.
constexpr std::string_view k_confirm_field = "confirm_free_text";

bool has_files(const Request& request)
{
    auto type = request.header("Content-Type");
    return !request.files.empty() || (type && core::ascii_lower(*type).rfind("multipart/", 0) == 0);
}

/// What the warning calls a kind of finding.
const char* kind_label(domain::SensitiveKind kind)
{
    switch (kind) {
    case domain::SensitiveKind::cpr_number: return core::msgid("CPR number");
    case domain::SensitiveKind::health: return core::msgid("health");
    case domain::SensitiveKind::trade_union: return core::msgid("trade union membership");
    case domain::SensitiveKind::religion: return core::msgid("religion or belief");
    case domain::SensitiveKind::political_opinion: return core::msgid("political opinion");
    case domain::SensitiveKind::ethnic_origin: return core::msgid("ethnic origin");
    case domain::SensitiveKind::sexual_orientation: return core::msgid("sexual orientation");
    case domain::SensitiveKind::criminal_offence: return core::msgid("criminal offences");
    }
    return core::msgid("sensitive data");
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

Response warning_page(AppContext& context, const Request& request, const std::vector<FieldFindings>& findings)
{
    auto response = page(
        context, request, "partials/free_text_warning", tr(context, request, core::msgid("Check the text")),
        [&](ctemplate::TemplateDictionary& dictionary) {
            dictionary.SetValue("ACTION", request.path);
            dictionary.SetValue("BACK_HREF", back_path(context, request));
            for (const auto& finding : findings) {
                auto* item = dictionary.AddSectionDictionary("FIELD");
                const char* label = audit::field_label(std::string(field_family(finding.field)));
                item->SetValue("LABEL", label ? tr(context, request, label) : finding.field);
                std::string kinds;
                for (auto kind : finding.kinds)
                    kinds += (kinds.empty() ? "" : ", ") + tr(context, request, kind_label(kind));
                item->SetValue("KINDS", kinds);
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

Middleware free_text_guard_middleware(AppContext& context)
{
    return [&context](Request& request, const Next& next) {
        if (!request.is_state_changing() || !request.session || !request.route ||
            request.route->guard == Guard::public_access || has_files(request))
            return next(request);
        auto findings = free_text_findings(request.form);
        if (findings.empty())
            return next(request);
        if (request.form_or(std::string(k_confirm_field)) != "1")
            return warning_page(context, request, findings);
        Response response = next(request);
        // Only a change that went through is recorded as saved despite the warning.
        if (response.status < 400) {
            std::vector<std::string> fields;
            std::vector<std::string> kinds;
            for (const auto& finding : findings) {
                fields.push_back(finding.field);
                for (auto kind : finding.kinds) {
                    std::string name(domain::to_string(kind));
                    if (std::find(kinds.begin(), kinds.end(), name) == kinds.end())
                        kinds.push_back(name);
                }
            }
            context.audit_trail.record_sensitive_confirmed(request.actor(), request.route->pattern, fields,
                                                           kinds, request.origin());
        }
        return response;
    };
}

} // namespace rekrut::web
