#include "web/public_site/career_cache.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string_view>
#include <vector>
#include <zlib.h>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "services/open_positions.hpp"
#include "web/app_context.hpp"
#include "web/middleware/middleware.hpp"
#include "web/status/status_pages.hpp"

namespace rekrut::web {

std::shared_ptr<const CachedPage> CareerPageCache::find(const std::string& state,
                                                        const std::string& key) const
{
    std::lock_guard lock(m_mutex);
    if (state != m_state)
        return nullptr;
    auto found = m_pages.find(key);
    return found == m_pages.end() ? nullptr : found->second;
}

std::shared_ptr<const CachedPage> CareerPageCache::keep(const std::string& state, const std::string& key,
                                                        CachedPage page)
{
    auto kept = std::make_shared<const CachedPage>(std::move(page));
    std::lock_guard lock(m_mutex);
    if (state != m_state) {
        m_pages.clear();
        m_state = state;
    }
    if (m_pages.size() < k_max_pages)
        m_pages.emplace(key, kept);
    return kept;
}

std::string http_date(core::UnixTime utc)
{
    static constexpr const char* days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::int64_t day_number = utc >= 0 ? utc / 86400 : (utc - 86399) / 86400;
    std::int64_t seconds = utc - day_number * 86400;
    int year = 0;
    unsigned month = 0, day = 0;
    core::civil_from_days(day_number, year, month, day);
    char text[64];
    std::snprintf(text, sizeof text, "%s, %02u %s %04d %02lld:%02lld:%02lld GMT",
                  days[((day_number % 7) + 7) % 7], day, months[month - 1], year,
                  static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                  static_cast<long long>(seconds % 60));
    return text;
}

std::string gzip(const std::string& body)
{
    z_stream stream{};
    // 15 window bits plus 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    std::string compressed(deflateBound(&stream, body.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    stream.avail_in = static_cast<uInt>(body.size());
    stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
    stream.avail_out = static_cast<uInt>(compressed.size());
    int status = deflate(&stream, Z_FINISH);
    compressed.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        throw std::runtime_error("deflate did not finish");
    return compressed;
}

namespace {

std::vector<std::string_view> list_items(std::string_view value)
{
    std::vector<std::string_view> items;
    for (auto field : core::split(value, ','))
        if (auto item = core::trim(field); !item.empty())
            items.push_back(item);
    return items;
}

std::string_view opaque_tag(std::string_view tag)
{
    if (tag.rfind("W/", 0) == 0)
        tag.remove_prefix(2);
    return tag;
}

} // namespace

bool accepts_gzip(const std::string& accept_encoding)
{
    for (auto item : list_items(accept_encoding)) {
        auto semicolon = item.find(';');
        std::string coding = core::ascii_lower(core::trim(item.substr(0, semicolon)));
        if (coding != "gzip" && coding != "*")
            continue;
        if (semicolon == std::string_view::npos)
            return true;
        std::string parameters = core::ascii_lower(item.substr(semicolon + 1));
        auto q = parameters.find("q=");
        if (q == std::string::npos)
            return true;
        // q=0, q=0.0, q=0.000 refuse; anything else takes it.
        auto weight = core::trim(std::string_view(parameters).substr(q + 2));
        return weight.find_first_not_of("0.") != std::string_view::npos;
    }
    return false;
}

bool etag_matches(const std::string& if_none_match, const std::string& etag)
{
    for (auto item : list_items(if_none_match))
        if (item == "*" || opaque_tag(item) == opaque_tag(etag))
            return true;
    return false;
}

namespace {

void add_vary_encoding(Response& response)
{
    response.set_header("Vary", "Accept-Encoding");
}

} // namespace

Response serve_career_page(AppContext& context, Request& request, const std::string& key,
                           const CareerRender& render)
{
    // The header names a signed-in user, and a cookie that names no session is answered by deleting
    // it: neither may be shared.
    auto snapshot = context.open_positions.current();
    if (request.session || request.cookie(session_cookie_name(context.config)))
        return render(*snapshot);
    core::UnixTime now = core::now();
    std::size_t expired = snapshot->expired_at(now);
    // The pages change with the data and with every deadline that passes.
    // And with the service banner every page shows.
    std::string state = snapshot->fingerprint + "." + std::to_string(expired) + "." + banner_state(context);
    std::string language_key = request.language + " " + key;
    auto page = context.career_pages->find(state, language_key);
    if (!page) {
        Response rendered = render(*snapshot);
        if (rendered.status != 200)
            return rendered;
        core::UnixTime last_modified = snapshot->last_modified;
        if (expired > 0)
            last_modified = std::max(last_modified, snapshot->positions[expired - 1].application_deadline);
        CachedPage fresh;
        fresh.content_type = rendered.content_type;
        fresh.etag = "W/\"" + core::blake2b_hex(rendered.body).substr(0, 24) + "\"";
        fresh.last_modified = http_date(last_modified);
        std::string compressed = gzip(rendered.body);
        if (compressed.size() < rendered.body.size())
            fresh.gzip_body = std::make_shared<const std::string>(std::move(compressed));
        fresh.body = std::make_shared<const std::string>(std::move(rendered.body));
        page = context.career_pages->keep(state, language_key, std::move(fresh));
    }
    Response response;
    response.shared = true;
    response.content_type = page->content_type;
    response.set_header("ETag", page->etag);
    response.set_header("Last-Modified", page->last_modified);
    response.set_header("Cache-Control", "public, max-age=" + std::to_string(k_career_max_age_seconds));
    add_vary_encoding(response);
    auto if_none_match = request.header("If-None-Match");
    bool not_modified = if_none_match ? etag_matches(*if_none_match, page->etag)
                                      : request.header("If-Modified-Since") == page->last_modified;
    if (not_modified) {
        response.status = 304;
        return response;
    }
    auto accept_encoding = request.header("Accept-Encoding");
    if (page->gzip_body && accept_encoding && accepts_gzip(*accept_encoding)) {
        response.kept_body = page->gzip_body;
        response.set_header("Content-Encoding", "gzip");
    } else {
        response.kept_body = page->body;
    }
    return response;
}

} // namespace rekrut::web
