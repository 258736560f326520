// The staff's event streams (server-sent events) without a thread each: one thread owns every stream's socket,
// detached from Poco's HTTP server, non-blocking in one PollSet, each with a capped backlog; events published from
// any thread are encoded once and shared, recent ones kept in a ring for Last-Event-ID.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Net/DatagramSocket.h>
#include <Poco/Net/StreamSocket.h>

#include "server/http/http_request.h"
#include "server/http/http_response.h"
#include "server/live/live_event.h"

namespace motcua::server {

struct EventHubOptions {
    std::size_t ringSize = 4096;  // recent events a reconnecting stream can resume after
    std::size_t maxPendingBytes =
        std::size_t{256} * 1024;  // a stream's backlog beyond the kernel's buffer; more drops it
    std::chrono::milliseconds heartbeat{15000};
    int sendBufferBytes = 32 * 1024;               // SO_SNDBUF: a client that stops reading fills it soon
    std::chrono::milliseconds userTimeout{30000};  // TCP_USER_TIMEOUT: a vanished client is dropped in seconds
};

class EventHub {
public:
    explicit EventHub(EventHubOptions options = {});
    ~EventHub();
    EventHub(const EventHub&) = delete;
    EventHub& operator=(const EventHub&) = delete;

    void Start();
    // Closes every stream (Poco's server does not know detached sockets) and stops the thread. Safe to call twice.
    void Stop();

    // Takes a socket detached after its request was authenticated, writes the response head, then the events after
    // `lastEventId` (the Last-Event-ID header, empty when absent), or `event: reset` when they are no longer known.
    void Attach(const Poco::Net::StreamSocket& socket, LiveScope scope, const std::string& lastEventId);
    // Sends each event to every stream whose scope covers it, in this order. Any thread.
    void Publish(std::vector<LiveEvent> events);

    std::size_t Streams() const noexcept { return m_streamCount.load(); }
    // Streams dropped because their client vanished or stopped reading (not those closed at Stop).
    std::uint64_t Dropped() const noexcept { return m_dropped.load(); }

private:
    struct Stream;
    struct Incoming {
        Poco::Net::StreamSocket socket;
        LiveScope scope;
        std::string lastEventId;
    };
    class Loop;

    void Wake();

    EventHubOptions m_options;
    Poco::Net::DatagramSocket m_wakeReceiver;  // in the poll set: a datagram interrupts the wait
    Poco::Net::DatagramSocket m_wakeSender;
    std::atomic<bool> m_wakePending{false};
    std::mutex m_mutex;  // guards what other threads hand to the loop
    std::vector<Incoming> m_incoming;
    std::vector<LiveEvent> m_published;
    bool m_stopping = false;
    std::atomic<std::size_t> m_streamCount{0};
    std::atomic<std::uint64_t> m_dropped{0};
    std::thread m_thread;
};

// GET /staff/v1/events for an authenticated caller: a response that hands the connection to `hub`.
HttpResponse OpenEventStream(EventHub& hub, const StaffMember& staff, const HttpRequest& request);

}  // namespace motcua::server
