// Every route of Rekrut, with its guard and where it runs. Adding a route means adding a line here;
// tests/http/isolation_test.py sweeps every route that takes an id.
#include "web/app_context.hpp"
#include "web/identity/identity_pages.hpp"
#include "web/application.hpp"
#include "web/operations/operations.hpp"
#include "web/public_site/public_site.hpp"
#include "web/static_files.hpp"

namespace rekrut::web {

void register_routes(Router& router, AppContext& context)
{
    auto bind = [&context](Response (*handler)(AppContext&, Request&)) {
        return [&context, handler](Request& request) { return handler(context, request); };
    };
    constexpr auto public_access = Guard::public_access;
    constexpr auto event_loop = Execution::event_loop;
    constexpr auto worker_pool = Execution::worker_pool;

    // Operations
    router.add("GET", "/healthz", public_access, event_loop, bind(show_health));
    router.add("GET", "/readyz", public_access, worker_pool, bind(show_readiness));
    router.add("GET", "/metrics", public_access, event_loop, bind(show_metrics));

    // Static assets: the design system and our own.
    router.add("GET", "/static/dkfds/*", public_access, event_loop, [&context](Request& request) {
        return serve_static(context.static_dkfds_dir, request.param("*"));
    });
    router.add("GET", "/static/app/*", public_access, event_loop, [&context](Request& request) {
        return serve_static(context.static_app_dir, request.param("*"));
    });

    // Public career site
    router.add("GET", "/", public_access, worker_pool, bind(show_front_page));
    router.add("GET", "/language/:language", public_access, event_loop, bind(switch_language));

    // Login, second factor, sessions and the own profile
    constexpr auto signed_in = Guard::signed_in;
    constexpr auto second_factor = Guard::second_factor;
    constexpr auto hashing_pool = Execution::hashing_pool;
    router.add("GET", "/login", public_access, worker_pool, bind(show_login));
    router.add("POST", "/login", public_access, hashing_pool, bind(submit_login));
    router.add("GET", "/login/second-factor", second_factor, worker_pool, bind(show_second_factor));
    router.add("POST", "/login/second-factor", second_factor, worker_pool, bind(submit_second_factor));
    router.add("GET", "/profile/second-factor", second_factor, worker_pool, bind(show_enrolment));
    router.add("POST", "/profile/second-factor", second_factor, worker_pool, bind(submit_enrolment));
    router.add("POST", "/logout", second_factor, worker_pool, bind(submit_logout));
    router.add("GET", "/password/forgot", public_access, worker_pool, bind(show_forgot_password));
    router.add("POST", "/password/forgot", public_access, worker_pool, bind(submit_forgot_password));
    router.add("GET", "/password/reset/:token", public_access, worker_pool, bind(show_reset_password));
    router.add("POST", "/password/reset/:token", public_access, hashing_pool, bind(submit_reset_password));
    router.add("GET", "/home", signed_in, worker_pool, bind(show_home));
    router.add("GET", "/profile", signed_in, worker_pool, bind(show_profile));
    router.add("POST", "/profile/name", signed_in, worker_pool, bind(submit_profile_name));
    router.add("POST", "/profile/password", signed_in, hashing_pool, bind(submit_profile_password));
}

} // namespace rekrut::web
