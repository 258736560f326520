// The live event stream: the text/event-stream parser, and EventStreamClient against a tiny SSE server on port 0
// that drops the connection (the client reconnects with Last-Event-ID), sends a reset, or has no stream at all.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <boost/test/unit_test.hpp>

#include "desktop/event_stream.h"
#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace std::chrono_literals;
using motcua::desktop::test::RecordingLive;
using motcua::desktop::test::UiThread;

namespace {

std::vector<ServerSentEvent> Feed(SseParser& parser, const std::string& text)
{
    std::vector<ServerSentEvent> events;
    std::string line;
    for (char c : text) {
        if (c == '\n') {
            if (auto e = parser.Line(line))
                events.push_back(*e);
            line.clear();
        } else {
            line += c;
        }
    }
    return events;
}

const char* const kEvent7 =
    "id: 7\nevent: dossier\ndata: {\"eventId\":7,\"dossierId\":42,\"code\":\"000.00.01.H41-261127-0001\","
    "\"version\":2,\"what\":\"accept\",\"status\":2,\"agencies\":[\"000.00.01.H41\"],\"at\":\"2026-11-27T10:00:00+07:"
    "00\"}"
    "\n\n";

// Answers GET /staff/v1/events per connection from a script: connection n gets `scripts[n]` (the last one for
// any later connection); a script is a status, the text to send, and whether to keep the stream open afterwards.
class SseServer {
public:
    struct Script {
        int status = 200;
        std::string text;
        bool holdOpen = false;
    };
    explicit SseServer(std::vector<Script> scripts)
        : m_scripts(std::move(scripts)),
          m_socket(Poco::Net::SocketAddress("127.0.0.1", 0))
    {
        auto* params = new Poco::Net::HTTPServerParams();
        params->setMaxThreads(4);
        m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), m_socket, params);
        m_server->start();
    }
    ~SseServer()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_closing = true;
        }
        m_wake.notify_all();
        m_server->stopAll(true);
    }
    std::string Url() const { return "http://127.0.0.1:" + std::to_string(m_socket.address().port()); }
    std::vector<std::string> LastEventIds()
    {
        const std::lock_guard lock(m_mutex);
        return m_lastIds;
    }
    std::vector<std::string> Tokens()
    {
        const std::lock_guard lock(m_mutex);
        return m_tokens;
    }

private:
    class Handler final : public Poco::Net::HTTPRequestHandler {
    public:
        explicit Handler(SseServer& owner) : m_owner(owner) {}
        void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
        {
            Script script;
            {
                const std::lock_guard lock(m_owner.m_mutex);
                m_owner.m_lastIds.push_back(request.get("Last-Event-ID", ""));
                m_owner.m_tokens.push_back(request.get("Authorization", ""));
                const std::size_t n = m_owner.m_lastIds.size() - 1;
                script = m_owner.m_scripts[std::min(n, m_owner.m_scripts.size() - 1)];
            }
            response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(script.status));
            if (script.status != 200) {
                response.setContentType("application/problem+json");
                response.setContentLength(2);
                response.send() << "{}";
                return;
            }
            response.setContentType("text/event-stream");
            response.setChunkedTransferEncoding(true);
            std::ostream& out = response.send();
            out << script.text << std::flush;
            if (!script.holdOpen)
                return;
            std::unique_lock lock(m_owner.m_mutex);
            m_owner.m_wake.wait_for(lock, 10s, [this] { return m_owner.m_closing; });
        }

    private:
        SseServer& m_owner;
    };
    class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
    public:
        explicit Factory(SseServer& owner) : m_owner(owner) {}
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
        {
            return new Handler(m_owner);
        }

    private:
        SseServer& m_owner;
    };

    std::vector<Script> m_scripts;
    Poco::Net::ServerSocket m_socket;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_closing = false;
    std::vector<std::string> m_lastIds;
    std::vector<std::string> m_tokens;
};

EventStreamOptions QuickRetries()
{
    EventStreamOptions options;
    options.firstRetry = 20ms;
    options.maxRetry = 100ms;
    return options;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(event_stream)

BOOST_AUTO_TEST_CASE(the_parser_follows_the_event_stream_format)
{
    struct Case {
        const char* name;
        const char* text;
        std::vector<std::string> types;
        std::vector<std::string> data;
        const char* lastId;
    };
    // clang-format off
    const Case cases[] = {
        {"one event",              "id: 1\nevent: dossier\ndata: {}\n\n",       {"dossier"}, {"{}"},        "1"},
        {"no type is message",     "data: x\n\n",                               {"message"}, {"x"},         ""},
        {"data lines are joined",  "data: a\ndata: b\n\n",                      {"message"}, {"a\nb"},      ""},
        {"heartbeats are ignored", ": hb\n: hb\n",                              {},          {},            ""},
        {"CRLF line endings",      "id: 9\r\nevent: reset\r\ndata: {}\r\n\r\n", {"reset"},   {"{}"},        "9"},
        {"no data, no event",      "id: 3\nevent: dossier\n\n",                 {},          {},            "3"},
        {"no space after colon",   "event:dossier\ndata:{}\n\n",                {"dossier"}, {"{}"},        ""},
        {"unfinished is pending",  "data: x\n",                                 {},          {},            ""},
        {"two in a row",           "data: a\n\ndata: b\n\n",                    {"message", "message"}, {"a", "b"}, ""},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            SseParser parser;
            const std::vector<ServerSentEvent> events = Feed(parser, c.text);
            std::vector<std::string> types;
            std::vector<std::string> data;
            for (const ServerSentEvent& e : events) {
                types.push_back(e.type);
                data.push_back(e.data);
            }
            BOOST_TEST(types == c.types, boost::test_tools::per_element());
            BOOST_TEST(data == c.data, boost::test_tools::per_element());
            BOOST_TEST(parser.LastEventId() == c.lastId);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_parser_keeps_the_id_and_the_retry_across_a_new_connection)
{
    SseParser parser;
    Feed(parser, "retry: 2500\nid: 12\ndata: x\n\ndata: half");
    parser.DropPending();
    const auto events = Feed(parser, "\ndata: y\n\n");
    BOOST_REQUIRE(events.size() == 1u);
    BOOST_TEST(events[0].data == "y");
    BOOST_TEST(events[0].id == "12");
    BOOST_TEST(parser.LastEventId() == "12");
    BOOST_TEST(parser.Retry().value().count() == 2500);
}

BOOST_AUTO_TEST_CASE(a_dossier_event_is_read_from_its_data)
{
    const std::string json = R"({"eventId":7,"dossierId":42,"code":"C-1","version":2,"what":"accept","status":2,
      "agencies":["000.00.01.H41","000.00.02.H41"],"at":"2026-11-27T10:00:00+07:00"})";
    const DossierEvent e = ParseDossierEvent(json);
    BOOST_TEST(e.eventId == 7);
    BOOST_TEST(e.dossierId == 42);
    BOOST_TEST(e.code == "C-1");
    BOOST_TEST(e.version == 2);
    BOOST_TEST(e.what == "accept");
    BOOST_TEST((e.status == NationalStatus::Received));
    BOOST_TEST(e.agencies.size() == 2u);
    BOOST_CHECK_THROW(ParseDossierEvent(R"({"eventId":7})"), Error);
}

BOOST_AUTO_TEST_CASE(after_a_drop_the_client_reconnects_by_itself_and_resumes_from_the_last_event)
{
    // First connection: one event, then the server drops it. Second: a reset, held open.
    SseServer server({{200, std::string(": hb\n") + kEvent7, false}, {200, "event: reset\ndata: {}\n\n", true}});
    UiThread ui;
    RecordingLive live;
    EventStreamClient client(
        [&server] {
            return EventStreamTarget{server.Url(), "tok-1", ""};
        },
        [&ui](std::function<void()> call) { ui.Post(std::move(call)); }, QuickRetries());
    client.Start(live);
    BOOST_REQUIRE_MESSAGE(ui.RunUntil([&] { return live.resets == 1; }), "no reset after reconnecting");
    BOOST_REQUIRE(live.events.size() == 1u);
    BOOST_TEST(live.events[0].dossierId == 42);
    BOOST_TEST(live.events[0].version == 2);
    BOOST_REQUIRE(live.states.size() >= 4u);
    BOOST_TEST((live.states[0] == LiveState::Connecting));
    BOOST_TEST((live.states[1] == LiveState::Connected));
    BOOST_TEST((live.states[2] == LiveState::Reconnecting));
    BOOST_TEST((live.states[3] == LiveState::Connected));
    const std::vector<std::string> ids = server.LastEventIds();
    BOOST_REQUIRE(ids.size() == 2u);
    BOOST_TEST(ids[0] == "");
    BOOST_TEST(ids[1] == "7");
    BOOST_TEST(server.Tokens()[1] == "Bearer tok-1");

    // Stop closes the open stream at once and nothing is delivered afterwards.
    const auto before = std::chrono::steady_clock::now();
    client.Stop();
    BOOST_TEST((std::chrono::steady_clock::now() - before < 2s));
    const std::size_t states = live.states.size();
    ui.RunUntil([] { return false; }, 100ms);
    BOOST_TEST(live.states.size() == states);
}

BOOST_AUTO_TEST_CASE(the_client_keeps_trying_while_the_server_is_down_and_connects_when_it_is_back)
{
    // A port nobody listens on yet: the address of a server that is restarting.
    std::unique_ptr<SseServer> server = std::make_unique<SseServer>(std::vector<SseServer::Script>{{200, "", true}});
    const std::string url = server->Url();
    server.reset();
    UiThread ui;
    RecordingLive live;
    std::mutex urlMutex;
    std::string target = url;
    EventStreamClient client(
        [&] {
            const std::lock_guard lock(urlMutex);
            return EventStreamTarget{target, "tok", ""};
        },
        [&ui](std::function<void()> call) { ui.Post(std::move(call)); }, QuickRetries());
    client.Start(live);
    BOOST_REQUIRE(ui.RunUntil([&] { return live.Count(LiveState::Reconnecting) >= 2; }));
    BOOST_TEST(live.Count(LiveState::Connected) == 0);
    // The server is back (at a new port here; the client asks for its target before every attempt).
    SseServer back({{200, kEvent7, true}});
    {
        const std::lock_guard lock(urlMutex);
        target = back.Url();
    }
    BOOST_REQUIRE(ui.RunUntil([&] { return live.events.size() == 1u; }));
    BOOST_TEST(live.Count(LiveState::Connected) == 1);
    client.Stop();
}

BOOST_AUTO_TEST_CASE(a_server_without_events_or_a_refused_token_is_not_retried)
{
    struct Case {
        const char* name;
        int status;
        LiveState state;
    };
    // clang-format off
    const Case cases[] = {
        {"no event stream (404)", 404, LiveState::Unavailable},
        {"token refused (401)",   401, LiveState::Unauthorized},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            SseServer server({{c.status, "", false}});
            UiThread ui;
            RecordingLive live;
            EventStreamClient client(
                [&server] {
                    return EventStreamTarget{server.Url(), "tok", ""};
                },
                [&ui](std::function<void()> call) { ui.Post(std::move(call)); }, QuickRetries());
            client.Start(live);
            BOOST_REQUIRE(ui.RunUntil([&] { return live.Count(c.state) == 1; }));
            ui.RunUntil([] { return false; }, 150ms);
            BOOST_TEST(server.LastEventIds().size() == 1u);
            BOOST_TEST(live.Count(LiveState::Reconnecting) == 0);
            client.Stop();
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
