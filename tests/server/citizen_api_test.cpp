// Citizen API over HTTP against the in-process server: a valid submission, and every kind of bad input answered
// with a problem document while nothing at all is written.
#include <regex>

#include <boost/test/unit_test.hpp>

#include "tests/server/api_fixture.h"

using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::RowCounts;

namespace {

// Posts `body` (optionally with another media type) and checks the problem and that no row changed anywhere.
void ExpectRefused(ApiFixture& f, const std::string& body, int status, const std::string& field,
                   const std::string& title, const std::string& contentType = "application/json")
{
    const RowCounts before = f.Counts();
    const HttpReply reply = f.Call("POST", "/citizen/v1/dossiers", body, contentType);
    ApiFixture::CheckProblem(reply, status, field, title);
    BOOST_TEST(f.Counts() == before);
}

std::string Applicant(const std::string& citizenId, const std::string& dateOfBirth)
{
    return R"({"fullName":"Nguyễn Văn An","citizenId":")" + citizenId + R"(","dateOfBirth":")" + dateOfBirth +
           R"(","address":"Số 12 Lê Lợi","phone":"0912345678"})";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CitizenApiIntegration)

BOOST_FIXTURE_TEST_CASE(valid_submission_is_stored_with_code_and_appointment, ApiFixture)
{
    const RowCounts before = Counts();
    const HttpReply reply = Post("/citizen/v1/dossiers", Submission());
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    BOOST_TEST(reply.contentType == "application/json");
    const auto code = reply.json->getValue<std::string>("code");
    // Receiving agency, local receipt date, the day's first sequence number.
    BOOST_TEST(code == "000.31.21.H41-261127-0001");
    BOOST_TEST(std::regex_match(code, std::regex(R"(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4})")));
    BOOST_TEST(reply.json->getValue<int>("status") == 1);
    BOOST_TEST(reply.json->getValue<std::string>("statusName") == "Mới đăng ký");
    // Friday 09:30 plus 3 working days of 8 h (5.5 h Friday, Monday, Tuesday, 2.5 h Wednesday) → Wednesday 09:30.
    BOOST_TEST(reply.json->getValue<std::string>("appointmentAt") == "2026-12-02T09:30:00+07:00");
    BOOST_TEST(reply.headers.at("Location") == "/citizen/v1/dossiers/" + code);
    // The answer's text as the contract shows it, members in this order, no spaces.
    BOOST_TEST(reply.body ==
               R"({"id":)" + std::to_string(reply.json->getValue<long long>("id")) + R"(,"code":")" + code +
                   R"(","status":1,"statusName":"Mới đăng ký","appointmentAt":"2026-12-02T09:30:00+07:00"})");

    RowCounts expected = before;
    expected.dossiers += 1;
    expected.forms += 1;
    expected.documents += 2;
    expected.events += 1;
    expected.counters += 1;
    expected.counterTotal += 1;
    BOOST_TEST(Counts() == expected);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier WHERE code = '" + code +
                      "' AND status = 1 AND channel = 2 "
                      "AND received_at IS NULL AND handling_agency_id = " +
                      std::to_string(catalogue.commune.id)) == 1);

    // The next one that day gets the next number; the status lookup answers by code.
    const HttpReply second = Post("/citizen/v1/dossiers", Submission());
    BOOST_TEST_REQUIRE(second.status == 201);
    BOOST_TEST(second.json->getValue<std::string>("code") == "000.31.21.H41-261127-0002");

    const HttpReply status = Get("/citizen/v1/dossiers/" + code);
    BOOST_TEST_REQUIRE(status.status == 200, status.body);
    BOOST_TEST(status.json->getValue<std::string>("code") == code);
    BOOST_TEST(status.json->getValue<int>("status") == 1);
    BOOST_TEST(status.json->getValue<std::string>("submittedAt") == "2026-11-27T09:30:00+07:00");
    BOOST_TEST(status.json->isNull("receivedAt"));
    BOOST_TEST(status.json->getValue<std::string>("appointmentAt") == "2026-12-02T09:30:00+07:00");
}

BOOST_FIXTURE_TEST_CASE(unknown_code_is_404, ApiFixture)
{
    const HttpReply reply = Get("/citizen/v1/dossiers/000.31.21.H41-261127-0001");
    CheckProblem(reply, 404, "", "Dossier not found");
    BOOST_TEST(reply.json->getValue<std::string>("title_vi") == "Không tìm thấy hồ sơ");
}

BOOST_FIXTURE_TEST_CASE(malformed_json_is_400_and_writes_nothing, ApiFixture)
{
    ExpectRefused(*this, R"({"procedureCode": "1.001193", )", 400, "", "The request body is not valid JSON");
    ExpectRefused(*this, R"(["not", "an", "object"])", 400, "", "The request body must be a JSON object");
    ExpectRefused(*this, Submission() + "}", 400, "", "The request body is not valid JSON");
    // A body that says two things, or a count the parser would wrap to 1, is refused whole (issue 6).
    std::string twice = Submission();
    twice.insert(1, R"("procedureCode":"1.009972",)");
    ExpectRefused(*this, twice, 400, "", "A member appears twice in the request body");
    std::string wrapped = Submission();
    const std::size_t count = wrapped.find(R"("count":1)");
    BOOST_TEST_REQUIRE(count != std::string::npos);
    wrapped.replace(count, 9, R"("count":18446744073709551617)");
    ExpectRefused(*this, wrapped, 400, "", "A number in the request body is too large");
}

BOOST_FIXTURE_TEST_CASE(missing_applicant_is_named, ApiFixture)
{
    ExpectRefused(*this,
                  R"({"procedureCode":"1.001193","agencyCode":"000.31.21.H41","formData":{},)"
                  R"("documents":[{"name":"Tờ khai","form":"original","count":1}]})",
                  422, "applicant", "This field is required");
    ExpectRefused(*this, Submission("1.001193", "000.31.21.H41", R"({"fullName":"An"})"), 422, "applicant.citizenId",
                  "This field is required");
}

BOOST_FIXTURE_TEST_CASE(mistyped_field_is_named, ApiFixture)
{
    std::string body = Submission();
    const std::string count = R"("count":1})";
    body.replace(body.find(count), count.size(), R"("count":"1"})");
    ExpectRefused(*this, body, 422, "documents[0].count", "This field must be a whole number");
    ExpectRefused(*this, Submission("1.001193", "000.31.21.H41", R"("a person")"), 422, "applicant",
                  "This field must be an object");
}

BOOST_FIXTURE_TEST_CASE(invalid_citizen_id_is_refused, ApiFixture)
{
    ExpectRefused(*this, Submission("1.001193", "000.31.21.H41", Applicant("00109000123", "1990-05-12")), 422,
                  "applicant.citizenId", "Citizen ID must have exactly 12 digits");
    // Well formed, but the year digits say 1990 and the date of birth says 1991.
    ExpectRefused(*this, Submission("1.001193", "000.31.21.H41", Applicant("001090001234", "1991-05-12")), 422,
                  "applicant.citizenId", "Citizen ID birth year does not match the date of birth");
    ExpectRefused(*this, Submission("1.001193", "000.31.21.H41", Applicant("001090001234", "1990-02-30")), 422,
                  "applicant.dateOfBirth", "Invalid date: no such day in the calendar");
}

BOOST_FIXTURE_TEST_CASE(unknown_procedure_and_agency_are_refused, ApiFixture)
{
    ExpectRefused(*this, Submission("9.999999"), 422, "procedureCode", "Unknown procedure");
    ExpectRefused(*this, Submission("1.001193", "000.99.99.H41"), 422, "agencyCode", "Unknown receiving agency");
    // Offered only at the desk.
    ExpectRefused(*this, Submission("2.000488"), 422, "procedureCode", "This procedure cannot be submitted online");
}

BOOST_FIXTURE_TEST_CASE(body_too_large_or_not_json_is_refused, ApiFixture)
{
    std::string huge = Submission();
    huge.insert(huge.size() - 1, R"(,"padding":")" + std::string(1024 * 1024 + 16, 'x') + "\"");
    ExpectRefused(*this, huge, 413, "", "The request body is too large");
    ExpectRefused(*this, Submission(), 415, "", "The request body must be JSON (application/json)", "text/plain");
    ExpectRefused(*this, Submission(), 415, "", "The request body must be JSON (application/json)",
                  "application/json; charset=latin1");
    // The same body with the right media type (and a charset parameter) is fine.
    BOOST_TEST(Call("POST", "/citizen/v1/dossiers", Submission(), "application/json; charset=utf-8").status == 201);
}

BOOST_FIXTURE_TEST_CASE(unknown_routes_and_methods_are_problems, ApiFixture)
{
    CheckProblem(Get("/citizen/v2/dossiers"), 404, "", "No such resource");
    const HttpReply wrongMethod = Call("DELETE", "/citizen/v1/dossiers/x");
    CheckProblem(wrongMethod, 405, "", "Method not allowed");
    BOOST_TEST(wrongMethod.headers.at("Allow") == "GET");
}

BOOST_AUTO_TEST_SUITE_END()
