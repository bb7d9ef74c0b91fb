#pragma once

#include <functional>
#include <string>
#include <vector>

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

using Handler = std::function<Response(Request&)>;

/// Who may reach a route at all, checked before the handler runs. Finer checks (this case, this
/// applicant) happen in the handler through the policy module.
enum class Guard {
    public_access, ///< Anyone.
    signed_in,     ///< A complete session (password and, where needed, the second factor).
    second_factor, ///< A session that has passed the password only: second-factor pages and logout.
};

/// Where the handler runs. `event_loop` is for handlers that never block (health, static files,
/// metrics); everything that touches the database or renders PDFs runs on the worker pool so that
/// it cannot stall other connections; handlers that hash passwords run on the small hashing pool,
/// which bounds the memory argon2id uses and keeps logins from occupying the workers.
enum class Execution {
    event_loop,
    worker_pool,
    hashing_pool,
    /// On the event loop for visitors without a session (the page reads only in-memory data),
    /// on the worker pool for signed-in users, whose session is looked up in the database.
    event_loop_when_anonymous,
};

/// Whether a route takes files. Only such a route has a multipart/form-data body parsed and its
/// files written to disk; every other route answers a multipart request with 415 unread.
enum class Uploads { refused, accepted };

/// The most body an ordinary form may send: a few dozen fields of a few thousand characters.
inline constexpr std::size_t k_form_body_bytes = std::size_t{64} * 1024;

/// How much request body a route takes, declared with the route and enforced before the body is
/// read (a larger declared Content-Length gets 413 at once). `server.max_body_bytes` caps every route.
struct BodyLimit {
    std::size_t max_bytes = k_form_body_bytes;
    Uploads uploads = Uploads::refused;
};

/// Room for a multipart form's own fields and boundaries beside its files.
inline constexpr std::size_t k_form_overhead_bytes = std::size_t{1024} * 1024;

/// For forms with long texts: a job ad with its adapted mandatory texts, an ad template.
inline constexpr BodyLimit k_long_text_form{std::size_t{1024} * 1024, Uploads::refused};

/// What the HTTP layer does with a request, decided from its request line and headers before any of
/// its body is read, so that a body nobody wants is never read or held.
struct Admission {
    Execution execution = Execution::worker_pool;
    /// Non-zero: answer with this status at once and leave the body unread (404, 405, 401).
    unsigned refusal = 0;
    /// The most body to read; 0 for the methods that take none (GET, HEAD, OPTIONS).
    std::size_t max_body_bytes = 0;
    Uploads uploads = Uploads::refused;
    /// A signed-in route and a session cookie: whether the cookie names a session only the database
    /// tells, so the session is looked up on a worker (Application::admit_session) before the body.
    bool needs_session = false;
};

struct Route {
    std::string method;
    std::string pattern; ///< "/cases/:case_id/ad"; also the route's name in metrics and logs.
    Guard guard = Guard::public_access;
    Execution execution = Execution::worker_pool;
    Handler handler;
    std::vector<std::string> segments;
    bool prefix = false; ///< Pattern ends in "/*": matches everything below.
    BodyLimit body;      ///< Only read for the methods that change state.
};

class Router {
public:
    void add(std::string method, std::string pattern, Guard guard, Execution execution, Handler handler,
             BodyLimit body = {});

    enum class Outcome { matched, not_found, method_not_allowed };
    /// Finds the route for `request`, fills request.route and request.path_params.
    Outcome match(Request& request) const;

    /// The methods some route accepts for `path` ("GET, HEAD, POST"), for the Allow header of a 405.
    std::string allowed_methods(const std::string& path) const;

    const std::vector<Route>& routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
};

} // namespace rekrut::web
