#include "web/operations/operations.hpp"

#include "services/system_status.hpp"
#include "web/app_context.hpp"
#include "web/http_server.hpp"
#include "web/metrics.hpp"

namespace rekrut::web {

Response show_health(AppContext&, Request&)
{
    Response response = Response::json("{\"status\":\"ok\"}");
    return response;
}

Response show_readiness(AppContext& context, Request&)
{
    // A node that is stopping says so first, so that load balancers take it out before it stops
    // accepting connections; it still serves what they send meanwhile.
    if (context.server && context.server->draining())
        return Response::json("{\"status\":\"stopping\"}", 503);
    bool database = context.status.database_reachable();
    bool migrations = database && context.status.migrations_current();
    std::string body = std::string("{\"status\":\"") + (database && migrations ? "ready" : "not ready") +
                       "\",\"database\":" + (database ? "true" : "false") +
                       ",\"migrations_current\":" + (migrations ? "true" : "false") + "}";
    return Response::json(body, database && migrations ? 200 : 503);
}

Response show_metrics(AppContext& context, Request&)
{
    Metrics::Gauges gauges;
    gauges.database_sessions_in_use = context.status.sessions_in_use();
    gauges.database_pool_size = context.status.pool_size();
    if (context.server) {
        gauges.requests_in_flight = context.server->in_flight();
        gauges.worker_queue = context.server->worker_queue();
    }
    Response response = Response::text(context.metrics.render(gauges));
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    return response;
}

Response serve_metrics_listener(AppContext& context, Request& request)
{
    if (request.rejection_status != 0)
        return Response::text("Refused\n", request.rejection_status);
    if (request.path != "/metrics")
        return Response::text("Not found\n", 404);
    if (request.method != "GET" && request.method != "HEAD") {
        Response response = Response::text("Method not allowed\n", 405);
        response.set_header("Allow", "GET, HEAD");
        return response;
    }
    return show_metrics(context, request);
}

} // namespace rekrut::web
