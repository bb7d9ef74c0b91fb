#include "web/http_server.hpp"

#include <arpa/inet.h>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <microhttpd.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "web/worker_pool.hpp"

namespace rekrut::web {

/// Per-request state that lives across libmicrohttpd's calls for one request.
struct HttpServer::Exchange {
    HttpServer* server = nullptr;
    Request request;
    MHD_PostProcessor* post_processor = nullptr;
    std::size_t body_bytes = 0;
    bool too_large = false;
    bool malformed_body = false;
    bool dispatched = false;
    bool counted = false;
    int upload_fd = -1; ///< The file currently being received.
    std::optional<Response> response;

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

MHD_Result collect_header(void* cls, MHD_ValueKind, const char* key, const char* value)
{
    auto* request = static_cast<Request*>(cls);
    if (!key)
        return MHD_YES;
    std::string text = value ? value : "";
    auto existing = request->headers.find(key);
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
    if (key && !request->cookies.count(key))
        request->cookies[key] = value ? value : "";
    return MHD_YES;
}

MHD_Result collect_query(void* cls, MHD_ValueKind, const char* key, const char* value)
{
    auto* request = static_cast<Request*>(cls);
    if (key)
        request->query.emplace_back(key, value ? value : "");
    return MHD_YES;
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
        if (offset == 0 || request.form.empty() || request.form.back().first != key)
            request.form.emplace_back(key, std::string());
        request.form.back().second.append(data, size);
        return MHD_YES;
    }
    if (offset == 0) {
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

/// Copies what the application needs from the connection on the first call.
void start_request(Exchange& exchange, MHD_Connection* connection, const char* url, const char* method)
{
    Request& request = exchange.request;
    request.method = method;
    request.path = url;
    request.request_id = core::random_hex(8);
    MHD_get_connection_values(connection, MHD_HEADER_KIND, collect_header, &request);
    MHD_get_connection_values(connection, MHD_COOKIE_KIND, collect_cookie, &request);
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, collect_query, &request);
    if (const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS)) {
        char text[INET6_ADDRSTRLEN] = {};
        const sockaddr* address = info->client_addr;
        if (address->sa_family == AF_INET)
            inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
        else if (address->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
                      sizeof text);
        request.remote_ip = text;
    }
}

MHD_Result on_access(void* cls, MHD_Connection* connection, const char* url, const char* method, const char*,
                     const char* upload_data, size_t* upload_data_size, void** con_cls)
{
    auto* server = static_cast<HttpServer*>(cls);
    auto* exchange = static_cast<Exchange*>(*con_cls);

    if (!exchange) {
        exchange = new Exchange;
        exchange->server = server;
        *con_cls = exchange;
        start_request(*exchange, connection, url, method);
        Request& request = exchange->request;
        if (auto length = request.header("Content-Length")) {
            char* end = nullptr;
            unsigned long long declared = std::strtoull(length->c_str(), &end, 10);
            if (declared > server->options().max_body_bytes)
                exchange->too_large = true;
        }
        if (request.rejection_status != 0 || exchange->too_large) {
            // Refuse before reading the body; libmicrohttpd closes the connection afterwards.
            if (request.rejection_status == 0)
                request.rejection_status = 413;
            exchange->dispatched = true;
            return send(connection, server->dispatch()(request), !server->accepting());
        }
        if (request.is_state_changing())
            exchange->post_processor =
                MHD_create_post_processor(connection, std::size_t{32} * 1024, on_post_data, exchange);
        return MHD_YES;
    }

    if (*upload_data_size > 0) {
        exchange->body_bytes += *upload_data_size;
        if (exchange->body_bytes > server->options().max_body_bytes)
            exchange->too_large = true;
        if (!exchange->too_large && !exchange->malformed_body) {
            if (exchange->post_processor) {
                if (MHD_post_process(exchange->post_processor, upload_data, *upload_data_size) != MHD_YES)
                    exchange->malformed_body = true;
            } else {
                exchange->request.body.append(upload_data, *upload_data_size);
            }
        }
        *upload_data_size = 0;
        return MHD_YES;
    }

    if (exchange->response)
        return send(connection, *exchange->response, !server->accepting());
    if (exchange->dispatched)
        return MHD_YES;
    exchange->dispatched = true;

    // The post processor reports a trailing empty field only when destroyed, so finish it first.
    if (exchange->post_processor) {
        if (MHD_destroy_post_processor(exchange->post_processor) != MHD_YES)
            exchange->malformed_body = true;
        exchange->post_processor = nullptr;
    }
    exchange->close_upload();

    Request& request = exchange->request;
    if (exchange->too_large)
        request.rejection_status = 413;
    else if (exchange->malformed_body || !core::is_valid_utf8(request.path) ||
             !fields_are_utf8(request.query) || !fields_are_utf8(request.form))
        request.rejection_status = 400;
    for (const auto& file : request.files)
        if (!core::is_valid_utf8(file.filename))
            request.rejection_status = 400;

    Execution execution = request.rejection_status != 0 ? Execution::event_loop : server->classify()(request);
    if (execution == Execution::event_loop)
        return send(connection, server->dispatch()(request), !server->accepting());

    WorkerPool& pool = server->workers(execution);
    if (pool.queued() >= server->options().max_queued_requests) {
        // Overload: answer at once rather than let the queue, and every visitor's wait, grow without end.
        request.rejection_status = 503;
        return send(connection, server->dispatch()(request), !server->accepting());
    }
    MHD_suspend_connection(connection);
    exchange->counted = true;
    ++server->in_flight_counter();
    pool.submit([server, exchange, connection] {
        exchange->response = server->dispatch()(exchange->request);
        MHD_resume_connection(connection);
    });
    return MHD_YES;
}

} // namespace

HttpServer::HttpServer(Options options, Classify classify, Dispatch dispatch)
    : m_options(std::move(options)), m_classify(std::move(classify)), m_dispatch(std::move(dispatch))
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
        &on_completed, nullptr, MHD_OPTION_END);
    if (!m_daemon)
        return "cannot listen on " + m_options.host + ":" + std::to_string(m_options.port) +
               " (is the port in use?)";
    return "";
}

void HttpServer::stop_accepting()
{
    m_accepting.store(false);
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
