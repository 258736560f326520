#include "server/periodic_task.h"

#include <exception>

namespace motcua::server {

PeriodicTask::PeriodicTask(std::string name, std::chrono::seconds interval, std::function<void()> job,
                           std::function<void(const std::string&)> onError)
    : m_name(std::move(name)),
      m_interval(interval),
      m_job(std::move(job)),
      m_onError(std::move(onError))
{}

PeriodicTask::~PeriodicTask()
{
    Stop();
}

void PeriodicTask::Start()
{
    if (m_interval <= std::chrono::seconds{0} || m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_thread = std::thread([this] { Run(); });
}

void PeriodicTask::Stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void PeriodicTask::Run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_wake.wait_for(lock, m_interval, [this] { return m_stopping; }))
            return;
        lock.unlock();
        try {
            m_job();
        } catch (const std::exception& e) {
            m_onError(m_name + ": " + e.what());
        }
        lock.lock();
    }
}

}  // namespace motcua::server
