// The citizen door: the request signature (a vector the app's vendor can check against), sealed client secrets,
// every way a signature is refused, the citizen's scope, and idempotent writes under concurrent retries.
#include <future>
#include <set>
#include <thread>
#include <vector>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "server/usecases/catalogue_cache.h"
#include "server/usecases/request_signature.h"
#include "server/usecases/secret_box.h"
#include "tests/server/api_fixture.h"

using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::RowCounts;
namespace server = motcua::server;

BOOST_AUTO_TEST_SUITE(CitizenDoorUnit)

BOOST_AUTO_TEST_CASE(signature_matches_an_independent_computation)
{
    // Computed with Python's hmac and hashlib over the documented five lines (docs/api-contract.md).
    const std::string body = R"({"a":1})";
    const server::SignedParts parts{"POST", "/citizen/v1/dossiers?x=1", "1795750200", "001090001234", body};
    BOOST_TEST(server::CanonicalRequest(parts) ==
               "POST\n/citizen/v1/dossiers?x=1\n1795750200\n001090001234\n"
               "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
    BOOST_TEST(server::SignRequest("demo-app-secret", parts) ==
               "4e9a68c9b7656dbd8352ca2fe8dfb53f684a2238abba361358b9a67a2bedbb18");
    BOOST_TEST(server::Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    BOOST_TEST(server::SignaturesEqual("abc", "abc"));
    BOOST_TEST(!server::SignaturesEqual("abc", "abd"));
    BOOST_TEST(!server::SignaturesEqual("abc", "abcd"));
}

BOOST_AUTO_TEST_CASE(secret_box_seals_opens_and_refuses_another_key_or_a_change)
{
    const server::SecretBox box = server::SecretBox::FromHex(ApiFixture::kClientKeyHex, "key");
    const std::vector<std::uint8_t> sealed = box.Seal("demo-app-secret");
    BOOST_TEST(box.Open(sealed) == "demo-app-secret");
    // A fresh nonce each time: the same secret never seals to the same bytes.
    BOOST_TEST((box.Seal("demo-app-secret") != sealed));
    const std::string text(sealed.begin(), sealed.end());
    BOOST_TEST(text.find("demo-app-secret") == std::string::npos);

    std::vector<std::uint8_t> altered = sealed;
    altered[14] ^= 0x01;
    BOOST_CHECK_THROW(box.Open(altered), motcua::Error);
    const server::SecretBox other =
        server::SecretBox::FromHex("ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "key");
    BOOST_CHECK_THROW(other.Open(sealed), motcua::Error);
    BOOST_CHECK_THROW(server::SecretBox::FromHex("0011", "key"), motcua::Error);
    BOOST_CHECK_THROW(server::SecretBox().Seal("x"), motcua::Error);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

const char* const kStatusPath = "/citizen/v1/dossiers/000.31.21.H41-261127-0001";

// Sends `body` to submit with the signature headers replaced or removed as `spoil` says, and checks a 401 naming
// `header` while nothing is written.
void ExpectUnauthenticated(ApiFixture& f, const std::function<void(std::map<std::string, std::string>&)>& spoil,
                           const std::string& header, const std::string& title)
{
    const std::string body = f.Submission();
    std::map<std::string, std::string> headers = f.SignatureHeaders("POST", "/citizen/v1/dossiers", body);
    spoil(headers);
    const RowCounts before = f.Counts();
    f.signing.sign = false;
    f.signing.extraHeaders = headers;
    const HttpReply reply = f.Post("/citizen/v1/dossiers", body);
    f.signing.sign = true;
    f.signing.extraHeaders.clear();
    ApiFixture::CheckProblem(reply, 401, header, title);
    BOOST_TEST(f.Counts() == before);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CitizenDoorIntegration)

BOOST_FIXTURE_TEST_CASE(unsigned_and_badly_signed_requests_are_refused_with_nothing_written, ApiFixture)
{
    ExpectUnauthenticated(
        *this, [](auto& h) { h.clear(); }, "X-MotCua-Client",
        "The request is not signed: the client header is missing");
    ExpectUnauthenticated(
        *this, [](auto& h) { h.erase("X-MotCua-Timestamp"); }, "X-MotCua-Timestamp",
        "The request is not signed: the timestamp header is missing");
    ExpectUnauthenticated(
        *this, [](auto& h) { h.erase("X-MotCua-Signature"); }, "X-MotCua-Signature",
        "The request is not signed: the signature header is missing");
    ExpectUnauthenticated(
        *this, [](auto& h) { h["X-MotCua-Timestamp"] = "17e8"; }, "X-MotCua-Timestamp",
        "The request's timestamp is not a number of Unix seconds");
    ExpectUnauthenticated(
        *this, [](auto& h) { h["X-MotCua-Citizen"] = "12345"; }, "X-MotCua-Citizen",
        "The citizen header must be a 12-digit citizen ID or empty");
    // The signature covered an empty citizen header: vouching for a citizen afterwards breaks it.
    ExpectUnauthenticated(
        *this, [](auto& h) { h["X-MotCua-Citizen"] = "001090001234"; }, "X-MotCua-Signature",
        "The request signature is not valid");
    ExpectUnauthenticated(
        *this, [](auto& h) { h["X-MotCua-Signature"][0] = h["X-MotCua-Signature"][0] == 'a' ? 'b' : 'a'; },
        "X-MotCua-Signature", "The request signature is not valid");
    ExpectUnauthenticated(
        *this, [](auto& h) { h["X-MotCua-Signature"] = std::string(64, 'G'); }, "X-MotCua-Signature",
        "The request signature is not valid");
    // An unknown client is told exactly what a wrong signature is told.
    ExpectUnauthenticated(
        *this, [](auto& h) { h["X-MotCua-Client"] = "other-app"; }, "X-MotCua-Signature",
        "The request signature is not valid");

    // Signed with another secret, or over another body.
    signing.secret = "wrong-secret";
    ExpectUnauthenticated(
        *this, [](auto&) {}, "X-MotCua-Signature", "The request signature is not valid");
    signing.secret = kClientSecret;
    const std::string other = Submission("1.001193", "000.31.21.H41",
                                         R"({"fullName":"Trần Thị Bình","citizenId":"001190001234",)"
                                         R"("dateOfBirth":"1990-05-12","address":"Số 1","phone":"0912345678"})");
    std::map<std::string, std::string> headers = SignatureHeaders("POST", "/citizen/v1/dossiers", other);
    signing.sign = false;
    signing.extraHeaders = headers;
    ApiFixture::CheckProblem(Post("/citizen/v1/dossiers", Submission()), 401, "X-MotCua-Signature",
                             "The request signature is not valid");
    signing = Signing();
    BOOST_TEST(Counts().dossiers == 0);
}

BOOST_FIXTURE_TEST_CASE(timestamps_are_accepted_within_300_seconds_either_way, ApiFixture)
{
    const auto sendAt = [this](long long offset) {
        const std::string body = Submission();
        std::map<std::string, std::string> h = SignatureHeaders("GET", kStatusPath, "");
        const long long now = std::chrono::duration_cast<std::chrono::seconds>(clock.Now().time_since_epoch()).count();
        h["X-MotCua-Timestamp"] = std::to_string(now + offset);
        h["X-MotCua-Signature"] =
            server::SignRequest(kClientSecret, {"GET", kStatusPath, h["X-MotCua-Timestamp"], "", ""});
        signing.sign = false;
        signing.extraHeaders = h;
        HttpReply reply = Get(kStatusPath);
        signing = Signing();
        return reply;
    };
    // Within the window the signature is good and the dossier simply does not exist (404).
    BOOST_TEST(sendAt(-300).status == 404);
    BOOST_TEST(sendAt(300).status == 404);
    ApiFixture::CheckProblem(sendAt(-301), 401, "X-MotCua-Timestamp",
                             "The request's timestamp is too far from the server's clock");
    ApiFixture::CheckProblem(sendAt(301), 401, "X-MotCua-Timestamp",
                             "The request's timestamp is too far from the server's clock");
}

BOOST_FIXTURE_TEST_CASE(a_replayed_signature_is_refused_even_from_another_connection, ApiFixture)
{
    const std::string body = Submission();
    const std::map<std::string, std::string> headers = SignatureHeaders("POST", "/citizen/v1/dossiers", body);
    signing.sign = false;
    signing.extraHeaders = headers;
    BOOST_TEST_REQUIRE(Post("/citizen/v1/dossiers", body).status == 201);
    const RowCounts after = Counts();
    ApiFixture::CheckProblem(Post("/citizen/v1/dossiers", body), 401, "X-MotCua-Signature",
                             "This request was already received: a replay is refused");
    BOOST_TEST(Counts() == after);
    BOOST_TEST(Scalar("SELECT count(*) FROM request_signature_seen") == 1);

    // A refused request writes nothing, yet its signature is spent: the same request cannot come back later, when
    // the state might let it through.
    const std::string bad = R"({"procedureCode":"1.001193"})";
    signing.extraHeaders = SignatureHeaders("POST", "/citizen/v1/dossiers", bad);
    ApiFixture::CheckProblem(Post("/citizen/v1/dossiers", bad), 422, "agencyCode", "This field is required");
    ApiFixture::CheckProblem(Post("/citizen/v1/dossiers", bad), 401, "X-MotCua-Signature",
                             "This request was already received: a replay is refused");
    BOOST_TEST(Counts() == after);
}

BOOST_FIXTURE_TEST_CASE(names_and_addresses_are_stored_composed, ApiFixture)
{
    // "Nguyễn Văn An", "Số 12 Lê Lợi" with combining marks, as some phone keyboards send them.
    const std::string applicant =
        R"({"fullName":"Nguye\u0302\u0303n Va\u0306n An","citizenId":"001090001234",)"
        R"("dateOfBirth":"1990-05-12","address":"So\u0302\u0301 12 Le\u0302 Lo\u031b\u0323i",)"
        R"("phone":"0912345678"})";
    const HttpReply reply = Post("/citizen/v1/dossiers", Submission("1.001193", "000.31.21.H41", applicant));
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    // The literals below are composed (NFC), as this file is.
    BOOST_TEST(
        Scalar("SELECT count(*) FROM dossier WHERE applicant_name = 'Nguyễn Văn An' AND address = 'Số 12 Lê Lợi'") ==
        1);
}

BOOST_FIXTURE_TEST_CASE(the_catalogue_cache_serves_codes_and_sees_changes_after_its_lifetime, ApiFixture)
{
    server::CatalogueCache kept(store, std::chrono::seconds{3600}, std::chrono::seconds{3600});
    server::CatalogueCache fresh(store, std::chrono::seconds{0}, std::chrono::seconds{0});
    BOOST_TEST_REQUIRE(kept.AgencyByCode("000.31.21.H41").has_value());
    BOOST_TEST(kept.ProcedureByCode("1.001193")->code == "1.001193");
    BOOST_TEST(!kept.ProcedureByCode("9.999999").has_value());
    const std::string before = kept.AgencyByCode("000.31.21.H41")->name;
    db.AdminExecute("UPDATE agency SET name = 'Renamed' WHERE code = '000.31.21.H41'");
    BOOST_TEST(kept.AgencyByCode("000.31.21.H41")->name == before);
    BOOST_TEST(fresh.AgencyByCode("000.31.21.H41")->name == "Renamed");
}

BOOST_FIXTURE_TEST_CASE(secrets_are_stored_sealed, ApiFixture)
{
    BOOST_TEST(Scalar("SELECT count(*) FROM api_client") == 1);
    BOOST_TEST(Scalar("SELECT count(*) FROM api_client WHERE position(convert_to('test-app-secret', 'UTF8') IN "
                      "secret_sealed) > 0") == 0);
}

BOOST_FIXTURE_TEST_CASE(a_citizen_sees_only_their_own_dossiers_and_files_only_in_their_own_name, ApiFixture)
{
    signing.citizen = "001090001234";  // the applicant of Submission()
    const HttpReply created = Post("/citizen/v1/dossiers", Submission());
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string path = "/citizen/v1/dossiers/" + created.json->getValue<std::string>("code");
    BOOST_TEST(Get(path).status == 200);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier WHERE client_id = " + std::to_string(clientId)) == 1);

    // Another citizen, through the same app: as if the dossier did not exist.
    signing.citizen = "001190001234";
    const HttpReply other = Get(path);
    ApiFixture::CheckProblem(other, 404, "", "Dossier not found");
    ApiFixture::CheckProblem(Get("/citizen/v1/dossiers/000.31.21.H41-261127-0099"), 404, "", "Dossier not found");
    // Filing in the first citizen's name is not theirs to do.
    const RowCounts before = Counts();
    ApiFixture::CheckProblem(Post("/citizen/v1/dossiers", Submission()), 403, "applicant.citizenId",
                             "A citizen can only file a dossier in their own name");
    BOOST_TEST(Counts() == before);

    // The app itself (a service call) sees what it filed.
    signing.citizen.clear();
    BOOST_TEST(Get(path).status == 200);
    // Another registered app does not.
    motcua::pg::ApiClient second;
    second.code = "second-app";
    second.sealedSecret = server->Authenticator().Box().Seal("second-secret");
    store.SaveApiClient(second);
    signing.client = "second-app";
    signing.secret = "second-secret";
    ApiFixture::CheckProblem(Get(path), 404, "", "Dossier not found");
}

namespace {

// The same submission sent again with its key: the first answer byte for byte, marked replayed, and nothing written.
// Answers the row counts, which stayed as they were.
RowCounts CheckReplayed(ApiFixture& f, const HttpReply& first)
{
    const RowCounts after = f.Counts();
    const HttpReply again = f.Post("/citizen/v1/dossiers", f.Submission());
    BOOST_TEST(again.status == 201);
    BOOST_TEST(again.body == first.body);
    BOOST_TEST(again.headers.at("Location") == first.headers.at("Location"));
    BOOST_TEST(again.headers.at("Idempotent-Replayed") == "true");
    BOOST_TEST(f.Counts() == after);
    return after;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(the_same_key_and_body_give_the_first_answer_another_body_a_conflict, ApiFixture)
{
    signing.extraHeaders["Idempotency-Key"] = "3f1c2a9e-0b7d-4c55-9a61-2f4e8d7c1b00";
    const HttpReply first = Post("/citizen/v1/dossiers", Submission());
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    const RowCounts after = CheckReplayed(*this, first);

    const std::string other = Submission("1.001193", "000.31.21.H41",
                                         R"({"fullName":"Trần Thị Bình","citizenId":"001190001234",)"
                                         R"("dateOfBirth":"1990-05-12","address":"Số 1","phone":"0912345678"})");
    ApiFixture::CheckProblem(Post("/citizen/v1/dossiers", other), 409, "Idempotency-Key",
                             "This Idempotency-Key was already used for another request");
    BOOST_TEST(Counts() == after);

    // A refused request does not use its key up: the corrected retry goes through once.
    signing.extraHeaders["Idempotency-Key"] = "second-key";
    ApiFixture::CheckProblem(Post("/citizen/v1/dossiers", R"({"procedureCode":"1.001193"})"), 422, "agencyCode",
                             "This field is required");
    BOOST_TEST(Counts() == after);
    BOOST_TEST(Post("/citizen/v1/dossiers", other).status == 201);
    BOOST_TEST(Counts().dossiers == after.dossiers + 1);

    signing.extraHeaders["Idempotency-Key"] = std::string(256, 'k');
    ApiFixture::CheckProblem(Post("/citizen/v1/dossiers", other), 400, "Idempotency-Key",
                             "The Idempotency-Key must be 1 to 255 visible ASCII characters");
}

namespace {

// Codes whose JSON is more than the code quoted: a province's pattern may put a quote between its parts.
struct QuotedCodes : ApiFixture {
    QuotedCodes()
        : ApiFixture(MOTCUA_SERVER_TEST_LOCALE_DIR,
                     [](server::ServerConfig& c) { c.dossierCodePattern = "{agency}\"{yymmdd}/{seq:4}"; })
    {}
};

}  // namespace

// The statement that numbers such a dossier cannot store its answer from the template (the code goes in unescaped),
// so the answer is stored after it in the same transaction; the retry gets it byte for byte.
BOOST_FIXTURE_TEST_CASE(a_code_that_json_escapes_has_its_first_answer_replayed_as_written, QuotedCodes)
{
    signing.extraHeaders["Idempotency-Key"] = "quoted-code";
    const HttpReply first = Post("/citizen/v1/dossiers", Submission());
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    BOOST_TEST(first.body.find(R"("code":"000.31.21.H41\")") != std::string::npos, first.body);
    CheckReplayed(*this, first);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier WHERE code LIKE '000.31.21.H41\"%/0001'") == 1);
}

BOOST_FIXTURE_TEST_CASE(sixteen_concurrent_retries_with_one_key_create_one_dossier, ApiFixture)
{
    const std::string body = Submission();
    signing.extraHeaders["Idempotency-Key"] = "retry-storm";
    // Signed up front (each retry its own signature, as a real client's retries at different moments would be).
    std::vector<std::map<std::string, std::string>> headers;
    headers.reserve(16);
    for (int i = 0; i < 16; ++i)
        headers.push_back(SignatureHeaders("POST", "/citizen/v1/dossiers", body));
    const std::uint16_t port = server->Port();
    std::vector<std::future<std::pair<int, std::string>>> replies;
    replies.reserve(headers.size());
    for (const auto& h : headers) {
        replies.push_back(std::async(std::launch::async, [port, h, body] {
            Poco::Net::HTTPClientSession session("127.0.0.1", port);
            session.setTimeout(Poco::Timespan(30, 0));
            Poco::Net::HTTPRequest request("POST", "/citizen/v1/dossiers", Poco::Net::HTTPMessage::HTTP_1_1);
            for (const auto& [name, value] : h)
                request.set(name, value);
            request.set("Idempotency-Key", "retry-storm");
            request.setContentType("application/json");
            request.setContentLength64(static_cast<Poco::Int64>(body.size()));
            session.sendRequest(request) << body;
            Poco::Net::HTTPResponse response;
            std::string text;
            Poco::StreamCopier::copyToString(session.receiveResponse(response), text);
            return std::make_pair(static_cast<int>(response.getStatus()), text);
        }));
    }
    std::set<std::string> bodies;
    for (auto& r : replies) {
        const auto [status, text] = r.get();
        BOOST_TEST(status == 201, text);
        bodies.insert(text);
    }
    BOOST_TEST(bodies.size() == 1U);
    BOOST_TEST(Counts().dossiers == 1);
    BOOST_TEST(Scalar("SELECT count(*) FROM idempotent_answer WHERE key = 'retry-storm' AND status = 201") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
