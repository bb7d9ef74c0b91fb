#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rekrut::web {

enum class SameSite { lax, strict };

/// What a handler returns. The HTTP layer turns it into a libmicrohttpd response.
struct Response {
    unsigned status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    /// When set, the body instead of `body`: bytes kept in memory (a cached career-site page), handed to
    /// the HTTP layer without copying them.
    std::shared_ptr<const std::string> kept_body;
    std::string file_path; ///< When set, the body is this file, streamed by the HTTP layer.
    /// The file is a temporary one (a decrypted attachment): removed once it is open for sending.
    bool remove_file_after = false;
    std::vector<std::pair<std::string, std::string>> headers;
    /// The same bytes for every visitor without a session (a cached career-site page without a form):
    /// the middleware sets no cookie on it, so that browsers and proxies may keep and share it.
    bool shared = false;

    static Response html(std::string body, unsigned status = 200);
    static Response text(std::string body, unsigned status = 200);
    static Response json(std::string body, unsigned status = 200);
    /// 303 See Other, the right answer to a POST that succeeded.
    static Response redirect(const std::string& location, unsigned status = 303);
    static Response file(std::string path, std::string content_type);

    /// Replaces a header of that name (compared without case), or adds it; Set-Cookie is always added.
    void set_header(std::string_view name, std::string_view value);
    bool has_header(std::string_view name) const;
    /// Adds a Set-Cookie header. `max_age` < 0 means a session cookie; 0 deletes it.
    void set_cookie(const std::string& name, const std::string& value, long max_age, bool http_only,
                    bool secure, SameSite same_site = SameSite::lax);
};

} // namespace rekrut::web
