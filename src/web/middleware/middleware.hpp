#pragma once

#include "web/application.hpp"

namespace rekrut::core {
struct Config;
}

namespace rekrut::web {

struct AppContext;

/// Adds X-Request-Id, times the request, records metrics and writes one JSON access-log line, which
/// names the route's pattern, never the concrete path or the query (they can carry tokens).
Middleware access_log_middleware(AppContext& context);
/// Content-Security-Policy without inline scripts, nosniff, Referrer-Policy, frame-ancestors 'none';
/// Strict-Transport-Security when cookies are Secure (the site is served over TLS).
Middleware security_headers_middleware(const core::Config& config);
/// Catches exceptions (500 page with the request id) and turns empty error responses into
/// localized error pages; also answers requests the HTTP layer refused (400, 401, 404, 405, 413, 415,
/// 501, 503).
Middleware error_page_middleware(AppContext& context);
/// Chooses the interface language: cookie, then Accept-Language.
Middleware language_middleware();
/// Matches the route; 404 and 405 for the rest.
Middleware routing_middleware(const Router& router);
/// CSRF token echoed in every state-changing form: for a signed-in user a keyed hash of the session
/// (IdentityService::csrf_token), otherwise a random cookie (double submit). Resumes the session for
/// that. Refuses a request that carries a security cookie twice.
Middleware csrf_middleware(AppContext& context);
/// Resumes the session from its cookie (rotating the token when rights changed) and logs each use
/// of the operator's elevated access.
Middleware session_middleware(AppContext& context);
/// Enforces the route's guard: no session → login; password only → the second-factor pages.
Middleware guard_middleware(AppContext& context);

/// CPR numbers and special categories of personal data have no place in what staff write (service
/// description 2.1): a signed-in user's form whose free text holds a CPR number or a sensitive word
/// (health, union membership, religion, ethnicity, sexual orientation, criminal offences; see
/// free_text_scan.hpp for which fields are read how) is not passed on, but answered with a warning
/// that names each field and the kinds found, and offers to send the form again as it was,
/// confirmed, or to go back and remove it. A confirmation is audited with the field names and kinds,
/// never the text. Notes and comments, whose handlers warn themselves, secrets and forms with files
/// are left alone.
Middleware free_text_guard_middleware(AppContext& context);

/// Name of the session cookie: `__Host-rekrut_session` when cookies are Secure (the browser then
/// refuses it from any other origin, path or a plain-HTTP page), `rekrut_session` otherwise.
const char* session_cookie_name(const core::Config& config);
/// Name of the CSRF cookie of anonymous visitors, `__Host-` prefixed in the same way.
const char* csrf_cookie_name(const core::Config& config);
/// Sets the session cookie (HttpOnly, SameSite=Lax, Secure when configured) and a new CSRF token.
void set_session_cookie(const AppContext& context, Response& response, const std::string& token);

} // namespace rekrut::web
