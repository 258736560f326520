// GET /staff/v1/events: every change in the caller's scope as a server-sent event, resumable after Last-Event-ID,
// heard across two servers on one database, with streams that hold no thread and slow readers that hold up nobody.
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <boost/test/unit_test.hpp>

#include "server/live/event_hub.h"
#include "tests/server/api_fixture.h"
#include "tests/server/event_stream_client.h"
#include "tests/server/workflow_driver.h"

using namespace motcua;
using namespace motcua::test;
using namespace std::chrono_literals;

namespace {

struct EventsFixture : ApiFixture {
    EventsFixture()
        : ApiFixture(MOTCUA_SERVER_TEST_LOCALE_DIR, [](server::ServerConfig& c) { c.eventHeartbeat = 300ms; })
    {}
    std::unique_ptr<EventStreamClient> Stream(const std::string& username, const std::string& lastEventId = {},
                                              int receiveBuffer = 0)
    {
        auto stream =
            std::make_unique<EventStreamClient>(server->Port(), road.Token(username), lastEventId, receiveBuffer);
        BOOST_REQUIRE(stream->Status() == 200);  // the hub wrote the head: it sends the stream every event from now
        return stream;
    }
    // The next dossier event of `stream` about `id`.
    static SseMessage Expect(EventStreamClient& stream, std::int64_t id, const std::string& what)
    {
        std::optional<SseMessage> m = stream.NextWhere([](const SseMessage& e) { return e.event == "dossier"; });
        BOOST_REQUIRE_MESSAGE(m, "no event for " + what);
        BOOST_TEST(m->json->getValue<std::int64_t>("dossierId") == id);
        BOOST_TEST(m->json->getValue<std::string>("what") == what);
        BOOST_TEST(m->id == std::to_string(m->json->getValue<std::int64_t>("eventId")));
        return *m;
    }
    static std::vector<std::string> Agencies(const SseMessage& m)
    {
        std::vector<std::string> codes;
        for (const auto& code : *m.json->getArray("agencies"))
            codes.push_back(code.toString());
        return codes;
    }

    WorkflowDriver road{*this};
};

server::ServerConfig SecondServerConfig()
{
    server::ServerConfig config;
    config.listenPort = 0;
    config.threads = 2;
    config.localeDir = MOTCUA_SERVER_TEST_LOCALE_DIR;
    config.kdfCost = server::ScryptCost{10, 8, 1};
    config.closingInterval = 0s;
    config.housekeepingInterval = 0s;
    config.outboxInterval = 0s;
    config.clientKeyHex = ApiFixture::kClientKeyHex;
    config.logRequests = false;
    return config;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(EventsIntegration)

BOOST_FIXTURE_TEST_CASE(a_stream_hears_the_changes_of_its_agency_only, EventsFixture)
{
    road.SignInAll({"clerk", "manager", "handler", "dept.clerk", "dept.manager"});
    std::unique_ptr<EventStreamClient> ward = Stream("clerk");
    std::unique_ptr<EventStreamClient> department = Stream("dept.clerk");
    BOOST_TEST(ward->Head().find("Content-Type: text/event-stream") != std::string::npos);

    const std::int64_t elsewhere = SubmitDossier("000.32.22.H41");  // another commune: nobody here hears it
    const std::int64_t id = SubmitDossier();
    SseMessage m = Expect(*ward, id, "submit");
    BOOST_TEST(m.json->getValue<std::int64_t>("eventId") > 0);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier WHERE code = '" + m.json->getValue<std::string>("code") +
                      "' AND id = " + std::to_string(id)) == 1);
    BOOST_TEST(m.json->getValue<int>("version") == 1);
    BOOST_TEST(m.json->getValue<int>("status") == 1);
    BOOST_TEST(Agencies(m) == std::vector<std::string>{kCommune});
    BOOST_TEST(m.json->getValue<std::string>("at") == ApiFixture::kStart);

    road.Do(id, "accept", "clerk");
    m = Expect(*ward, id, "accept");
    BOOST_TEST(m.json->getValue<int>("version") == 2);
    BOOST_TEST(m.json->getValue<int>("status") == 2);
    road.Do(id, "assign", "manager", "\"staffId\":" + std::to_string(catalogue.handler.id));
    BOOST_TEST(Expect(*ward, id, "assign").json->getValue<int>("version") == 3);
    road.Do(id, "forward", "handler", WorkflowDriver::To("agencyCode", kDepartment));
    m = Expect(*ward, id, "forward");  // the ward still receives it: the dossier leaves its list
    BOOST_TEST(Agencies(m) == (std::vector<std::string>{kDepartment, kCommune}));
    BOOST_TEST(m.json->getValue<int>("status") == 4);

    // The department heard nothing before the forward, and everything after it.
    m = Expect(*department, id, "forward");
    road.Do(id, "assign", "dept.manager", "\"staffId\":" + std::to_string(catalogue.departmentHandler.id));
    Expect(*department, id, "assign");
    BOOST_TEST(!ward->NextWhere(
        [&](const SseMessage& e) { return e.json->getValue<std::int64_t>("dossierId") == elsewhere; }, 500ms));
    BOOST_TEST(ward->Heartbeats() >= 1);  // every 300 ms here, 15 s by default
}

BOOST_FIXTURE_TEST_CASE(a_stream_needs_a_valid_token, EventsFixture)
{
    CheckProblem(Get("/staff/v1/events"), 401, "", "Please sign in");
    EventStreamClient stream(server->Port(), "not-a-token");
    BOOST_TEST(stream.Status() == 401);
    BOOST_TEST(server->Events().Streams() == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_stream_resumes_after_the_last_event_id_or_is_told_to_reset, EventsFixture)
{
    road.SignInAll({"clerk"});
    std::string first;
    std::vector<std::int64_t> ids;
    {
        std::unique_ptr<EventStreamClient> stream = Stream("clerk");
        for (int serial = 1; serial <= 3; ++serial) {
            ids.push_back(SubmitDossier(kCommune, serial));
            const SseMessage m = Expect(*stream, ids.back(), "submit");
            if (first.empty())
                first = m.id;
        }
    }
    std::unique_ptr<EventStreamClient> resumed = Stream("clerk", first);
    Expect(*resumed, ids[1], "submit");
    Expect(*resumed, ids[2], "submit");

    std::unique_ptr<EventStreamClient> lost = Stream("clerk", "999999999");
    const std::optional<SseMessage> reset = lost->Next();
    BOOST_REQUIRE(reset);
    BOOST_TEST(reset->event == "reset");
    BOOST_TEST(reset->data == "{}");
}

BOOST_FIXTURE_TEST_CASE(a_client_that_stops_reading_is_dropped_without_slowing_the_others, EventsFixture)
{
    road.SignInAll({"clerk"});
    std::unique_ptr<EventStreamClient> stalled = Stream("clerk", {}, 4096);
    std::unique_ptr<EventStreamClient> reading = Stream("clerk");
    // 2 MB of events in the ward's scope, straight into the hub: far beyond a stream's 256 KB backlog.
    const std::string padding(10000, 'x');
    for (int i = 1; i <= 200; ++i) {
        server::LiveEvent event;
        event.id = 1000000 + i;
        event.agencyIds = {catalogue.commune.id};
        event.frame = std::make_shared<const std::string>("id: " + std::to_string(event.id) +
                                                          "\nevent: dossier\ndata: {\"pad\":\"" + padding + "\"}\n\n");
        server->Events().Publish({event});
        const std::optional<SseMessage> m = reading->Next(2s);
        BOOST_REQUIRE(m);
        BOOST_TEST(m->id == std::to_string(event.id));
    }
    WaitUntil([&] { return server->Events().Dropped() == 1; }, "the stalled stream dropped");
    BOOST_TEST(server->Events().Streams() == 1u);
    const std::int64_t id = SubmitDossier();
    Expect(*reading, id, "submit");
}

// Two servers on one database, each with its own connections: a change made through one is heard on a stream held
// by the other within a second, both ways.
BOOST_FIXTURE_TEST_CASE(two_servers_hear_each_others_changes, EventsFixture)
{
    pg::Store secondStore(db.AppConninfo(), 2);
    secondStore.SetDefaultScope(pg::AccessScope::All());
    server::Server second(SecondServerConfig(), secondStore, clock);
    second.Start();
    road.SignInAll({"clerk"});
    EventStreamClient onSecond(second.Port(), road.Token("clerk"));
    BOOST_REQUIRE(onSecond.Status() == 200);
    std::unique_ptr<EventStreamClient> onFirst = Stream("clerk");

    const auto started = std::chrono::steady_clock::now();
    const std::int64_t id = SubmitDossier();
    Expect(onSecond, id, "submit");
    BOOST_TEST(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count() <
        1000);
    Expect(*onFirst, id, "submit");

    // Accepted through the second server: the first one's stream hears it.
    Poco::Net::HTTPClientSession session("127.0.0.1", second.Port());
    Poco::Net::HTTPRequest request("POST", "/staff/v1/dossiers/" + std::to_string(id) + "/accept",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + road.Token("clerk"));
    request.setContentType("application/json");
    const std::string body = R"({"version":1})";
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    const auto accepted = std::chrono::steady_clock::now();
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    session.receiveResponse(response).ignore(1 << 20);
    BOOST_REQUIRE(response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK);
    Expect(*onFirst, id, "accept");
    BOOST_TEST(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - accepted).count() <
        1000);
    Expect(onSecond, id, "accept");
    second.Stop();
}

// A transaction that took its id before another and commits after it: its event is not skipped (change events are
// read by transaction, and a reader moves past a transaction only once it has ended). A change without a history row
// (a hand-made fix) is a "change".
BOOST_FIXTURE_TEST_CASE(an_event_committed_late_is_not_lost, EventsFixture)
{
    road.SignInAll({"clerk"});
    std::unique_ptr<EventStreamClient> stream = Stream("clerk");
    const std::int64_t fixed = SubmitDossier(kCommune, 1);
    Expect(*stream, fixed, "submit");
    const std::int64_t accepted = SubmitDossier(kCommune, 2);
    Expect(*stream, accepted, "submit");
    std::thread fix([&] {
        db.AdminExecute("DO $$ BEGIN UPDATE dossier SET sub_state = 0, version = version + 1 WHERE id = " +
                        std::to_string(fixed) + "; PERFORM pg_sleep(1.5); END $$");
    });
    WaitUntil([&] { return Scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'DO $$%pg_sleep%'") == 1; },
              "the slow fix running");
    road.Do(accepted, "accept", "clerk");
    Expect(*stream, accepted, "accept");
    fix.join();
    const SseMessage late = Expect(*stream, fixed, "change");  // within the safety read's 2 s
    BOOST_TEST(late.json->getValue<int>("version") == 2);
}

// 200 open streams hold no thread: an ordinary request is answered at once beside them.
BOOST_FIXTURE_TEST_CASE(an_ordinary_request_stays_fast_beside_200_streams, EventsFixture)
{
    road.SignInAll({"clerk"});
    std::vector<std::unique_ptr<EventStreamClient>> streams;
    for (int i = 0; i < 200; ++i) {
        streams.push_back(std::make_unique<EventStreamClient>(server->Port(), road.Token("clerk")));
        BOOST_REQUIRE(streams.back()->Status() == 200);
    }
    WaitUntil([&] { return server->Events().Streams() == 200; }, "200 streams attached");
    const auto started = std::chrono::steady_clock::now();
    const HttpReply inbox = Get("/staff/v1/inbox", road.Token("clerk"));
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_TEST(inbox.status == 200);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < 250);
    BOOST_TEST(server->Http().OpenConnections() < 10);  // the streams gave their worker threads back
    const std::int64_t id = SubmitDossier();
    for (auto& stream : streams)
        Expect(*stream, id, "submit");
}

BOOST_AUTO_TEST_SUITE_END()
