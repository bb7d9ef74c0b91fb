#include "web/public_site/public_site.hpp"

#include <algorithm>
#include <ctemplate/template.h>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "services/open_positions.hpp"
#include "web/app_context.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/views.hpp"

namespace rekrut::web {

Response show_front_page(AppContext& context, Request& request)
{
    // From memory (services::OpenPositions): this handler runs on the event loop for visitors.
    auto snapshot = context.open_positions.current();
    core::UnixTime now = core::now();
    std::vector<domain::OpenPosition> open;
    for (const auto& position : *snapshot)
        if (position.application_deadline > now)
            open.push_back(position);
    auto fill = [&](ctemplate::TemplateDictionary& dictionary) {
        for (const auto& position : open) {
            auto* row = dictionary.AddSectionDictionary("POSITION");
            row->SetValue("POSITION_TITLE", position.title);
            row->SetValue("CASE_ID", std::to_string(position.case_id));
            row->SetValue("INSTITUTION", position.institution_name);
            row->SetValue("PLACE", position.place_of_work);
            row->SetValue("DEADLINE",
                          core::format_date_time(position.application_deadline, request.language));
            row->SetValue("DEADLINE_ISO", core::format_iso_utc(position.application_deadline));
        }
        if (open.empty())
            dictionary.ShowSection("NO_POSITIONS");
        else
            dictionary.SetValueAndShowSection("COUNT", std::to_string(open.size()), "HAS_POSITIONS");
    };
    std::string title = context.translator.translate(request.language, msgid("Open positions"));
    Response response =
        Response::html(context.views.render_page(request, "public_site/front_page", title, fill));
    return response;
}

Response switch_language(AppContext& context, Request& request)
{
    std::string language = request.param("language");
    const auto& supported = Translator::languages();
    if (std::find(supported.begin(), supported.end(), language) == supported.end())
        return Response::html("", 404);
    std::string back = local_path_or(request.query_value("return").value_or("/"), "/");
    Response response = Response::redirect(back);
    response.set_cookie("rekrut_lang", language, 365L * 24 * 3600, true, context.config.secure_cookies);
    return response;
}

} // namespace rekrut::web
