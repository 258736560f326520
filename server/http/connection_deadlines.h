// Deadlines for the parts of a connection the client controls (its request head, its body, the pause between two
// requests): a thread shuts the reading side of a connection whose deadline passed. Poco's timeouts bound each single
// receive only, so a client trickling one byte a second (slowloris) would otherwise hold a worker for ever.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include <Poco/Net/StreamSocket.h>

namespace motcua::server {

class ConnectionDeadlines {
public:
    using Clock = std::chrono::steady_clock;

    ConnectionDeadlines();  // starts the watching thread
    ~ConnectionDeadlines();
    ConnectionDeadlines(const ConnectionDeadlines&) = delete;
    ConnectionDeadlines& operator=(const ConnectionDeadlines&) = delete;

    // The connection must have read what it waits for within `within` from now.
    void Arm(const Poco::Net::StreamSocket& socket, Clock::duration within);
    // No deadline while the server itself works on the request.
    void Disarm(const Poco::Net::StreamSocket& socket);
    // Stops tracking; call before the connection closes its socket, so a reused descriptor is never shut.
    void Forget(const Poco::Net::StreamSocket& socket);
    // Whether the connection's reading was shut because a deadline passed.
    bool Expired(const Poco::Net::StreamSocket& socket) const;

private:
    struct Entry {
        Poco::Net::StreamSocket socket;
        Clock::time_point deadline = Clock::time_point::max();
        bool expired = false;
    };
    void Run();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<const void*, Entry> m_entries;  // by the socket's implementation, shared by its copies
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace motcua::server
