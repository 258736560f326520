// A background thread that runs one job every interval until stopped (the server's scheduled jobs).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace motcua::server {

class PeriodicTask {
public:
    // `job` runs first after one interval, then every interval; an exception it throws is reported through `onError`
    // (with `name`) and the task goes on. An interval of zero makes Start() do nothing.
    PeriodicTask(std::string name, std::chrono::seconds interval, std::function<void()> job,
                 std::function<void(const std::string&)> onError);
    ~PeriodicTask();
    PeriodicTask(const PeriodicTask&) = delete;
    PeriodicTask& operator=(const PeriodicTask&) = delete;

    void Start();
    void Stop();  // waits for a running job to finish

private:
    void Run();

    std::string m_name;
    std::chrono::seconds m_interval;
    std::function<void()> m_job;
    std::function<void(const std::string&)> m_onError;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace motcua::server
