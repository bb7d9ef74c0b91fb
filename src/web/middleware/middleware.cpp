#include "web/middleware/middleware.hpp"

#include <chrono>
#include <exception>
#include <spdlog/spdlog.h>
#include <strings.h>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "services/audit_log.hpp"
#include "services/audit_trail.hpp"
#include "services/identity.hpp"
#include "web/app_context.hpp"
#include "web/error_pages.hpp"
#include "web/i18n.hpp"
#include "web/metrics.hpp"

namespace rekrut::web {

Middleware access_log_middleware(AppContext& context)
{
    return [&context](Request& request, const Next& next) {
        Response response = next(request);
        response.set_header("X-Request-Id", request.request_id);
        double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - request.started).count();
        // The route's pattern stands for the path: a concrete path can carry a secret (the token of
        // /password/reset/:token), and an unmatched one is whatever a client sent. The query is never logged.
        std::string route = request.route ? request.route->pattern : "unmatched";
        context.metrics.observe(route, request.method, response.status, seconds);
        if (context.config.access_log) {
            static auto logger = spdlog::get("access");
            if (logger)
                logger->info("\"request_id\":\"{}\",\"method\":\"{}\",\"route\":\"{}\",\"status\":{},"
                             "\"duration_ms\":{:.3f},\"ip\":\"{}\"",
                             request.request_id, core::json_escape(request.method), core::json_escape(route),
                             response.status, seconds * 1000, request.remote_ip);
        }
        return response;
    };
}

Middleware security_headers_middleware(const core::Config& config)
{
    return [tls = config.secure_cookies](Request& request, const Next& next) {
        Response response = next(request);
        if (tls)
            response.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.set_header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            "base-uri 'none'; object-src 'none'");
        response.set_header("X-Content-Type-Options", "nosniff");
        response.set_header("Referrer-Policy", "same-origin");
        response.set_header("X-Frame-Options", "DENY");
        response.set_header("Cross-Origin-Opener-Policy", "same-origin");
        if (!response.has_header("Cache-Control"))
            response.set_header("Cache-Control", "no-store");
        return response;
    };
}

Middleware error_page_middleware(AppContext& context)
{
    return [&context](Request& request, const Next& next) {
        if (request.rejection_status != 0) {
            Response page = error_page(context, request, request.rejection_status);
            if (request.rejection_status == 503)
                page.set_header("Retry-After", "2"); // the queues were full; they drain in moments
            return page;
        }
        try {
            Response response = next(request);
            if (response.status >= 400 && response.body.empty() && response.file_path.empty()) {
                Response page = error_page(context, request, response.status);
                for (const auto& [name, value] : response.headers)
                    page.set_header(name, value); // keeps Allow, Retry-After and cookies
                return page;
            }
            return response;
        } catch (const core::Unavailable& error) {
            core::log_event("error", "database_unavailable",
                            "\"request_id\":\"" + request.request_id + "\",\"what\":\"" +
                                core::json_escape(error.what()) + "\"");
            return error_page(context, request, 503);
        } catch (const std::exception& error) {
            core::log_event("error", "unhandled_exception",
                            "\"request_id\":\"" + request.request_id + "\",\"what\":\"" +
                                core::json_escape(error.what()) + "\"");
        } catch (...) {
            core::log_event("error", "unhandled_exception", "\"request_id\":\"" + request.request_id + "\"");
        }
        try {
            return error_page(context, request, 500);
        } catch (...) {
            return Response::text("Internal error. Reference: " + request.request_id, 500);
        }
    };
}

Middleware language_middleware()
{
    return [](Request& request, const Next& next) {
        auto cookie = request.cookie("rekrut_lang");
        auto accept = request.header("Accept-Language");
        request.language = Translator::choose(cookie ? &*cookie : nullptr, accept ? &*accept : nullptr);
        Response response = next(request);
        response.set_header("Content-Language", request.language);
        std::string vary = "Accept-Language, Cookie";
        for (const auto& [name, value] : response.headers)
            if (strcasecmp(name.c_str(), "Vary") == 0)
                vary += ", " + value; // the handler's own (Accept-Encoding on compressed pages)
        response.set_header("Vary", vary);
        return response;
    };
}

Middleware routing_middleware(const Router& router)
{
    return [&router](Request& request, const Next& next) {
        if (!request.route) {
            auto outcome = router.match(request);
            if (outcome == Router::Outcome::not_found)
                return Response::html("", 404);
            if (outcome == Router::Outcome::method_not_allowed)
                return Response::html("", 405); // Application::handle adds Allow
        }
        return next(request);
    };
}

namespace {

bool looks_like_token(const std::string& value)
{
    if (value.size() != 64)
        return false;
    for (char ch : value)
        if (!std::isxdigit(static_cast<unsigned char>(ch)))
            return false;
    return true;
}

} // namespace

const char* session_cookie_name(const core::Config& config)
{
    return config.secure_cookies ? "__Host-rekrut_session" : "rekrut_session";
}

const char* csrf_cookie_name(const core::Config& config)
{
    return config.secure_cookies ? "__Host-rekrut_csrf" : "rekrut_csrf";
}

namespace {

/// Resumes the session from its cookie once per request (admission may have done it already).
/// Routes on the event loop never touch the database, so they do not resume sessions.
void resume_session(AppContext& context, Request& request)
{
    bool event_loop = request.route && request.route->execution == Execution::event_loop;
    if (request.session_resumed || event_loop)
        return;
    if (auto token = request.cookie(session_cookie_name(context.config)))
        request.session = context.identity.resume(*token);
    request.session_resumed = true;
}

} // namespace

Middleware csrf_middleware(AppContext& context)
{
    return [&context](Request& request, const Next& next) {
        // Two cookies of one name (one planted by a sibling domain, say) leave it open which one
        // the server reads: refused rather than guessed.
        for (const char* name : {session_cookie_name(context.config), csrf_cookie_name(context.config)})
            if (request.repeated_cookies.count(name))
                return error_page(context, request, 400);
        resume_session(context, request);
        auto cookie = request.cookie(csrf_cookie_name(context.config));
        bool fresh = !cookie || !looks_like_token(*cookie);
        // A signed-in user's token is bound to the session: a token read or planted elsewhere (another
        // session, a cookie set over plain HTTP) does not pass.
        if (request.session)
            request.csrf_token = context.identity.csrf_token(*request.session);
        else if (!fresh)
            request.csrf_token = *cookie;
        else if (!request.on_event_loop)
            request.csrf_token = core::random_hex(32);
        if (request.is_state_changing()) {
            auto submitted = request.form_value("csrf_token");
            if (!submitted) {
                if (auto header = request.header("X-CSRF-Token"))
                    submitted = header;
            }
            bool known = request.session || !fresh;
            if (!known || !submitted || !core::constant_time_equal(*submitted, request.csrf_token))
                return error_page(context, request, 403);
        }
        Response response = next(request);
        bool page = response.content_type.rfind("text/html", 0) == 0;
        // A shared page has no form, so it needs no token, and a cookie would keep it from being shared.
        if (fresh && page && !request.session && !response.shared && !request.csrf_token.empty())
            response.set_cookie(csrf_cookie_name(context.config), request.csrf_token, -1, true,
                                context.config.secure_cookies);
        return response;
    };
}

void set_session_cookie(const AppContext& context, Response& response, const std::string& token)
{
    response.set_cookie(session_cookie_name(context.config), token, -1, true, context.config.secure_cookies);
    // A new anonymous CSRF token with every new session, so a token planted before login is worthless
    // (signed in, the token is the session's own).
    response.set_cookie(csrf_cookie_name(context.config), core::random_hex(32), -1, true,
                        context.config.secure_cookies);
}

Middleware session_middleware(AppContext& context)
{
    return [&context](Request& request, const Next& next) {
        resume_session(context, request);
        // Event-loop routes (static files) do not look sessions up, so they leave the cookie alone.
        bool event_loop = request.route && request.route->execution == Execution::event_loop;
        auto token = event_loop ? std::nullopt : request.cookie(session_cookie_name(context.config));
        if (request.session && request.session->actor.is_operator && request.session->operator_access_id &&
            request.route && request.route->guard == Guard::signed_in &&
            request.path.rfind("/operator", 0) != 0) {
            context.audit_trail.record_operator_access_used(request.session->actor,
                                                            *request.session->operator_access_id,
                                                            request.method, request.path, request.origin());
        }
        Response response = next(request);
        if (request.session && request.session->new_token)
            response.set_cookie(session_cookie_name(context.config), *request.session->new_token, -1, true,
                                context.config.secure_cookies);
        else if (token && !request.session && !response.has_header("Set-Cookie"))
            response.set_cookie(session_cookie_name(context.config), "", 0, true,
                                context.config.secure_cookies);
        return response;
    };
}

Middleware guard_middleware(AppContext& context)
{
    return [&context](Request& request, const Next& next) {
        Guard guard = request.route ? request.route->guard : Guard::public_access;
        if (guard == Guard::public_access)
            return next(request);
        if (!request.session) {
            if (request.method == "GET")
                return Response::redirect("/login?next=" + request.path);
            return error_page(context, request, 401);
        }
        if (guard == Guard::signed_in && !request.session->complete()) {
            if (request.method != "GET")
                return error_page(context, request, 401);
            return Response::redirect(request.session->totp_enabled ? "/login/second-factor"
                                                                    : "/profile/second-factor");
        }
        return next(request);
    };
}

} // namespace rekrut::web
