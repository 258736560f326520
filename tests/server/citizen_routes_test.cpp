// The citizen's own routes: the catalogue, status with the public history and what is missing, supplement,
// withdraw, rating, the receipt and the result, the citizen's scope on each, idempotent retries, and the public
// lookup the receipt's QR code leads to (no personal data, a page for phones, a limit per address).
#include <algorithm>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "model/time.h"
#include "reports/receipt_form_builder.h"
#include "server/api/citizen_api.h"
#include "server/usecases/rate_limiter.h"
#include "tests/server/api_fixture.h"
#include "tests/server/workflow_driver.h"

using motcua::Instant;
using motcua::ParseIso8601;
using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::RowCounts;
using motcua::test::WorkflowDriver;
namespace server = motcua::server;

namespace {

constexpr const char* kCitizen = "001090001234";  // the applicant of ApiFixture::Submission()
constexpr const char* kOtherCitizen = "001190001234";
constexpr const char* kRating =
    R"({"scores":{"totalTime":2,"timePerAgency":2,"contactCount":1,"agenciesContacted":2,"oneStopReception":2,)"
    R"("procedurePublication":2,"staffAttitude":2,"complaintHandling":1,"onlineService":2},"comment":"Tận tình"})";
constexpr const char* kSupplement =
    R"({"documents":[{"name":"Giấy chứng sinh","form":"original","count":1,"attachment":"chung-sinh.pdf"}],)"
    R"("note":"Bản chính"})";

// The citizen's routes on one dossier, driven as the citizen through the app and as the staff through the desk.
struct CitizenRoutes : ApiFixture {
    WorkflowDriver road{*this};
    std::string code;
    std::int64_t id = 0;

    CitizenRoutes()
    {
        signing.citizen = kCitizen;
        const HttpReply created = Post("/citizen/v1/dossiers", Submission());
        BOOST_TEST_REQUIRE(created.status == 201, created.body);
        code = created.json->getValue<std::string>("code");
        id = created.json->getValue<std::int64_t>("id");
        road.SignInAll({"clerk", "handler", "signer"});
    }

    std::string Path(const std::string& tail = {}) const { return "/citizen/v1/dossiers/" + code + tail; }
    HttpReply Status() { return Get(Path()); }
    HttpReply Act(const std::string& route, const std::string& body) { return Post(Path("/" + route), body); }
    // Accept, assign, propose `outcome`, approve and hand the result over: status 10.
    void ReturnResult(const std::string& outcome = R"("outcome":"grant")")
    {
        road.Do(id, "accept", "clerk");
        road.Do(id, "assign", "clerk", "\"staffId\":" + std::to_string(catalogue.handler.id));
        road.Do(id, "propose_result", "handler", outcome);
        road.Do(id, "approve", "signer");
        road.Do(id, "return_result", "clerk");
    }
    long long Ratings() const { return Scalar("SELECT count(*) FROM dossier_rating"); }
    std::vector<std::string> Actions()
    {
        std::vector<std::string> names;
        const Poco::JSON::Array::Ptr actions = Status().json->getArray("actions");
        for (std::size_t i = 0; i < actions->size(); ++i)
            names.push_back(actions->getElement<std::string>(static_cast<unsigned>(i)));
        return names;
    }
};

// Checks that none of the applicant's personal data is in `text`.
void CheckNoPersonalData(const std::string& text)
{
    for (const char* personal : {kCitizen, "Nguyễn Văn An", "0912345678", "Lê Lợi", "an@example.vn", "1990-05-12"})
        BOOST_TEST(text.find(personal) == std::string::npos, "found " << personal << " in " << text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CitizenRoutesUnit)

BOOST_AUTO_TEST_CASE(the_rate_limiter_lets_a_burst_through_then_one_request_every_two_seconds)
{
    server::RateLimiter limiter(30);
    const Instant t = ParseIso8601("2026-11-27T09:30:00+07:00", "t");
    for (int i = 0; i < 30; ++i)
        BOOST_TEST(limiter.Take("10.0.0.1", t).count() == 0);
    BOOST_TEST(limiter.Take("10.0.0.1", t).count() == 2);
    BOOST_TEST(limiter.Take("10.0.0.2", t).count() == 0);  // another address has its own allowance
    BOOST_TEST(limiter.Take("10.0.0.1", t + std::chrono::seconds(1)).count() == 1);
    BOOST_TEST(limiter.Take("10.0.0.1", t + std::chrono::seconds(2)).count() == 0);
    BOOST_TEST(limiter.Take("10.0.0.1", t + std::chrono::seconds(2)).count() == 2);
    BOOST_TEST(server::RateLimiter(0).Take("10.0.0.1", t).count() == 0);  // no limit
}

BOOST_AUTO_TEST_CASE(the_rate_limiter_holds_a_bounded_number_of_addresses)
{
    server::RateLimiter limiter(30, 100);
    const Instant t = ParseIso8601("2026-11-27T09:30:00+07:00", "t");
    for (int i = 0; i < 1000; ++i)
        BOOST_TEST(limiter.Take("10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256), t).count() == 0);
    BOOST_TEST(limiter.Clients() <= 100u);
    // A minute later every bucket is full again: they all make room for the next address at once.
    limiter.Take("192.168.0.1", t + std::chrono::minutes(1));
    BOOST_TEST(limiter.Clients() == 1u);
}

BOOST_AUTO_TEST_CASE(the_page_is_chosen_by_the_first_type_accept_names)
{
    struct Case {
        const char* accept;
        bool page;
        bool html;
    };
    // clang-format off
    const Case cases[] = {
        {"", false, false},
        {"", true, true},
        {"*/*", true, true},
        {"application/json", true, false},
        {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false, true},
        {"application/json, text/html;q=0.5", false, false},
        {"TEXT/HTML", false, true},
        {"application/problem+json", true, false},
    };
    // clang-format on
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT("Accept: " << c.accept << ", page " << c.page)
        {
            BOOST_TEST(server::CitizenApi::WantsHtml(c.accept, c.page) == c.html);
        }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(CitizenRoutesIntegration)

BOOST_FIXTURE_TEST_CASE(the_catalogue_lists_documents_fees_times_and_form_fields, ApiFixture)
{
    const HttpReply list = Get("/citizen/v1/procedures");
    BOOST_TEST_REQUIRE(list.status == 200, list.body);
    const Poco::JSON::Array::Ptr items = list.json->getArray("items");
    BOOST_TEST_REQUIRE(items->size() == 3u);
    const auto birth = items->getObject(0);
    BOOST_TEST(birth->getValue<std::string>("code") == "1.001193");
    BOOST_TEST(birth->getValue<std::string>("name") == "Đăng ký khai sinh");
    BOOST_TEST(birth->getValue<std::string>("sector") == "Hộ tịch");
    BOOST_TEST(birth->getObject("processingTime")->getValue<int>("value") == 3);
    BOOST_TEST(birth->getObject("processingTime")->getValue<std::string>("unit") == "working_days");
    BOOST_TEST(birth->getValue<bool>("online"));
    const Poco::JSON::Array::Ptr documents = birth->getArray("requiredDocuments");
    BOOST_TEST_REQUIRE(documents->size() == 3u);
    BOOST_TEST(documents->getObject(1)->getValue<std::string>("name") == "Giấy chứng sinh");
    BOOST_TEST(documents->getObject(1)->getValue<std::string>("form") == "original");
    BOOST_TEST(!documents->getObject(2)->getValue<bool>("mandatory"));
    const Poco::JSON::Array::Ptr fields = birth->getArray("formFields");
    BOOST_TEST_REQUIRE(fields->size() == 3u);
    BOOST_TEST(fields->getObject(0)->getValue<std::string>("key") == "childName");
    BOOST_TEST(fields->getObject(1)->getValue<std::string>("type") == "date");
    BOOST_TEST(!fields->getObject(2)->getValue<bool>("required"));
    BOOST_TEST(!items->getObject(2)->getValue<bool>("online"));  // the land dispute: at the desk only
    BOOST_TEST(items->getObject(2)->getObject("processingTime")->getValue<std::string>("unit") == "calendar_days");

    const HttpReply permit = Get("/citizen/v1/procedures/1.009972");
    BOOST_TEST_REQUIRE(permit.status == 200, permit.body);
    BOOST_TEST(permit.json->getValue<long long>("feeVnd") == 75000);
    BOOST_TEST(permit.json->getArray("formFields")->getObject(1)->getValue<std::string>("type") == "number");
    ApiFixture::CheckProblem(Get("/citizen/v1/procedures/9.999999"), 404, "", "Procedure not found");
}

BOOST_FIXTURE_TEST_CASE(the_status_shows_the_public_history_and_what_is_missing, CitizenRoutes)
{
    HttpReply status = Status();
    BOOST_TEST_REQUIRE(status.status == 200, status.body);
    BOOST_TEST(status.json->isNull("supplementRequest"));
    BOOST_TEST((Actions() == std::vector<std::string>{"withdraw"}));

    road.Do(id, "request_supplement", "clerk",
            R"("missingDocuments":["Giấy chứng sinh","Tờ khai đăng ký khai sinh"],"note":"Ghi rõ ngày sinh")");
    status = Status();
    BOOST_TEST(status.json->getValue<int>("status") == 5);
    BOOST_TEST(status.json->getValue<std::string>("statusName") == "Yêu cầu bổ sung giấy tờ");
    const auto request = status.json->getObject("supplementRequest");
    BOOST_REQUIRE(request);
    BOOST_TEST(request->getValue<std::string>("missing") ==
               "Thiếu: Giấy chứng sinh; Tờ khai đăng ký khai sinh. Ghi rõ ngày sinh");
    BOOST_TEST(request->getValue<std::string>("requestedAt") == "2026-11-27T09:30:00+07:00");
    BOOST_TEST(request->getValue<std::string>("supplyBy") == "2026-12-12T09:30:00+07:00");
    BOOST_TEST((Actions() == std::vector<std::string>{"supplement", "withdraw"}));

    const Poco::JSON::Array::Ptr history = status.json->getArray("history");
    BOOST_TEST_REQUIRE(history->size() == 2u);
    BOOST_TEST(history->getObject(0)->getValue<std::string>("action") == "submit");
    BOOST_TEST(history->getObject(0)->getValue<int>("status") == 1);
    BOOST_TEST(history->getObject(0)->getValue<std::string>("agency") == "UBND phường Trường Vinh");
    BOOST_TEST(history->getObject(1)->getValue<std::string>("action") == "request_supplement");
    BOOST_TEST(history->getObject(1)->getValue<std::string>("note") == request->getValue<std::string>("missing"));
    // The agency, never the officer.
    BOOST_TEST(status.body.find(catalogue.clerk.fullName) == std::string::npos);
    BOOST_TEST(status.body.find("staff") == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_supplement_is_taken_only_when_one_was_requested, CitizenRoutes)
{
    RowCounts before = Counts();
    ApiFixture::CheckProblem(Act("supplement", kSupplement), 403, "",
                             "This dossier is not waiting for a supplement: none was requested, or it was supplied");
    BOOST_TEST(Counts() == before);

    road.Do(id, "request_supplement", "clerk", R"("missingDocuments":["Giấy chứng sinh"])");
    before = Counts();
    ApiFixture::CheckProblem(Act("supplement", R"({"documents":[]})"), 422, "documents",
                             "List the documents you are supplying");
    ApiFixture::CheckProblem(Act("supplement", R"({"documents":[{"name":"Giấy chứng sinh","form":"scan","count":1}]})"),
                             422, "documents[0].form",
                             "Unknown document form: expected original, certified_copy or copy");
    BOOST_TEST(Counts() == before);

    // At intake: back to the desk, which checks the dossier again.
    const HttpReply supplied = Act("supplement", kSupplement);
    BOOST_TEST_REQUIRE(supplied.status == 200, supplied.body);
    BOOST_TEST(supplied.json->getValue<int>("status") == 1);
    BOOST_TEST(road.State(id) == "1/6");
    BOOST_TEST(Counts().documents == before.documents + 1);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier_document WHERE dossier_id = " + std::to_string(id) +
                      " AND position = 3 AND name = 'Giấy chứng sinh'") == 1);
    BOOST_TEST(road.Actions(id).back() == "supplement");
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier_event WHERE note = 'Bổ sung: Giấy chứng sinh. Bản chính' AND"
                      " role = 6 AND staff_id IS NULL") == 1);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier_pause WHERE ended_at IS NULL") == 0);
    before = Counts();
    ApiFixture::CheckProblem(Act("supplement", kSupplement), 403, "",
                             "This dossier is not waiting for a supplement: none was requested, or it was supplied");
    BOOST_TEST(Counts() == before);
}

BOOST_FIXTURE_TEST_CASE(a_supplement_after_appraisal_restarts_the_processing_time, CitizenRoutes)
{
    road.Do(id, "accept", "clerk");
    road.Do(id, "assign", "clerk", "\"staffId\":" + std::to_string(catalogue.handler.id));
    clock.Advance(std::chrono::hours(24));  // Sat 28 Nov 09:30
    road.Do(id, "request_supplement", "handler", R"("missingDocuments":["Giấy chứng sinh"])");
    BOOST_TEST(road.State(id) == "5/8");
    clock.Advance(std::chrono::hours(48));  // Mon 30 Nov 09:30
    const HttpReply supplied = Act("supplement", kSupplement);
    BOOST_TEST_REQUIRE(supplied.status == 200, supplied.body);
    BOOST_TEST(road.State(id) == "4/3");
    BOOST_TEST(Scalar("SELECT CAST(extract(epoch FROM clock_started_at) AS bigint) FROM dossier") ==
               clock.Now().time_since_epoch().count());
    // Three working days from Mon 30 Nov 09:30.
    BOOST_TEST(supplied.json->getValue<std::string>("appointmentAt") == "2026-12-03T09:30:00+07:00");
}

BOOST_FIXTURE_TEST_CASE(a_withdrawal_is_asked_once_and_only_before_the_result, CitizenRoutes)
{
    RowCounts before = Counts();
    ApiFixture::CheckProblem(Act("withdraw", R"({"reason":"  "})"), 422, "reason", "This field is required");
    BOOST_TEST(Counts() == before);
    const HttpReply asked = Act("withdraw", R"({"reason":"Tôi đã nộp hồ sơ tại nơi khác"})");
    BOOST_TEST_REQUIRE(asked.status == 200, asked.body);
    BOOST_TEST(asked.json->getValue<int>("status") == 7);
    BOOST_TEST(asked.json->getArray("actions")->size() == 0u);
    const auto history = asked.json->getArray("history");
    BOOST_TEST(history->getObject(history->size() - 1)->getValue<std::string>("note") ==
               "Tôi đã nộp hồ sơ tại nơi khác");
    before = Counts();
    ApiFixture::CheckProblem(
        Act("withdraw", R"({"reason":"Lần nữa"})"), 403, "",
        "This dossier can no longer be withdrawn: a withdrawal may be asked once, until the result is ready");
    BOOST_TEST(Counts() == before);
    road.Do(id, "withdraw", "clerk");  // the desk confirms
    BOOST_TEST(road.State(id) == "8/0");
}

BOOST_FIXTURE_TEST_CASE(a_dossier_with_its_result_returned_cannot_be_withdrawn, CitizenRoutes)
{
    ReturnResult();
    const RowCounts before = Counts();
    ApiFixture::CheckProblem(
        Act("withdraw", R"({"reason":"Không cần nữa"})"), 403, "",
        "This dossier can no longer be withdrawn: a withdrawal may be asked once, until the result is ready");
    BOOST_TEST(Counts() == before);
}

BOOST_FIXTURE_TEST_CASE(a_rating_is_taken_once_after_the_result_is_returned, CitizenRoutes)
{
    road.Do(id, "accept", "clerk");
    ApiFixture::CheckProblem(Act("rating", kRating), 403, "",
                             "A dossier can be rated once its result has been returned");
    BOOST_TEST(Ratings() == 0);
    road.Do(id, "assign", "clerk", "\"staffId\":" + std::to_string(catalogue.handler.id));
    road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
    road.Do(id, "approve", "signer");
    ApiFixture::CheckProblem(Act("rating", kRating), 403, "",
                             "A dossier can be rated once its result has been returned");
    road.Do(id, "return_result", "clerk");
    BOOST_TEST((Actions() == std::vector<std::string>{"rating"}));

    std::string bad = kRating;
    bad.replace(bad.find(R"("staffAttitude":2)"), 17, R"("staffAttitude":3)");
    ApiFixture::CheckProblem(Act("rating", bad), 422, "scores.staffAttitude", "This number is out of range");
    bad = kRating;
    bad.replace(bad.find(R"(,"onlineService":2)"), 18, "");
    ApiFixture::CheckProblem(Act("rating", bad), 422, "scores.onlineService", "This field is required");
    bad = kRating;
    bad.replace(bad.find(R"("totalTime":2)"), 13, R"("totalTime":-1)");
    ApiFixture::CheckProblem(Act("rating", bad), 422, "scores.totalTime", "This number is out of range");
    BOOST_TEST(Ratings() == 0);

    const HttpReply rated = Act("rating", kRating);
    BOOST_TEST_REQUIRE(rated.status == 201, rated.body);
    BOOST_TEST(rated.json->getObject("scores")->getValue<int>("contactCount") == 1);
    BOOST_TEST(rated.json->getValue<std::string>("comment") == "Tận tình");
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier_rating WHERE scores = '{2,2,1,2,2,2,2,1,2}' AND client_id = " +
                      std::to_string(clientId)) == 1);
    BOOST_TEST(Actions().empty());
    BOOST_TEST(Status().json->getObject("rating")->getObject("scores")->getValue<int>("complaintHandling") == 1);
    ApiFixture::CheckProblem(Act("rating", kRating), 409, "", "This dossier has already been rated");
    BOOST_TEST(Ratings() == 1);
}

BOOST_FIXTURE_TEST_CASE(the_receipt_and_the_result_are_the_bytes_the_staff_see, CitizenRoutes)
{
    ApiFixture::CheckProblem(Get(Path("/receipt")), 404, "", "This dossier has no receipt yet");
    ApiFixture::CheckProblem(Get(Path("/result")), 404, "", "This dossier has no result document yet");
    road.Do(id, "accept", "clerk");
    const HttpReply receipt = Get(Path("/receipt"));
    BOOST_TEST_REQUIRE(receipt.status == 200, receipt.body);
    BOOST_TEST(receipt.contentType == "application/pdf");
    BOOST_TEST(receipt.body.rfind("%PDF", 0) == 0u);
    BOOST_TEST(receipt.headers.at("Content-Disposition") == "inline; filename=\"" + code + "-01.pdf\"");
    const HttpReply staffReceipt = road.Get("/staff/v1/dossiers/" + std::to_string(id) + "/receipt", "clerk");
    BOOST_TEST((receipt.body == staffReceipt.body));
    BOOST_TEST(Status().json->getValue<std::string>("receipt") == Path("/receipt"));
    BOOST_TEST(Status().json->isNull("result"));

    road.Do(id, "assign", "clerk", "\"staffId\":" + std::to_string(catalogue.handler.id));
    road.Do(id, "propose_result", "handler", R"("outcome":"refuse","note":"Người yêu cầu không cư trú tại phường")");
    road.Do(id, "approve", "signer");
    const HttpReply result = Get(Path("/result"));
    BOOST_TEST_REQUIRE(result.status == 200, result.body);
    BOOST_TEST(result.body.rfind("%PDF", 0) == 0u);
    const HttpReply outputs = road.Get("/staff/v1/dossiers/" + std::to_string(id) + "/outputs", "clerk");
    std::string href;
    const Poco::JSON::Array::Ptr items = outputs.json->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
        if (items->getObject(static_cast<unsigned>(i))->getValue<std::string>("kind") == "refusal")
            href = items->getObject(static_cast<unsigned>(i))->getValue<std::string>("href");
    BOOST_TEST_REQUIRE(!href.empty(), outputs.body);
    BOOST_TEST((result.body == road.Get(href, "clerk").body));
    const HttpReply status = Status();
    BOOST_TEST(status.json->getValue<std::string>("outcome") == "refuse");
    BOOST_TEST(status.json->getValue<std::string>("refusalReasons") == "Người yêu cầu không cư trú tại phường");
    BOOST_TEST(status.json->getValue<std::string>("result") == Path("/result"));
}

BOOST_FIXTURE_TEST_CASE(another_citizen_gets_404_on_every_route, CitizenRoutes)
{
    road.Do(id, "request_supplement", "clerk", R"("missingDocuments":["Giấy chứng sinh"])");
    signing.citizen = kOtherCitizen;
    const RowCounts before = Counts();
    ApiFixture::CheckProblem(Status(), 404, "", "Dossier not found");
    ApiFixture::CheckProblem(Act("supplement", kSupplement), 404, "", "Dossier not found");
    ApiFixture::CheckProblem(Act("withdraw", R"({"reason":"Không cần nữa"})"), 404, "", "Dossier not found");
    ApiFixture::CheckProblem(Act("rating", kRating), 404, "", "Dossier not found");
    ApiFixture::CheckProblem(Get(Path("/receipt")), 404, "", "Dossier not found");
    ApiFixture::CheckProblem(Get(Path("/result")), 404, "", "Dossier not found");
    BOOST_TEST(Counts() == before);
    BOOST_TEST(Ratings() == 0);
}

BOOST_FIXTURE_TEST_CASE(a_retry_with_one_key_acts_once, CitizenRoutes)
{
    road.Do(id, "request_supplement", "clerk", R"("missingDocuments":["Giấy chứng sinh"])");
    const auto twice = [this](const std::string& route, const std::string& body, int status) {
        signing.extraHeaders["Idempotency-Key"] = "key-" + route;
        const long long events = Counts().events;
        const HttpReply first = Act(route, body);
        const HttpReply again = Act(route, body);
        signing.extraHeaders.clear();
        BOOST_TEST(first.status == status, first.body);
        BOOST_TEST(again.status == status, again.body);
        BOOST_TEST(again.headers.count("Idempotent-Replayed") == 1u);
        BOOST_TEST(again.body == first.body);
        return Counts().events - events;
    };
    BOOST_TEST(twice("supplement", kSupplement, 200) == 1);
    BOOST_TEST(road.State(id) == "1/6");
    BOOST_TEST(twice("withdraw", R"({"reason":"Tôi đã nộp nơi khác"})", 200) == 1);
    BOOST_TEST(road.State(id) == "7/0");
    road.Do(id, "withdraw", "clerk");

    // A rating needs a returned dossier: another one of the same citizen.
    const HttpReply created = Post("/citizen/v1/dossiers", Submission());
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    code = created.json->getValue<std::string>("code");
    id = created.json->getValue<std::int64_t>("id");
    ReturnResult();
    BOOST_TEST(twice("rating", kRating, 201) == 0);
    BOOST_TEST(Ratings() == 1);
}

BOOST_FIXTURE_TEST_CASE(the_public_lookup_shows_no_personal_data_and_serves_the_qr_link, CitizenRoutes)
{
    road.Do(id, "accept", "clerk");
    signing.citizen.clear();
    const HttpReply json = Get("/public/v1/dossiers/" + code);
    BOOST_TEST_REQUIRE(json.status == 200, json.body);
    BOOST_TEST(json.contentType == "application/json");
    std::vector<std::string> names;
    json.json->getNames(names);
    const std::vector<std::string> expected{"appointmentAt",   "code",   "procedure", "receivedAt",
                                            "receivingAgency", "status", "statusName"};
    std::sort(names.begin(), names.end());
    BOOST_TEST(names == expected, boost::test_tools::per_element());
    BOOST_TEST(json.json->getValue<std::string>("statusName") == "Được tiếp nhận");
    BOOST_TEST(json.json->getObject("procedure")->getValue<std::string>("name") == "Đăng ký khai sinh");
    BOOST_TEST(json.json->getObject("receivingAgency")->getValue<std::string>("name") == "UBND phường Trường Vinh");
    BOOST_TEST(json.headers.at("Cache-Control") == "no-store");
    CheckNoPersonalData(json.body);

    signing.extraHeaders["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    const HttpReply page = Get("/public/v1/dossiers/" + code);
    BOOST_TEST_REQUIRE(page.status == 200, page.body);
    BOOST_TEST(page.contentType == "text/html; charset=utf-8");
    BOOST_TEST(page.body.find("<html lang=\"vi\">") != std::string::npos);
    BOOST_TEST(page.body.find("Đăng ký khai sinh") != std::string::npos);
    BOOST_TEST(page.body.find("Được tiếp nhận") != std::string::npos);
    BOOST_TEST(page.body.find(code) != std::string::npos);
    CheckNoPersonalData(page.body);
    const HttpReply unknown = Get("/public/v1/dossiers/000.31.21.H41-261127-0099");
    BOOST_TEST(unknown.status == 404);
    BOOST_TEST(unknown.contentType == "text/html; charset=utf-8");
    signing.extraHeaders.clear();
    ApiFixture::CheckProblem(Get("/public/v1/dossiers/000.31.21.H41-261127-0099"), 404, "", "Dossier not found");

    // The link the receipt's QR code encodes is served, as a page even when the scanner sends no Accept.
    const std::optional<motcua::Dossier> dossier = store.FindDossierByCode(code);
    BOOST_REQUIRE(dossier);
    const std::string link = motcua::reports::ReceiptFormBuilder(kPublicUrl)
                                 .Build(*dossier, catalogue.birthRegistration, motcua::AgencyTree(store.LoadAgencies()),
                                        "x", dossier->handlingAgencyId)
                                 .lookupUrl;
    BOOST_TEST_REQUIRE(link.rfind(kPublicUrl, 0) == 0u, link);
    const HttpReply scanned = Get(link.substr(std::string(kPublicUrl).size()));
    BOOST_TEST_REQUIRE(scanned.status == 200, scanned.body);
    BOOST_TEST(scanned.contentType == "text/html; charset=utf-8");
    BOOST_TEST(scanned.body.find(code) != std::string::npos);
    CheckNoPersonalData(scanned.body);
}

BOOST_FIXTURE_TEST_CASE(the_31st_lookup_in_a_minute_from_one_address_waits, ApiFixture)
{
    const std::string path = "/public/v1/dossiers/000.31.21.H41-261127-0001";
    for (int i = 0; i < 30; ++i)
        BOOST_TEST_REQUIRE(Get(path).status == 404);  // unknown codes count too: no reading codes in bulk
    const HttpReply refused = Get(path);
    ApiFixture::CheckProblem(refused, 429, "",
                             "Too many lookups from this address; try again after the time in Retry-After");
    BOOST_TEST(refused.headers.at("Retry-After") == "2");
    signing.extraHeaders["Accept"] = "text/html";
    const HttpReply page = Get("/tra-cuu/000.31.21.H41-261127-0001");
    BOOST_TEST(page.status == 429);
    BOOST_TEST(page.contentType == "text/html; charset=utf-8");
    BOOST_TEST(page.headers.at("Retry-After") == "2");
    signing.extraHeaders.clear();
    // The signed API and the probes are not counted.
    BOOST_TEST(Get("/health").status == 200);
    BOOST_TEST(Get("/citizen/v1/procedures").status == 200);
    clock.Advance(std::chrono::seconds(2));
    BOOST_TEST(Get(path).status == 404);
    BOOST_TEST(Get(path).status == 429);
}

BOOST_AUTO_TEST_SUITE_END()
