#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::services {
struct CareerSiteSnapshot;
}

namespace rekrut::web {

struct AppContext;
using CareerRender = std::function<Response(const services::CareerSiteSnapshot&)>;

/// An anonymous career-site page as it is sent: the bytes, their gzip form and the validators.
struct CachedPage {
    std::string content_type;
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzip_body; ///< Null when compressing does not make it smaller.
    std::string etag;                             ///< Weak (`W/"..."`): the same for both encodings.
    std::string last_modified;
};

/// The anonymous career-site pages rendered once per state of the open positions and per language,
/// shared by every visitor without a session. A new state of the positions (a change, or a deadline
/// that passed) empties it. Bounded: beyond k_max_pages (many different searches) pages are rendered
/// for each request instead of kept.
class CareerPageCache {
public:
    static constexpr std::size_t k_max_pages = 2000;

    /// The page kept for `key` in `state`, or nullptr.
    std::shared_ptr<const CachedPage> find(const std::string& state, const std::string& key) const;
    /// Keeps `page` for `key` in `state` (unless full) and returns it.
    std::shared_ptr<const CachedPage> keep(const std::string& state, const std::string& key, CachedPage page);

private:
    mutable std::mutex m_mutex;
    std::string m_state;
    std::unordered_map<std::string, std::shared_ptr<const CachedPage>> m_pages;
};

/// How long browsers and proxies may reuse an anonymous career-site page without asking again.
inline constexpr int k_career_max_age_seconds = 60;

/// Serves an anonymous career-site page from the cache, rendering it with `render` on a miss, with
/// `ETag`, `Last-Modified`, `Cache-Control: public` and gzip when the client takes it; answers 304 when
/// `If-None-Match` (or, without it, `If-Modified-Since`) matches. `key` names everything besides the
/// language that the page depends on (path and canonical query); `render` renders it from the
/// snapshot that the cached page is kept for. A signed-in visitor (or one with a
/// session cookie) gets a freshly rendered page with `no-store`, since the header names them. Only
/// 200 responses are kept; the rest pass through unchanged.
Response serve_career_page(AppContext& context, Request& request, const std::string& key,
                           const CareerRender& render);

/// RFC 9110's IMF-fixdate: "Tue, 01 Dec 2026 10:00:00 GMT".
std::string http_date(core::UnixTime utc);
/// `body` compressed as gzip (level 6).
std::string gzip(const std::string& body);
/// Whether an `Accept-Encoding` value takes gzip (a q of 0 refuses it).
bool accepts_gzip(const std::string& accept_encoding);
/// Whether an `If-None-Match` value matches `etag` by weak comparison (or is `*`).
bool etag_matches(const std::string& if_none_match, const std::string& etag);

} // namespace rekrut::web
