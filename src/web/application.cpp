#include "web/application.hpp"

#include "web/app_context.hpp"
#include "web/middleware/middleware.hpp"
#include "web/views.hpp"

namespace rekrut::web {

Application::Application(AppContext& context) : m_context(context)
{
    register_routes(m_router, context);
    // Outermost first. Error pages sit inside the access log (so it logs the final status) and
    // outside everything that may throw. CSRF comes before routing: a forged request is refused
    // the same way whatever it targets.
    m_chain = {
        access_log_middleware(context),
        security_headers_middleware(context.config),
        language_middleware(),
        error_page_middleware(context),
        csrf_middleware(context),
        routing_middleware(m_router),
        session_middleware(context),
        guard_middleware(context),
        free_text_guard_middleware(context),
    };
}

Admission Application::admit(Request& request)
{
    Admission admission;
    auto outcome = m_router.match(request);
    // An unmatched path goes to the worker pool: its error page renders templates.
    if (outcome != Router::Outcome::matched)
        admission.execution = Execution::worker_pool;
    else if (request.route->execution == Execution::event_loop_when_anonymous)
        admission.execution = request.cookie(session_cookie_name(m_context.config)) ? Execution::worker_pool
                                                                                    : Execution::event_loop;
    else
        admission.execution = request.route->execution;
    // GET, HEAD and OPTIONS take no body; their routing, session and guard run in the chain as usual.
    if (!request.is_state_changing())
        return admission;
    if (outcome == Router::Outcome::not_found)
        admission.refusal = 404;
    else if (outcome == Router::Outcome::method_not_allowed)
        admission.refusal = 405;
    else if (request.route->guard != Guard::public_access &&
             !request.cookie(session_cookie_name(m_context.config)))
        admission.refusal = 401; // as the guard would answer, before the body is read
    else {
        admission.max_body_bytes = request.route->body.max_bytes;
        admission.uploads = request.route->body.uploads;
        admission.needs_session = request.route->guard != Guard::public_access;
    }
    return admission;
}

Admission Application::admit_session(Request& request)
{
    Admission admission = admit(request);
    admission.needs_session = false;
    auto token = request.cookie(session_cookie_name(m_context.config));
    if (admission.refusal != 0 || !token)
        return admission;
    try {
        request.session = m_context.identity.resume(*token);
    } catch (const std::exception&) {
        return admission; // the session middleware tries again and answers with the error page
    }
    request.session_resumed = true;
    bool passes =
        request.session && (request.route->guard != Guard::signed_in || request.session->complete());
    if (!passes)
        admission.refusal = 401; // as the guard answers a request that changes state
    return admission;
}

Response Application::handle(Request& request)
{
    if (m_context.config.reload_templates)
        m_context.views.reload_if_changed();
    // Builds the call chain from the inside out: the last middleware calls the route's handler.
    std::function<Response(std::size_t, Request&)> call = [&](std::size_t index,
                                                              Request& current) -> Response {
        if (index == m_chain.size())
            return current.route->handler(current);
        return m_chain[index](current, [&](Request& inner) { return call(index + 1, inner); });
    };
    Response response = call(0, request);
    // RFC 9110 §15.5.6: a 405 names the methods the path takes, also when refused before routing.
    if (response.status == 405 && !response.has_header("Allow"))
        response.set_header("Allow", m_router.allowed_methods(request.path));
    return response;
}

} // namespace rekrut::web
