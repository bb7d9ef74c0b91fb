#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>

namespace rekrut::web {

/// Request counts and latency for /metrics (Prometheus text format). Per process: each instance
/// behind a load balancer is scraped on its own.
class Metrics {
public:
    void observe(const std::string& route, const std::string& method, unsigned status, double seconds);

    struct Gauges {
        unsigned database_sessions_in_use = 0;
        unsigned database_pool_size = 0;
        std::size_t requests_in_flight = 0;
        std::size_t worker_queue = 0;
    };
    std::string render(const Gauges& gauges) const;

    static constexpr std::array<double, 10> k_buckets = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                         0.025,  0.05,  0.1,    0.5,   2.5};

private:
    struct Histogram {
        std::array<unsigned long long, k_buckets.size()> buckets{};
        unsigned long long count = 0;
        double sum = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::string, unsigned long long> m_requests; ///< Label set → count.
    std::map<std::string, Histogram> m_latency;           ///< Route → histogram.
};

} // namespace rekrut::web
