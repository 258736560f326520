// Every way a dossier can end, walked through the staff API alone, with its history, deadlines and forms checked;
// and the rules the server keeps by itself (once-only supplement, reschedule, the 15-day closing, the assigned
// handler), each refusal leaving everything as it was.
#include <algorithm>
#include <cctype>
#include <regex>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "model/time.h"
#include "tests/server/api_fixture.h"
#include "tests/server/workflow_driver.h"

using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::RowCounts;
using motcua::test::WorkflowDriver;

namespace {

using motcua::test::kCommune;
using motcua::test::kDepartment;

struct RoadFixture : ApiFixture {
    RoadFixture()
    {
        road.SignInAll({"clerk", "handler", "handler2", "manager", "signer", "dept.clerk", "dept.handler",
                        "dept.manager", "dept.signer"});
    }

    WorkflowDriver road{*this};

    motcua::Instant At(const char* iso) const { return motcua::ParseIso8601(iso, "test"); }
    std::string Detail(std::int64_t id, const std::string& user, const std::string& member)
    {
        const HttpReply reply = road.Get("/staff/v1/dossiers/" + std::to_string(id), user);
        BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.body);
        return reply.json->get(member).isEmpty() ? std::string("null") : reply.json->get(member).toString();
    }
};

using Names = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(WorkflowRoadsIntegration)

// The issue's road: submit → accept → assign → forward and back → propose → return for rework → propose → approve →
// return result, with every hand-over in the history and the control sheet.
BOOST_FIXTURE_TEST_CASE(a_dossier_travels_from_submission_to_returned_result, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    BOOST_TEST(Detail(id, "clerk", "intakeDueAt") == "2026-11-30T09:30:00+07:00");  // 8 working hours
    HttpReply reply = road.Do(id, "accept", "clerk");
    BOOST_TEST(reply.json->getValue<std::string>("forwardDueAt") == "2026-11-27T17:00:00+07:00");  // same day
    BOOST_TEST(reply.json->getObject("register")->getValue<int>("number") == 1);
    BOOST_TEST(reply.json->getValue<bool>("intakeLate") == false);
    BOOST_TEST(road.OutputText(id, "receipt", "clerk").find("Sốthứtự:1") != std::string::npos);

    clock.Advance(std::chrono::minutes{30});
    road.Do(id, "assign", "manager", "\"staffId\":" + std::to_string(catalogue.handler.id));
    clock.Advance(std::chrono::hours{1});
    reply = road.Do(id, "forward", "handler", WorkflowDriver::To("agencyCode", kDepartment));
    BOOST_TEST(reply.json->getObject("handlingAgency")->getValue<std::string>("code") == kDepartment);
    BOOST_TEST(road.State(id) == "4/2");  // processing, waiting for a handler of the department
    // The commune no longer holds it; the department does.
    BOOST_TEST(road.Get("/staff/v1/dossiers/" + std::to_string(id), "handler").status == 404);

    clock.Advance(std::chrono::hours{2});
    road.Do(id, "assign", "dept.manager", "\"staffId\":" + std::to_string(catalogue.departmentHandler.id));
    clock.Advance(std::chrono::hours{20});
    road.Do(id, "forward", "dept.handler", WorkflowDriver::To("agencyCode", kCommune) + R"(,"mode":"sequential")");
    road.Do(id, "claim", "handler");
    road.Do(id, "propose_result", "handler", R"("outcome":"grant","note":"Đủ điều kiện")");
    reply = road.Do(id, "return_for_rework", "signer", R"("reason":"Thiếu ý kiến của Sở Xây dựng")");
    BOOST_TEST(reply.json->get("outcome").isEmpty());
    road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
    reply = road.Do(id, "approve", "signer");
    BOOST_TEST(reply.json->getValue<int>("status") == 9);
    BOOST_TEST(reply.json->getValue<std::string>("outcome") == "grant");
    reply = road.Do(id, "return_result", "clerk");
    BOOST_TEST(reply.json->getValue<int>("status") == 10);

    // The result carries its identifier; the public verification page finds it in the register, without the
    // applicant's personal data, whatever the identifier's case.
    const std::string resultText = road.OutputText(id, "result", "clerk");
    std::smatch found;
    BOOST_REQUIRE_MESSAGE(
        std::regex_search(resultText, found, std::regex(R"(\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")), resultText);
    const std::string identifier = found.str(0);
    const auto code = reply.json->getValue<std::string>("code");
    const HttpReply page = Get("/verify/" + identifier);
    BOOST_TEST(page.status == 200);
    BOOST_TEST(page.contentType.rfind("text/html", 0) == 0u);
    BOOST_TEST(page.body.find(identifier) != std::string::npos);
    BOOST_TEST(page.body.find(code) != std::string::npos);
    BOOST_TEST(page.body.find("Kết quả giải quyết thủ tục hành chính") != std::string::npos);
    const HttpReply detailNow = road.Get("/staff/v1/dossiers/" + std::to_string(id), "clerk");
    const auto applicant = detailNow.json->getObject("applicant")->getValue<std::string>("fullName");
    BOOST_TEST(page.body.find(applicant) == std::string::npos);
    std::string lower = identifier;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    BOOST_TEST(Get("/verify/" + lower).status == 200);
    BOOST_TEST(Get("/verify/2026-0000-0000-0000").status == 404);
    BOOST_TEST(Get("/verify/not-an-identifier").status == 404);

    BOOST_TEST(road.Actions(id) ==
                   (Names{"submit", "accept", "assign", "forward", "assign", "forward", "claim", "propose_result",
                          "return_for_rework", "propose_result", "approve", "return_result"}),
               boost::test_tools::per_element());
    // Approving the granted dossier issued its result (from the procedure's template); returning it, the control sheet.
    BOOST_TEST(road.OutputKinds(id, "clerk") == (Names{"receipt", "result", "control_sheet"}),
               boost::test_tools::per_element());

    // Every hand-over names both agencies and the person who took the dossier over.
    const HttpReply detail = road.Get("/staff/v1/dossiers/" + std::to_string(id), "clerk");
    const Poco::JSON::Array::Ptr history = detail.json->getArray("history");
    const auto step = [&](unsigned i) { return history->getObject(i); };
    BOOST_TEST(step(3)->getObject("fromAgency")->getValue<std::string>("code") == kCommune);
    BOOST_TEST(step(3)->getObject("toAgency")->getValue<std::string>("code") == kDepartment);
    BOOST_TEST(step(3)->getValue<std::string>("staffName") == "Trần Văn Đức");
    BOOST_TEST(step(4)->getValue<std::string>("toStaffName") == "Ngô Văn Thành");
    BOOST_TEST(step(5)->getObject("toAgency")->getValue<std::string>("code") == kCommune);
    BOOST_TEST(step(2)->getValue<std::string>("stageOutcome") == "on_time");  // assigned 10:00, due 17:00 that day
    BOOST_TEST(step(8)->getValue<std::string>("note") == "Thiếu ý kiến của Sở Xây dựng");
    BOOST_TEST(detail.json->getArray("allowedActions")->size() == 0u);

    const std::string sheet = road.OutputText(id, "control_sheet", "clerk");
    for (const char* expected : {"PHIẾUKIỂMSOÁTQUÁTRÌNHGIẢIQUYẾTHỒSƠ", "SởXâydựng", "NgôVănThành", "TrầnVănĐức"})
        BOOST_TEST(sheet.find(expected) != std::string::npos, "control sheet lacks " << expected);
}

// Liên thông in parallel: the lead keeps the dossier, the consulted agency reads it and answers, and the lead may
// propose only once every answer is in.
BOOST_FIXTURE_TEST_CASE(a_lead_agency_consults_another_in_parallel, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");
    road.Do(id, "claim", "handler");
    const std::string toDepartment = WorkflowDriver::To("agencyCode", kDepartment) + R"(,"mode":"parallel")";
    CheckProblem(road.Act(id, "forward", "handler", toDepartment + R"(,"dueAt":"2026-11-01T09:00:00+07:00")"), 422,
                 "dueAt", "The deadline of the answer must be in the future");
    HttpReply reply = road.Do(id, "forward", "handler", toDepartment + R"(,"dueAt":"2026-12-01T16:00:00+07:00")");
    BOOST_TEST(road.State(id) == "4/3");  // the lead keeps appraising it
    BOOST_TEST(reply.json->getObject("handlingAgency")->getValue<std::string>("code") == kCommune);
    BOOST_TEST(reply.json->getArray("consultations")->size() == 1u);
    CheckProblem(road.Act(id, "forward", "handler", toDepartment), 422, "agencyCode",
                 "This agency has been asked already and has not answered yet");
    CheckProblem(road.Act(id, "propose_result", "handler", R"("outcome":"grant")"), 403, "",
                 "Some agencies consulted about this dossier have not answered yet");

    // The department sees it, for its part, in its list of questions; it may only answer.
    const HttpReply questions = road.Get("/staff/v1/consultations", "dept.handler");
    BOOST_TEST_REQUIRE(questions.json->getArray("items")->size() == 1u);
    BOOST_TEST(questions.json->getArray("items")->getObject(0)->getValue<std::int64_t>("id") == id);
    const HttpReply seen = road.Get("/staff/v1/dossiers/" + std::to_string(id), "dept.handler");
    BOOST_TEST_REQUIRE(seen.status == 200, seen.body);
    BOOST_TEST(seen.json->getArray("allowedActions")->size() == 1u);
    BOOST_TEST(seen.json->getArray("allowedActions")->getElement<std::string>(0) == "answer_consultation");
    CheckProblem(road.Act(id, "request_fees", "dept.handler"), 403, "",
                 "Your agency was consulted about this dossier: it can only give its answer");
    CheckProblem(road.Act(id, "answer_consultation", "dept.handler"), 422, "note", "This field is required");
    BOOST_TEST(road.Act(id, "answer_consultation", "signer", R"("note":"x")").status == 403);  // the table: no signer
    CheckProblem(road.Act(id, "answer_consultation", "handler", R"("note":"x")"), 403, "",
                 "Your agency has no open question about this dossier");
    clock.Advance(std::chrono::hours{3});
    road.Do(id, "answer_consultation", "dept.handler", R"("note":"Công trình phù hợp quy hoạch")");
    BOOST_TEST(road.Get("/staff/v1/consultations", "dept.handler").json->getArray("items")->size() == 0u);

    reply = road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
    const auto consultation = reply.json->getArray("consultations")->getObject(0);
    BOOST_TEST(consultation->getValue<std::string>("answer") == "Công trình phù hợp quy hoạch");
    BOOST_TEST(consultation->getValue<std::string>("answeredBy") == "Ngô Văn Thành");
    const Poco::JSON::Array::Ptr history = reply.json->getArray("history");
    BOOST_TEST(history->getObject(3)->getValue<std::string>("action") == "consult");
    BOOST_TEST(history->getObject(3)->getObject("toAgency")->getValue<std::string>("code") == kDepartment);
    BOOST_TEST(history->getObject(4)->getValue<std::string>("action") == "answer_consultation");
    BOOST_TEST(history->getObject(4)->getObject("fromAgency")->getValue<std::string>("code") == kDepartment);
    BOOST_TEST(history->getObject(4)->getObject("toAgency")->getValue<std::string>("code") == kCommune);
    BOOST_TEST(history->getObject(4)->getValue<std::string>("stageOutcome") == "early");
}

BOOST_FIXTURE_TEST_CASE(refused_at_intake_prints_form_03_with_the_reasons, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    const RowCounts before = Counts();
    CheckProblem(road.Act(id, "refuse", "clerk", R"("reason":"   ")"), 422, "reason", "This field is required");
    CheckProblem(road.Act(id, "refuse", "clerk"), 422, "reason", "This field is required");
    BOOST_TEST(Counts() == before);
    const HttpReply reply = road.Do(id, "refuse", "clerk", R"("reason":"Thủ tục không thuộc thẩm quyền của phường")");
    BOOST_TEST(reply.json->getValue<int>("status") == 3);
    BOOST_TEST(road.OutputKinds(id, "clerk") == (Names{"refusal", "control_sheet"}), boost::test_tools::per_element());
    const std::string text = road.OutputText(id, "refusal", "clerk");
    BOOST_TEST(text.find("TỪCHỐITIẾPNHẬN") != std::string::npos);
    BOOST_TEST(text.find("Thủtụckhôngthuộcthẩmquyềncủaphường") != std::string::npos);
    BOOST_TEST(Scalar("SELECT count(register_number) FROM dossier WHERE id = " + std::to_string(id)) == 0);
}

BOOST_FIXTURE_TEST_CASE(refused_after_appraisal_ends_as_a_refusal_not_a_grant, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");
    road.Do(id, "claim", "handler");
    CheckProblem(road.Act(id, "propose_result", "handler", R"("outcome":"refuse")"), 422, "note",
                 "A refusal needs its reasons");
    CheckProblem(road.Act(id, "propose_result", "handler", R"("outcome":"maybe")"), 422, "outcome",
                 "Unknown outcome: expected grant or refuse");
    road.Do(id, "propose_result", "handler", R"("outcome":"refuse","note":"Người yêu cầu không cư trú tại phường")");
    road.Do(id, "approve", "manager");
    const HttpReply returned = road.Do(id, "return_result", "clerk");
    BOOST_TEST(returned.json->getValue<std::string>("outcome") == "refuse");
    BOOST_TEST(returned.json->getValue<int>("status") == 10);
    const std::string text = road.OutputText(id, "refusal", "clerk");
    BOOST_TEST(text.find("TỪCHỐIGIẢIQUYẾT") != std::string::npos);
    BOOST_TEST(text.find("Ngườiyêucầukhôngcưtrútạiphường") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(stopped_with_its_legal_ground_prints_form_05, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");
    CheckProblem(road.Act(id, "stop", "clerk", R"("reason":"x")"), 403, "",
                 "Action stop is not allowed for role clerk in status 2 (received, awaiting_assignment)");
    road.Do(id, "stop", "manager", R"("reason":"Khoản 1 Điều 21 Nghị định 118/2025/NĐ-CP: hồ sơ giả mạo")");
    BOOST_TEST(road.State(id) == "8/0");
    BOOST_TEST(road.OutputText(id, "stop_notice", "manager").find("Điều21Nghịđịnh118/2025") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_citizen_withdraws_at_the_desk, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");
    road.Do(id, "withdraw", "clerk", R"("note":"Công dân nộp đơn rút hồ sơ")");
    BOOST_TEST(road.State(id) == "8/0");
    BOOST_TEST(road.Actions(id) == (Names{"submit", "accept", "withdraw"}), boost::test_tools::per_element());
    BOOST_TEST(road.OutputKinds(id, "clerk") == (Names{"receipt", "control_sheet"}), boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(no_supplement_within_15_days_closes_the_dossier_once, RoadFixture)
{
    const std::int64_t atIntake = SubmitDossier(kCommune, 1);
    const std::int64_t answered = SubmitDossier(kCommune, 2);
    CheckProblem(road.Act(atIntake, "request_supplement", "clerk", R"("missingDocuments":[])"), 422, "missingDocuments",
                 "List every missing document");
    road.Do(atIntake, "request_supplement", "clerk",
            R"("missingDocuments":["Giấy chứng sinh","Tờ khai đăng ký khai sinh"],"note":"Bản chụp bị mờ")");
    road.Do(answered, "request_supplement", "clerk", R"("missingDocuments":["Giấy chứng sinh"])");
    const std::string notice = road.OutputText(atIntake, "supplement_request", "clerk");
    for (const char* expected : {"Giấychứngsinh", "Tờkhaiđăngkýkhaisinh", "Bảnchụpbịmờ"})
        BOOST_TEST(notice.find(expected) != std::string::npos, "form 02 lacks " << expected);
    // Once only at intake.
    clock.Advance(std::chrono::hours{24});
    road.Do(answered, "supplement", "clerk", R"("note":"Công dân mang giấy tờ đến")");
    CheckProblem(road.Act(answered, "request_supplement", "clerk", R"("missingDocuments":["Giấy khác"])"), 403, "",
                 "Action request_supplement is not allowed for role clerk in status 1 (new, "
                 "supplemented_awaiting_check)");

    clock.Advance(std::chrono::hours{24 * 14} - std::chrono::minutes{1});
    BOOST_TEST(server->Actions().CloseUnsupplied() == 0);  // 14 days 23:59 after the notice
    clock.Advance(std::chrono::minutes{2});
    BOOST_TEST(server->Actions().CloseUnsupplied() == 1);
    BOOST_TEST(server->Actions().CloseUnsupplied() == 0);  // idempotent
    BOOST_TEST(road.State(atIntake) == "3/0");             // never received: not received
    BOOST_TEST(road.State(answered) == "1/6");
    BOOST_TEST(road.Actions(atIntake) == (Names{"submit", "request_supplement", "close_unsupplied"}),
               boost::test_tools::per_element());
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier_event WHERE role = 7 AND staff_id IS NULL") == 1);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier_pause WHERE ended_at IS NULL") == 0);
    BOOST_TEST(road.OutputKinds(atIntake, "clerk") == (Names{"supplement_request", "control_sheet"}),
               boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(a_supplement_after_appraisal_restarts_the_processing_time, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");  // Fri 27 Nov 09:30, due Wed 2 Dec 09:30
    road.Do(id, "assign", "clerk", "\"staffId\":" + std::to_string(catalogue.handler.id));  // the ward allows it
    CheckProblem(road.Act(id, "request_supplement", "handler2", R"("missingDocuments":["Giấy chứng sinh"])"), 403, "",
                 "Only the handler assigned to this dossier may do this");
    clock.Set(At("2026-12-01T10:00:00+07:00"));
    road.Do(id, "request_supplement", "handler", R"("missingDocuments":["Giấy chứng sinh"])");
    clock.Set(At("2026-12-07T08:00:00+07:00"));  // Monday
    const HttpReply supplied = road.Do(id, "supplement", "clerk");
    // Three working days again from Monday 08:00: Thursday 10 December 08:00.
    BOOST_TEST(supplied.json->getValue<std::string>("dueAt") == "2026-12-10T08:00:00+07:00");
    BOOST_TEST(supplied.json->getValue<std::string>("clockStartedAt") == "2026-12-07T08:00:00+07:00");
    BOOST_TEST(road.State(id) == "4/3");
    // A second request is allowed at any time, and counted (late in the KPIs).
    clock.Set(At("2026-12-09T15:00:00+07:00"));
    const HttpReply second = road.Do(id, "request_supplement", "handler", R"("missingDocuments":["Tờ khai"])");
    BOOST_TEST(second.json->getValue<int>("supplementRequestsAfterAppraisal") == 2);
}

BOOST_FIXTURE_TEST_CASE(a_first_supplement_request_after_three_working_days_is_refused, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");  // clock starts Fri 27 Nov 09:30
    road.Do(id, "claim", "handler");
    clock.Set(At("2026-12-02T09:31:00+07:00"));  // 3 working days and a minute later
    const RowCounts before = Counts();
    CheckProblem(road.Act(id, "request_supplement", "handler", R"("missingDocuments":["Giấy chứng sinh"])"), 403, "",
                 "A supplement after appraisal must be requested within 3 working days of receipt");
    BOOST_TEST(Counts() == before);
}

BOOST_FIXTURE_TEST_CASE(reschedule_once_at_least_a_working_day_ahead_with_form_04, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");  // due Wed 2 Dec 09:30
    road.Do(id, "claim", "handler");
    const RowCounts before = Counts();
    CheckProblem(road.Act(id, "reschedule", "handler", R"("newDueAt":"2026-12-01T09:00:00+07:00","reason":"x")"), 422,
                 "newDueAt", "The new appointment must be later than the current one");
    CheckProblem(road.Act(id, "reschedule", "handler", R"("newDueAt":"2026-12-05T09:00:00+07:00","reason":"x")"), 422,
                 "newDueAt", "The new appointment must fall within office hours on a working day");
    CheckProblem(road.Act(id, "reschedule", "handler", R"("newDueAt":"2026-12-04T09:00:00+07:00")"), 422, "reason",
                 "This field is required");
    BOOST_TEST(Counts() == before);
    const HttpReply moved =
        road.Do(id, "reschedule", "handler",
                R"("newDueAt":"2026-12-04T16:00:00+07:00","reason":"Chờ xác minh nơi cư trú tại Công an phường")");
    BOOST_TEST(moved.json->getValue<std::string>("dueAt") == "2026-12-04T16:00:00+07:00");
    BOOST_TEST(moved.json->getValue<std::string>("originalDueAt") == "2026-12-02T09:30:00+07:00");
    const std::string apology = road.OutputText(id, "apology", "handler");
    BOOST_TEST(apology.find("Chờxácminhnơicưtrú") != std::string::npos);
    CheckProblem(road.Act(id, "reschedule", "manager", R"("newDueAt":"2026-12-07T16:00:00+07:00","reason":"x")"), 403,
                 "", "The appointment of a dossier can be moved only once");

    const std::int64_t late = SubmitDossier(kCommune, 2);
    road.Do(late, "accept", "clerk");
    clock.Set(At("2026-12-01T10:00:00+07:00"));  // less than a working day before Wed 09:30
    CheckProblem(road.Act(late, "reschedule", "manager", R"("newDueAt":"2026-12-04T16:00:00+07:00","reason":"x")"), 403,
                 "", "The appointment can be moved only at least one working day before it falls due");
}

BOOST_FIXTURE_TEST_CASE(fees_pause_the_clock_and_move_the_appointment, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");  // due Wed 2 Dec 09:30
    road.Do(id, "claim", "handler");
    road.Do(id, "request_fees", "handler", R"("note":"Lệ phí 8.000 đồng")");
    BOOST_TEST(road.State(id) == "6/0");
    clock.Set(At("2026-11-30T09:30:00+07:00"));  // one working day of pause (Fri 09:30 → Mon 09:30)
    const HttpReply paid = road.Do(id, "pay_fees", "clerk");
    BOOST_TEST(paid.json->getValue<std::string>("dueAt") == "2026-12-03T09:30:00+07:00");
}

BOOST_FIXTURE_TEST_CASE(paper_intake_takes_in_and_accepts_in_one_step, RoadFixture)
{
    const std::string applicant =
        R"({"fullName":"Lê Văn Ngân","citizenId":"001090000077","dateOfBirth":"1990-05-12","address":"Số 3 Phan Bội Châu","phone":"0912345678"})";
    const RowCounts before = Counts();
    CheckProblem(Post("/staff/v1/dossiers", Submission("1.001193", kCommune, applicant), road.Token("handler")), 403,
                 "", "Action submit is not allowed for role handler in status 1 (new)");
    std::string online = Submission("1.001193", kCommune, applicant);
    online.insert(online.size() - 1, R"(,"channel":"online")");
    CheckProblem(Post("/staff/v1/dossiers", online, road.Token("clerk")), 422, "channel",
                 "A dossier taken in at the desk comes in person or by post");
    CheckProblem(Post("/staff/v1/dossiers", Submission("1.001193", "000.32.22.H41", applicant), road.Token("clerk")),
                 422, "agencyCode", "A desk takes dossiers in for its own agency only");
    BOOST_TEST(Counts() == before);

    const HttpReply created =
        Post("/staff/v1/dossiers", Submission("1.001193", kCommune, applicant), road.Token("clerk"));
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const auto id = created.json->getValue<std::int64_t>("id");
    BOOST_TEST(created.json->getValue<std::string>("channel") == "in_person");
    BOOST_TEST(created.json->getValue<int>("status") == 2);
    BOOST_TEST(created.headers.at("Location") == "/staff/v1/dossiers/" + std::to_string(id));
    BOOST_TEST(road.Actions(id) == (Names{"submit", "accept"}), boost::test_tools::per_element());
    BOOST_TEST(road.OutputKinds(id, "clerk") == (Names{"receipt"}), boost::test_tools::per_element());
    BOOST_TEST(created.json->get("intakeDueAt").isEmpty());  // the 8-hour answer is for online dossiers
}

BOOST_FIXTURE_TEST_CASE(refusals_name_the_reason_and_change_nothing, RoadFixture)
{
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");
    const RowCounts before = Counts();
    const std::string version = std::to_string(road.Version(id));
    // Another agency's staff: not there at all.
    BOOST_TEST(road.Act(id, "claim", "dept.handler").status == 404);
    // Stale version: who changed it, and when.
    CheckProblem(Post("/staff/v1/dossiers/" + std::to_string(id) + "/claim", R"({"version":1})", road.Token("handler")),
                 409, "version",
                 "The dossier was changed by Nguyễn Thị Thu Hà at 09:30 27/11/2026; reload it and try again");
    // Fields.
    CheckProblem(road.Act(id, "assign", "manager", R"("staffId":"x")"), 422, "staffId",
                 "This field must be a whole number");
    CheckProblem(road.Act(id, "assign", "manager", "\"staffId\":" + std::to_string(catalogue.departmentHandler.id)),
                 422, "staffId", "Choose a handler of the agency that holds the dossier");
    CheckProblem(road.Act(id, "assign", "manager", "\"staffId\":" + std::to_string(catalogue.signer.id)), 422,
                 "staffId", "Choose a handler of the agency that holds the dossier");
    CheckProblem(road.Act(id, "forward", "manager", R"("agencyCode":"000.99.99.H41")"), 422, "agencyCode",
                 "Unknown agency");
    CheckProblem(road.Act(id, "forward", "manager", WorkflowDriver::To("agencyCode", kCommune)), 422, "agencyCode",
                 "The dossier is already at this agency");
    CheckProblem(road.Act(id, "forward", "manager", R"("agencyCode":"000.00.12.H41","mode":"both")"), 422, "mode",
                 "Unknown forwarding mode: expected sequential or parallel");
    // Another agency's document is not there at all, exactly like one that does not exist.
    const std::string receipt = std::to_string(Scalar("SELECT id FROM dossier_output"));
    const HttpReply foreign = road.Get("/staff/v1/outputs/" + receipt, "dept.handler");
    const HttpReply unknown = road.Get("/staff/v1/outputs/999999", "dept.handler");
    CheckProblem(foreign, 404, "", "Document not found");
    BOOST_TEST(foreign.json->getValue<std::string>("title") == unknown.json->getValue<std::string>("title"));
    BOOST_TEST(road.Get("/staff/v1/outputs/" + receipt, "clerk").status == 200);
    // Unknown action: no such route.
    BOOST_TEST(road.Act(id, "close_unsupplied", "manager").status == 404);
    BOOST_TEST(road.Act(id, "submit", "clerk").status == 404);
    // An agency that leaves assignment to its manager.
    db.AdminExecute("UPDATE agency SET clerks_may_assign = false WHERE code = '" + std::string(kCommune) + "'");
    CheckProblem(road.Act(id, "assign", "clerk", "\"staffId\":" + std::to_string(catalogue.handler.id)), 403, "",
                 "In this agency only a manager assigns dossiers");
    BOOST_TEST(Counts() == before);
    BOOST_TEST(std::to_string(road.Version(id)) == version);
}

BOOST_AUTO_TEST_SUITE_END()
