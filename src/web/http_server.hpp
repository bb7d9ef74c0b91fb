#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "web/client_address.hpp"
#include "web/request.hpp"
#include "web/response.hpp"
#include "web/router.hpp"

struct MHD_Daemon;

namespace rekrut::web {

class WorkerPool;

/// The version of libmicrohttpd as it reports itself at run time.
std::string microhttpd_version();

/// The one wrapper around libmicrohttpd. It assembles a complete Request from the several
/// callbacks libmicrohttpd makes, runs the application either on the event thread or, suspended,
/// on the worker pool, and sends the Response. See ARCHITECTURE.md, "HTTP threading model".
class HttpServer {
public:
    struct Options {
        std::string host = "127.0.0.1";
        std::uint16_t port = 8080;
        unsigned io_threads = 2;
        unsigned worker_threads = 8;
        unsigned hashing_threads = 2;
        /// The largest body any route may take; each route declares its own, smaller limit.
        std::size_t max_body_bytes = std::size_t{20} * 1024 * 1024;
        std::size_t max_header_bytes = std::size_t{32} * 1024;
        unsigned max_connections = 2000;
        unsigned max_connections_per_ip = 64;
        unsigned connection_timeout_seconds = 30;
        /// Requests waiting for a worker (per pool) beyond which new ones get 503 at once.
        std::size_t max_queued_requests = 512;
        std::string upload_dir = "/tmp";
        /// Peers whose forwarding header gives the client's address (Request::remote_ip).
        TrustedProxies trusted_proxies;
    };

    /// Decides from the request line and headers where a request runs, how much body it may send,
    /// or that it is answered at once with its body unread (may set request.route).
    using Admit = std::function<Admission(Request&)>;
    /// Admits a request whose admission `needs_session`, on a worker: looks the session up.
    using AdmitSession = std::function<Admission(Request&)>;
    /// Produces the response; never throws (the application catches and renders 500).
    using Dispatch = std::function<Response(Request&)>;

    HttpServer(Options options, Admit admit, AdmitSession admit_session, Dispatch dispatch);
    ~HttpServer();

    /// Binds and starts serving. Returns an error text on failure.
    std::string start();
    /// The first step of a graceful stop: the server goes on serving, but says that it is stopping
    /// (the application's /readyz answers 503) and closes each connection after its response, so
    /// that load balancers and clients move to other nodes.
    void begin_draining() { m_draining.store(true); }
    bool draining() const { return m_draining.load(); }
    /// Stops accepting new connections: the kernel refuses them from now on (the listening socket is
    /// shut down), and one accepted in the instant is closed; requests in flight go on.
    void stop_accepting();
    /// Waits until no request is in flight, at most `timeout_ms`. Returns true when drained. A
    /// request is in flight from its headers until its response is sent, its body included.
    bool drain(int timeout_ms);
    /// Closes every connection and the worker pool; without a graceful stop before, it first stops
    /// accepting and waits up to 10 s for the requests in flight.
    void stop();

    std::size_t in_flight() const { return m_in_flight.load(); }
    std::size_t worker_queue() const;

    // Called from the C callbacks.
    struct Exchange;
    const Options& options() const { return m_options; }
    Admit& admit() { return m_admit; }
    AdmitSession& admit_session() { return m_admit_session; }
    Dispatch& dispatch() { return m_dispatch; }
    WorkerPool& workers(Execution execution)
    {
        return execution == Execution::hashing_pool ? *m_hashers : *m_workers;
    }
    std::atomic<std::size_t>& in_flight_counter() { return m_in_flight; }
    bool accepting() const { return m_accepting.load(); }
    /// Whether responses now end their connection (draining or no longer accepting).
    bool closing_connections() const { return m_draining.load() || !m_accepting.load(); }

private:
    Options m_options;
    Admit m_admit;
    AdmitSession m_admit_session;
    Dispatch m_dispatch;
    std::unique_ptr<WorkerPool> m_workers;
    std::unique_ptr<WorkerPool> m_hashers;
    MHD_Daemon* m_daemon = nullptr;
    std::atomic<std::size_t> m_in_flight{0};
    std::atomic<bool> m_accepting{true};
    std::atomic<bool> m_draining{false};
};

} // namespace rekrut::web
