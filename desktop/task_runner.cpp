#include "desktop/task_runner.h"

namespace motcua::desktop {

void TaskScope::CancelPending() noexcept
{
    ++m_state->generation;
    m_state->pending = 0;
}

void TaskScope::Start(std::function<void()> work, std::function<void()> deliver)
{
    const unsigned generation = m_state->generation;
    ++m_state->pending;
    // The delivery holds the state, not the scope: it runs on the UI thread, where the scope also dies, so checking
    // `alive` there cannot race with the destructor.
    m_runner.Post(std::move(work), [state = m_state, generation, deliver = std::move(deliver)]() mutable {
        if (!state->alive || state->generation != generation)
            return;
        --state->pending;
        deliver();
    });
}

ThreadPoolTaskRunner::ThreadPoolTaskRunner(UiQueue toUiThread, std::size_t workers)
    : m_toUiThread(std::move(toUiThread))
{
    for (std::size_t i = 0; i < (workers == 0 ? 1 : workers); ++i)
        m_workers.emplace_back([this] { WorkerLoop(); });
}

ThreadPoolTaskRunner::~ThreadPoolTaskRunner()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    for (std::thread& worker : m_workers)
        worker.join();
}

void ThreadPoolTaskRunner::Post(std::function<void()> work, std::function<void()> deliver)
{
    {
        const std::lock_guard lock(m_mutex);
        m_queue.emplace_back(std::move(work), std::move(deliver));
    }
    m_wake.notify_one();
}

void ThreadPoolTaskRunner::WorkerLoop()
{
    for (;;) {
        std::pair<std::function<void()>, std::function<void()>> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        task.first();
        m_toUiThread(std::move(task.second));
    }
}

}  // namespace motcua::desktop
