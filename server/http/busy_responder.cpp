#include "server/http/busy_responder.h"

#include <vector>

#include <Poco/Exception.h>

namespace motcua::server {

namespace {

constexpr auto kLinger = std::chrono::seconds(2);
constexpr auto kRound = std::chrono::milliseconds(20);
// Beyond this many refused connections in hand, more are closed at once: a flood must not cost us memory.
constexpr std::size_t kMaxLingering = 1024;

}  // namespace

BusyResponder::BusyResponder(std::function<std::string()> answer)
    : m_makeAnswer(std::move(answer)),
      m_thread([this] { Run(); })
{}

BusyResponder::~BusyResponder()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void BusyResponder::Answer(const Poco::Net::StreamSocket& socket)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_incoming.size() >= kMaxLingering)
            return;  // the last copy goes: closed
        m_incoming.push_back(socket);
    }
    m_wake.notify_all();
}

// The answer fits in an empty send buffer, so the non-blocking write completes; the reading side stays open.
void BusyResponder::Start(Poco::Net::StreamSocket& socket)
{
    if (m_answer.empty())
        m_answer = m_makeAnswer();
    socket.setBlocking(false);
    socket.sendBytes(m_answer.data(), static_cast<int>(m_answer.size()));
    socket.shutdownSend();
}

// Reads what is there; true once the client has closed (or the connection failed).
bool BusyResponder::Drained(Poco::Net::StreamSocket& socket)
{
    char buffer[4096];
    for (;;) {
        const int got = socket.receiveBytes(buffer, sizeof buffer);
        if (got < 0)
            return false;  // nothing more for now (would block)
        if (got == 0)
            return true;
    }
}

void BusyResponder::Run()
{
    std::vector<Lingering> lingering;
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto ready = [this] { return m_stopping || !m_incoming.empty(); };
        if (lingering.empty())
            m_wake.wait(lock, ready);
        else
            m_wake.wait_for(lock, kRound, ready);
        if (m_stopping)
            return;
        std::deque<Poco::Net::StreamSocket> incoming;
        incoming.swap(m_incoming);
        lock.unlock();
        const auto now = std::chrono::steady_clock::now();
        for (Poco::Net::StreamSocket& socket : incoming) {
            try {
                Start(socket);
                lingering.push_back({socket, now + kLinger});
            } catch (const Poco::Exception&) {  // gone already: closed when the copy goes
            }
        }
        std::erase_if(lingering, [now](Lingering& l) {
            try {
                return Drained(l.socket) || now >= l.until;
            } catch (const Poco::Exception&) {
                return true;
            }
        });
        lock.lock();
    }
}

}  // namespace motcua::server
