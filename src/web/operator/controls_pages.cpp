#include "web/operator/controls_pages.hpp"

#include <boost/version.hpp>
#include <ctemplate/template.h>

#include "domain/access/policy.hpp"
#include "services/status/operator_controls.hpp"
#include "web/app_context.hpp"
#include "web/forms.hpp"
#include "web/http_server.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {
namespace {

struct LevelInfo {
    const char* level;
    const char* description;
};

constexpr LevelInfo k_levels[] = {
    {"trace", msgid("Everything below, and the details of each step (for finding a fault; much output).")},
    {"debug", msgid("Everything below, and what background jobs and connections do.")},
    {"info",
     msgid("Everything below, start and stop, migrations, and one line per request (the access log).")},
    {"warn",
     msgid("Errors, and what went wrong but was handled: refused logins, retries, slow outside services.")},
    {"error", msgid("Only errors: failed requests, jobs and deliveries.")},
    {"off", msgid("Nothing.")},
};

Response controls_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto components = services::OperatorControls::linked_components();
    for (auto& component : web_component_versions())
        components.push_back(std::move(component));
    const std::string current = context.controls->log_level();
    return page(
        context, request, "operator/controls", tr(context, request, msgid("Operator controls")),
        [&](Dictionary& dictionary) {
            if (request.query_value("saved"))
                show_notice(dictionary, context, request,
                            msgid("The log level has been changed on every node."));
            dictionary.SetValue("CURRENT_LEVEL", current);
            for (const auto& info : k_levels) {
                auto* option = dictionary.AddSectionDictionary("LEVEL");
                option->SetValue("VALUE", info.level);
                option->SetValue("DESCRIPTION", tr(context, request, info.description));
                if (current == info.level)
                    option->ShowSection("CHECKED");
            }
            for (const auto& component : components) {
                auto* row = dictionary.AddSectionDictionary("COMPONENT");
                row->SetValue("NAME", component.name);
                row->SetValue("VERSION", component.version);
                row->SetValue("SOURCE", tr(context, request,
                                           component.at_run_time ? msgid("as it reports itself at run time")
                                                                 : msgid("the headers it was built with")));
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request,
                                 [](const std::string&) { return std::string("#level-trace"); });
        },
        form_status(error));
}

} // namespace

std::vector<core::ComponentVersion> web_component_versions()
{
    std::string boost = BOOST_LIB_VERSION;
    for (auto& character : boost)
        if (character == '_')
            character = '.';
    return {
        {"libmicrohttpd", microhttpd_version(), true},
        {"ctemplate", REKRUT_CTEMPLATE_VERSION, false},
        {"Boost", boost, false},
    };
}

Response show_operator_controls(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), domain::Action::operate_service))
        return not_found(context, request);
    return controls_page(context, request, std::nullopt);
}

Response submit_log_level(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), domain::Action::operate_service))
        return not_found(context, request);
    auto changed =
        context.controls->change_log_level(request.actor(), request.form_or("level"), request.origin());
    if (!changed) {
        if (changed.error().kind == core::ErrorKind::invalid)
            return controls_page(context, request, changed.error());
        return error_response(context, request, changed.error());
    }
    return Response::redirect("/operator/controls?saved=1");
}

} // namespace rekrut::web
