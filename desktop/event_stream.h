// The staff API's live push (GET /staff/v1/events, server-sent events): its parser, its events in the desk's terms,
// and a client that keeps the stream open on its own thread and hands what arrives to the UI thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "desktop/staff_api.h"
#include "desktop/task_runner.h"
#include "model/dossier.h"

namespace Poco::Net {
class HTTPClientSession;
}

namespace motcua::desktop {

struct ServerSentEvent {
    std::string id;  // the last event id in force when it was dispatched
    std::string type = "message";
    std::string data;
};

// The text/event-stream format (the WHATWG HTML standard, "server-sent events"), fed line by line.
class SseParser {
public:
    // One line without its line ending (a trailing '\r' is dropped); an event when the line (an empty one)
    // completes it.
    std::optional<ServerSentEvent> Line(std::string_view line);
    // Forgets a half-received event (a new connection starts clean) but keeps the last event id.
    void DropPending();
    const std::string& LastEventId() const noexcept { return m_lastId; }
    // The server's "retry:" in milliseconds, if it sent one.
    std::optional<std::chrono::milliseconds> Retry() const noexcept { return m_retry; }

private:
    std::string m_type;
    std::string m_data;
    bool m_hasData = false;
    std::string m_lastId;
    std::optional<std::chrono::milliseconds> m_retry;
};

// `event: dossier`: a change to a dossier in the caller's scope.
struct DossierEvent {
    std::int64_t eventId = 0;
    std::int64_t dossierId = 0;
    std::string code;
    int version = 0;
    std::string what;  // the action's name as in kActionNames ("submit", "accept", …)
    std::optional<NationalStatus> status;
    std::vector<std::string> agencies;
};
// Throws Error(Internal) naming the member that is missing or mistyped.
DossierEvent ParseDossierEvent(const std::string& json);

enum class LiveState {
    Connecting,    // the first attempt
    Connected,     // the stream is open
    Reconnecting,  // it dropped or could not be opened; retried after a pause
    Unavailable,   // the server has no event stream (404): not retried
    Unauthorized,  // the session's token was refused (401): not retried until started again
};

// Told on the UI thread.
class ILiveEventsListener {
public:
    virtual ~ILiveEventsListener() = default;
    virtual void LiveStateChanged(LiveState state) = 0;
    virtual void DossierEventArrived(const DossierEvent& event) = 0;
    // The server could not resume from the last event id: whatever is shown may be stale.
    virtual void ResetArrived() = 0;
};

struct EventStreamOptions {
    std::chrono::milliseconds connectTimeout{5000};
    // Silence after which the connection counts as dead: three missed 15-second heartbeats.
    std::chrono::milliseconds idleTimeout{45000};
    std::chrono::milliseconds firstRetry{500};
    std::chrono::milliseconds maxRetry{30000};
};

// Reads the stream on one background thread (one connection, mostly waiting), reconnects with a doubling pause
// after a drop, and sends Last-Event-ID so the server can resume. Start and Stop are called on the UI thread.
class EventStreamClient {
public:
    // `target` is asked on the stream's thread before every connection (IStaffApi::EventsTarget is safe there).
    EventStreamClient(std::function<EventStreamTarget()> target, UiQueue toUiThread, EventStreamOptions options = {});
    ~EventStreamClient();
    EventStreamClient(const EventStreamClient&) = delete;
    EventStreamClient& operator=(const EventStreamClient&) = delete;

    // Stops a stream already running, then connects anew; `listener` hears from it until Stop.
    void Start(ILiveEventsListener& listener);
    // Closes the connection and waits for the thread; nothing is delivered afterwards.
    void Stop();
    bool Running() const noexcept { return m_thread.joinable(); }

private:
    struct Delivery;
    enum class Outcome { Dropped, NotFound, Unauthorized };
    void Run();
    Outcome ConnectAndRead(SseParser& parser, bool& connected);
    void Deliver(std::function<void(ILiveEventsListener&)> call);
    bool Stopping();

    std::function<EventStreamTarget()> m_target;
    UiQueue m_toUiThread;
    EventStreamOptions m_options;
    std::shared_ptr<Delivery> m_delivery;
    std::mutex m_mutex;  // guards m_stopping and m_session
    std::condition_variable m_wake;
    bool m_stopping = false;
    Poco::Net::HTTPClientSession* m_session = nullptr;  // the open connection, to shut down from Stop
    std::thread m_thread;
};

}  // namespace motcua::desktop
