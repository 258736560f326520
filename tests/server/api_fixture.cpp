#include "tests/server/api_fixture.h"

#include <chrono>
#include <sstream>
#include <thread>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <boost/test/unit_test.hpp>

#include "model/time.h"
#include "server/usecases/request_signature.h"

namespace motcua::test {

std::ostream& operator<<(std::ostream& out, const RowCounts& c)
{
    return out << "{dossiers " << c.dossiers << ", forms " << c.forms << ", documents " << c.documents << ", events "
               << c.events << ", outputs " << c.outputs << ", counters " << c.counters << "/" << c.counterTotal
               << ", sessions " << c.sessions << "}";
}

namespace {

server::ServerConfig TestConfig(const std::string& localeDir, const std::function<void(server::ServerConfig&)>& tune)
{
    server::ServerConfig config;
    config.listenHost = "127.0.0.1";
    config.listenPort = 0;
    config.threads = 4;
    config.publicUrl = ApiFixture::kPublicUrl;
    config.kdfCost = server::ScryptCost{10, 8, 1};  // fast for tests; production is 2^15
    config.localeDir = localeDir;
    config.inboxMaxLimit = 200;
    config.closingInterval = std::chrono::seconds{0};  // the tests run the closing job themselves, at a set time
    config.housekeepingInterval = std::chrono::seconds{0};
    config.outboxInterval = std::chrono::seconds{0};  // the outbox tests run the dispatcher themselves
    config.clientKeyHex = ApiFixture::kClientKeyHex;
    // Most tests move the clock by hours between two calls of one session; the idle timeout's own tests (and the
    // default of 30 minutes) are in logins_test.cpp.
    config.sessionIdleTimeout = config.sessionLifetime;
    if (tune)
        tune(config);
    return config;
}

}  // namespace

ApiFixture::ApiFixture(const std::string& localeDir, const std::function<void(server::ServerConfig&)>& tune)
    : store(db.AppConninfo(), 4),
      clock(ParseIso8601(kStart, "start")),
      server(std::make_unique<server::Server>(TestConfig(localeDir, tune), store, clock)),
      m_localeDir(localeDir),
      m_tune(tune)
{
    const server::PasswordHasher& hasher = server->Hasher();
    catalogue = SeedFixtureCatalogue(store, [&hasher](const std::string& p) { return hasher.Hash(p); });
    pg::ApiClient client;
    client.code = kClient;
    client.name = "Test citizen app";
    client.sealedSecret = server->Authenticator().Box().Seal(kClientSecret);
    clientId = store.SaveApiClient(client);
    server->Start();
}

ApiFixture::~ApiFixture()
{
    if (server)  // null after a Restart that failed
        server->Stop();
}

void ApiFixture::Restart()
{
    server->Stop();
    server.reset();
    server = std::make_unique<server::Server>(TestConfig(m_localeDir, m_tune), store, clock);
    server->Start();
}

HttpReply ApiFixture::Call(const std::string& method, const std::string& path, const std::string& body,
                           const std::string& contentType, const std::string& token)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", server->Port());
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty())
        request.set("Authorization", "Bearer " + token);
    if (signing.sign && path.rfind("/citizen/v1/", 0) == 0)
        for (const auto& [name, value] : SignatureHeaders(method, path, body))
            request.set(name, value);
    for (const auto& [name, value] : signing.extraHeaders)
        request.set(name, value);
    if (!body.empty()) {
        if (!contentType.empty())
            request.setContentType(contentType);
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpReply reply;
    reply.status = static_cast<int>(response.getStatus());
    reply.contentType = response.getContentType();
    for (const auto& [name, value] : response)
        reply.headers[name] = value;
    std::ostringstream out;
    Poco::StreamCopier::copyStream(in, out);
    reply.body = out.str();
    if (reply.contentType.find("json") != std::string::npos && !reply.body.empty()) {
        Poco::JSON::Parser parser;
        const auto value = parser.parse(reply.body);
        if (value.type() == typeid(Poco::JSON::Object::Ptr))
            reply.json = value.extract<Poco::JSON::Object::Ptr>();
    }
    return reply;
}

std::map<std::string, std::string> ApiFixture::SignatureHeaders(const std::string& method, const std::string& path,
                                                                const std::string& body)
{
    long long seconds = std::chrono::duration_cast<std::chrono::seconds>(clock.Now().time_since_epoch()).count();
    for (;; --seconds) {
        const auto headers = server::SignatureHeaderValues(
            signing.client, signing.secret, {method, path, std::to_string(seconds), signing.citizen, body});
        if (m_signatures.insert(headers.back().second).second)
            return {headers.begin(), headers.end()};
    }
}

HttpReply ApiFixture::Post(const std::string& path, const std::string& body, const std::string& token)
{
    return Call("POST", path, body, "application/json", token);
}

HttpReply ApiFixture::Get(const std::string& path, const std::string& token)
{
    return Call("GET", path, {}, {}, token);
}

std::string ApiFixture::Login(const std::string& username, const std::string& password)
{
    const HttpReply reply =
        Post("/staff/v1/login", R"({"username":")" + username + R"(","password":")" + password + R"("})");
    BOOST_REQUIRE_EQUAL(reply.status, 200);
    BOOST_REQUIRE(reply.json);
    return reply.json->getValue<std::string>("token");
}

std::string ApiFixture::Submission(const std::string& procedureCode, const std::string& agencyCode,
                                   const std::string& applicantJson) const
{
    const std::string applicant = applicantJson.empty()
                                      ? R"({"fullName":"Nguyễn Văn An","citizenId":"001090001234",)"
                                        R"("dateOfBirth":"1990-05-12","address":"Số 12 Lê Lợi, phường Trường Vinh",)"
                                        R"("phone":"0912345678","email":"an@example.vn"})"
                                      : applicantJson;
    return R"({"procedureCode":")" + procedureCode + R"(","agencyCode":")" + agencyCode + R"(","applicant":)" +
           applicant +
           R"(,"formData":{"childName":"Nguyễn Văn Bình","childDateOfBirth":"2026-11-20"},)"
           R"("documents":[{"name":"Tờ khai đăng ký khai sinh","form":"original","count":1},)"
           R"({"name":"Giấy chứng sinh","form":"certified_copy","count":1}]})";
}

std::int64_t ApiFixture::SubmitDossier(const std::string& agencyCode, int serial)
{
    std::string number = std::to_string(serial % 1000000);
    const std::string citizenId = "001090" + std::string(6 - number.size(), '0') + number;
    static const char* const kNames[] = {"Nguyễn Văn Hùng", "Trần Thị Thùy Trang", "Lê Văn Ngân", "Đặng Thị Ánh",
                                         "Phạm Đức Anh"};
    const std::string applicant = R"({"fullName":")" + std::string(kNames[serial % 5]) + R"(","citizenId":")" +
                                  citizenId +
                                  R"(","dateOfBirth":"1990-05-12","address":"Số 12 Lê Lợi","phone":"0912345678"})";
    const HttpReply reply = Post("/citizen/v1/dossiers", Submission("1.001193", agencyCode, applicant));
    BOOST_REQUIRE_MESSAGE(reply.status == 201, reply.body);
    return reply.json->getValue<std::int64_t>("id");
}

RowCounts ApiFixture::Counts() const
{
    RowCounts c;
    c.dossiers = Scalar("SELECT count(*) FROM dossier");
    c.forms = Scalar("SELECT count(*) FROM dossier_form");
    c.documents = Scalar("SELECT count(*) FROM dossier_document");
    c.events = Scalar("SELECT count(*) FROM dossier_event");
    c.outputs = Scalar("SELECT count(*) FROM dossier_output");
    c.counters = Scalar("SELECT count(*) FROM dossier_code_counter");
    c.counterTotal = Scalar("SELECT coalesce(sum(last_seq), 0) FROM dossier_code_counter");
    c.sessions = Scalar("SELECT count(*) FROM staff_session");
    return c;
}

long long ApiFixture::AppConnections(bool waitingForLock) const
{
    return Scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = '" +
                  db.AppRole() + "'" + (waitingForLock ? " AND wait_event_type = 'Lock'" : ""));
}

void ApiFixture::WaitForLockWaiters(long long count) const
{
    WaitUntil([&] { return AppConnections(true) >= count; },
              "fewer than " + std::to_string(count) + " requests waiting for a lock");
}

void ApiFixture::WaitUntil(const std::function<bool()>& done, const std::string& what)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!done()) {
        BOOST_REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, what << " after 10 s");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

void ApiFixture::CheckProblem(const HttpReply& reply, int status, const std::string& field, const std::string& title)
{
    BOOST_TEST(reply.status == status, "status " << reply.status << ", body " << reply.body);
    BOOST_TEST(reply.contentType == "application/problem+json");
    BOOST_REQUIRE_MESSAGE(reply.json, "problem body is not JSON: " << reply.body);
    BOOST_TEST(reply.json->getValue<int>("status") == status);
    BOOST_TEST(reply.json->getValue<std::string>("type").rfind("urn:motcua:error:", 0) == 0u);
    BOOST_TEST(reply.json->getValue<std::string>("field") == field);
    BOOST_TEST(reply.json->getValue<std::string>("title") == title);
    BOOST_TEST(reply.json->has("title_vi"));
    BOOST_TEST(!reply.json->getValue<std::string>("title_vi").empty());
}

std::vector<std::int64_t> ItemIds(const HttpReply& reply)
{
    std::vector<std::int64_t> ids;
    const Poco::JSON::Array::Ptr items = reply.json->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
        ids.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id"));
    return ids;
}

}  // namespace motcua::test
