#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "integrations/jobnet_xml.hpp"

namespace rekrut::integrations::jobnet {

struct Settings {
    std::string endpoint; ///< "https://…/JobAdService" (http:// only on loopback, for the simulator).
    std::string username;
    std::string password;
    std::string service_namespace = std::string(k_default_namespace);
    long timeout_seconds = 20;
};

/// The connector to Jobnet's job-ad web service: one SOAP call per method, over one HTTPS connection
/// kept between calls. A refusal comes back as an error whose kind says whether to retry (see
/// read_reply); a connection failure, a timeout or an HTTP error without a SOAP fault is `unavailable`.
/// Not thread-safe: one per sending thread.
class Client {
public:
    explicit Client(Settings settings);
    ~Client();
    Client(Client&&) noexcept;
    Client& operator=(Client&&) noexcept;
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    core::Result<JobStatus> add(const JobAd& ad);
    core::Result<JobStatus> update(const std::string& job_id, const JobAd& ad);
    core::Result<JobStatus> publish(const std::string& job_id);
    core::Result<JobStatus> close(const std::string& job_id);
    core::Result<JobStatus> remove(const std::string& job_id);
    core::Result<JobStatus> get(const std::string& job_id);
    /// The ad with our reference, or nothing when Jobnet has none: how a retried AddJob learns that
    /// the first attempt arrived after all.
    core::Result<std::optional<JobStatus>> find(const std::string& reference);

private:
    core::Result<JobStatus> call(Operation operation, const JobAd* ad, const std::string& job_id,
                                 const std::string& reference);

    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace rekrut::integrations::jobnet
