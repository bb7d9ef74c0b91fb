#include <ctemplate/template.h>

#include "core/clock.hpp"
#include "services/applications/applications.hpp"
#include "services/recruitment_case/job_ads.hpp"
#include "web/app_context.hpp"
#include "web/cases/ad_view.hpp"
#include "web/forms.hpp"
#include "web/page_kit.hpp"
#include "web/public_site/public_site.hpp"

namespace rekrut::web {

Response show_public_ad(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto ad = case_id ? context.job_ads.public_ad(case_id, request.language) : std::nullopt;
    if (!ad)
        return not_found(context, request);
    return page(context, request, "public_site/position", ad->title, [&](Dictionary& dictionary) {
        auto* include = dictionary.AddIncludeDictionary("AD");
        include->SetFilename(request.language + "/cases/_ad.tpl");
        fill_ad(*include, *ad, request.language);
        // The same rule as the form and the deadline job, at this instant.
        auto apply = context.applications.apply_context(case_id, core::now());
        dictionary.SetIntValue("CASE_ID", case_id);
        dictionary.ShowSection(apply && apply->accepting ? "ACCEPTING" : "CLOSED");
    });
}

} // namespace rekrut::web
