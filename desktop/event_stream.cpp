#include "desktop/event_stream.h"

#include <algorithm>
#include <istream>
#ifdef _WIN32
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Timespan.h>

#include "desktop/json_reader.h"
#include "desktop/server_endpoint.h"

namespace motcua::desktop {
namespace {

Poco::Timespan ToTimespan(std::chrono::milliseconds ms)
{
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms.count()) * 1000);
}

}  // namespace

std::optional<ServerSentEvent> SseParser::Line(std::string_view line)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (line.empty()) {
        // A blank line dispatches; without data there is nothing to dispatch.
        std::optional<ServerSentEvent> event;
        if (m_hasData) {
            event.emplace();
            event->id = m_lastId;
            if (!m_type.empty())
                event->type = m_type;
            event->data = m_data;
        }
        DropPending();
        return event;
    }
    if (line.front() == ':')
        return std::nullopt;  // a comment: the server's heartbeat
    const auto colon = line.find(':');
    const std::string_view field = line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
    if (field == "data") {
        if (m_hasData)
            m_data += '\n';
        m_data += value;
        m_hasData = true;
    } else if (field == "event") {
        m_type = value;
    } else if (field == "id") {
        if (value.find('\0') == std::string_view::npos)
            m_lastId = value;
    } else if (field == "retry") {
        if (!value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
            value.size() < 10)
            m_retry = std::chrono::milliseconds(std::stol(std::string(value)));
    }
    return std::nullopt;
}

void SseParser::DropPending()
{
    m_type.clear();
    m_data.clear();
    m_hasData = false;
}

DossierEvent ParseDossierEvent(const std::string& json)
{
    const JsonReader r = JsonReader::Parse(json);
    DossierEvent event;
    event.eventId = r.Int("eventId");
    event.dossierId = r.Int("dossierId");
    event.code = r.OptionalString("code");
    event.version = static_cast<int>(r.Int("version"));
    event.what = r.OptionalString("what");
    if (!r.IsNull("status"))
        event.status = r.Status("status");
    event.agencies = r.OptionalStrings("agencies");
    return event;
}

// What deliveries check on the UI thread: a new Start makes a new one, so a late delivery from an old stream is
// dropped.
struct EventStreamClient::Delivery {
    ILiveEventsListener* listener = nullptr;
};

EventStreamClient::EventStreamClient(std::function<EventStreamTarget()> target, UiQueue toUiThread,
                                     EventStreamOptions options)
    : m_target(std::move(target)),
      m_toUiThread(std::move(toUiThread)),
      m_options(options)
{}

EventStreamClient::~EventStreamClient()
{
    Stop();
}

void EventStreamClient::Start(ILiveEventsListener& listener)
{
    Stop();
    m_delivery = std::make_shared<Delivery>();
    m_delivery->listener = &listener;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_thread = std::thread([this] { Run(); });
}

void EventStreamClient::Stop()
{
    if (m_delivery)
        m_delivery->listener = nullptr;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        // Wakes a read blocked on the socket; the thread sees m_stopping and leaves.
        // On the descriptor, not through Poco's socket: over TLS that would run OpenSSL's shutdown on the
        // connection the stream's thread is reading, which OpenSSL does not allow from two threads at once.
        if (m_session) {
            const auto fd = m_session->socket().impl()->sockfd();
            if (fd != POCO_INVALID_SOCKET)
                ::shutdown(fd, 2);  // SHUT_RDWR (SD_BOTH on Windows); not connected yet: the connect times out
        }
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool EventStreamClient::Stopping()
{
    const std::lock_guard lock(m_mutex);
    return m_stopping;
}

void EventStreamClient::Deliver(std::function<void(ILiveEventsListener&)> call)
{
    m_toUiThread([delivery = m_delivery, call = std::move(call)] {
        if (delivery->listener)
            call(*delivery->listener);
    });
}

void EventStreamClient::Run()
{
    SseParser parser;
    auto pause = m_options.firstRetry;
    Deliver([](ILiveEventsListener& l) { l.LiveStateChanged(LiveState::Connecting); });
    while (!Stopping()) {
        bool connected = false;
        const Outcome outcome = ConnectAndRead(parser, connected);
        if (Stopping())
            return;
        if (outcome == Outcome::NotFound) {
            Deliver([](ILiveEventsListener& l) { l.LiveStateChanged(LiveState::Unavailable); });
            return;
        }
        if (outcome == Outcome::Unauthorized) {
            Deliver([](ILiveEventsListener& l) { l.LiveStateChanged(LiveState::Unauthorized); });
            return;
        }
        if (connected)
            pause = std::max(m_options.firstRetry, parser.Retry().value_or(m_options.firstRetry));
        Deliver([](ILiveEventsListener& l) { l.LiveStateChanged(LiveState::Reconnecting); });
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, pause, [this] { return m_stopping; });
        pause = std::min(pause * 2, m_options.maxRetry);
    }
}

EventStreamClient::Outcome EventStreamClient::ConnectAndRead(SseParser& parser, bool& connected)
{
    parser.DropPending();
    try {
        const EventStreamTarget target = m_target();
        // The same rules as the desk's other connections: https:// verified, http:// to this computer only.
        const ServerEndpoint endpoint(target.baseUrl, target.caFile);
        const std::string& path = endpoint.PathPrefix();
        const std::unique_ptr<Poco::Net::HTTPClientSession> connection = endpoint.NewSession();
        Poco::Net::HTTPClientSession& session = *connection;
        session.setTimeout(ToTimespan(m_options.connectTimeout), ToTimespan(m_options.connectTimeout),
                           ToTimespan(m_options.idleTimeout));
        {
            const std::lock_guard lock(m_mutex);
            if (m_stopping)
                return Outcome::Dropped;
            m_session = &session;
        }
        struct Forget {
            EventStreamClient& client;
            ~Forget()
            {
                const std::lock_guard lock(client.m_mutex);
                client.m_session = nullptr;
            }
        } forget{*this};
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path + "/staff/v1/events",
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.set("Accept", "text/event-stream");
        request.set("Cache-Control", "no-cache");
        if (!target.token.empty())
            request.set("Authorization", "Bearer " + target.token);
        if (!parser.LastEventId().empty())
            request.set("Last-Event-ID", parser.LastEventId());
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        if (response.getStatus() == Poco::Net::HTTPResponse::HTTP_NOT_FOUND)
            return Outcome::NotFound;
        if (response.getStatus() == Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED)
            return Outcome::Unauthorized;
        if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
            return Outcome::Dropped;
        connected = true;
        Deliver([](ILiveEventsListener& l) { l.LiveStateChanged(LiveState::Connected); });
        std::string line;
        while (std::getline(in, line)) {
            const std::optional<ServerSentEvent> event = parser.Line(line);
            if (!event)
                continue;
            if (event->type == "reset") {
                Deliver([](ILiveEventsListener& l) { l.ResetArrived(); });
            } else if (event->type == "dossier") {
                try {
                    Deliver([parsed = ParseDossierEvent(event->data)](ILiveEventsListener& l) {
                        l.DossierEventArrived(parsed);
                    });
                } catch (const Error&) {
                    // An event the desk cannot read is skipped; the next reset or reload puts things right.
                }
            }
        }
    } catch (const Poco::Exception&) {
        // refused, reset, timed out: the caller pauses and tries again
    } catch (const std::exception&) {
        // the same for a stream error surfacing as a standard exception
    }
    return Outcome::Dropped;
}

}  // namespace motcua::desktop
