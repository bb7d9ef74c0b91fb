#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

/// Liveness: the process answers.
Response show_health(AppContext& context, Request& request);
/// Readiness: the database answers and every migration is applied.
Response show_readiness(AppContext& context, Request& request);
/// Prometheus metrics.
Response show_metrics(AppContext& context, Request& request);
/// Everything the internal listener (`server.metrics_listen`) answers: GET /metrics, and plain
/// refusals for the rest. The public listener has no /metrics route.
Response serve_metrics_listener(AppContext& context, Request& request);

} // namespace rekrut::web
