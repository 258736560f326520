// What the benchmarks talk to a server with: one HTTP call on a kept session, and raw event-stream clients.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <Poco/Net/HTTPClientSession.h>

#include "bench/measurement.h"

namespace motcua::bench {

struct Reply {
    int status = 0;
    std::string body;
};

// `method` `path` with a bearer `token` (none when empty) and a JSON `body` (none when empty); status and body.
Reply Call(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
           const std::string& token, const std::string& body = {});

// POST /staff/v1/login on 127.0.0.1:`port`; the session's token. Throws when the login is refused.
std::string StaffToken(std::uint16_t port, const std::string& username, const std::string& password);

// `count` raw GET /staff/v1/events streams of `token`'s agency, every socket read by one thread through epoll (the
// clients hold no thread each either), recording when each dossier event arrived.
class StreamClients {
public:
    StreamClients(std::uint16_t port, const std::string& token, int count);
    ~StreamClients();
    StreamClients(const StreamClients&) = delete;
    StreamClients& operator=(const StreamClients&) = delete;

    int Open() const { return m_open.load(); }
    int Closed() const { return m_closed.load(); }
    // Arrival times of every dossier event, by dossier id and kind ("submit"/"accept"), one per stream.
    std::map<std::pair<std::int64_t, std::string>, std::vector<SteadyClock::time_point>> Arrivals();

private:
    struct Stream {
        int fd;
        std::string input;
        bool headSeen;
        int events;
    };

    void Run();
    void Parse(Stream& s, SteadyClock::time_point now);

    int m_epoll;
    std::vector<Stream> m_streams;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_open{0};
    std::atomic<int> m_closed{0};
    std::mutex m_mutex;
    std::map<std::pair<std::int64_t, std::string>, std::vector<SteadyClock::time_point>> m_arrivals;
    std::thread m_thread;
};

}  // namespace motcua::bench
