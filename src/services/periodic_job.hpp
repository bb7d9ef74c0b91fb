#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace rekrut::services {

/// Runs `work` every `interval` on its own thread until stopped. The work must be safe to run on
/// several server instances at once (conditional updates), since each instance runs its own jobs.
class PeriodicJob {
public:
    PeriodicJob(std::string name, std::chrono::seconds interval, std::function<void()> work);
    ~PeriodicJob();
    PeriodicJob(const PeriodicJob&) = delete;
    PeriodicJob& operator=(const PeriodicJob&) = delete;
    void stop();

private:
    std::string m_name;
    std::chrono::seconds m_interval;
    std::function<void()> m_work;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace rekrut::services
