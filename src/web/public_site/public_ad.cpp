#include <algorithm>
#include <ctemplate/template.h>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "services/open_positions.hpp"
#include "web/app_context.hpp"
#include "web/cases/ad_view.hpp"
#include "web/forms.hpp"
#include "web/page_kit.hpp"
#include "web/public_site/career_cache.hpp"
#include "web/public_site/public_site.hpp"
#include "web/views.hpp"

namespace rekrut::web {
namespace {

/// "Demovej 1, 1000 København K" as a postal address: street, postal code and town where the text
/// ends in a Danish four-digit postal code and town, otherwise the whole text as the street.
nlohmann::json postal_address(const std::string& place)
{
    nlohmann::json address = {{"@type", "PostalAddress"}, {"addressCountry", "DK"}};
    static const std::regex with_postal_code(R"(^(.*?),?\s*(\d{4})\s+([^,\d][^,]*)$)");
    std::smatch match;
    if (std::regex_match(place, match, with_postal_code)) {
        if (match[1].length() > 0)
            address["streetAddress"] = match[1].str();
        address["postalCode"] = match[2].str();
        address["addressLocality"] = match[3].str();
    } else {
        address["streetAddress"] = place;
    }
    return address;
}

/// schema.org JobPosting with every property Google's job search requires (title, description,
/// datePosted, validThrough, hiringOrganization, jobLocation with its address) and employmentType.
/// There is no structured salary yet (the salary is free text), so baseSalary is left out.
std::string job_posting_json(const AppContext& context, const domain::OpenPosition& position,
                             const services::RenderedAd& ad, const std::string& url)
{
    std::string description = ad.body_html;
    for (const auto& block : ad.blocks_html)
        description += block;
    nlohmann::json employment = nlohmann::json::array({position.full_time ? "FULL_TIME" : "PART_TIME"});
    if (position.employment_form != "permanent")
        employment.push_back("TEMPORARY");
    nlohmann::json posting = {
        {"@context", "https://schema.org/"},
        {"@type", "JobPosting"},
        {"title", ad.title},
        {"description", description},
        {"datePosted", core::format_iso_utc(position.published_at)},
        {"validThrough", core::format_iso_utc(position.application_deadline)},
        {"employmentType", employment},
        {"hiringOrganization",
         {{"@type", "Organization"},
          {"name", position.institution_name},
          {"url", absolute_url(context, "/institutions/" + std::to_string(position.institution_id))}}},
        {"jobLocation", {{"@type", "Place"}, {"address", postal_address(position.place_of_work)}}},
        {"identifier",
         {{"@type", "PropertyValue"},
          {"name", position.institution_name},
          {"value", std::to_string(position.case_id)}}},
        {"url", url},
        {"directApply", true},
        {"inLanguage", ad.language},
    };
    if (ad.record.positions > 1)
        posting["totalJobOpenings"] = ad.record.positions;
    // Inside <script>: no "</script>" or "<!--" may appear, so <, > and & are written as escapes.
    std::string text = posting.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string escaped;
    escaped.reserve(text.size());
    for (char ch : text) {
        if (ch == '<')
            escaped += "\\u003c";
        else if (ch == '>')
            escaped += "\\u003e";
        else if (ch == '&')
            escaped += "\\u0026";
        else
            escaped += ch;
    }
    return escaped;
}

/// The first sentences of the ad as plain text, for the description in link previews.
std::string summary_of(const services::RenderedAd& ad)
{
    std::string text;
    bool in_tag = false;
    for (char ch : ad.body_html) {
        if (ch == '<')
            in_tag = true;
        else if (ch == '>') {
            in_tag = false;
            text += ' ';
        } else if (!in_tag)
            text += ch;
    }
    std::string collapsed;
    for (char ch : text) {
        bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
        if (space && (collapsed.empty() || collapsed.back() == ' '))
            continue;
        collapsed += space ? ' ' : ch;
    }
    if (collapsed.size() > 200) {
        std::size_t end = 200;
        while (end > 0 && (static_cast<unsigned char>(collapsed[end]) & 0xC0) == 0x80)
            --end;
        collapsed = collapsed.substr(0, end) + "…";
    }
    return collapsed;
}

} // namespace

Response show_public_ad(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    if (!case_id)
        return not_found(context, request);
    std::string key = "/positions/" + std::to_string(case_id);
    return serve_career_page(context, request, key, [&](const services::CareerSiteSnapshot& snapshot) {
        // Only a published position before its deadline, checked at this instant.
        const auto* position = snapshot.open_position(case_id, core::now());
        auto ad_entry = position ? snapshot.ads.find(case_id) : snapshot.ads.end();
        if (!position || ad_entry == snapshot.ads.end())
            return not_found(context, request);
        const auto& ad = ad_entry->second->in(request.language);
        std::string url = absolute_url(context, key);
        auto presentation = snapshot.presentation(position->institution_id, ad.language);
        // Not twice: a required presentation text is usually among the ad's own texts already.
        if (std::find(ad.blocks_html.begin(), ad.blocks_html.end(), presentation) != ad.blocks_html.end())
            presentation.clear();
        auto fill = [&](Dictionary& dictionary) {
            auto* include = dictionary.AddIncludeDictionary("AD");
            include->SetFilename(request.language + "/cases/_ad.tpl");
            fill_ad(*include, ad, request.language);
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetIntValue("INSTITUTION_ID", position->institution_id);
            dictionary.SetValue("INSTITUTION_NAME", position->institution_name);
            if (presentation.empty())
                dictionary.ShowSection("NO_PRESENTATION");
            else // sanitized when the text was saved; shown as HTML on purpose
                dictionary.SetValueAndShowSection("PRESENTATION", presentation, "HAS_PRESENTATION");
        };
        auto fill_head = [&](Dictionary& head) {
            head.SetValue("CANONICAL_URL", url);
            head.SetValue("OG_TITLE", ad.title + " · " + position->institution_name);
            head.SetValue("OG_DESCRIPTION", summary_of(ad));
            head.SetValue("OG_LOCALE", ad.language == "en" ? "en_GB" : "da_DK");
            head.SetValue("JSON_LD", job_posting_json(context, *position, ad, url));
        };
        return Response::html(context.views.render_page(request, "public_site/position", ad.title, fill,
                                                        "public_site/_position_head", fill_head));
    });
}

} // namespace rekrut::web
