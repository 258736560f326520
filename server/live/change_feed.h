// How this process learns of every committed change of a dossier, its own and other processes': change_event rows
// (written by a trigger) read after a PostgreSQL NOTIFY, which each process sends at most once per short window after
// its own commits (never from the committing transactions: a pg_notify in each serialises commits). The events go
// to the EventHub.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "model/postgres/store.h"
#include "server/live/event_hub.h"

namespace motcua::server {

struct ChangeFeedOptions {
    std::chrono::milliseconds notifyWindow{50};  // pokes within it make one NOTIFY (the first goes out at once)
    // Read even without a notification: writers other than the servers, a notification missed while reconnecting.
    std::chrono::milliseconds safetyRead{2000};
    int batchSize = 1000;
};

class ChangeFeed {
public:
    ChangeFeed(pg::Store& store, EventHub& hub, ChangeFeedOptions options,
               std::function<void(const std::string&)> report);
    ~ChangeFeed();
    ChangeFeed(const ChangeFeed&) = delete;
    ChangeFeed& operator=(const ChangeFeed&) = delete;

    // Starts listening; the changes committed from now on are published.
    void Start();
    void Stop();
    // This process committed a change: every process, this one too, is notified within the window. Cheap, any thread.
    void Poke();

private:
    void Run();
    // Places the cursor at the present.
    void Begin();
    void Report(const std::exception& e);
    // Reads every event past the cursor; publishes them unless `publish` is false (the first read after start).
    void Read(bool publish);
    void WaitBeforeRetry();

    pg::Store& m_store;
    EventHub& m_hub;
    ChangeFeedOptions m_options;
    std::function<void(const std::string&)> m_report;
    int m_wakeFd = -1;  // an eventfd: Poke and Stop interrupt the listener's wait
    std::atomic<bool> m_poked{false};
    std::atomic<bool> m_stopping{false};
    bool m_begun = false;
    bool m_failing = false;  // the last attempt to listen or read failed (reported once)
    pg::ChangeCursor m_cursor;
    // Events read past the cursor before their transaction settled, by id: not to be published twice.
    std::map<std::int64_t, pg::ChangeCursor> m_unsettled;
    std::thread m_thread;
};

}  // namespace motcua::server
