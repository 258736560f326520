#include "server/live/event_hub.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <deque>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unordered_map>

#include <Poco/Exception.h>
#include <Poco/Net/PollSet.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SecureStreamSocketImpl.h>
#include <Poco/Net/SocketAddress.h>

namespace motcua::server {

namespace {

using Frame = std::shared_ptr<const std::string>;
using SteadyClock = std::chrono::steady_clock;

const Frame& HeartbeatFrame()
{
    static const Frame kFrame = std::make_shared<const std::string>(": hb\n\n");
    return kFrame;
}

const Frame& ResetFrame()
{
    static const Frame kFrame = std::make_shared<const std::string>("event: reset\ndata: {}\n\n");
    return kFrame;
}

// No Content-Length and no chunking: the stream is the rest of the connection, and only we end it.
const Frame& HeadFrame()
{
    static const Frame kFrame = std::make_shared<const std::string>(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\n"
        "Connection: close\r\nX-Accel-Buffering: no\r\n\r\nretry: 2000\n\n");
    return kFrame;
}

void CloseQuietly(Poco::Net::StreamSocket& socket) noexcept
{
    try {
        socket.close();
    } catch (...) {  // NOLINT(bugprone-empty-catch): closing a broken socket has nothing left to report
    }
}

}  // namespace

struct EventHub::Stream {
    Poco::Net::StreamSocket socket;
    bool secure = false;  // a TLS connection: written and read through OpenSSL, not on the descriptor
    LiveScope scope;
    std::deque<Frame> pending;
    std::size_t offset = 0;  // already sent of pending.front()
    std::size_t pendingBytes = 0;
    bool writeArmed = false;
    bool overflowed = false;
};

// What only the hub's thread touches: the poll set, the streams and the ring.
class EventHub::Loop {
public:
    explicit Loop(EventHub& hub) : m_hub(hub), m_options(hub.m_options)
    {
        m_poll.add(m_hub.m_wakeReceiver, Poco::Net::PollSet::POLL_READ);
    }

    void Run()
    {
        auto nextBeat = SteadyClock::now() + m_options.heartbeat;
        for (;;) {
            const auto wait =
                std::clamp(std::chrono::duration_cast<std::chrono::milliseconds>(nextBeat - SteadyClock::now()),
                           std::chrono::milliseconds{0}, std::chrono::milliseconds{1000});
            const Poco::Net::PollSet::SocketModeMap ready = m_poll.poll(Poco::Timespan(wait.count() * 1000));
            for (const auto& [socket, mode] : ready)
                if (socket != m_hub.m_wakeReceiver)
                    Serve(socket, mode);
            DrainWake();
            std::vector<Incoming> incoming;
            std::vector<LiveEvent> published;
            {
                const std::lock_guard lock(m_hub.m_mutex);
                if (m_hub.m_stopping)
                    break;
                incoming.swap(m_hub.m_incoming);
                published.swap(m_hub.m_published);
            }
            for (Incoming& in : incoming)
                Add(std::move(in));
            for (LiveEvent& event : published)
                Send(std::move(event));
            if (SteadyClock::now() >= nextBeat) {
                for (auto& [impl, stream] : m_streams)
                    Enqueue(*stream, HeartbeatFrame());
                nextBeat = SteadyClock::now() + m_options.heartbeat;
            }
            FlushTouched();
        }
        CloseAll();
    }

private:
    void Serve(const Poco::Net::Socket& socket, int mode)
    {
        const auto found = m_streams.find(socket.impl());
        if (found == m_streams.end())
            return;
        Stream& stream = *found->second;
        if ((mode & Poco::Net::PollSet::POLL_ERROR) != 0 ||
            ((mode & Poco::Net::PollSet::POLL_READ) != 0 && !Discard(stream)) ||
            ((mode & Poco::Net::PollSet::POLL_WRITE) != 0 && !Flush(stream)))
            Drop(stream, true);
    }

    // Drains the wake socket before the loop takes what was handed to it, then lets the next hand-over wake it.
    void DrainWake()
    {
        char buffer[64];
        const int fd = m_hub.m_wakeReceiver.impl()->sockfd();
        while (::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0) {
        }
        m_hub.m_wakePending.store(false);
    }

    void Add(Incoming in)
    {
        auto stream = std::make_unique<Stream>();
        stream->socket = in.socket;  // a copy shares the descriptor (Poco 1.11 sockets do not move)
        stream->secure = dynamic_cast<Poco::Net::SecureStreamSocketImpl*>(in.socket.impl()) != nullptr;
        stream->scope = std::move(in.scope);
        try {
            Poco::Net::StreamSocket& socket = stream->socket;
            socket.setBlocking(false);
            socket.setNoDelay(true);
            socket.setSendBufferSize(m_options.sendBufferBytes);
            const int userTimeout = static_cast<int>(m_options.userTimeout.count());
            ::setsockopt(socket.impl()->sockfd(), IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeout, sizeof userTimeout);
            if (stream->secure) {
                // Poco 1.11's TLS socket keeps its inner socket "blocking" whatever setBlocking says, and then waits
                // out the socket's timeout when OpenSSL needs more input or room, holding up every stream. With a
                // one-millisecond timeout that wait ends at once as a TimeoutException: "would block" (SendSome).
                socket.setSendTimeout(Poco::Timespan(1000));
                socket.setReceiveTimeout(Poco::Timespan(1000));
            }
            m_poll.add(socket, Poco::Net::PollSet::POLL_READ);
        } catch (const Poco::Exception&) {
            CloseQuietly(stream->socket);
            return;
        }
        Stream& added = *stream;
        m_streams.emplace(added.socket.impl(), std::move(stream));
        m_hub.m_streamCount.store(m_streams.size());
        Enqueue(added, HeadFrame());
        Replay(added, in.lastEventId);
    }

    // The ring's events after `lastEventId` in the stream's scope; a reset when the id is unknown or too old.
    void Replay(Stream& stream, const std::string& lastEventId)
    {
        if (lastEventId.empty())
            return;
        std::int64_t id = 0;
        const auto [end, ec] = std::from_chars(lastEventId.data(), lastEventId.data() + lastEventId.size(), id);
        const auto found =
            ec == std::errc() && end == lastEventId.data() + lastEventId.size()
                ? std::find_if(m_ring.rbegin(), m_ring.rend(), [id](const LiveEvent& e) { return e.id == id; })
                : m_ring.rend();
        if (found == m_ring.rend()) {
            Enqueue(stream, ResetFrame());
            return;
        }
        for (auto next = found.base(); next != m_ring.end(); ++next)
            if (stream.scope.Covers(*next))
                Enqueue(stream, next->frame);
    }

    void Send(LiveEvent event)
    {
        for (auto& [impl, stream] : m_streams)
            if (stream->scope.Covers(event))
                Enqueue(*stream, event.frame);
        m_ring.push_back(std::move(event));
        if (m_ring.size() > m_options.ringSize)
            m_ring.pop_front();
    }

    void Enqueue(Stream& stream, const Frame& frame)
    {
        if (stream.overflowed)
            return;
        if (stream.pendingBytes + frame->size() > m_options.maxPendingBytes) {
            stream.overflowed = true;  // the client stopped reading: dropped when the round flushes
        } else {
            stream.pending.push_back(frame);
            stream.pendingBytes += frame->size();
        }
        m_touched.push_back(stream.socket.impl());
    }

    void FlushTouched()
    {
        std::sort(m_touched.begin(), m_touched.end());
        m_touched.erase(std::unique(m_touched.begin(), m_touched.end()), m_touched.end());
        for (const Poco::Net::SocketImpl* impl : m_touched) {
            const auto found = m_streams.find(impl);
            if (found != m_streams.end() && (found->second->overflowed || !Flush(*found->second)))
                Drop(*found->second, true);
        }
        m_touched.clear();
    }

    // Writes what the kernel takes now; false when the connection is gone.
    bool Flush(Stream& stream)
    {
        while (!stream.pending.empty()) {
            const std::string& frame = *stream.pending.front();
            const ssize_t sent = SendSome(stream, frame.data() + stream.offset, frame.size() - stream.offset);
            if (sent == kGone)
                return false;
            if (sent == kWouldBlock)
                break;
            stream.offset += static_cast<std::size_t>(sent);
            stream.pendingBytes -= static_cast<std::size_t>(sent);
            if (stream.offset == frame.size()) {
                stream.pending.pop_front();
                stream.offset = 0;
            }
        }
        const bool backlog = !stream.pending.empty();
        if (backlog != stream.writeArmed) {
            stream.writeArmed = backlog;
            m_poll.update(stream.socket,
                          Poco::Net::PollSet::POLL_READ | (backlog ? Poco::Net::PollSet::POLL_WRITE : 0));
        }
        return true;
    }

    // Reads and discards what the client sends; false when it closed its side or the connection broke.
    static bool Discard(Stream& stream)
    {
        char buffer[4096];
        for (int round = 0; round < 16; ++round) {
            const ssize_t got = ReceiveSome(stream, buffer, sizeof buffer);
            if (got == 0 || got == kGone)
                return false;
            if (got == kWouldBlock)
                return true;
        }
        return true;
    }

    static constexpr ssize_t kWouldBlock = -1;
    static constexpr ssize_t kGone = -2;

    // Bytes written now (at least one), kWouldBlock, or kGone. Over TLS a write the socket could not take must be
    // retried with the same bytes, which Flush does (the frame and offset stay until they are sent).
    static ssize_t SendSome(Stream& stream, const char* data, std::size_t size)
    {
        if (stream.secure)
            return SecureIo(1, [&] {
                return stream.socket.sendBytes(data, static_cast<int>(std::min<std::size_t>(size, 1 << 20)));
            });
        return PlainIo([&] { return ::send(stream.socket.impl()->sockfd(), data, size, MSG_NOSIGNAL | MSG_DONTWAIT); });
    }

    // Bytes read now, 0 when the client closed its side, kWouldBlock, or kGone.
    static ssize_t ReceiveSome(Stream& stream, char* buffer, std::size_t size)
    {
        if (stream.secure)
            return SecureIo(0, [&] { return stream.socket.receiveBytes(buffer, static_cast<int>(size)); });
        return PlainIo([&] { return ::recv(stream.socket.impl()->sockfd(), buffer, size, MSG_DONTWAIT); });
    }

    // One non-blocking read or write through Poco's TLS socket, its answer mapped as SendSome and ReceiveSome say:
    // a count of at least `least`, or OpenSSL's "want read/write" (and Poco's timeout) as kWouldBlock.
    template <typename Io>
    static ssize_t SecureIo(int least, Io io)
    {
        try {
            const int done = io();
            if (done >= least)
                return done;
            return done == Poco::Net::SecureStreamSocket::ERR_SSL_WANT_WRITE ||
                           done == Poco::Net::SecureStreamSocket::ERR_SSL_WANT_READ
                       ? kWouldBlock
                       : kGone;
        } catch (const Poco::TimeoutException&) {
            return kWouldBlock;
        } catch (const Poco::Exception&) {
            return kGone;
        }
    }

    // One non-blocking send(2) or recv(2) on the plain socket, retried when a signal interrupted it.
    template <typename Io>
    static ssize_t PlainIo(Io io)
    {
        for (;;) {
            const ssize_t done = io();
            if (done >= 0)
                return done;
            if (errno == EINTR)
                continue;
            return errno == EAGAIN || errno == EWOULDBLOCK ? kWouldBlock : kGone;
        }
    }

    void Drop(Stream& stream, bool count)
    {
        try {
            m_poll.remove(stream.socket);   // before close: epoll forgets a closed descriptor by itself, PollSet not
        } catch (const Poco::Exception&) {  // NOLINT(bugprone-empty-catch): the socket is closed next anyway
        }
        CloseQuietly(stream.socket);
        m_streams.erase(stream.socket.impl());
        m_hub.m_streamCount.store(m_streams.size());
        if (count)
            m_hub.m_dropped.fetch_add(1);
    }

    void CloseAll()
    {
        while (!m_streams.empty())
            Drop(*m_streams.begin()->second, false);
    }

    EventHub& m_hub;
    const EventHubOptions& m_options;
    Poco::Net::PollSet m_poll;
    std::unordered_map<const Poco::Net::SocketImpl*, std::unique_ptr<Stream>> m_streams;
    std::vector<const Poco::Net::SocketImpl*> m_touched;  // streams given something to send this round
    std::deque<LiveEvent> m_ring;
};

EventHub::EventHub(EventHubOptions options) : m_options(options)
{
    // SIGPIPE would kill the process when a client is gone; sends use MSG_NOSIGNAL, and Poco's own writes too.
    std::signal(SIGPIPE, SIG_IGN);
    m_wakeReceiver.bind(Poco::Net::SocketAddress("127.0.0.1", 0));
    m_wakeReceiver.setBlocking(false);
    m_wakeSender.connect(m_wakeReceiver.address());
    m_wakeSender.setBlocking(false);
}

EventHub::~EventHub()
{
    Stop();
}

void EventHub::Start()
{
    if (m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    auto loop = std::make_shared<Loop>(*this);
    m_thread = std::thread([loop] { loop->Run(); });
}

void EventHub::Stop()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    Wake();
    m_thread.join();
    const std::lock_guard lock(m_mutex);
    for (Incoming& in : m_incoming)
        CloseQuietly(in.socket);
    m_incoming.clear();
    m_published.clear();
}

void EventHub::Attach(const Poco::Net::StreamSocket& socket, LiveScope scope, const std::string& lastEventId)
{
    bool taken = false;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_stopping && m_thread.joinable()) {
            m_incoming.push_back({socket, std::move(scope), lastEventId});
            taken = true;
        }
    }
    if (taken)
        Wake();
    else {
        Poco::Net::StreamSocket refused(socket);
        CloseQuietly(refused);
    }
}

void EventHub::Publish(std::vector<LiveEvent> events)
{
    if (events.empty())
        return;
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping || !m_thread.joinable())
            return;
        std::move(events.begin(), events.end(), std::back_inserter(m_published));
    }
    Wake();
}

void EventHub::Wake()
{
    if (m_wakePending.exchange(true))
        return;
    const char byte = 1;
    ::send(m_wakeSender.impl()->sockfd(), &byte, 1, MSG_DONTWAIT | MSG_NOSIGNAL);
}

HttpResponse OpenEventStream(EventHub& hub, const StaffMember& staff, const HttpRequest& request)
{
    HttpResponse response;
    response.contentType = "text/event-stream";
    response.takeOver = [&hub, scope = LiveScope::Of(staff), lastEventId = request.Header("Last-Event-ID")](
                            const Poco::Net::StreamSocket& socket) { hub.Attach(socket, scope, lastEventId); };
    return response;
}

}  // namespace motcua::server
