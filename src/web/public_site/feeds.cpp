// The career site for machines: Atom feeds (all positions and one institution's) and sitemap.xml,
// rendered from the in-memory snapshot and cached like the pages.

#include <algorithm>
#include <optional>
#include <set>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "core/text.hpp"
#include "services/open_positions.hpp"
#include "web/app_context.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"
#include "web/public_site/career_cache.hpp"
#include "web/public_site/public_site.hpp"

namespace rekrut::web {
namespace {

/// The most entries in a feed: readers poll it for what is new.
constexpr std::size_t k_feed_entries = 100;

std::string xml(const std::string& text)
{
    return core::html_escape(text);
}

Response xml_response(std::string body, const char* content_type)
{
    Response response = Response::text(std::move(body));
    response.content_type = content_type;
    return response;
}

/// An Atom feed of the open positions (of one institution when `institution_id` is set), newest first.
Response render_feed(AppContext& context, const Request& request,
                     const services::CareerSiteSnapshot& snapshot, std::optional<std::int64_t> institution_id)
{
    core::UnixTime now = core::now();
    std::vector<const domain::OpenPosition*> entries;
    for (std::size_t index = snapshot.expired_at(now); index < snapshot.positions.size(); ++index)
        if (!institution_id || snapshot.positions[index].institution_id == *institution_id)
            entries.push_back(&snapshot.positions[index]);
    std::stable_sort(entries.begin(), entries.end(), [](const auto* left, const auto* right) {
        return left->published_at != right->published_at ? left->published_at > right->published_at
                                                         : left->case_id > right->case_id;
    });
    if (entries.size() > k_feed_entries)
        entries.resize(k_feed_entries);
    std::string list_path = institution_id ? "/institutions/" + std::to_string(*institution_id) : "/";
    std::string feed_path = institution_id ? list_path + "/feed.atom" : "/feed.atom";
    std::string title = tr(context, request, msgid("Open positions"));
    if (institution_id)
        title += " · " + snapshot.institutions.at(*institution_id);
    core::UnixTime updated = 0;
    for (const auto* entry : entries)
        updated = std::max({updated, entry->published_at, entry->updated_at});

    std::string body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                       "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
                       request.language + "\">\n";
    body += "<id>" + xml(absolute_url(context, feed_path)) + "</id>\n";
    body += "<title>" + xml(title) + "</title>\n";
    body += "<updated>" + core::format_iso_utc(updated) + "</updated>\n";
    body += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" +
            xml(absolute_url(context, feed_path)) + "\"/>\n";
    body += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml(absolute_url(context, list_path)) +
            "\"/>\n";
    body += "<author><name>Rekrut</name></author>\n";
    std::string deadline_label = tr(context, request, msgid("Application deadline"));
    for (const auto* entry : entries) {
        std::string url = absolute_url(context, "/positions/" + std::to_string(entry->case_id));
        std::string summary = entry->institution_name + ". " + entry->place_of_work + ". " + deadline_label +
                              ": " + core::format_date_time(entry->application_deadline, request.language);
        body += "<entry>\n<id>" + xml(url) + "</id>\n";
        body += "<title>" + xml(entry->title) + "</title>\n";
        body += "<updated>" + core::format_iso_utc(std::max(entry->updated_at, entry->published_at)) +
                "</updated>\n";
        body += "<published>" + core::format_iso_utc(entry->published_at) + "</published>\n";
        body += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml(url) + "\"/>\n";
        body += "<author><name>" + xml(entry->institution_name) + "</name></author>\n";
        body += "<summary>" + xml(summary) + "</summary>\n</entry>\n";
    }
    body += "</feed>\n";
    return xml_response(std::move(body), "application/atom+xml; charset=utf-8");
}

} // namespace

Response show_feed(AppContext& context, Request& request)
{
    return serve_career_page(context, request, "/feed.atom",
                             [&](const services::CareerSiteSnapshot& snapshot) {
                                 return render_feed(context, request, snapshot, std::nullopt);
                             });
}

Response show_institution_feed(AppContext& context, Request& request)
{
    auto institution_id = parse_id(request.param("institution_id"));
    std::string key = "/institutions/" + std::to_string(institution_id) + "/feed.atom";
    return serve_career_page(context, request, key, [&](const services::CareerSiteSnapshot& snapshot) {
        if (!institution_id || !snapshot.institutions.count(institution_id))
            return not_found(context, request);
        return render_feed(context, request, snapshot, institution_id);
    });
}

Response show_sitemap(AppContext& context, Request& request)
{
    return serve_career_page(
        context, request, "/sitemap.xml", [&](const services::CareerSiteSnapshot& snapshot) {
            std::string body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                               "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
            auto add = [&body](const std::string& url, std::optional<core::UnixTime> modified) {
                body += "<url><loc>" + xml(url) + "</loc>";
                if (modified && *modified > 0)
                    body += "<lastmod>" + core::format_iso_utc(*modified) + "</lastmod>";
                body += "</url>\n";
            };
            add(absolute_url(context, "/"), std::nullopt);
            std::set<std::int64_t> institutions;
            core::UnixTime now = core::now();
            for (std::size_t index = snapshot.expired_at(now); index < snapshot.positions.size(); ++index)
                institutions.insert(snapshot.positions[index].institution_id);
            for (auto institution_id : institutions)
                add(absolute_url(context, "/institutions/" + std::to_string(institution_id)), std::nullopt);
            for (std::size_t index = snapshot.expired_at(now); index < snapshot.positions.size(); ++index) {
                const auto& position = snapshot.positions[index];
                add(absolute_url(context, "/positions/" + std::to_string(position.case_id)),
                    std::max(position.updated_at, position.published_at));
            }
            body += "</urlset>\n";
            return xml_response(std::move(body), "application/xml; charset=utf-8");
        });
}

} // namespace rekrut::web
