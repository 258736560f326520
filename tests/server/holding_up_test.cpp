// Holding up: /metrics counts requests by route pattern and status with latency histograms; idle and slow
// connections do not starve the service; a slowloris is cut off; a full server answers 503 with Retry-After rather
// than dropping the connection; citizen traffic at its cap leaves the desk served.
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/algorithm/string/predicate.hpp>
#include <boost/test/unit_test.hpp>

#include "server/http/metrics.h"
#include "tests/server/api_fixture.h"
#include "tests/server/raw_connection.h"

using motcua::server::Metrics;
using motcua::server::ServerConfig;
using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::RawConnection;
using motcua::test::RawReply;
using motcua::test::RawRequest;
using namespace std::chrono_literals;

namespace {

bool Contains(const std::string& text, const std::string& line)
{
    return text.find(line) != std::string::npos;
}

double Elapsed(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Deadlines of two seconds for a request head and body.
struct QuickDeadlines : ApiFixture {
    QuickDeadlines()
        : ApiFixture(MOTCUA_SERVER_TEST_LOCALE_DIR, [](ServerConfig& c) {
              c.headTimeout = std::chrono::seconds(2);
              c.bodyTimeout = std::chrono::seconds(2);
          })
    {}
};

// Two connections served at once and two waiting.
struct TinyServer : ApiFixture {
    TinyServer()
        : ApiFixture(MOTCUA_SERVER_TEST_LOCALE_DIR, [](ServerConfig& c) {
              c.connectionThreads = 2;
              c.connectionQueue = 2;
          })
    {}
};

// Two citizen requests at once; a third waits 300 ms for a place.
struct CitizenCap : ApiFixture {
    CitizenCap()
        : ApiFixture(MOTCUA_SERVER_TEST_LOCALE_DIR, [](ServerConfig& c) {
              c.citizenConcurrency = 2;
              c.citizenWait = std::chrono::milliseconds(300);
          })
    {}
};

void CheckBusy(const HttpReply& reply)
{
    ApiFixture::CheckProblem(reply, 503, "", "The server is busy; please try again shortly");
    BOOST_TEST(reply.headers.count("Retry-After") == 1u);
    BOOST_TEST(reply.json->getValue<std::string>("type") == "urn:motcua:error:environment");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(MetricsUnit)

BOOST_AUTO_TEST_CASE(exposition_has_counters_histograms_and_gauges)
{
    Metrics metrics;
    metrics.ObserveRequest("/citizen/v1/dossiers/{code}", "GET", 200, 0.003);
    metrics.ObserveRequest("/citizen/v1/dossiers/{code}", "GET", 200, 0.2);
    metrics.ObserveRequest("/citizen/v1/dossiers/{code}", "GET", 404, 60);
    metrics.ObserveRequest("", "BREW", 404, 0.001);
    metrics.CountRejected("citizen");
    metrics.RequestStarted();
    double backlog = 7;
    metrics.RegisterGauge("motcua_test_backlog", "A dummy backlog.", [&backlog] { return backlog; });
    metrics.RegisterGauge("motcua_test_broken", "Fails.", []() -> double { throw std::runtime_error("down"); });
    BOOST_CHECK_THROW(metrics.RegisterGauge("motcua_test_backlog", "Again.", [] { return 1.0; }), motcua::Error);
    BOOST_CHECK_THROW(metrics.RegisterGauge("1bad name", "Bad.", [] { return 1.0; }), motcua::Error);

    const std::string text = metrics.Exposition();
    BOOST_TEST_INFO(text);
    const std::string route = R"(route="/citizen/v1/dossiers/{code}")";
    BOOST_TEST(Contains(text, "# TYPE motcua_http_requests_total counter\n"));
    BOOST_TEST(Contains(text, "motcua_http_requests_total{" + route + R"(,method="GET",status="200"} 2)" + "\n"));
    BOOST_TEST(Contains(text, "motcua_http_requests_total{" + route + R"(,method="GET",status="404"} 1)" + "\n"));
    // An unknown path and an invented method: fixed labels, so clients cannot make the series grow.
    BOOST_TEST(Contains(text, R"(motcua_http_requests_total{route="unmatched",method="OTHER",status="404"} 1)"));
    BOOST_TEST(Contains(text, "# TYPE motcua_http_request_duration_seconds histogram\n"));
    const std::string bucket = "motcua_http_request_duration_seconds_bucket{" + route;
    BOOST_TEST(Contains(text, bucket + R"(,le="0.005"} 1)" + "\n"));
    BOOST_TEST(Contains(text, bucket + R"(,le="0.25"} 2)" + "\n"));
    BOOST_TEST(Contains(text, bucket + R"(,le="30"} 2)" + "\n"));
    BOOST_TEST(Contains(text, bucket + R"(,le="+Inf"} 3)" + "\n"));
    BOOST_TEST(Contains(text, "motcua_http_request_duration_seconds_count{" + route + "} 3\n"));
    BOOST_TEST(Contains(text, "motcua_http_request_duration_seconds_sum{" + route + "} 60.203\n"));
    BOOST_TEST(Contains(text, "motcua_http_requests_in_flight 1\n"));
    BOOST_TEST(Contains(text, R"(motcua_http_overload_rejections_total{reason="citizen"} 1)"));
    BOOST_TEST(Contains(text, "# TYPE motcua_test_backlog gauge\nmotcua_test_backlog 7\n"));
    BOOST_TEST(!Contains(text, "motcua_test_broken"));  // left out of this scrape, the others still there
    backlog = 2.5;
    BOOST_TEST(Contains(metrics.Exposition(), "motcua_test_backlog 2.5\n"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(HoldingUpIntegration)

BOOST_FIXTURE_TEST_CASE(metrics_count_requests_by_route_pattern_and_status, ApiFixture)
{
    SubmitDossier();
    BOOST_TEST(Get("/citizen/v1/dossiers/000.31.21.H41-261127-0001").status == 200);
    BOOST_TEST(Get("/citizen/v1/dossiers/NO-SUCH-CODE").status == 404);
    BOOST_TEST(Get("/no/such/path/12345").status == 404);
    BOOST_TEST(Call("DELETE", "/health").status == 405);

    const HttpReply reply = Get("/metrics");
    BOOST_TEST_REQUIRE(reply.status == 200);
    BOOST_TEST(reply.contentType == "text/plain; version=0.0.4; charset=utf-8");
    BOOST_TEST(reply.headers.count("Cache-Control") == 1u);
    const std::string& text = reply.body;
    BOOST_TEST_INFO(text);
    BOOST_TEST(
        Contains(text, R"(motcua_http_requests_total{route="/citizen/v1/dossiers",method="POST",status="201"} 1)"));
    const std::string byCode =
        R"(motcua_http_requests_total{route="/citizen/v1/dossiers/{code}",method="GET",status=")";
    BOOST_TEST(Contains(text, byCode + R"(200"} 1)"));
    BOOST_TEST(Contains(text, byCode + R"(404"} 1)"));
    BOOST_TEST(Contains(text, R"(motcua_http_requests_total{route="unmatched",method="GET",status="404"} 1)"));
    BOOST_TEST(Contains(text, R"(motcua_http_requests_total{route="/health",method="DELETE",status="405"} 1)"));
    BOOST_TEST(!Contains(text, "NO-SUCH-CODE"));  // raw paths never become labels
    BOOST_TEST(!Contains(text, "/no/such/path"));
    BOOST_TEST(Contains(text, R"(motcua_http_request_duration_seconds_count{route="/citizen/v1/dossiers/{code}"} 2)"));
    BOOST_TEST(
        Contains(text, R"(motcua_http_request_duration_seconds_bucket{route="/citizen/v1/dossiers",le="+Inf"} 1)"));
    BOOST_TEST(Contains(text, "motcua_http_requests_in_flight 1\n"));  // the scrape itself
    BOOST_TEST(Contains(text, "motcua_http_connections "));
    // The submission's event waits in the outbox (the fixture runs no dispatcher).
    BOOST_TEST(Contains(text, "motcua_outbox_pending 1\n"));
    BOOST_TEST(Contains(text, "motcua_outbox_parked 0\n"));
}

BOOST_FIXTURE_TEST_CASE(idle_and_slow_connections_do_not_starve_the_service, ApiFixture)
{
    // Sixteen connections held open: eight that send nothing and eight that stop in the middle of a request head or
    // body. Four database connections (the fixture's threads) would each once have been a worker they starved.
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 8; ++i)
        held.push_back(std::make_unique<RawConnection>(server->Port()));
    for (int i = 0; i < 4; ++i) {
        held.push_back(std::make_unique<RawConnection>(server->Port()));
        BOOST_TEST(held.back()->Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
    }
    for (int i = 0; i < 4; ++i) {
        held.push_back(std::make_unique<RawConnection>(server->Port()));
        BOOST_TEST(
            held.back()->Send("POST /staff/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                              "Content-Length: 100\r\n\r\n{\"username\":"));
    }
    WaitUntil([this] { return server->Http().OpenConnections() >= 16; }, "the held connections are not open");

    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(Get("/health").status == 200);
    const std::string token = Login("clerk");
    BOOST_TEST(Get("/staff/v1/inbox", token).status == 200);
    SubmitDossier();
    BOOST_TEST(Elapsed(started) < 2.0, "four requests took " << Elapsed(started) << " s beside the held connections");
}

BOOST_FIXTURE_TEST_CASE(a_slowloris_is_cut_off, QuickDeadlines)
{
    // A head trickled a byte at a time, each byte well within the per-receive timeout: cut at the head deadline.
    RawConnection head(server->Port());
    BOOST_TEST(head.Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: "));
    const auto started = std::chrono::steady_clock::now();
    bool closed = false;
    while (!closed && Elapsed(started) < 8) {
        closed = !head.Send("a") || head.ClosedWithin(300ms);
    }
    BOOST_TEST(closed);
    BOOST_TEST(Elapsed(started) < 4.0, "the trickled head was cut after " << Elapsed(started) << " s");

    // A body trickled the same way: 408 at the body deadline, and the connection closed.
    RawConnection body(server->Port());
    BOOST_TEST(
        body.Send("POST /staff/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  "Content-Length: 100\r\n\r\n{"));
    const auto bodyStarted = std::chrono::steady_clock::now();
    RawReply reply;
    while (reply.status == 0 && !reply.closed && Elapsed(bodyStarted) < 8) {
        body.Send(" ");
        reply = body.Read(300ms);
    }
    BOOST_TEST(reply.status == 408, reply.body);
    BOOST_TEST(Elapsed(bodyStarted) < 4.0, "the trickled body was cut after " << Elapsed(bodyStarted) << " s");
    BOOST_TEST(boost::iequals(reply.headers["connection"], "close"));
    BOOST_TEST(body.ClosedWithin(2s));

    BOOST_TEST(Get("/health").status == 200);
}

BOOST_FIXTURE_TEST_CASE(a_full_server_answers_503_with_retry_after, TinyServer)
{
    // One at a time: a connection counts as queued until a thread takes it.
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 4; ++i) {
        held.push_back(std::make_unique<RawConnection>(server->Port()));
        WaitUntil([this, i] { return server->Http().OpenConnections() + server->Http().QueuedConnections() == i + 1; },
                  "connection " + std::to_string(i + 1) + " is neither served nor queued");
    }
    BOOST_TEST(server->Http().OpenConnections() == 2);
    BOOST_TEST(server->Http().QueuedConnections() == 2);

    // Poco would close such a connection without a word; the client gets an answer it can act on.
    CheckBusy(Get("/health"));
    RawConnection raw(server->Port());
    BOOST_TEST(raw.Send(RawRequest("POST", "/citizen/v1/dossiers", "Content-Type: application/json\r\n", "{}")));
    RawReply reply = raw.Read(2s);
    BOOST_TEST(reply.status == 503);
    BOOST_TEST(reply.headers["retry-after"] == "1");
    BOOST_TEST(reply.headers["connection"] == "close");
    BOOST_TEST(raw.ClosedWithin(3s));
    BOOST_TEST(Contains(server->MetricsRegistry().Exposition(),
                        R"(motcua_http_overload_rejections_total{reason="connections"} 2)"));

    held.clear();  // their threads are free again
    WaitUntil([this] { return Get("/health").status == 200; }, "the service is not back");
}

BOOST_FIXTURE_TEST_CASE(citizen_traffic_at_its_cap_leaves_the_desk_served, CitizenCap)
{
    const std::string body = Submission();
    const std::string token = Login("clerk");
    // Two submissions stop at the daily code counter, held here; they fill the citizen cap.
    motcua::test::SqlConnection holder(db.AdminConninfo());
    holder.Execute("BEGIN");
    holder.Execute("LOCK TABLE dossier_code_counter IN EXCLUSIVE MODE");
    auto first = std::async(std::launch::async, [&] { return Post("/citizen/v1/dossiers", body); });
    WaitForLockWaiters(1);
    auto second = std::async(std::launch::async, [&] { return Post("/citizen/v1/dossiers", body); });
    WaitForLockWaiters(2);

    const auto refused = std::chrono::steady_clock::now();
    CheckBusy(Post("/citizen/v1/dossiers", body));
    BOOST_TEST(Elapsed(refused) >= 0.3);  // it waited for a place first
    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(Get("/staff/v1/inbox", token).status == 200);
    BOOST_TEST(Login("clerk").size() > 0u);
    BOOST_TEST(Get("/ready").status == 200);
    BOOST_TEST(Elapsed(started) < 2.0, "the desk waited " << Elapsed(started) << " s");

    holder.Execute("ROLLBACK");
    BOOST_TEST(first.get().status == 201);
    BOOST_TEST(second.get().status == 201);
    BOOST_TEST(Counts().dossiers == 2);
    BOOST_TEST(Contains(server->MetricsRegistry().Exposition(),
                        R"(motcua_http_overload_rejections_total{reason="citizen"} 1)"));
}

BOOST_AUTO_TEST_SUITE_END()
