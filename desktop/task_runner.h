// Runs server calls off the UI thread and hands their outcome back on it, so that a slow network never freezes the
// desk.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace motcua::desktop {

// Hands a call to the UI thread, to run there later (wx: CallAfter; WxUiQueue in desktop/app).
using UiQueue = std::function<void(std::function<void()>)>;

// Where work runs and where its outcome is delivered. The desk runs work on worker threads and delivers through
// wx's CallAfter (ThreadPoolTaskRunner); presenter tests deliver step by step on their own thread.
class ITaskRunner {
public:
    virtual ~ITaskRunner() = default;
    // `work` runs on a worker thread, then `deliver` on the UI thread. Neither throws (TaskScope wraps them).
    virtual void Post(std::function<void()> work, std::function<void()> deliver) = 0;
};

// A presenter's tasks: it starts them through its scope, and outcomes that arrive after the scope is gone, or after
// CancelPending, are dropped, so a late answer never reaches a closed window or overwrites a newer one. Used on
// the UI thread only (outcomes are delivered there too).
class TaskScope {
public:
    explicit TaskScope(ITaskRunner& runner) : m_runner(runner), m_state(std::make_shared<State>()) {}
    ~TaskScope() { m_state->alive = false; }
    TaskScope(const TaskScope&) = delete;
    TaskScope& operator=(const TaskScope&) = delete;

    // `work` runs off the UI thread and must touch nothing the UI thread uses (the API client is safe); `done`
    // gets its result on the UI thread, `failed` what it threw.
    template <typename T, typename Work, typename Done, typename Failed>
    void Run(Work work, Done done, Failed failed)
    {
        auto result = std::make_shared<T>();
        auto error = std::make_shared<std::exception_ptr>();
        Start(
            [work = std::move(work), result, error]() mutable {
                try {
                    *result = work();
                } catch (...) {
                    *error = std::current_exception();
                }
            },
            [done = std::move(done), failed = std::move(failed), result, error]() mutable {
                if (*error)
                    failed(*error);
                else
                    done(std::move(*result));
            });
    }
    // The same for work without a result.
    template <typename Work, typename Done, typename Failed>
    void RunVoid(Work work, Done done, Failed failed)
    {
        auto error = std::make_shared<std::exception_ptr>();
        Start(
            [work = std::move(work), error]() mutable {
                try {
                    work();
                } catch (...) {
                    *error = std::current_exception();
                }
            },
            [done = std::move(done), failed = std::move(failed), error]() mutable {
                if (*error)
                    failed(*error);
                else
                    done();
            });
    }

    // Outcomes of the tasks started so far will be dropped (their work still finishes on its thread).
    void CancelPending() noexcept;
    // Tasks started whose outcome has not been delivered or dropped yet.
    std::size_t Pending() const noexcept { return m_state->pending; }
    bool Busy() const noexcept { return m_state->pending > 0; }

private:
    struct State {
        bool alive = true;
        unsigned generation = 0;
        std::size_t pending = 0;
    };
    void Start(std::function<void()> work, std::function<void()> deliver);

    ITaskRunner& m_runner;
    std::shared_ptr<State> m_state;
};

// Worker threads taking tasks in order, delivering through a function that queues a call on the UI thread (wx:
// CallAfter). Two workers by default: a clerk's PC has two cores, and the calls mostly wait on the network.
class ThreadPoolTaskRunner final : public ITaskRunner {
public:
    explicit ThreadPoolTaskRunner(UiQueue toUiThread, std::size_t workers = 2);
    // Waits for the work under way (bounded by the HTTP timeouts); work not started is dropped undelivered.
    ~ThreadPoolTaskRunner() override;
    ThreadPoolTaskRunner(const ThreadPoolTaskRunner&) = delete;
    ThreadPoolTaskRunner& operator=(const ThreadPoolTaskRunner&) = delete;

    void Post(std::function<void()> work, std::function<void()> deliver) override;

private:
    void WorkerLoop();

    UiQueue m_toUiThread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::pair<std::function<void()>, std::function<void()>>> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

}  // namespace motcua::desktop
