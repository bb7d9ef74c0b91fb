#pragma once

#include <functional>
#include <vector>

#include "web/router.hpp"

namespace rekrut::web {

struct AppContext;

using Next = std::function<Response(Request&)>;
/// A middleware wraps the rest of the chain: it may change the request, answer on its own, or
/// change the response that `next` returns.
using Middleware = std::function<Response(Request&, const Next& next)>;

/// The web application: the router from routes.cpp and the middleware chain around it.
class Application {
public:
    explicit Application(AppContext& context);

    /// Decides from the request line and headers alone where the request runs and how much body it
    /// may send, or that it is refused unread: a request that changes state needs a route that
    /// takes its method and, on a signed-in route, a session cookie. Matches the route as a side effect.
    Admission admit(Request& request);
    /// For a request `admit` found `needs_session`: looks the session up (on a worker, as it reads the
    /// database) and refuses the request with 401 unless it passes the route's guard. The session
    /// middleware then uses the session found here.
    Admission admit_session(Request& request);
    /// Runs the chain. Never throws: unexpected exceptions become a 500 page with the request id.
    Response handle(Request& request);

    const Router& router() const { return m_router; }

private:
    AppContext& m_context;
    Router m_router;
    std::vector<Middleware> m_chain;
};

/// Defined in routes.cpp: every route with its guard and where it runs.
void register_routes(Router& router, AppContext& context);

} // namespace rekrut::web
