// Every route of Rekrut, with its guard and where it runs. Adding a route means adding a line here;
// tests/http/isolation_test.py sweeps every route that takes an id.
#include "web/app_context.hpp"
#include "web/application.hpp"
#include "web/operations/operations.hpp"
#include "web/public_site/public_site.hpp"
#include "web/static_files.hpp"

namespace rekrut::web {

void register_routes(Router &router, AppContext &context)
{
    auto bind = [&context](Response (*handler)(AppContext &, Request &)) {
        return [&context, handler](Request &request) { return handler(context, request); };
    };
    constexpr auto public_access = Guard::public_access;
    constexpr auto event_loop = Execution::event_loop;
    constexpr auto worker_pool = Execution::worker_pool;

    // Operations
    router.add("GET", "/healthz", public_access, event_loop, bind(show_health));
    router.add("GET", "/readyz", public_access, worker_pool, bind(show_readiness));
    router.add("GET", "/metrics", public_access, event_loop, bind(show_metrics));

    // Static assets: the design system and our own.
    router.add("GET", "/static/dkfds/*", public_access, event_loop, [&context](Request &request) {
        return serve_static(context.static_dkfds_dir, request.param("*"));
    });
    router.add("GET", "/static/app/*", public_access, event_loop, [&context](Request &request) {
        return serve_static(context.static_app_dir, request.param("*"));
    });

    // Public career site
    router.add("GET", "/", public_access, worker_pool, bind(show_front_page));
    router.add("GET", "/language/:language", public_access, event_loop, bind(switch_language));
}

} // namespace rekrut::web
