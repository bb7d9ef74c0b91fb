#include "web/metrics.hpp"

#include <cstdio>

namespace rekrut::web {
namespace {

std::string label(const std::string& value)
{
    std::string out;
    for (char ch : value) {
        if (ch == '\\' || ch == '"')
            out += '\\';
        if (ch == '\n') {
            out += "\\n";
            continue;
        }
        out += ch;
    }
    return out;
}

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

} // namespace

void Metrics::observe(const std::string& route, const std::string& method, unsigned status, double seconds)
{
    std::string key = "route=\"" + label(route) + "\",method=\"" + label(method) + "\",status=\"" +
                      std::to_string(status) + "\"";
    std::lock_guard lock(m_mutex);
    ++m_requests[key];
    Histogram& histogram = m_latency[route];
    for (std::size_t i = 0; i < k_buckets.size(); ++i)
        if (seconds <= k_buckets[i])
            ++histogram.buckets[i];
    ++histogram.count;
    histogram.sum += seconds;
}

std::string Metrics::render(const Gauges& gauges) const
{
    std::string out;
    out += "# HELP rekrut_http_requests_total HTTP requests by route, method and status.\n";
    out += "# TYPE rekrut_http_requests_total counter\n";
    std::lock_guard lock(m_mutex);
    for (const auto& [labels, count] : m_requests)
        out += "rekrut_http_requests_total{" + labels + "} " + std::to_string(count) + "\n";
    out += "# HELP rekrut_http_request_duration_seconds Time from the complete request to the response.\n";
    out += "# TYPE rekrut_http_request_duration_seconds histogram\n";
    for (const auto& [route, histogram] : m_latency) {
        std::string route_label = "route=\"" + label(route) + "\"";
        for (std::size_t i = 0; i < k_buckets.size(); ++i)
            out += "rekrut_http_request_duration_seconds_bucket{" + route_label + ",le=\"" +
                   number(k_buckets[i]) + "\"} " + std::to_string(histogram.buckets[i]) + "\n";
        out += "rekrut_http_request_duration_seconds_bucket{" + route_label + ",le=\"+Inf\"} " +
               std::to_string(histogram.count) + "\n";
        out +=
            "rekrut_http_request_duration_seconds_sum{" + route_label + "} " + number(histogram.sum) + "\n";
        out += "rekrut_http_request_duration_seconds_count{" + route_label + "} " +
               std::to_string(histogram.count) + "\n";
    }
    out += "# HELP rekrut_db_pool_sessions_in_use Database sessions leased right now.\n";
    out += "# TYPE rekrut_db_pool_sessions_in_use gauge\n";
    out += "rekrut_db_pool_sessions_in_use " + std::to_string(gauges.database_sessions_in_use) + "\n";
    out += "# HELP rekrut_db_pool_size Database sessions in the pool.\n";
    out += "# TYPE rekrut_db_pool_size gauge\n";
    out += "rekrut_db_pool_size " + std::to_string(gauges.database_pool_size) + "\n";
    out += "# HELP rekrut_http_requests_in_flight Requests handed to the worker pool and not yet answered.\n";
    out += "# TYPE rekrut_http_requests_in_flight gauge\n";
    out += "rekrut_http_requests_in_flight " + std::to_string(gauges.requests_in_flight) + "\n";
    out += "# HELP rekrut_worker_queue_length Requests waiting for a worker thread.\n";
    out += "# TYPE rekrut_worker_queue_length gauge\n";
    out += "rekrut_worker_queue_length " + std::to_string(gauges.worker_queue) + "\n";
    return out;
}

} // namespace rekrut::web
