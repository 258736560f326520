#include "server/http/connection_deadlines.h"

#include <Poco/Exception.h>

namespace motcua::server {

namespace {

// How often deadlines are checked: a connection is cut at most this long after its deadline.
constexpr auto kResolution = std::chrono::milliseconds(100);

}  // namespace

ConnectionDeadlines::ConnectionDeadlines() : m_thread([this] { Run(); }) {}

ConnectionDeadlines::~ConnectionDeadlines()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void ConnectionDeadlines::Arm(const Poco::Net::StreamSocket& socket, Clock::duration within)
{
    std::lock_guard lock(m_mutex);
    Entry& e = m_entries[socket.impl()];
    e.socket = socket;
    e.deadline = Clock::now() + within;
}

void ConnectionDeadlines::Disarm(const Poco::Net::StreamSocket& socket)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_entries.find(socket.impl());
    if (found != m_entries.end())
        found->second.deadline = Clock::time_point::max();
}

void ConnectionDeadlines::Forget(const Poco::Net::StreamSocket& socket)
{
    std::lock_guard lock(m_mutex);
    m_entries.erase(socket.impl());
}

bool ConnectionDeadlines::Expired(const Poco::Net::StreamSocket& socket) const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_entries.find(socket.impl());
    return found != m_entries.end() && found->second.expired;
}

void ConnectionDeadlines::Run()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, kResolution, [this] { return m_stopping; })) {
        const Clock::time_point now = Clock::now();
        for (auto& [key, e] : m_entries) {
            if (e.expired || e.deadline > now)
                continue;
            e.expired = true;
            // The blocked read returns end of input; Poco then ends the connection (with 400 when a head was cut).
            try {
                e.socket.shutdownReceive();
            } catch (const Poco::Exception&) {
            }
        }
    }
}

}  // namespace motcua::server
