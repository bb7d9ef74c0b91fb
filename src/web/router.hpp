#pragma once

#include <functional>
#include <string>
#include <vector>

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

using Handler = std::function<Response(Request &)>;

/// Who may reach a route at all, checked before the handler runs. Finer checks (this case, this
/// applicant) happen in the handler through the policy module.
enum class Guard { public_access, signed_in };

/// Where the handler runs. `event_loop` is for handlers that never block (health, static files,
/// metrics); everything that touches the database, hashes passwords or renders PDFs runs on the
/// worker pool so that it cannot stall other connections.
enum class Execution { event_loop, worker_pool };

struct Route {
    std::string method;
    std::string pattern; ///< "/cases/:case_id/ad"; also the route's name in metrics and logs.
    Guard guard = Guard::public_access;
    Execution execution = Execution::worker_pool;
    Handler handler;
    std::vector<std::string> segments;
    bool prefix = false; ///< Pattern ends in "/*": matches everything below.
};

class Router {
public:
    void add(std::string method, std::string pattern, Guard guard, Execution execution, Handler handler);

    enum class Outcome { matched, not_found, method_not_allowed };
    /// Finds the route for `request`, fills request.route and request.path_params.
    Outcome match(Request &request) const;

    const std::vector<Route> &routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
};

} // namespace rekrut::web
