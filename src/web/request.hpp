#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "services/identity.hpp"

namespace rekrut::web {

struct Route;

/// A file from a multipart form, streamed to temporary storage. Removed when the request ends.
struct UploadedFile {
    std::string field;
    std::string filename;
    std::string content_type;
    std::string path;
    std::size_t size = 0;
};

struct CaseInsensitiveLess {
    bool operator()(const std::string& a, const std::string& b) const;
};

using Fields = std::vector<std::pair<std::string, std::string>>;

/// One complete HTTP request as handlers see it: everything is copied out of libmicrohttpd, so a
/// Request can move to a worker thread.
struct Request {
    std::string method;
    std::string path;
    std::string request_id;
    std::string remote_ip;
    Fields query;
    Fields form;
    std::map<std::string, std::string, CaseInsensitiveLess> headers;
    std::map<std::string, std::string> cookies;
    /// Names of cookies the request carried more than once.
    std::set<std::string> repeated_cookies;
    std::map<std::string, std::string> path_params;
    std::vector<UploadedFile> files;
    std::string body; ///< Raw body when it is neither urlencoded nor multipart.
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

    /// Set by the HTTP layer when the request must be refused before any handler runs.
    unsigned rejection_status = 0;

    // Set by the router and middleware.
    const Route* route = nullptr;
    std::string language = "da";
    /// Empty for a visitor without a session whose request is answered on an I/O thread: those pages
    /// (static files, the shared career-site pages) carry no form, so no token is made for them.
    std::string csrf_token;
    /// Answered on an I/O thread rather than by a worker (set by the HTTP layer).
    bool on_event_loop = false;
    std::optional<services::SignedIn> session; ///< Set by the session middleware.
    /// The session was already looked up, before the body was read (Application::admit_session).
    bool session_resumed = false;

    /// The signed-in actor; only call on routes guarded by Guard::signed_in or second_factor.
    const domain::Actor& actor() const { return session->actor; }
    /// Who is acting, for the audit trail.
    services::Origin origin() const;

    std::optional<std::string> query_value(const std::string& name) const;
    std::optional<std::string> form_value(const std::string& name) const;
    std::string form_or(const std::string& name, const std::string& fallback = "") const;
    std::optional<std::string> header(const std::string& name) const;
    std::optional<std::string> cookie(const std::string& name) const;
    std::string param(const std::string& name) const;
    bool is_state_changing() const { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }
};

} // namespace rekrut::web
