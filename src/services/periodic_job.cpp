#include "services/periodic_job.hpp"

#include "core/log.hpp"
#include "core/text.hpp"

namespace rekrut::services {

PeriodicJob::PeriodicJob(std::string name, std::chrono::seconds interval, std::function<void()> work)
    : m_name(std::move(name)), m_interval(interval), m_work(std::move(work))
{
    m_thread = std::thread([this] {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            lock.unlock();
            try {
                m_work();
            } catch (const std::exception& error) {
                core::log_event("error", "job_failed",
                                "\"job\":\"" + m_name + "\",\"error\":\"" + core::json_escape(error.what()) +
                                    "\"");
            }
            lock.lock();
            m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
        }
    });
}

PeriodicJob::~PeriodicJob()
{
    stop();
}

void PeriodicJob::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace rekrut::services
