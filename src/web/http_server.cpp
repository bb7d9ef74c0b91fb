#include "web/http_server.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <microhttpd.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "web/query_string.hpp"
#include "web/worker_pool.hpp"

namespace rekrut::web {

std::string microhttpd_version()
{
    const char* version = MHD_get_version();
    return version ? version : "";
}

/// Per-request state that lives across libmicrohttpd's calls for one request.
struct HttpServer::Exchange {
    HttpServer* server = nullptr;
    Request request;
    std::string raw_query;         ///< As sent in the request target; parsed in start_request.
    bool started = false;          ///< The first call, with the headers, has been made.
    bool awaiting_session = false; ///< Suspended while a worker looks the session up.
    Admission admission;
    std::size_t body_limit = 0;
    MHD_PostProcessor* post_processor = nullptr;
    std::size_t body_bytes = 0;
    bool too_large = false;
    bool too_many_fields = false;
    bool malformed_body = false;
    bool dispatched = false;
    bool counted = false;
    int upload_fd = -1; ///< The file currently being received.
    std::optional<Response> response;

    explicit Exchange(HttpServer* owner) : server(owner) {}
    Exchange(const Exchange&) = delete;
    Exchange& operator=(const Exchange&) = delete;

    ~Exchange()
    {
        if (post_processor)
            MHD_destroy_post_processor(post_processor);
        close_upload();
        for (const auto& file : request.files)
            ::unlink(file.path.c_str());
        if (counted)
            --server->in_flight_counter();
    }

    void close_upload()
    {
        if (upload_fd >= 0)
            ::close(upload_fd);
        upload_fd = -1;
    }
};

namespace {

using Exchange = HttpServer::Exchange;

/// Headers that are comma-separated lists: repeated lines are joined (RFC 9110 §5.3), so that a
/// second Transfer-Encoding line or forwarding hop cannot hide behind the first.
bool is_list_header(const char* name)
{
    return strcasecmp(name, "Transfer-Encoding") == 0 || strcasecmp(name, "X-Forwarded-For") == 0 ||
           strcasecmp(name, "Forwarded") == 0;
}

MHD_Result collect_header(void* cls, MHD_ValueKind, const char* key, const char* value)
{
    auto* request = static_cast<Request*>(cls);
    if (!key)
        return MHD_YES;
    std::string text = value ? value : "";
    auto existing = request->headers.find(key);
    if (existing != request->headers.end() && is_list_header(key)) {
        existing->second += ", " + text;
        return MHD_YES;
    }
    // Two different Content-Length headers frame the body ambiguously (request smuggling).
    if (existing != request->headers.end() && existing->second != text &&
        strcasecmp(key, "Content-Length") == 0)
        request->rejection_status = 400;
    request->headers[key] = text;
    return MHD_YES;
}

MHD_Result collect_cookie(void* cls, MHD_ValueKind, const char* key, const char* value)
{
    auto* request = static_cast<Request*>(cls);
    if (!key)
        return MHD_YES;
    if (request->cookies.count(key))
        request->repeated_cookies.insert(key); // the first one stays; the middleware decides
    else
        request->cookies[key] = value ? value : "";
    return MHD_YES;
}

/// Starts the next form field or file, unless the form already has as many as allowed.
bool start_field(Exchange& exchange)
{
    const Request& request = exchange.request;
    if (request.form.size() + request.files.size() < k_max_fields)
        return true;
    exchange.too_many_fields = true;
    return false;
}

MHD_Result on_post_data(void* cls, MHD_ValueKind, const char* key, const char* filename,
                        const char* content_type, const char*, const char* data, uint64_t offset, size_t size)
{
    auto* exchange = static_cast<Exchange*>(cls);
    Request& request = exchange->request;
    if (!key)
        return MHD_YES;
    if (!filename) {
        // A field may arrive in several chunks: append to the last field of that name.
        if (offset == 0 || request.form.empty() || request.form.back().first != key) {
            if (!start_field(*exchange))
                return MHD_NO;
            request.form.emplace_back(key, std::string());
        }
        request.form.back().second.append(data, size);
        return MHD_YES;
    }
    if (offset == 0) {
        if (!start_field(*exchange))
            return MHD_NO;
        exchange->close_upload();
        std::string path = exchange->server->options().upload_dir + "/rekrut-upload-XXXXXX";
        exchange->upload_fd = ::mkstemp(path.data());
        if (exchange->upload_fd < 0)
            return MHD_NO;
        request.files.push_back(
            {key, filename, content_type ? content_type : "application/octet-stream", path, 0});
    }
    if (exchange->upload_fd < 0 || request.files.empty())
        return MHD_NO;
    std::size_t written = 0;
    while (written < size) {
        ssize_t count = ::write(exchange->upload_fd, data + written, size - written);
        if (count <= 0)
            return MHD_NO;
        written += static_cast<std::size_t>(count);
    }
    request.files.back().size += size;
    return MHD_YES;
}

/// libmicrohttpd's first sight of a request: the request target as sent, before libmicrohttpd
/// splits off the query. The exchange for the request starts here, and the query is kept for
/// start_request to parse. libmicrohttpd's own parse would store every argument in the connection's
/// memory pool (`server.max_header_bytes`), run out after a few hundred of them and then leave the
/// request unanswered until the connection times out; so its view of the query is cut to nothing.
/// (In libmicrohttpd 0.9.75 `uri` points into the connection's read buffer, which the library
/// parses the arguments from right after this call.)
void* on_request_target(void* cls, const char* uri, MHD_Connection*)
{
    auto* exchange = new Exchange(static_cast<HttpServer*>(cls));
    if (const char* question = uri ? std::strchr(uri, '?') : nullptr) {
        exchange->raw_query = question + 1;
        const_cast<char*>(question)[1] = '\0';
    }
    return exchange;
}

// Refuses connections once shutdown has begun. (MHD_quiesce_daemon is not used: in
// libmicrohttpd 0.9.75 it races with the epoll threads removing the listening socket themselves
// and aborts the process.)
MHD_Result on_accept(void* cls, const sockaddr*, socklen_t)
{
    return static_cast<const HttpServer*>(cls)->accepting() ? MHD_YES : MHD_NO;
}

void on_completed(void*, MHD_Connection*, void** con_cls, MHD_RequestTerminationCode)
{
    delete static_cast<Exchange*>(*con_cls);
    *con_cls = nullptr;
}

/// `closing`: the server is shutting down, so the connection is closed after this response.
MHD_Result send(MHD_Connection* connection, const Response& response, bool closing)
{
    // For HEAD, libmicrohttpd sends the headers of the full response (with its Content-Length) and
    // leaves the body out itself.
    MHD_Response* reply = nullptr;
    if (!response.file_path.empty()) {
        int fd = ::open(response.file_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (response.remove_file_after)
            ::unlink(response.file_path.c_str()); // the open descriptor keeps it until it is sent
        struct stat info {};
        if (fd >= 0 && ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
            reply = MHD_create_response_from_fd64(static_cast<uint64_t>(info.st_size), fd);
        } else {
            if (fd >= 0)
                ::close(fd);
            const char* missing = "Not found";
            reply = MHD_create_response_from_buffer(std::strlen(missing), const_cast<char*>(missing),
                                                    MHD_RESPMEM_PERSISTENT);
            MHD_add_response_header(reply, "Content-Type", "text/plain; charset=utf-8");
            MHD_Result result = MHD_queue_response(connection, 404, reply);
            MHD_destroy_response(reply);
            return result;
        }
    } else if (response.kept_body) {
        // libmicrohttpd sends from the kept bytes and releases our share of them when it is done.
        auto* share = new std::shared_ptr<const std::string>(response.kept_body);
        reply = MHD_create_response_from_buffer_with_free_callback_cls(
            (*share)->size(), const_cast<char*>((*share)->data()), // only read
            [](void* cls) { delete static_cast<std::shared_ptr<const std::string>*>(cls); }, share);
    } else {
        reply = MHD_create_response_from_buffer(response.body.size(), const_cast<char*>(response.body.data()),
                                                MHD_RESPMEM_MUST_COPY);
    }
    MHD_add_response_header(reply, "Content-Type", response.content_type.c_str());
    for (const auto& [name, value] : response.headers)
        MHD_add_response_header(reply, name.c_str(), value.c_str());
    if (closing)
        MHD_add_response_header(reply, "Connection", "close");
    MHD_Result result = MHD_queue_response(connection, response.status, reply);
    MHD_destroy_response(reply);
    return result;
}

bool fields_are_utf8(const Fields& fields)
{
    for (const auto& [key, value] : fields)
        if (!core::is_valid_utf8(key) || !core::is_valid_utf8(value))
            return false;
    return true;
}

/// The peer's address as text, or empty when libmicrohttpd has none.
std::string peer_address(MHD_Connection* connection)
{
    const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info)
        return "";
    char text[INET6_ADDRSTRLEN] = {};
    const sockaddr* address = info->client_addr;
    if (address->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
    else if (address->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text, sizeof text);
    return text;
}

/// A request's id for the logs, the X-Request-Id header and the audit trail: 16 hex digits, distinct
/// for every request of this process and, from a random start per thread, between processes. Not a
/// secret, so it is not drawn from the system's random source (a system call per request).
std::string next_request_id()
{
    thread_local std::uint64_t state = [] {
        std::uint64_t seed = 0;
        std::string bytes = core::random_bytes(sizeof seed);
        std::memcpy(&seed, bytes.data(), sizeof seed);
        return seed;
    }();
    // splitmix64: a bijection of the counter, so no two requests of one thread share an id.
    state += 0x9e3779b97f4a7c15ULL;
    std::uint64_t mixed = state;
    mixed = (mixed ^ (mixed >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    mixed = (mixed ^ (mixed >> 27U)) * 0x94d049bb133111ebULL;
    mixed ^= mixed >> 31U;
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(mixed));
    return {text, 16};
}

/// Copies what the application needs from the connection on the first call: method, path,
/// headers, cookies, the query (parsed here) and the client's address.
void start_request(Exchange& exchange, MHD_Connection* connection, const char* url, const char* method)
{
    Request& request = exchange.request;
    request.method = method;
    request.path = url;
    request.request_id = next_request_id();
    MHD_get_connection_values(connection, MHD_HEADER_KIND, collect_header, &request);
    MHD_get_connection_values(connection, MHD_COOKIE_KIND, collect_cookie, &request);
    std::string peer = peer_address(connection);
    const TrustedProxies& proxies = exchange.server->options().trusted_proxies;
    auto parsed_peer = core::IpAddress::parse(peer);
    request.remote_ip =
        parsed_peer ? client_address(*parsed_peer, request.header(proxies.header_name()), proxies).text()
                    : peer;
    auto query = parse_query(exchange.raw_query);
    if (query)
        request.query = std::move(*query);
    if (!query || !core::is_valid_utf8(request.path) || !fields_are_utf8(request.query))
        request.rejection_status = 400;
}

std::optional<unsigned long long> declared_length(const Request& request)
{
    auto length = request.header("Content-Length");
    if (!length)
        return std::nullopt;
    return std::strtoull(length->c_str(), nullptr, 10);
}

/// 400, 501 or 413 for a body framed in a way we refuse, 0 when the framing is fine.
unsigned framing_problem(const Request& request, std::size_t max_body_bytes)
{
    if (auto encoding = request.header("Transfer-Encoding")) {
        // Only chunked is understood (RFC 9112 §6.1); for any other coding libmicrohttpd would wait
        // for the end of a body it cannot find.
        std::string coding = core::ascii_lower(core::trim(*encoding));
        if (coding.empty())
            return 400;
        if (coding != "chunked")
            return 501;
        // Both framings at once is how requests are smuggled past proxies (RFC 9112 §6.3).
        if (request.header("Content-Length"))
            return 400;
    }
    return declared_length(request).value_or(0) > max_body_bytes ? 413 : 0;
}

bool is_multipart(const Request& request)
{
    auto type = request.header("Content-Type");
    return type && core::ascii_lower(core::trim(*type)).rfind("multipart/", 0) == 0;
}

/// Asks the application what the request may do and refuses what it may not from the headers:
/// no route, wrong method or no session (the application's refusal), files where the route takes
/// none (415), or a declared body over the route's limit (413).
void admit(Exchange& exchange)
{
    Request& request = exchange.request;
    exchange.admission = exchange.server->admit()(request);
    const Admission& admission = exchange.admission;
    exchange.body_limit = std::min(admission.max_body_bytes, exchange.server->options().max_body_bytes);
    if (admission.refusal != 0)
        request.rejection_status = admission.refusal;
    else if (is_multipart(request) && admission.uploads == Uploads::refused)
        request.rejection_status = 415;
    else if (declared_length(request).value_or(0) > exchange.body_limit)
        request.rejection_status = 413;
}

/// Counts the request as in flight until its Exchange ends with the response sent, once.
void count_in_flight(Exchange& exchange)
{
    if (!exchange.counted) {
        exchange.counted = true;
        ++exchange.server->in_flight_counter();
    }
}

/// Suspends the connection (work goes on elsewhere).
void suspend(Exchange& exchange, MHD_Connection* connection)
{
    MHD_suspend_connection(connection);
    count_in_flight(exchange);
}

/// Answers a refused request at once, before its body: libmicrohttpd then leaves the body unread
/// and closes the connection after the response. Otherwise gets ready to receive the body.
MHD_Result refuse_or_receive(Exchange& exchange, MHD_Connection* connection)
{
    HttpServer& server = *exchange.server;
    Request& request = exchange.request;
    if (request.rejection_status != 0) {
        exchange.dispatched = true;
        return send(connection, server.dispatch()(request), server.closing_connections());
    }
    if (request.is_state_changing())
        exchange.post_processor =
            MHD_create_post_processor(connection, std::size_t{32} * 1024, on_post_data, &exchange);
    return MHD_YES;
}

/// A signed-in route with a session cookie: whether it names a session only the database tells.
/// The connection waits suspended, its body unread, while a worker looks the session up; when it
/// resumes, libmicrohttpd calls on_access again before the body (continue_after_session).
MHD_Result look_up_session(Exchange& exchange, MHD_Connection* connection)
{
    HttpServer* server = exchange.server;
    WorkerPool& pool = server->workers(Execution::worker_pool);
    if (pool.queued() >= server->options().max_queued_requests) {
        exchange.request.rejection_status = 503;
        return refuse_or_receive(exchange, connection);
    }
    exchange.awaiting_session = true;
    suspend(exchange, connection);
    pool.submit([server, pointer = &exchange, connection] {
        Admission admission = server->admit_session()(pointer->request);
        if (admission.refusal != 0)
            pointer->request.rejection_status = admission.refusal;
        MHD_resume_connection(connection);
    });
    return MHD_YES;
}

/// The first call, with the request line and headers. Everything that can be decided without the
/// body is decided here, and a refused request is answered at once.
MHD_Result begin_request(Exchange& exchange, MHD_Connection* connection, const char* url, const char* method)
{
    exchange.started = true;
    // From here until its response is sent, including the time its body takes to arrive, a graceful
    // stop waits for the request (HttpServer::drain).
    count_in_flight(exchange);
    start_request(exchange, connection, url, method);
    Request& request = exchange.request;
    if (request.rejection_status == 0)
        request.rejection_status = framing_problem(request, exchange.server->options().max_body_bytes);
    if (request.rejection_status == 0)
        admit(exchange);
    if (request.rejection_status == 0 && exchange.admission.needs_session)
        return look_up_session(exchange, connection);
    return refuse_or_receive(exchange, connection);
}

/// The call after the session lookup. libmicrohttpd 0.9.75 makes it before reading the body, so a
/// refusal is still answered with the body unread; should a later version read the body first, the
/// body is dropped and the refusal answered after it.
MHD_Result continue_after_session(Exchange& exchange, MHD_Connection* connection, std::size_t upload_size)
{
    exchange.awaiting_session = false;
    if (upload_size == 0)
        return refuse_or_receive(exchange, connection);
    if (exchange.request.rejection_status == 0 && exchange.request.is_state_changing())
        exchange.post_processor =
            MHD_create_post_processor(connection, std::size_t{32} * 1024, on_post_data, &exchange);
    return MHD_YES;
}

/// One piece of the body. Beyond the route's limit, the field limit or a malformed part, the
/// rest is read and dropped, so that the refusal can still be answered.
void receive_body(Exchange& exchange, const char* data, std::size_t size)
{
    exchange.body_bytes += size;
    if (exchange.body_bytes > exchange.body_limit)
        exchange.too_large = true;
    if (exchange.too_large || exchange.too_many_fields || exchange.malformed_body ||
        exchange.request.rejection_status != 0)
        return;
    if (!exchange.post_processor) {
        exchange.request.body.append(data, size);
        return;
    }
    if (MHD_post_process(exchange.post_processor, data, size) != MHD_YES && !exchange.too_many_fields)
        exchange.malformed_body = true;
}

/// Ends the body: the post processor reports a trailing empty field only when destroyed. Sets
/// 413 for a body over its limit or with too many fields, 400 for one that is malformed or not UTF-8.
void finish_body(Exchange& exchange)
{
    if (exchange.post_processor) {
        if (MHD_destroy_post_processor(exchange.post_processor) != MHD_YES && !exchange.too_many_fields)
            exchange.malformed_body = true;
        exchange.post_processor = nullptr;
    }
    exchange.close_upload();
    Request& request = exchange.request;
    if (request.rejection_status != 0)
        return; // refused before the body; the body was dropped
    if (exchange.too_large || exchange.too_many_fields)
        request.rejection_status = 413;
    else if (exchange.malformed_body || !fields_are_utf8(request.form))
        request.rejection_status = 400;
    for (const auto& file : request.files)
        if (!core::is_valid_utf8(file.filename))
            request.rejection_status = 400;
}

/// Suspends the connection and queues the request on `pool`, or answers 503 at once when the
/// queue is full: overload shows as quick refusals rather than a wait that grows without end.
MHD_Result hand_off(Exchange& exchange, MHD_Connection* connection, WorkerPool& pool)
{
    HttpServer* server = exchange.server;
    if (pool.queued() >= server->options().max_queued_requests) {
        exchange.request.rejection_status = 503;
        return send(connection, server->dispatch()(exchange.request), server->closing_connections());
    }
    suspend(exchange, connection);
    pool.submit([server, pointer = &exchange, connection] {
        pointer->response = server->dispatch()(pointer->request);
        MHD_resume_connection(connection);
    });
    return MHD_YES;
}

/// The call after the whole body: runs the application here or hands the request to a pool.
MHD_Result finish_request(Exchange& exchange, MHD_Connection* connection)
{
    HttpServer& server = *exchange.server;
    exchange.dispatched = true;
    finish_body(exchange);
    Request& request = exchange.request;
    Execution execution =
        request.rejection_status != 0 ? Execution::event_loop : exchange.admission.execution;
    if (execution == Execution::event_loop) {
        request.on_event_loop = true;
        return send(connection, server.dispatch()(request), server.closing_connections());
    }
    return hand_off(exchange, connection, server.workers(execution));
}

MHD_Result on_access(void* cls, MHD_Connection* connection, const char* url, const char* method, const char*,
                     const char* upload_data, size_t* upload_data_size, void** con_cls)
{
    auto* exchange = static_cast<Exchange*>(*con_cls);
    if (!exchange) // on_request_target makes one for every request; this is only a safety net
        *con_cls = exchange = new Exchange(static_cast<HttpServer*>(cls));
    if (!exchange->started)
        return begin_request(*exchange, connection, url, method);
    if (exchange->awaiting_session) {
        MHD_Result result = continue_after_session(*exchange, connection, *upload_data_size);
        if (exchange->dispatched || *upload_data_size == 0)
            return result;
    }
    if (*upload_data_size > 0) {
        receive_body(*exchange, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (exchange->response)
        return send(connection, *exchange->response, exchange->server->closing_connections());
    if (exchange->dispatched)
        return MHD_YES;
    return finish_request(*exchange, connection);
}

} // namespace

HttpServer::HttpServer(Options options, Admit admit, AdmitSession admit_session, Dispatch dispatch)
    : m_options(std::move(options)), m_admit(std::move(admit)), m_admit_session(std::move(admit_session)),
      m_dispatch(std::move(dispatch))
{
}

HttpServer::~HttpServer()
{
    stop();
}

std::string HttpServer::start()
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_options.port);
    if (inet_pton(AF_INET, m_options.host.c_str(), &address.sin_addr) != 1)
        return "cannot listen on " + m_options.host + ": not an IPv4 address";

    m_workers = std::make_unique<WorkerPool>(m_options.worker_threads);
    m_hashers = std::make_unique<WorkerPool>(m_options.hashing_threads);
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC | MHD_USE_TURBO;
    m_daemon = MHD_start_daemon(
        flags, m_options.port, &on_accept, this, &on_access, this, MHD_OPTION_SOCK_ADDR, &address,
        MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(m_options.io_threads), MHD_OPTION_CONNECTION_LIMIT,
        static_cast<unsigned>(m_options.max_connections), MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        static_cast<unsigned>(m_options.max_connections_per_ip), MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        static_cast<size_t>(m_options.max_header_bytes), MHD_OPTION_CONNECTION_TIMEOUT,
        static_cast<unsigned>(m_options.connection_timeout_seconds), MHD_OPTION_NOTIFY_COMPLETED,
        &on_completed, nullptr, MHD_OPTION_URI_LOG_CALLBACK, &on_request_target, this, MHD_OPTION_END);
    if (!m_daemon)
        return "cannot listen on " + m_options.host + ":" + std::to_string(m_options.port) +
               " (is the port in use?)";
    return "";
}

void HttpServer::stop_accepting()
{
    m_accepting.store(false);
    // New connections are then refused by the kernel instead of accepted and closed: a proxy sees the
    // refusal before it has sent anything and passes the request to another node, a POST too. The
    // socket stays open (libmicrohttpd closes it when it stops), so its epoll sets stay valid;
    // libmicrohttpd takes the EINVAL of accept() on it as a shutdown.
    if (m_daemon)
        if (const auto* info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_LISTEN_FD))
            ::shutdown(info->listen_fd, SHUT_RDWR);
}

bool HttpServer::drain(int timeout_ms)
{
    for (int waited = 0; waited < timeout_ms; waited += 10) {
        if (m_in_flight.load() == 0)
            return true;
        ::usleep(10 * 1000);
    }
    return m_in_flight.load() == 0;
}

void HttpServer::stop()
{
    if (m_daemon) {
        // After a graceful stop (stop_accepting, drain) the wait is over; otherwise give the requests
        // in flight a moment.
        if (m_accepting.exchange(false))
            drain(10000);
        MHD_stop_daemon(m_daemon);
        m_daemon = nullptr;
    }
    if (m_workers)
        m_workers->stop();
    if (m_hashers)
        m_hashers->stop();
}

std::size_t HttpServer::worker_queue() const
{
    return (m_workers ? m_workers->queued() : 0) + (m_hashers ? m_hashers->queued() : 0);
}

} // namespace rekrut::web
