#include "web/public_site/public_site.hpp"

#include <algorithm>
#include <ctemplate/template.h>
#include <map>
#include <optional>
#include <set>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "domain/recruitment_case/position_search.hpp"
#include "services/open_positions.hpp"
#include "web/app_context.hpp"
#include "web/cases/reference_data.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"
#include "web/public_site/career_cache.hpp"
#include "web/views.hpp"

namespace rekrut::web {

const char* employment_form_name(const std::string& form)
{
    if (form == "fixed_term")
        return msgid("Fixed term");
    if (form == "aaremaal")
        return msgid("Åremål (fixed-term senior post)");
    return msgid("Permanent");
}

std::string absolute_url(const AppContext& context, const std::string& path)
{
    std::string base = context.config.public_url;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base + path;
}

namespace {

domain::PositionSearch search_of(const Request& request)
{
    return domain::parse_position_search([&request](const char* name) { return request.query_value(name); });
}

std::string with_page(const std::string& path, const std::string& query, int page)
{
    std::string full = query;
    if (page > 1)
        full += (full.empty() ? "" : "&") + std::string("page=") + std::to_string(page);
    return full.empty() ? path : path + "?" + full;
}

/// The list of open positions: all of them, or one institution's (`institution_id`), searched,
/// filtered, sorted and paged as the query asks. Rendered from memory.
Response render_list(AppContext& context, const Request& request,
                     const services::CareerSiteSnapshot& snapshot, domain::PositionSearch search,
                     std::optional<std::int64_t> institution_id)
{
    const std::string& language = request.language;
    std::size_t first_open = snapshot.expired_at(core::now());
    std::string list_path = institution_id ? "/institutions/" + std::to_string(*institution_id) : "/";
    if (institution_id)
        search.institution_id = institution_id;
    auto result = domain::search_positions(snapshot.positions, first_open, search);
    std::string query = canonical_query(search, !institution_id);
    std::string institution_name;
    if (institution_id)
        institution_name = snapshot.institutions.at(*institution_id);
    std::string feed_path = institution_id ? list_path + "/feed.atom" : "/feed.atom";

    auto fill = [&](Dictionary& dictionary) {
        dictionary.SetValue("LIST_PATH", list_path);
        dictionary.SetValue("FEED_PATH", feed_path);
        dictionary.SetValue("SEARCH_TEXT", search.text);
        if (institution_id) {
            dictionary.ShowSection("ONE_INSTITUTION");
            dictionary.SetValue("INSTITUTION_NAME", institution_name);
            auto presentation = snapshot.presentation(*institution_id, language);
            if (!presentation.empty()) // sanitized when the text was saved; shown as HTML on purpose
                dictionary.SetValueAndShowSection("PRESENTATION", presentation, "HAS_PRESENTATION");
        } else {
            dictionary.ShowSection("ALL");
        }
        // The choices come from the open positions, so that no choice leads to an empty list.
        std::map<std::string, std::int64_t> institutions;
        std::set<std::string> categories;
        std::set<std::string> forms;
        std::map<std::string, std::string> municipalities; // by name

        for (std::size_t index = first_open; index < snapshot.positions.size(); ++index) {
            const auto& position = snapshot.positions[index];
            institutions.emplace(position.institution_name, position.institution_id);
            if (institution_id && position.institution_id != *institution_id)
                continue;
            if (!position.position_category.empty())
                categories.insert(position.position_category);
            forms.insert(position.employment_form);
            if (const auto* municipality = municipality_by_code(position.municipality_code))
                municipalities.emplace(std::string(municipality->name), position.municipality_code);
        }
        if (const auto* chosen = municipality_by_code(search.municipality))
            municipalities.emplace(std::string(chosen->name), search.municipality);
        if (!municipalities.empty())
            dictionary.ShowSection("HAS_MUNICIPALITIES");
        for (const auto& [name, code] : municipalities) {
            auto* option = dictionary.AddSectionDictionary("MUNICIPALITY_OPTION");
            option->SetValue("VALUE", code);
            option->SetValue("LABEL", name);
            if (search.municipality == code)
                option->ShowSection("SELECTED");
        }
        for (const auto& [name, id] : institutions) {
            auto* option = dictionary.AddSectionDictionary("INSTITUTION_OPTION");
            option->SetValue("VALUE", std::to_string(id));
            option->SetValue("LABEL", name);
            if (search.institution_id == id)
                option->ShowSection("SELECTED");
        }
        for (const char* form : {"permanent", "fixed_term", "aaremaal"}) {
            if (!forms.count(form) && search.employment_form != form)
                continue;
            auto* option = dictionary.AddSectionDictionary("FORM_OPTION");
            option->SetValue("VALUE", form);
            option->SetValue("LABEL", tr(context, request, employment_form_name(form)));
            if (search.employment_form == form)
                option->ShowSection("SELECTED");
        }
        if (!search.category.empty())
            categories.insert(search.category);
        if (!categories.empty())
            dictionary.ShowSection("HAS_CATEGORIES");
        for (const auto& category : categories) {
            auto* option = dictionary.AddSectionDictionary("CATEGORY_OPTION");
            option->SetValue("VALUE", category);
            option->SetValue("LABEL", category);
            if (search.category == category)
                option->ShowSection("SELECTED");
        }
        dictionary.ShowSection(search.sort == domain::PositionSort::newest ? "SORT_NEWEST" : "SORT_DEADLINE");
        for (const auto* position : result.positions) {
            auto* row = dictionary.AddSectionDictionary("POSITION");
            row->SetValue("POSITION_TITLE", position->title);
            row->SetValue("CASE_ID", std::to_string(position->case_id));
            row->SetValue("INSTITUTION", position->institution_name);
            row->SetValue("INSTITUTION_ID", std::to_string(position->institution_id));
            row->SetValue("PLACE", position->place_of_work);
            row->SetValue("DEADLINE", core::format_date_time(position->application_deadline, language));
            row->SetValue("DEADLINE_ISO", core::format_iso_utc(position->application_deadline));
        }
        bool filtered = !query.empty();
        if (result.total > 0)
            dictionary.SetValueAndShowSection("COUNT", std::to_string(result.total), "HAS_POSITIONS");
        else
            dictionary.ShowSection(filtered ? "NO_MATCH" : "NO_POSITIONS");
        if (result.pages > 1) {
            dictionary.ShowSection("PAGER");
            dictionary.SetValue("PAGE", std::to_string(result.page));
            dictionary.SetValue("PAGES", std::to_string(result.pages));
            if (result.page > 1)
                dictionary.SetValueAndShowSection(
                    "PREVIOUS_URL", with_page(list_path, query, result.page - 1), "HAS_PREVIOUS");
            if (result.page < result.pages)
                dictionary.SetValueAndShowSection("NEXT_URL", with_page(list_path, query, result.page + 1),
                                                  "HAS_NEXT");
        }
    };
    std::string title = institution_id ? institution_name : tr(context, request, msgid("Open positions"));
    auto fill_head = [&](Dictionary& head) {
        head.SetValue("FEED_TITLE", title);
        head.SetValue("FEED_URL", absolute_url(context, feed_path));
        head.SetValue("CANONICAL_URL", absolute_url(context, with_page(list_path, query, result.page)));
        head.SetValue("OG_TITLE", title);
        head.SetValue("OG_DESCRIPTION",
                      tr(context, request,
                         msgid("Positions in Danish state institutions that you can apply for now.")));
        head.SetValue("OG_LOCALE", language == "en" ? "en_GB" : "da_DK");
    };
    return Response::html(context.views.render_page(request, "public_site/front_page", title, fill,
                                                    "public_site/_list_head", fill_head));
}

/// The cache key of a list: its path and the canonical form of its query, with the page.
std::string list_key(const std::string& path, const domain::PositionSearch& search, bool with_institution)
{
    return path + "?" + canonical_query(search, with_institution) + "#" + std::to_string(search.page);
}

} // namespace

Response show_front_page(AppContext& context, Request& request)
{
    // From memory (services::OpenPositions): for visitors this runs on the event loop.
    auto search = search_of(request);
    return serve_career_page(context, request, list_key("/", search, true), [&](const auto& snapshot) {
        return render_list(context, request, snapshot, search, std::nullopt);
    });
}

Response show_institution_positions(AppContext& context, Request& request)
{
    auto institution_id = parse_id(request.param("institution_id"));
    auto search = search_of(request);
    std::string path = "/institutions/" + std::to_string(institution_id);
    return serve_career_page(context, request, list_key(path, search, false), [&](const auto& snapshot) {
        if (!institution_id || !snapshot.institutions.count(institution_id))
            return not_found(context, request);
        return render_list(context, request, snapshot, search, institution_id);
    });
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
