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
        access_log_middleware(context), security_headers_middleware(), language_middleware(),
        error_page_middleware(context), csrf_middleware(context),      routing_middleware(m_router),
        session_middleware(context),    guard_middleware(context),
    };
}

Execution Application::classify(Request& request)
{
    if (m_router.match(request) != Router::Outcome::matched)
        return Execution::worker_pool; // error pages render templates; keep them off the event loop
    if (request.route->execution == Execution::event_loop_when_anonymous)
        return request.cookie("rekrut_session") ? Execution::worker_pool : Execution::event_loop;
    return request.route->execution;
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
    return call(0, request);
}

} // namespace rekrut::web
