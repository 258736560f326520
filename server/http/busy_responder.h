// Answers connections the service has no room for, instead of Poco's silent drop when its queue is full: writes a
// prepared 503 with Retry-After, shuts the writing side, then reads and discards what the client still sends until it
// closes (at most a few seconds). Closing with unread input would make the kernel reset the connection, and the
// client would lose the answer before reading it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include <Poco/Net/StreamSocket.h>

namespace motcua::server {

class BusyResponder {
public:
    // `answer` makes the whole HTTP response, head and body, written to each refused connection; it is called once,
    // at the first refusal (a busy answer is logged when made, and a service that is never full should not log one).
    explicit BusyResponder(std::function<std::string()> answer);
    ~BusyResponder();
    BusyResponder(const BusyResponder&) = delete;
    BusyResponder& operator=(const BusyResponder&) = delete;

    // Takes the connection over; returns at once (the accepting thread calls it).
    void Answer(const Poco::Net::StreamSocket& socket);

private:
    struct Lingering {
        Poco::Net::StreamSocket socket;
        std::chrono::steady_clock::time_point until;
    };
    void Run();
    void Start(Poco::Net::StreamSocket& socket);
    static bool Drained(Poco::Net::StreamSocket& socket);

    std::function<std::string()> m_makeAnswer;
    std::string m_answer;  // made and used by the thread only
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Poco::Net::StreamSocket> m_incoming;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace motcua::server
