// StaffApiClient against a tiny in-process Poco HTTP server on port 0 answering canned JSON and problem+json.
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <boost/test/unit_test.hpp>

#include "desktop/api_error.h"
#include "desktop/staff_api_client.h"
#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;

namespace {

struct Canned {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::chrono::milliseconds delay{0};
};

struct Seen {
    std::string method;
    std::string uri;
    std::string authorization;
    std::string contentType;
    std::string body;
    std::string client;  // the client's address and port: one per connection
};

// Answers "METHOD path" (path without the query) from a table and records every request.
class CannedServer {
public:
    // `keepAlive`: how long the server keeps an idle connection open for the next request.
    explicit CannedServer(std::chrono::milliseconds keepAlive = std::chrono::seconds(10))
        : m_socket(Poco::Net::SocketAddress("127.0.0.1", 0))
    {
        auto* params = new Poco::Net::HTTPServerParams();
        params->setMaxThreads(4);
        params->setKeepAliveTimeout(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(keepAlive.count()) * 1000));
        m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), m_socket, params);
        m_server->start();
    }
    ~CannedServer() { m_server->stopAll(true); }

    std::string Url() const { return "http://127.0.0.1:" + std::to_string(m_socket.address().port()); }
    void Set(const std::string& key, Canned answer)
    {
        std::lock_guard lock(m_mutex);
        m_answers[key] = std::move(answer);
    }
    std::vector<Seen> Requests()
    {
        std::lock_guard lock(m_mutex);
        return m_seen;
    }

private:
    class Handler final : public Poco::Net::HTTPRequestHandler {
    public:
        explicit Handler(CannedServer& owner) : m_owner(owner) {}
        void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
        {
            Seen seen;
            seen.method = request.getMethod();
            seen.uri = request.getURI();
            seen.authorization = request.get("Authorization", "");
            seen.contentType = request.getContentType();
            seen.client = request.clientAddress().toString();
            Poco::StreamCopier::copyToString(request.stream(), seen.body);
            const std::string path = seen.uri.substr(0, seen.uri.find('?'));
            Canned answer{
                404, "application/problem+json",
                R"({"type":"urn:motcua:error:not-found","status":404,"title":"Not found","title_vi":"Không tìm thấy","field":""})"};
            {
                std::lock_guard lock(m_owner.m_mutex);
                m_owner.m_seen.push_back(seen);
                const auto it = m_owner.m_answers.find(seen.method + " " + path);
                if (it != m_owner.m_answers.end())
                    answer = it->second;
            }
            if (answer.delay.count() > 0)
                std::this_thread::sleep_for(answer.delay);
            response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
            response.setContentType(answer.contentType);
            response.setContentLength(static_cast<std::streamsize>(answer.body.size()));
            response.send() << answer.body;
        }

    private:
        CannedServer& m_owner;
    };
    class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
    public:
        explicit Factory(CannedServer& owner) : m_owner(owner) {}
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
        {
            return new Handler(m_owner);
        }

    private:
        CannedServer& m_owner;
    };

    Poco::Net::ServerSocket m_socket;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    std::mutex m_mutex;
    std::map<std::string, Canned> m_answers;
    std::vector<Seen> m_seen;
};

const char* const kLoginJson = R"({"token":"tok-123","expiresAt":"2026-11-27T17:30:00+07:00",
  "staff":{"id":5,"username":"clerk.hoankiem","fullName":"Trần Thị Bích","role":"clerk","agencyId":3,
           "agencyName":"UBND phường Hoàn Kiếm"}})";

const char* const kDetailJson = R"({"id":42,"code":"000.00.01.H41-261127-0001","applicantName":"Nguyễn Văn An",
  "procedureName":"Đăng ký khai sinh","submittedAt":"2026-11-27T09:30:00+07:00","receivedAt":"2026-11-27T10:00:00+07:00",
  "dueAt":"2026-12-04T16:00:00+07:00","status":2,"statusName":"Được tiếp nhận","subState":"awaiting_assignment",
  "version":4,"channel":"online",
  "procedure":{"id":7,"code":"1.001193","name":"Đăng ký khai sinh","processingTime":5,"processingUnit":"working_days","feeVnd":0,
                "requiredDocuments":[{"name":"Giấy chứng sinh","form":"original","count":1,"mandatory":true}]},
  "applicant":{"fullName":"Nguyễn Văn An","citizenId":"001090001234","dateOfBirth":"1990-05-12","address":"12 Hàng Bạc",
               "phone":"0912345678"},
  "formData":{"child":{"name":"Nguyễn Văn Bình"}},
  "documents":[{"name":"Tờ khai đăng ký khai sinh","form":"original","count":1}],
  "receivingAgency":{"id":3,"code":"000.00.01.H41","name":"UBND phường Hoàn Kiếm"},
  "handlingAgency":{"id":3,"code":"000.00.01.H41","name":"UBND phường Hoàn Kiếm"},
  "history":[{"at":"2026-11-27T09:30:00+07:00","action":"submit","role":"citizen","staffName":null,"fromStatus":null,
              "toStatus":1,"note":""},
             {"at":"2026-11-27T10:00:00+07:00","action":"accept","role":"clerk","staffName":"Trần Thị Bích",
              "onBehalfOf":"Lê Thị Hồng Nhung","fromStatus":1,"toStatus":2,"note":""}],
  "hasReceipt":true,"allowedActions":["assign","forward","a_word_from_a_newer_server","withdraw"]})";

StaffApiClient MakeClient(const std::string& url, std::chrono::milliseconds timeout = std::chrono::milliseconds(5000))
{
    StaffApiClientOptions options;
    options.serverUrl = url;
    options.connectTimeout = timeout;
    options.requestTimeout = timeout;
    return StaffApiClient(options);
}

template <class F>
Error CaughtError(F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    BOOST_FAIL("no motcua::Error was thrown");
    throw std::logic_error("unreachable");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_client)

BOOST_AUTO_TEST_CASE(login_parses_the_identity_and_later_calls_carry_the_bearer_token)
{
    CannedServer server;
    server.Set("POST /staff/v1/login", {200, "application/json", kLoginJson});
    server.Set("GET /staff/v1/inbox", {200, "application/json", R"({"items":[],"next":null})"});
    StaffApiClient client = MakeClient(server.Url());
    const Session session = client.Login("clerk.hoankiem", "mật khẩu \"x\"");
    BOOST_TEST(session.staff.id == 5);
    BOOST_TEST(session.staff.fullName == "Trần Thị Bích");
    BOOST_TEST(session.staff.role == Role::Clerk);
    BOOST_TEST(session.staff.agencyName == "UBND phường Hoàn Kiếm");
    BOOST_TEST(client.HasToken());
    client.Inbox(50, std::nullopt);
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 2u);
    BOOST_TEST(seen[0].authorization == "");
    BOOST_TEST(seen[0].contentType.find("application/json") == 0u);
    // The password travels JSON-escaped, never spliced in raw.
    BOOST_TEST(seen[0].body.find(R"("password":"mật khẩu \"x\"")") != std::string::npos);
    BOOST_TEST(seen[1].authorization == "Bearer tok-123");
    BOOST_TEST(seen[1].uri == "/staff/v1/inbox?limit=50");
}

BOOST_AUTO_TEST_CASE(a_login_sends_the_code_when_given_and_reads_the_problems_code_and_wait)
{
    CannedServer server;
    server.Set("POST /staff/v1/login",
               {429, "application/problem+json",
                R"({"type":"urn:motcua:error:not-allowed","status":429,"title":"Too many failed sign-ins",
                    "title_vi":"Quá nhiều lần","field":"","code":"login_locked","retryAfter":60})"});
    StaffApiClient client = MakeClient(server.Url());
    try {
        client.Login("clerk.hoankiem", "x", "123456");
        BOOST_FAIL("login should have failed");
    } catch (const ApiError& e) {
        BOOST_TEST(e.HttpStatus() == 429);
        BOOST_TEST(e.Code() == "login_locked");
        BOOST_TEST(e.RetryAfter().count() == 60);
    }
    BOOST_CHECK_THROW(client.Login("clerk.hoankiem", "x"), ApiError);
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 2u);
    BOOST_TEST(seen[0].body.find(R"("otp":"123456")") != std::string::npos);
    BOOST_TEST(seen[1].body.find("otp") == std::string::npos);  // no code: no member (older servers ignore it anyway)
}

BOOST_AUTO_TEST_CASE(a_problem_answer_becomes_an_api_error_with_both_titles_and_the_field)
{
    CannedServer server;
    server.Set("POST /staff/v1/login",
               {401, "application/problem+json",
                R"({"type":"urn:motcua:error:unauthenticated","status":401,"title":"Wrong user name or password",
                    "title_vi":"Sai tên đăng nhập hoặc mật khẩu","field":"password","detail":"no such user"})"});
    StaffApiClient client = MakeClient(server.Url());
    try {
        client.Login("nobody", "x");
        BOOST_FAIL("login should have failed");
    } catch (const ApiError& e) {
        BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Unauthenticated));
        BOOST_TEST(e.HttpStatus() == 401);
        BOOST_TEST(e.Title() == "Wrong user name or password");
        BOOST_TEST(std::string(e.what()) == "Wrong user name or password");
        BOOST_TEST(e.TitleVi() == "Sai tên đăng nhập hoặc mật khẩu");
        BOOST_TEST(e.Field() == "password");
        BOOST_TEST(e.Detail() == "no such user");
    }
    BOOST_TEST(!client.HasToken());
}

BOOST_AUTO_TEST_CASE(the_inbox_page_is_parsed_with_nulls_and_the_cursor_is_sent_encoded)
{
    CannedServer server;
    server.Set("GET /staff/v1/inbox",
               {200, "application/json",
                R"({"items":[{"id":1,"code":"000.00.01.H41-261127-0001","applicantName":"Nguyễn Văn An",
                  "procedureName":"Đăng ký khai sinh","submittedAt":"2026-11-27T02:30:00Z","receivedAt":null,
                  "dueAt":null,"status":1,"statusName":"Mới đăng ký","subState":"awaiting_intake_check","version":1}],
                  "next":"2026-12-04T16:00:00+07:00|17"})"});
    StaffApiClient client = MakeClient(server.Url());
    const InboxPage page = client.Inbox(25, std::string("a+b/c=d&e f"));
    BOOST_REQUIRE(page.items.size() == 1u);
    BOOST_TEST(page.items[0].code == "000.00.01.H41-261127-0001");
    BOOST_TEST(page.items[0].applicantName == "Nguyễn Văn An");
    BOOST_TEST(!page.items[0].receivedAt.has_value());
    BOOST_TEST(!page.items[0].dueAt.has_value());
    BOOST_TEST(static_cast<int>(page.items[0].status) == 1);
    const Instant expected =
        std::chrono::sys_days{std::chrono::year{2026} / 11 / 27} + std::chrono::hours{2} + std::chrono::minutes{30};
    BOOST_TEST(page.items[0].submittedAt.time_since_epoch().count() == expected.time_since_epoch().count());
    BOOST_TEST(page.next.value() == "2026-12-04T16:00:00+07:00|17");
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 1u);
    BOOST_TEST(seen[0].uri == "/staff/v1/inbox?limit=25&after=a%2Bb%2Fc%3Dd%26e%20f");
}

BOOST_AUTO_TEST_CASE(the_queue_counts_are_read_in_the_servers_order_with_caps)
{
    CannedServer server;
    server.Set("GET /staff/v1/queues",
               {200, "application/json",
                R"({"queues":[{"name":"mine","count":12,"overdue":3},{"name":"intake","count":0,"overdue":0},
                  {"name":"finished","count":10000,"overdue":0,"countCapped":true}]})"});
    StaffApiClient client = MakeClient(server.Url());
    const std::vector<QueueCount> queues = client.Queues();
    BOOST_REQUIRE(queues.size() == 3u);
    BOOST_TEST(queues[0].name == "mine");
    BOOST_TEST(queues[0].count == 12);
    BOOST_TEST(queues[0].overdue == 3);
    BOOST_TEST(!queues[0].countCapped);
    BOOST_TEST(queues[2].countCapped);
    BOOST_TEST(server.Requests().at(0).uri == "/staff/v1/queues");
}

BOOST_AUTO_TEST_CASE(a_queue_page_is_asked_with_its_sort_and_cursor_and_read_with_its_extra_fields)
{
    CannedServer server;
    server.Set("GET /staff/v1/queues/due_soon",
               {200, "application/json",
                R"({"items":[{"id":1,"code":"C-1","applicantName":"Nguyễn Văn An","procedureName":"Khai sinh",
                  "submittedAt":"2026-11-27T02:30:00Z","receivedAt":"2026-11-27T03:00:00Z","dueAt":"2026-12-01T09:00:00Z",
                  "status":4,"statusName":"Đang xử lý","subState":null,"version":3,"dueSoon":true,
                  "overdue":false,"assignedTo":{"id":8,"name":"Lê Văn Cường"}},
                 {"id":2,"code":"C-2","applicantName":"Đặng Thị Hoa","procedureName":"Khai sinh",
                  "submittedAt":"2026-11-27T02:30:00Z","receivedAt":null,"dueAt":null,"status":1,
                  "statusName":"Mới đăng ký","subState":null,"version":1,"assignedTo":null}],"next":"k|2"})"});
    StaffApiClient client = MakeClient(server.Url());
    const DossierPage page = client.QueuePage({"due_soon", ListSort::Received, true, 30, std::string("a b|1")});
    BOOST_REQUIRE(page.items.size() == 2u);
    BOOST_TEST(page.items[0].row.code == "C-1");
    BOOST_TEST(page.items[0].row.version == 3);
    BOOST_TEST(page.items[0].dueSoon.value());
    BOOST_TEST(!page.items[0].overdue.value());
    BOOST_REQUIRE(page.items[0].row.assignedTo.has_value());
    BOOST_TEST(page.items[0].row.assignedTo->id == 8);
    BOOST_TEST(page.items[0].row.assignedTo->name == "Lê Văn Cường");
    BOOST_TEST(!page.items[1].dueSoon.has_value());
    BOOST_TEST(!page.items[1].overdue.has_value());
    BOOST_TEST(!page.items[1].row.assignedTo.has_value());
    BOOST_TEST(page.next.value() == "k|2");
    BOOST_TEST(server.Requests().at(0).uri ==
               "/staff/v1/queues/due_soon?limit=30&after=a%20b%7C1&sort=received&order=desc");
}

BOOST_AUTO_TEST_CASE(a_search_sends_only_the_filters_given)
{
    CannedServer server;
    server.Set("GET /staff/v1/dossiers", {200, "application/json", R"({"items":[],"next":null})"});
    StaffApiClient client = MakeClient(server.Url());
    SearchQuery query;
    query.text = "nguyễn thị ánh";
    BOOST_TEST(client.Search(query, 50, std::nullopt).items.empty());
    query.status = NationalStatus::Processing;
    query.procedureCode = "1.001193";
    query.agencyCode = "000.00.01.H41";
    query.fromDate = "2026-11-01";
    query.toDate = "2026-11-30";
    client.Search(query, 20, std::string("c&1"));
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 2u);
    BOOST_TEST(seen[0].uri == "/staff/v1/dossiers?limit=50&q=nguy%E1%BB%85n%20th%E1%BB%8B%20%C3%A1nh");
    BOOST_TEST(seen[1].uri ==
               "/staff/v1/dossiers?limit=20&q=nguy%E1%BB%85n%20th%E1%BB%8B%20%C3%A1nh&status=4"
               "&procedure=1.001193&agency=000.00.01.H41&from=2026-11-01&to=2026-11-30&after=c%261");
}

BOOST_AUTO_TEST_CASE(an_unknown_queue_is_a_not_found_error_and_the_events_target_carries_the_token)
{
    CannedServer server;
    server.Set("POST /staff/v1/login", {200, "application/json", kLoginJson});
    StaffApiClient client = MakeClient(server.Url());
    BOOST_TEST(client.EventsTarget().token == "");
    client.Login("clerk.hoankiem", "x");
    const Error e = CaughtError([&] { client.QueuePage({"nonsense", ListSort::Due, false, 10, std::nullopt}); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::NotFound));
    BOOST_TEST(client.EventsTarget().baseUrl == server.Url());
    BOOST_TEST(client.EventsTarget().token == "tok-123");
}

BOOST_AUTO_TEST_CASE(the_dossier_detail_is_parsed_completely)
{
    CannedServer server;
    server.Set("GET /staff/v1/dossiers/42", {200, "application/json", kDetailJson});
    StaffApiClient client = MakeClient(server.Url());
    const DossierDetail d = client.Dossier(42);
    BOOST_TEST(d.summary.id == 42);
    BOOST_TEST(d.summary.version == 4);
    BOOST_TEST(static_cast<int>(d.summary.status) == 2);
    BOOST_TEST(d.summary.receivedAt.has_value());
    BOOST_TEST(d.procedure.code == "1.001193");
    BOOST_TEST(d.procedure.processingTime == 5);
    BOOST_REQUIRE(d.procedure.requiredDocuments.size() == 1u);
    BOOST_TEST(d.procedure.requiredDocuments[0].name == "Giấy chứng sinh");
    BOOST_TEST(d.applicant.citizenId == "001090001234");
    BOOST_TEST(d.applicant.email == "");
    BOOST_TEST(d.formDataJson.find("Nguyễn Văn Bình") != std::string::npos);
    BOOST_REQUIRE(d.documents.size() == 1u);
    BOOST_TEST((d.documents[0].form == DocumentForm::Original));
    BOOST_TEST((d.channel == Channel::Online));
    BOOST_TEST((d.procedure.processingUnit == DurationUnit::WorkingDays));
    BOOST_TEST((d.summary.subState == SubState::AwaitingAssignment));
    BOOST_TEST((d.history[0].action == Action::Submit));
    BOOST_TEST((d.history[0].role == Role::Citizen));
    BOOST_TEST((d.history[1].action == Action::Accept));
    BOOST_TEST(d.handlingAgency.code == "000.00.01.H41");
    BOOST_REQUIRE(d.history.size() == 2u);
    BOOST_TEST(!d.history[0].fromStatus.has_value());
    BOOST_TEST(!d.history[0].staffName.has_value());
    BOOST_TEST(d.history[1].staffName.value() == "Trần Thị Bích");
    BOOST_TEST(d.history[0].onBehalfOf.empty());
    BOOST_TEST(d.history[1].onBehalfOf == "Lê Thị Hồng Nhung");
    BOOST_TEST(static_cast<int>(d.history[1].fromStatus.value()) == 1);
    BOOST_TEST(d.hasReceipt);
    BOOST_TEST_REQUIRE(d.allowedActions.size() == 3u);  // the unknown word is left out, not an error
    BOOST_TEST((d.allowedActions[0] == Action::Assign && d.allowedActions[1] == Action::Forward &&
                d.allowedActions[2] == Action::Withdraw));
}

BOOST_AUTO_TEST_CASE(accept_sends_the_version_and_a_stale_one_is_a_conflict)
{
    CannedServer server;
    server.Set("POST /staff/v1/dossiers/42/accept",
               {409, "application/problem+json",
                R"({"type":"urn:motcua:error:conflict","status":409,"title":"The dossier was changed by someone else",
                    "title_vi":"Hồ sơ đã bị người khác thay đổi","field":"version"})"});
    StaffApiClient client = MakeClient(server.Url());
    const Error e = CaughtError([&] { client.Accept(42, 3); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Conflict));
    BOOST_TEST(e.Field() == "version");
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 1u);
    BOOST_TEST(seen[0].body == R"({"version":3})");

    server.Set("POST /staff/v1/dossiers/42/accept", {200, "application/json", kDetailJson});
    const DossierDetail d = client.Accept(42, 3);
    BOOST_TEST(static_cast<int>(d.summary.status) == 2);
}

BOOST_AUTO_TEST_CASE(the_receipt_comes_back_as_pdf_bytes)
{
    CannedServer server;
    const std::string pdf = std::string("%PDF-1.4\n\0\xff binary", 17);
    server.Set("GET /staff/v1/dossiers/42/receipt", {200, "application/pdf", pdf});
    server.Set("GET /staff/v1/dossiers/43/receipt", {200, "text/html", "<html></html>"});
    StaffApiClient client = MakeClient(server.Url());
    const std::vector<std::uint8_t> bytes = client.Receipt(42);
    BOOST_TEST(std::string(bytes.begin(), bytes.end()) == pdf);
    const Error e = CaughtError([&] { client.Receipt(43); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Internal));
    const Error missing = CaughtError([&] { client.Receipt(44); });
    BOOST_TEST(static_cast<int>(missing.Category()) == static_cast<int>(ErrorCategory::NotFound));
}

BOOST_AUTO_TEST_CASE(a_signed_output_goes_back_by_put_as_pdf_bytes_and_a_refusal_names_the_pdf)
{
    CannedServer server;
    const std::string pdf = std::string("%PDF-1.3\n\0\xff signed %%EOF\n", 25);
    server.Set("PUT /staff/v1/outputs/77",
               {200, "application/json",
                R"({"id":77,"kind":"result","sha256":"ab12","signer":"CN=Nguyễn Văn An,O=UBND phường Hoàn Kiếm"})"});
    server.Set("PUT /staff/v1/outputs/78",
               {422, "application/problem+json",
                R"({"type":"urn:motcua:error:bad-input","status":422,"title":"A signature of the file is not valid",
                    "title_vi":"Chữ ký trong tệp không hợp lệ","field":"pdf"})"});
    StaffApiClient client = MakeClient(server.Url());
    const SignedOutput stored = client.PutSignedOutput(77, std::vector<std::uint8_t>(pdf.begin(), pdf.end()));
    BOOST_TEST(stored.id == 77);
    BOOST_TEST(stored.kind == "result");
    BOOST_TEST(stored.sha256 == "ab12");
    BOOST_TEST(stored.signer == "CN=Nguyễn Văn An,O=UBND phường Hoàn Kiếm");
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 1u);
    BOOST_TEST(seen[0].method == "PUT");
    BOOST_TEST(seen[0].contentType == "application/pdf");
    BOOST_TEST(seen[0].body == pdf);  // every byte, the NUL among them
    const Error e = CaughtError([&] { client.PutSignedOutput(78, {}); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::BadInput));
    BOOST_TEST(e.Field() == "pdf");
}

BOOST_AUTO_TEST_CASE(answers_the_desk_cannot_read_are_internal_errors_naming_the_member)
{
    CannedServer server;
    server.Set("GET /staff/v1/dossiers/1", {200, "application/json", "{not json"});
    server.Set("GET /staff/v1/dossiers/2", {200, "application/json", R"({"id":"two"})"});
    server.Set("GET /staff/v1/inbox", {200, "application/json", R"({"items":[{"id":1}]})"});
    StaffApiClient client = MakeClient(server.Url());
    const Error bad = CaughtError([&] { client.Dossier(1); });
    BOOST_TEST(static_cast<int>(bad.Category()) == static_cast<int>(ErrorCategory::Internal));
    BOOST_TEST(bad.Detail().find("invalid JSON") != std::string::npos);
    const Error mistyped = CaughtError([&] { client.Dossier(2); });
    BOOST_TEST(mistyped.Detail().find("'id'") != std::string::npos);
    const Error missing = CaughtError([&] { client.Inbox(10, std::nullopt); });
    BOOST_TEST(missing.Detail().find("items[0].code") != std::string::npos);
    // A word outside the model's vocabulary is refused at the boundary, naming where it was and what it said.
    std::string unknownAction = kDetailJson;
    unknownAction.replace(unknownAction.find(R"("action":"accept")"), 17, R"("action":"teleport")");
    server.Set("GET /staff/v1/dossiers/3", {200, "application/json", unknownAction});
    const Error unknown = CaughtError([&] { client.Dossier(3); });
    BOOST_TEST(static_cast<int>(unknown.Category()) == static_cast<int>(ErrorCategory::Internal));
    BOOST_TEST(unknown.Detail().find("history[1].action") != std::string::npos);
    BOOST_TEST(unknown.Detail().find("'teleport'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_error_page_without_problem_details_gets_a_message_from_its_status)
{
    CannedServer server;
    server.Set("GET /staff/v1/inbox", {502, "text/html", "<html>Bad gateway</html>"});
    StaffApiClient client = MakeClient(server.Url());
    const Error e = CaughtError([&] { client.Inbox(10, std::nullopt); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(std::string(e.what()) == "The server is not available right now. Try again later.");
    BOOST_TEST(e.Detail().find("HTTP 502") == 0u);
}

BOOST_AUTO_TEST_CASE(a_server_that_is_not_there_is_an_environment_error)
{
    std::string url;
    {
        Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
        url = "http://127.0.0.1:" + std::to_string(probe.address().port());
    }  // closed again: nothing listens there now
    StaffApiClient client = MakeClient(url);
    const Error e = CaughtError([&] { client.Login("a", "b"); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(std::string(e.what()).find("Cannot reach the server") == 0u);
    BOOST_TEST(e.Detail().find(url) == 0u);
}

BOOST_AUTO_TEST_CASE(a_server_too_slow_for_the_timeout_is_an_environment_error)
{
    CannedServer server;
    server.Set("GET /staff/v1/inbox",
               {200, "application/json", R"({"items":[],"next":null})", std::chrono::milliseconds(1500)});
    StaffApiClient client = MakeClient(server.Url(), std::chrono::milliseconds(200));
    const auto started = std::chrono::steady_clock::now();
    const Error e = CaughtError([&] { client.Inbox(10, std::nullopt); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(std::string(e.what()).find("did not answer in time") != std::string::npos);
    const auto waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    BOOST_TEST(waited.count() < 1200);
}

BOOST_AUTO_TEST_CASE(unusable_server_addresses_are_bad_input_on_the_server_field)
{
    StaffApiClient client = MakeClient("");
    for (const std::string url :
         {"", "   ", "ftp://example.org", "http://", "http://192.0.2.10:8080", "127.0.0.1:8080"}) {
        BOOST_TEST_CONTEXT("url '" << url << "'")
        {
            const Error e = CaughtError([&] { client.SetServerUrl(url); });
            BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::BadInput));
            BOOST_TEST(e.Field() == "server");
        }
    }
    client.SetServerUrl(" http://127.0.0.1:8080/ ");
    BOOST_TEST(client.ServerUrl() == "http://127.0.0.1:8080/");
    client.SetServerUrl("https://192.0.2.10:8443");  // another computer: over TLS only
    BOOST_TEST(client.ServerUrl() == "https://192.0.2.10:8443");
}

BOOST_AUTO_TEST_CASE(a_path_prefix_in_the_server_address_is_kept)
{
    CannedServer server;
    server.Set("GET /motcua/staff/v1/inbox", {200, "application/json", R"({"items":[],"next":null})"});
    StaffApiClient client = MakeClient(server.Url() + "/motcua/");
    BOOST_TEST(client.Inbox(5, std::nullopt).items.empty());
}

// The transport alone: no API paths, no JSON; any HTTP status is an answer, the bearer token follows its server.
BOOST_AUTO_TEST_CASE(the_transport_returns_every_status_and_drops_the_token_for_a_new_server)
{
    CannedServer server;
    server.Set("GET /anything", {418, "text/plain", "teapot"});
    HttpTransport http(HttpTransportOptions{server.Url() + "/prefix/"});
    BOOST_TEST(http.BaseUrl() == server.Url() + "/prefix/");
    http.SetBearerToken("tok-1");
    const HttpResponse answer = http.Get("/anything?x=1");
    BOOST_TEST(answer.status == 404);  // the prefix is kept, so /anything itself is not asked for
    BOOST_TEST(!answer.IsSuccess());
    http.SetBaseUrl(server.Url());
    BOOST_TEST(http.HasBearerToken() == false);  // a token belongs to the server that issued it
    http.SetBearerToken("tok-2");
    const HttpResponse teapot = http.Get("/anything");
    BOOST_TEST(teapot.status == 418);
    BOOST_TEST(teapot.contentType == "text/plain");
    BOOST_TEST(teapot.body == "teapot");
    http.SetBaseUrl(server.Url());  // the same address keeps the token
    BOOST_TEST(http.HasBearerToken());
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 2u);
    BOOST_TEST(seen[0].uri == "/prefix/anything?x=1");
    BOOST_TEST(seen[0].authorization == "Bearer tok-1");
    BOOST_TEST(seen[1].authorization == "Bearer tok-2");
}

BOOST_AUTO_TEST_CASE(reads_share_a_kept_connection_and_changes_go_on_a_new_one)
{
    CannedServer server;
    server.Set("GET /a", {200, "application/json", "{}"});
    server.Set("POST /b", {200, "application/json", "{}"});
    HttpTransport http(HttpTransportOptions{server.Url()});
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(http.Get("/a").status == 200);
    const std::string body = "{}";
    BOOST_TEST(http.Post("/b", &body).status == 200);
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 4u);
    BOOST_TEST(seen[1].client == seen[0].client);  // no new connection per read
    BOOST_TEST(seen[2].client == seen[0].client);
    BOOST_TEST(seen[3].client != seen[0].client);  // a change is never sent on a connection that may be closed
}

BOOST_AUTO_TEST_CASE(a_kept_connection_the_server_closed_is_replaced_without_an_error)
{
    CannedServer server(std::chrono::milliseconds(100));  // closes idle connections before the desk would
    server.Set("GET /a", {200, "application/json", "{\"n\":1}"});
    HttpTransport http(HttpTransportOptions{server.Url()});
    BOOST_TEST(http.Get("/a").status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    const HttpResponse again = http.Get("/a");
    BOOST_TEST(again.status == 200);
    BOOST_TEST(again.body == "{\"n\":1}");
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 2u);
    BOOST_TEST(seen[1].client != seen[0].client);
}

BOOST_AUTO_TEST_CASE(the_audit_trail_is_read_with_delegations_and_documents_and_a_refusal_is_not_allowed)
{
    CannedServer server;
    server.Set("GET /staff/v1/dossiers/42/audit", {200, "application/json",
                                                   R"({"dossierId":42,"code":"000.00.01.H41-261127-0001","entries":[
                    {"at":"2026-11-27T09:30:00+07:00","actor":"citizen_app","staffName":"","role":"","agency":"",
                     "address":"10.0.0.9","action":"submit","detail":"1/0>1/0"},
                    {"at":"2026-11-27T10:00:00+07:00","actor":"staff","staffName":"Trần Thị Bích",
                     "onBehalfOf":"Lê Văn Cường","role":"clerk","agency":"UBND phường Hoàn Kiếm",
                     "address":"10.0.0.7","action":"open.document","documentId":77,"detail":"receipt"}]})"});
    server.Set("GET /staff/v1/dossiers/43/audit", {403, "application/problem+json",
                                                   R"({"type":"urn:motcua:error:not-allowed","status":403,
                    "title":"Only managers, auditors and administrators may read a dossier's audit trail",
                    "title_vi":"Chỉ lãnh đạo","field":""})"});
    StaffApiClient client = MakeClient(server.Url());
    const AuditTrail trail = client.DossierAuditTrail(42);
    BOOST_TEST(trail.dossierId == 42);
    BOOST_TEST(trail.code == "000.00.01.H41-261127-0001");
    BOOST_REQUIRE(trail.entries.size() == 2u);
    BOOST_TEST(trail.entries[0].actor == "citizen_app");
    BOOST_TEST(trail.entries[0].staffName.empty());
    BOOST_TEST(!trail.entries[0].documentId.has_value());
    BOOST_TEST(trail.entries[0].detail == "1/0>1/0");
    BOOST_TEST(FormatIso8601(trail.entries[1].at) == "2026-11-27T10:00:00+07:00");
    BOOST_TEST(trail.entries[1].onBehalfOf == "Lê Văn Cường");
    BOOST_TEST(trail.entries[1].role == "clerk");
    BOOST_TEST(trail.entries[1].address == "10.0.0.7");
    BOOST_TEST(trail.entries[1].action == "open.document");
    BOOST_TEST(trail.entries[1].documentId.value_or(0) == 77);
    const Error refused = CaughtError([&] { client.DossierAuditTrail(43); });
    BOOST_TEST(static_cast<int>(refused.Category()) == static_cast<int>(ErrorCategory::NotAllowed));
    // An entry without its action is an answer the desk cannot read.
    BOOST_CHECK_THROW(ParseAuditTrail(R"({"dossierId":1,"code":"x","entries":[{"at":"2026-11-27T09:30:00+07:00"}]})"),
                      Error);
}

BOOST_AUTO_TEST_CASE(a_second_factor_is_started_without_a_body_and_confirmed_with_the_code)
{
    CannedServer server;
    server.Set(
        "POST /staff/v1/staff/5/totp",
        {201, "application/json",
         R"({"secret":"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP","uri":"otpauth://totp/MotCua:clerk.hoankiem?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=MotCua"})"});
    server.Set("POST /staff/v1/staff/5/totp/confirm", {204, "application/json", ""});
    server.Set("POST /staff/v1/staff/6/totp/confirm", {409, "application/problem+json",
                                                       R"({"type":"urn:motcua:error:conflict","status":409,
                    "title":"No second factor is being set up for this account","title_vi":"Chưa","field":""})"});
    StaffApiClient client = MakeClient(server.Url());
    const TotpEnrolment enrolment = client.StartTotp(5);
    BOOST_TEST(enrolment.secret == "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    BOOST_TEST(enrolment.uri.rfind("otpauth://totp/MotCua:clerk.hoankiem?", 0) == 0u);
    client.ConfirmTotp(5, "123456");
    const Error conflict = CaughtError([&] { client.ConfirmTotp(6, "123456"); });
    BOOST_TEST(static_cast<int>(conflict.Category()) == static_cast<int>(ErrorCategory::Conflict));
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 3u);
    BOOST_TEST(seen[0].body.empty());
    BOOST_TEST(seen[1].uri == "/staff/v1/staff/5/totp/confirm");
    BOOST_TEST(seen[1].body == R"({"otp":"123456"})");
}

BOOST_AUTO_TEST_CASE(delegations_are_listed_granted_and_revoked_and_accounts_managed_on_their_paths)
{
    CannedServer server;
    server.Set("GET /staff/v1/delegations",
               {200, "application/json",
                R"({"items":[{"id":41,"delegatorId":7,"delegatorName":"Lê Thị Hồng Nhung","delegateId":9,)"
                R"("delegateName":"Phạm Quốc Việt","from":"2026-11-30","to":"2026-12-04","note":"Nghỉ phép",)"
                R"("createdAt":"2026-11-29T08:00:00+07:00"}]})"});
    server.Set("POST /staff/v1/delegations",
               {201, "application/json",
                R"({"id":42,"delegatorId":7,"delegatorName":"Lê Thị Hồng Nhung","delegateId":8,)"
                R"("delegateName":"Trần Văn Đức","from":"2026-12-07","to":"2026-12-11","note":"",)"
                R"("createdAt":"2026-12-01T09:00:00+07:00"})"});
    server.Set("DELETE /staff/v1/delegations/41", {204, "application/json", ""});
    server.Set("POST /staff/v1/admin/staff/5/unlock", {204, "application/json", ""});
    server.Set("POST /staff/v1/admin/staff/5/sessions/revoke", {200, "application/json", R"({"revoked":3})"});
    server.Set("DELETE /staff/v1/admin/staff/5/totp", {204, "application/json", ""});
    // A client a pair of calls: each call that changes something opens a connection the client then keeps, and
    // the canned server has a thread for four.
    {
        StaffApiClient client = MakeClient(server.Url());
        const std::vector<Delegation> listed = client.Delegations();
        BOOST_REQUIRE(listed.size() == 1u);
        BOOST_TEST(listed[0].id == 41);
        BOOST_TEST(listed[0].delegatorId == 7);
        BOOST_TEST(listed[0].delegateName == "Phạm Quốc Việt");
        BOOST_TEST(FormatDate(listed[0].from) == "2026-11-30");
        BOOST_TEST(FormatDate(listed[0].to) == "2026-12-04");
        BOOST_TEST(listed[0].note == "Nghỉ phép");
        BOOST_TEST(!listed[0].revokedAt.has_value());
        NewDelegation grant;
        grant.delegateId = 8;
        grant.from = ParseDate("2026-12-07", "from");
        grant.to = ParseDate("2026-12-11", "to");
        const Delegation granted = client.Delegate(grant);
        BOOST_TEST(granted.id == 42);
        BOOST_TEST(granted.delegateName == "Trần Văn Đức");
    }
    {
        StaffApiClient client = MakeClient(server.Url());
        client.RevokeDelegation(41);
        client.UnlockStaff(5);
    }
    {
        StaffApiClient client = MakeClient(server.Url());
        BOOST_TEST(client.RevokeStaffSessions(5) == 3);
        client.RemoveStaffTotp(5);
    }
    const std::vector<Seen> seen = server.Requests();
    BOOST_REQUIRE(seen.size() == 6u);
    BOOST_TEST(seen[1].body == R"({"delegateId":8,"from":"2026-12-07","to":"2026-12-11"})");
    BOOST_TEST(seen[2].method == "DELETE");
    BOOST_TEST(seen[2].uri == "/staff/v1/delegations/41");
    BOOST_TEST(seen[3].uri == "/staff/v1/admin/staff/5/unlock");
    BOOST_TEST(seen[5].method == "DELETE");
    BOOST_TEST(seen[5].uri == "/staff/v1/admin/staff/5/totp");
    // A day the desk cannot read is the server's fault, named.
    BOOST_CHECK_THROW(ParseDelegations(R"({"items":[{"id":1,"delegatorId":7,"delegateId":8,"from":"1 Dec",)"
                                       R"("to":"2026-12-04","createdAt":"2026-11-29T08:00:00+07:00"}]})"),
                      Error);
}

BOOST_AUTO_TEST_SUITE_END()
