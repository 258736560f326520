// The desk and the server over TLS, with certificates made at test time (a CA, a server certificate for 127.0.0.1
// and localhost, another CA, a certificate for another name): verified connections work, unverified ones are refused
// as Environment errors, plain HTTP leaves the machine never, TLS 1.1 is refused, the event stream runs over TLS;
// and the server's start refusals (port taken, unusable TLS files).
#define BOOST_TEST_MODULE motcua_transport_tests
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <boost/test/unit_test.hpp>

#include "desktop/event_stream.h"
#include "desktop/http_transport.h"
#include "desktop/server_endpoint.h"
#include "desktop_fakes.h"
#include "model/error.h"
#include "server/http/http_service.h"
#include "server/http/metrics.h"
#include "server/http/problem_responder.h"
#include "server/http/router.h"
#include "server/http/translator.h"
#include "server/live/event_hub.h"
#include "server/live/live_event.h"

using namespace std::chrono_literals;
namespace fs = std::filesystem;
using motcua::Error;
using motcua::ErrorCategory;

namespace {

void Run(const std::string& command)
{
    const int rc = std::system((command + " >/dev/null 2>&1").c_str());
    if (rc != 0)
        throw std::runtime_error("failed: " + command);
}

void WriteText(const fs::path& file, const std::string& text)
{
    std::ofstream(file) << text;
}

// A CA and the certificates the tests need, made once per process with the openssl command (EC P-256 keys).
struct Certificates {
    fs::path dir;
    fs::path ca, serverCert, serverKey;    // the server's certificate names localhost and 127.0.0.1
    fs::path otherCa;                      // a CA that issued nothing the server holds
    fs::path otherNameCert, otherNameKey;  // issued by `ca`, for other.example only

    Certificates()
    {
        dir = fs::temp_directory_path() / ("motcua-tls-test-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        ca = MakeCa("ca", "MotCua Test CA");
        otherCa = MakeCa("other-ca", "Another Test CA");
        MakeServer("server", "localhost", "DNS:localhost,IP:127.0.0.1", serverCert, serverKey);
        MakeServer("other-name", "other.example", "DNS:other.example", otherNameCert, otherNameKey);
    }
    ~Certificates()
    {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    Certificates(const Certificates&) = delete;
    Certificates& operator=(const Certificates&) = delete;

    fs::path MakeCa(const std::string& name, const std::string& subject)
    {
        fs::path pem = dir / (name + ".pem");
        Run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -keyout '" +
            (dir / (name + ".key")).string() + "' -out '" + pem.string() + "' -subj '/CN=" + subject +
            "' -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign");
        return pem;
    }

    void MakeServer(const std::string& name, const std::string& cn, const std::string& san, fs::path& cert,
                    fs::path& key)
    {
        key = dir / (name + ".key");
        cert = dir / (name + ".pem");
        const fs::path csr = dir / (name + ".csr");
        const fs::path ext = dir / (name + ".ext");
        WriteText(ext, "subjectAltName=" + san + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        Run("openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout '" + key.string() + "' -out '" +
            csr.string() + "' -subj '/CN=" + cn + "'");
        Run("openssl x509 -req -days 2 -in '" + csr.string() + "' -CA '" + ca.string() + "' -CAkey '" +
            (dir / "ca.key").string() + "' -CAcreateserial -out '" + cert.string() + "' -extfile '" + ext.string() +
            "'");
    }
};

const Certificates& Certs()
{
    static const Certificates kCerts;
    return kCerts;
}

// The server's HTTP front with a /ping route and the staff event stream of one agency, on a free port.
class TlsServer {
public:
    explicit TlsServer(const fs::path& cert = Certs().serverCert, const fs::path& key = Certs().serverKey)
        : m_translator(""),
          m_problems(m_translator),
          m_http(m_router, m_problems, m_metrics, Options(cert, key))
    {
        m_router.Add("GET", "/ping", [](const motcua::server::HttpRequest&) {
            motcua::server::HttpResponse response;
            response.contentType = "text/plain";
            response.body = "pong";
            return response;
        });
        m_router.Add("GET", "/staff/v1/events", [this](const motcua::server::HttpRequest& request) {
            motcua::StaffMember staff;
            staff.agencyId = 7;
            return motcua::server::OpenEventStream(m_hub, staff, request);
        });
        m_hub.Start();
        m_http.Start(0);
    }
    ~TlsServer()
    {
        m_http.Stop();
        m_hub.Stop();
    }
    TlsServer(const TlsServer&) = delete;
    TlsServer& operator=(const TlsServer&) = delete;

    std::uint16_t Port() const { return m_http.Port(); }
    std::string Url(const std::string& host = "127.0.0.1") const
    {
        return "https://" + host + ":" + std::to_string(Port());
    }
    motcua::server::EventHub& Hub() { return m_hub; }
    int Streams() const { return static_cast<int>(m_hub.Streams()); }

private:
    static motcua::server::HttpServiceOptions Options(const fs::path& cert, const fs::path& key)
    {
        motcua::server::HttpServiceOptions o;
        o.logRequests = false;
        o.tlsCertificateFile = cert.string();
        o.tlsKeyFile = key.string();
        return o;
    }

    motcua::server::Translator m_translator;
    motcua::server::ProblemResponder m_problems;
    motcua::server::Metrics m_metrics;
    motcua::server::Router m_router;
    motcua::server::EventHub m_hub{motcua::server::EventHubOptions{}};
    motcua::server::HttpService m_http;
};

motcua::desktop::HttpResponse Ping(const std::string& url, const fs::path& ca)
{
    motcua::desktop::HttpTransport transport(motcua::desktop::HttpTransportOptions{url, ca.string(), 2000ms, 5000ms});
    return transport.Get("/ping");
}

// The Error a call throws; fails the test when it throws nothing or something else.
template <class Call>
Error ErrorOf(Call call)
{
    try {
        call();
    } catch (const Error& e) {
        return e;
    }
    BOOST_FAIL("no motcua::Error was thrown");
    throw std::logic_error("unreachable");
}

const std::string kCertificateRefused =
    "The server's certificate could not be verified, so the desk did not connect. Check the server address and the "
    "CA file (--ca).";

// GET /ping with a Poco context limited to one protocol version; the answer's body, or the exception's text.
std::string PingWithProtocol(std::uint16_t port, int disabled)
{
    Poco::Net::Context::Params params;
    params.caLocation = Certs().ca.string();
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.cipherList = "DEFAULT:@SECLEVEL=0";  // so that this client is willing to speak TLS 1.1 at all
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    context->disableProtocols(disabled);
    try {
        Poco::Net::HTTPSClientSession session("127.0.0.1", port, context);
        session.setTimeout(Poco::Timespan(3, 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/ping", Poco::Net::HTTPMessage::HTTP_1_1);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::string body;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
        return body;
    } catch (const Poco::Exception& e) {
        return "refused: " + e.displayText();
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transport_security)

BOOST_AUTO_TEST_CASE(with_the_server_s_ca_configured_the_desk_talks_https_by_address_and_by_name)
{
    TlsServer server;
    const motcua::desktop::HttpResponse byAddress = Ping(server.Url(), Certs().ca);
    BOOST_TEST(byAddress.status == 200);
    BOOST_TEST(byAddress.body == "pong");
    const motcua::desktop::HttpResponse byName = Ping(server.Url("localhost"), Certs().ca);
    BOOST_TEST(byName.body == "pong");
}

BOOST_AUTO_TEST_CASE(without_the_ca_or_with_another_ca_the_certificate_is_refused_as_an_environment_error)
{
    TlsServer server;
    for (const fs::path& ca : {fs::path(), Certs().otherCa}) {
        BOOST_TEST_CONTEXT("CA file '" << ca.string() << "'")
        {
            const Error e = ErrorOf([&] { Ping(server.Url(), ca); });
            BOOST_TEST((e.Category() == ErrorCategory::Environment));
            BOOST_TEST(e.what() == kCertificateRefused);
            // The details say why, in OpenSSL's words.
            BOOST_TEST(e.Detail().find("issuer certificate") != std::string::npos, e.Detail());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_certificate_for_another_name_is_refused_even_from_the_trusted_ca)
{
    TlsServer server(Certs().otherNameCert, Certs().otherNameKey);
    const Error e = ErrorOf([&] { Ping(server.Url(), Certs().ca); });
    BOOST_TEST((e.Category() == ErrorCategory::Environment));
    BOOST_TEST(e.what() == kCertificateRefused);
    BOOST_TEST(e.Detail().find("mismatch") != std::string::npos, e.Detail());
    // The same certificate passes when asked for by the name it was issued for: the refusal above was the name.
    BOOST_TEST(motcua::desktop::ServerEndpoint("https://other.example", Certs().ca.string()).Secure());
}

BOOST_AUTO_TEST_CASE(https_to_a_plain_http_server_is_a_failed_secure_connection)
{
    motcua::server::Translator translator("");
    motcua::server::ProblemResponder problems(translator);
    motcua::server::Metrics metrics;
    motcua::server::Router router;
    motcua::server::HttpServiceOptions options;
    options.logRequests = false;
    motcua::server::HttpService plain(router, problems, metrics, options);
    plain.Start(0);
    const Error e = ErrorOf([&] { Ping("https://127.0.0.1:" + std::to_string(plain.Port()), Certs().ca); });
    BOOST_TEST((e.Category() == ErrorCategory::Environment));
    BOOST_TEST(std::string(e.what()).find("secure connection (TLS 1.2 or later)") != std::string::npos, e.what());
}

BOOST_AUTO_TEST_CASE(plain_http_is_refused_except_to_this_computer)
{
    using motcua::desktop::ServerEndpoint;
    for (const char* url : {"http://127.0.0.1:8080", "http://127.8.9.10", "http://localhost:8080/motcua",
                            "http://LOCALHOST.", "http://[::1]:8080", "http://[::ffff:127.0.0.1]:8080"}) {
        BOOST_TEST_CONTEXT(url)
        {
            BOOST_TEST(!ServerEndpoint(url, "").Secure());
        }
    }
    for (const char* url : {"http://192.0.2.10:8080", "http://motcua.example.gov.vn", "http://128.0.0.1",
                            "http://localhost.example.com", "http://[::2]:8080", "http://0.0.0.0:8080"}) {
        BOOST_TEST_CONTEXT(url)
        {
            const Error e = ErrorOf([&] { ServerEndpoint(url, ""); });
            BOOST_TEST((e.Category() == ErrorCategory::BadInput));
            BOOST_TEST(e.Field() == "server");
            BOOST_TEST(std::string(e.what()).find("plain http:// is allowed only to this computer") !=
                       std::string::npos);
            // The transport refuses it the same way, before any connection.
            motcua::desktop::HttpTransport transport(motcua::desktop::HttpTransportOptions{});
            BOOST_CHECK_THROW(transport.SetBaseUrl(url), Error);
        }
    }
    const Error ftp = ErrorOf([] { ServerEndpoint("ftp://192.0.2.10", ""); });
    BOOST_TEST((ftp.Category() == ErrorCategory::BadInput));
    const Error noCa = ErrorOf([] { ServerEndpoint("https://192.0.2.10", "/nonexistent/ca.pem"); });
    BOOST_TEST((noCa.Category() == ErrorCategory::Environment));
}

BOOST_AUTO_TEST_CASE(the_server_refuses_a_tls_1_1_client_and_serves_tls_1_2)
{
    TlsServer server;
    using Context = Poco::Net::Context;
    const std::string tls11 =
        PingWithProtocol(server.Port(), Context::PROTO_SSLV2 | Context::PROTO_SSLV3 | Context::PROTO_TLSV1 |
                                            Context::PROTO_TLSV1_2 | Context::PROTO_TLSV1_3);
    BOOST_TEST(tls11.rfind("refused: ", 0) == 0, tls11);
    // Refused by the server (its alert), not by this client's own library.
    BOOST_TEST(tls11.find("protocol version") != std::string::npos, tls11);
    const std::string tls12 =
        PingWithProtocol(server.Port(), Context::PROTO_SSLV2 | Context::PROTO_SSLV3 | Context::PROTO_TLSV1 |
                                            Context::PROTO_TLSV1_1 | Context::PROTO_TLSV1_3);
    BOOST_TEST(tls12 == "pong");
}

BOOST_AUTO_TEST_CASE(the_event_stream_runs_over_tls)
{
    TlsServer server;
    motcua::desktop::test::UiThread ui;
    motcua::desktop::test::RecordingLive live;
    motcua::desktop::EventStreamOptions options;
    options.firstRetry = 50ms;
    options.maxRetry = 200ms;
    motcua::desktop::EventStreamClient client(
        [&server] {
            return motcua::desktop::EventStreamTarget{server.Url("localhost"), "tok", Certs().ca.string()};
        },
        [&ui](std::function<void()> call) { ui.Post(std::move(call)); }, options);
    client.Start(live);
    BOOST_REQUIRE_MESSAGE(ui.RunUntil([&] { return server.Streams() == 1; }), "the stream did not open over TLS");
    motcua::pg::ChangeEvent change;
    change.id = 11;
    change.dossierId = 42;
    change.code = "000.00.07.H41-261201-0001";
    change.version = 3;
    change.agencyIds = {7};
    change.agencyCodes = {"000.00.07.H41"};
    server.Hub().Publish({motcua::server::ToLiveEvent(change)});
    BOOST_REQUIRE_MESSAGE(ui.RunUntil([&] { return !live.events.empty(); }), "no event arrived over TLS");
    BOOST_TEST(live.events[0].dossierId == 42);
    BOOST_TEST(live.events[0].version == 3);
    client.Stop();

    // Without the CA the stream never opens.
    motcua::desktop::EventStreamClient refused(
        [&server] {
            return motcua::desktop::EventStreamTarget{server.Url(), "tok", ""};
        },
        [&ui](std::function<void()> call) { ui.Post(std::move(call)); }, options);
    motcua::desktop::test::RecordingLive other;
    refused.Start(other);
    ui.RunUntil([&] { return other.states.size() >= 3; }, 2000ms);
    refused.Stop();
    BOOST_TEST(std::count(other.states.begin(), other.states.end(), motcua::desktop::LiveState::Connected) == 0);
}

BOOST_AUTO_TEST_CASE(a_tls_client_that_sends_on_its_stream_holds_up_no_one)
{
    // The hub serves every stream from one thread: bytes a TLS client sends after its request (a partial record
    // here) must not make that thread wait for the rest, or every desk's events would stall behind it.
    TlsServer server;
    Poco::Net::Context::Params params;
    params.caLocation = Certs().ca.string();
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    Poco::Net::HTTPSClientSession session("127.0.0.1", server.Port(), context);
    session.setTimeout(Poco::Timespan(5, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/staff/v1/events",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    BOOST_REQUIRE(response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK);
    const auto until = std::chrono::steady_clock::now() + 5s;
    while (server.Streams() != 1 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(10ms);
    BOOST_REQUIRE(server.Streams() == 1);
    // Half a TLS record on the raw connection: the hub sees input, OpenSSL wants the rest.
    const unsigned char halfRecord[] = {0x17, 0x03, 0x03, 0x00, 0x40, 0x01, 0x02};
    const int fd = session.socket().impl()->sockfd();
    BOOST_REQUIRE(::send(fd, halfRecord, sizeof halfRecord, MSG_NOSIGNAL) == static_cast<ssize_t>(sizeof halfRecord));
    std::this_thread::sleep_for(100ms);
    motcua::pg::ChangeEvent change;
    change.id = 12;
    change.dossierId = 43;
    change.code = "000.00.07.H41-261201-0002";
    change.version = 1;
    change.agencyIds = {7};
    const auto published = std::chrono::steady_clock::now();
    server.Hub().Publish({motcua::server::ToLiveEvent(change)});
    std::string line;
    bool found = false;
    while (!found && std::getline(in, line))
        found = line.find("\"dossierId\":43") != std::string::npos;
    BOOST_TEST(found);
    BOOST_TEST((std::chrono::steady_clock::now() - published < 2s));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(server_start)

BOOST_AUTO_TEST_CASE(a_second_server_on_a_port_in_use_fails_to_start)
{
    motcua::server::Translator translator("");
    motcua::server::ProblemResponder problems(translator);
    motcua::server::Metrics metrics;
    motcua::server::Router router;
    motcua::server::HttpServiceOptions options;
    options.logRequests = false;
    motcua::server::HttpService first(router, problems, metrics, options);
    first.Start(0);
    motcua::server::Metrics otherMetrics;
    motcua::server::HttpService second(router, problems, otherMetrics, options);
    const Error e = ErrorOf([&] { second.Start(first.Port()); });
    BOOST_TEST((e.Category() == ErrorCategory::Environment));
    BOOST_TEST(e.Field() == "--listen");
    BOOST_TEST(e.Detail().find(std::to_string(first.Port())) != std::string::npos, e.Detail());
}

BOOST_AUTO_TEST_CASE(unusable_tls_files_stop_the_start_with_an_environment_error)
{
    struct Case {
        std::string name;
        fs::path cert;
        fs::path key;
        std::string field;
    };
    const fs::path garbage = Certs().dir / "garbage.pem";
    WriteText(garbage, "not a certificate\n");
    // clang-format off
    const std::vector<Case> cases{
        {"missing certificate", Certs().dir / "none.pem", Certs().serverKey,     "--tls-cert"},
        {"missing key",         Certs().serverCert,       Certs().dir / "none",  "--tls-key"},
        {"not a certificate",   garbage,                  Certs().serverKey,     "--tls-cert"},
        {"not a key",           Certs().serverCert,       garbage,               "--tls-key"},
        {"another's key",       Certs().serverCert,       Certs().otherNameKey,  "--tls-key"},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            motcua::server::Translator translator("");
            motcua::server::ProblemResponder problems(translator);
            motcua::server::Metrics metrics;
            motcua::server::Router router;
            motcua::server::HttpServiceOptions options;
            options.tlsCertificateFile = c.cert.string();
            options.tlsKeyFile = c.key.string();
            motcua::server::HttpService service(router, problems, metrics, options);
            const Error e = ErrorOf([&] { service.Start(0); });
            BOOST_TEST((e.Category() == ErrorCategory::Environment));
            BOOST_TEST(e.Field() == c.field);
            BOOST_TEST(std::string(e.what()).find("TLS") != std::string::npos, e.what());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
