// GET /staff/v1/kpis: the figures of dossiers driven through the workflow, checked by hand and against Store::Kpis;
// who may ask for which agency; and the bad periods refused, naming the parameter, with nothing written.
#include <set>
#include <string>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "model/kpi.h"
#include "model/postgres/access_scope.h"
#include "model/time.h"
#include "server/calendar_loader.h"
#include "tests/server/api_fixture.h"
#include "tests/server/workflow_driver.h"

using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::WorkflowDriver;

namespace {

using motcua::test::kCommune;
using motcua::test::kDepartment;

constexpr const char* kPeriod = "/staff/v1/kpis?from=2026-11-01&to=2026-12-15";

struct KpisFixture : ApiFixture {
    KpisFixture() { road.SignInAll({"clerk", "handler", "manager", "signer", "admin", "dept.manager"}); }

    WorkflowDriver road{*this};

    void At(const char* iso) { clock.Set(motcua::ParseIso8601(iso, "test")); }
    // Assigned by the manager, granted by the handler's proposal and the signer's approval: the result is ready.
    void Resolve(std::int64_t id)
    {
        road.Do(id, "assign", "manager", "\"staffId\":" + std::to_string(catalogue.handler.id));
        road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
        road.Do(id, "approve", "signer");
    }
    // Fri 27 Nov 09:30: A online, accepted at once and resolved an hour later (early); B on paper, resolved on Tue
    // 15 Dec 10:00 (late); C online, accepted on Tue 1 Dec 10:00 (after its 8-working-hour intake deadline, Mon
    // 30 Nov 09:30) and still open on 15 Dec (overdue). All three are birth registrations (3 working days).
    void DriveThree()
    {
        const std::string applicant =
            R"({"fullName":"Lê Văn Ngân","citizenId":"001090000077",)"
            R"("dateOfBirth":"1990-05-12","address":"Số 3 Phan Bội Châu","phone":"0912345678"})";
        const HttpReply paper =
            Post("/staff/v1/dossiers", Submission("1.001193", kCommune, applicant), road.Token("clerk"));
        BOOST_REQUIRE_MESSAGE(paper.status == 201, paper.body);
        b = paper.json->getValue<std::int64_t>("id");
        a = SubmitDossier(kCommune, 1);
        road.Do(a, "accept", "clerk");
        c = SubmitDossier(kCommune, 2);
        clock.Advance(std::chrono::hours{1});
        Resolve(a);
        At("2026-12-01T10:00:00+07:00");
        road.Do(c, "accept", "clerk");
        At("2026-12-15T10:00:00+07:00");
        Resolve(b);
    }
    HttpReply Kpis(const std::string& query, const std::string& user)
    {
        return road.Get("/staff/v1/kpis?" + query, user);
    }
    motcua::KpiSummary FromStore(const std::string& from, const std::string& to, const motcua::Agency& root)
    {
        const motcua::WorkingCalendar calendar =
            motcua::server::LoadCalendarFile(
                motcua::server::FindCalendarFile(server->Config().calendarFile, server->Config().executablePath))
                .MakeCalendar();
        std::vector<std::int64_t> agencies{root.id};
        if (root.id == catalogue.province.id)
            agencies = {catalogue.province.id, catalogue.department.id, catalogue.commune.id,
                        catalogue.otherCommune.id};
        motcua::pg::ScopedAccess all(motcua::pg::AccessScope::All());
        return store.Kpis(motcua::KpiPeriodOfDays(motcua::ParseDate(from, "from"), motcua::ParseDate(to, "to")),
                          agencies, calendar);
    }

    std::int64_t a = 0, b = 0, c = 0;
};

std::int64_t Count(const Poco::JSON::Object::Ptr& o, const std::string& key)
{
    return o->getValue<std::int64_t>(key);
}

// Every count of the answer equals the store's.
void CheckAgainst(const Poco::JSON::Object::Ptr& o, const motcua::KpiFigures& f)
{
    BOOST_TEST(Count(o, "receivedCarriedOver") == f.receivedCarriedOver);
    BOOST_TEST(Count(o, "receivedOnline") == f.receivedOnline);
    BOOST_TEST(Count(o, "receivedInPerson") == f.receivedInPerson);
    BOOST_TEST(Count(o, "resolvedEarly") == f.resolvedEarly);
    BOOST_TEST(Count(o, "resolvedOnTime") == f.resolvedOnTime);
    BOOST_TEST(Count(o, "resolvedLate") == f.resolvedLate);
    BOOST_TEST(Count(o, "pendingWithinDeadline") == f.pendingWithinDeadline);
    BOOST_TEST(Count(o, "pendingOverdue") == f.pendingOverdue);
    BOOST_TEST(Count(o, "intakeConfirmedLate") == f.intakeConfirmedLate);
    BOOST_TEST(Count(o, "intakeAnswered") == f.intakeAnswered);
    BOOST_TEST(Count(o, "resultsGranted") == f.resultsGranted);
    BOOST_TEST(Count(o, "electronicResults") == f.electronicResults);
    BOOST_TEST(Count(o, "digitisedWithElectronicResult") == f.digitisedWithElectronicResult);
    BOOST_TEST(Count(o, "rated") == f.rated);
    BOOST_TEST(o->getValue<double>("onTimeRate") == f.OnTimeRate().value());
    BOOST_TEST(o->getValue<double>("averageProcessingHours") == f.AverageProcessingHours().value());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(KpisIntegration)

BOOST_FIXTURE_TEST_CASE(the_figures_of_three_dossiers_are_those_counted_by_hand_and_by_the_store, KpisFixture)
{
    DriveThree();
    const HttpReply reply = road.Get(kPeriod, "manager");
    BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.body);
    const Poco::JSON::Object::Ptr o = reply.json;
    BOOST_TEST(o->getValue<std::string>("from") == "2026-11-01");
    BOOST_TEST(o->getValue<std::string>("to") == "2026-12-15");
    BOOST_TEST(o->getObject("agency")->getValue<std::string>("code") == kCommune);
    BOOST_TEST(Count(o, "receivedCarriedOver") == 0);
    BOOST_TEST(Count(o, "receivedOnline") == 2);    // A and C
    BOOST_TEST(Count(o, "receivedInPerson") == 1);  // B
    BOOST_TEST(Count(o, "received") == 3);
    BOOST_TEST(Count(o, "resolvedEarly") == 1);  // A, on 27 Nov, due on 2 Dec
    BOOST_TEST(Count(o, "resolvedOnTime") == 0);
    BOOST_TEST(Count(o, "resolvedLate") == 1);  // B, on 15 Dec, due on 2 Dec
    BOOST_TEST(Count(o, "resolved") == 2);
    BOOST_TEST(Count(o, "pendingWithinDeadline") == 0);
    BOOST_TEST(Count(o, "pendingOverdue") == 1);  // C, due on 4 Dec, judged at 16 Dec 00:00
    BOOST_TEST(Count(o, "intakeAnswered") == 2);
    BOOST_TEST(Count(o, "intakeConfirmedLate") == 1);  // C
    BOOST_TEST(o->getValue<double>("onTimeRate") == 1.0 / 3.0);
    // A: 09:30 → 10:30 on 27 Nov, 1 h. B: 27 Nov 09:30 → 17:00 (5.5 h), eleven working days (88 h), 15 Dec 07:00 →
    // 10:00 (3 h): 96.5 h. The average: 48.75 working hours.
    BOOST_TEST(o->getValue<double>("averageProcessingHours") == 48.75);
    BOOST_TEST(o->getValue<double>("onlineSubmissionRate") == 2.0 / 3.0);
    BOOST_TEST(o->getValue<double>("satisfaction") == 1.0 / 3.0);  // nothing rated: the on-time rate alone
    BOOST_TEST(o->get("byProcedure").isArray());

    const motcua::KpiSummary expected = FromStore("2026-11-01", "2026-12-15", catalogue.commune);
    CheckAgainst(o, expected.total);
    const Poco::JSON::Array::Ptr byProcedure = o->getArray("byProcedure");
    BOOST_REQUIRE(byProcedure->size() == 1u);
    const Poco::JSON::Object::Ptr birth = byProcedure->getObject(0);
    BOOST_TEST(birth->getObject("procedure")->getValue<std::string>("code") == "1.001193");
    BOOST_TEST(birth->getObject("procedure")->getValue<std::int64_t>("id") == catalogue.birthRegistration.id);
    CheckAgainst(birth, expected.byProcedure.at(catalogue.birthRegistration.id));

    // From 2 Dec, B and C are carried over (A ended before); nothing new was received.
    const HttpReply later = road.Get("/staff/v1/kpis?from=2026-12-02&to=2026-12-15", "manager");
    BOOST_REQUIRE_MESSAGE(later.status == 200, later.body);
    BOOST_TEST(Count(later.json, "receivedCarriedOver") == 2);
    BOOST_TEST(Count(later.json, "receivedOnline") == 0);
    BOOST_TEST(Count(later.json, "resolvedEarly") == 0);
    CheckAgainst(later.json, FromStore("2026-12-02", "2026-12-15", catalogue.commune).total);

    // A period with nothing in it: zero counts and undefined rates.
    const HttpReply empty = road.Get("/staff/v1/kpis?from=2025-01-01&to=2025-01-31", "manager");
    BOOST_REQUIRE_MESSAGE(empty.status == 200, empty.body);
    BOOST_TEST(Count(empty.json, "received") == 0);
    BOOST_TEST(empty.json->isNull("onTimeRate"));
    BOOST_TEST(empty.json->isNull("averageProcessingHours"));
    BOOST_TEST(empty.json->getArray("byProcedure")->size() == 0u);
}

BOOST_FIXTURE_TEST_CASE(each_role_asks_only_within_its_own_agency_or_subtree, KpisFixture)
{
    DriveThree();
    const std::string province = catalogue.province.code;
    const auto agency = [](const std::string& code) { return std::string(kPeriod) + "&agency=" + code; };

    // A clerk: its own agency (the default), nothing above it; the province answers as an unknown code.
    BOOST_TEST(road.Get(kPeriod, "clerk").status == 200);
    CheckProblem(road.Get(agency(province), "clerk"), 404, "agency", "Agency not found");
    CheckProblem(road.Get(agency("999.99.99.H99"), "clerk"), 404, "agency", "Agency not found");
    // The department's manager: the commune is not below the department.
    CheckProblem(road.Get(agency(kCommune), "dept.manager"), 404, "agency", "Agency not found");
    BOOST_TEST(road.Get(agency(kDepartment), "dept.manager").status == 200);
    // The commune's manager: its own agency, not the province above it.
    const HttpReply commune = road.Get(agency(kCommune), "manager");
    BOOST_REQUIRE_MESSAGE(commune.status == 200, commune.body);
    CheckProblem(road.Get(agency(province), "manager"), 404, "agency", "Agency not found");
    // The province's administrator: the province, with the commune's dossiers in it, and the commune alone.
    const HttpReply whole = road.Get(agency(province), "admin");
    BOOST_REQUIRE_MESSAGE(whole.status == 200, whole.body);
    BOOST_TEST(whole.json->getObject("agency")->getValue<std::string>("code") == province);
    for (const char* key : {"receivedOnline", "receivedInPerson", "resolvedEarly", "resolvedLate", "pendingOverdue",
                            "intakeConfirmedLate"})
        BOOST_TEST(Count(whole.json, key) == Count(commune.json, key), key);
    BOOST_TEST(Count(whole.json, "received") == 3);
    CheckAgainst(whole.json, FromStore("2026-11-01", "2026-12-15", catalogue.province).total);
    // The ranking: each agency right below the province with its own subtree's figures, zeros included; the commune,
    // with nothing below it, has none.
    const Poco::JSON::Array::Ptr ranking = whole.json->getArray("byAgency");
    std::set<std::string> children;
    for (std::size_t i = 0; i < ranking->size(); ++i) {
        const Poco::JSON::Object::Ptr item = ranking->getObject(static_cast<unsigned>(i));
        const std::string code = item->getObject("agency")->getValue<std::string>("code");
        children.insert(code);
        if (code == kCommune)
            CheckAgainst(item, FromStore("2026-11-01", "2026-12-15", catalogue.commune).total);
        else
            BOOST_TEST(Count(item, "received") == 0, code);
    }
    BOOST_TEST((children == std::set<std::string>{kCommune, kDepartment, catalogue.otherCommune.code}));
    BOOST_TEST(commune.json->getArray("byAgency")->size() == 0u);
    BOOST_TEST(road.Get(agency(kCommune), "admin").status == 200);
    // The department has none of them.
    const HttpReply department = road.Get(agency(kDepartment), "admin");
    BOOST_REQUIRE_MESSAGE(department.status == 200, department.body);
    BOOST_TEST(Count(department.json, "received") == 0);
}

// A dossier the department decided counts for the department, though once its result went back to the commune's desk
// the department's staff no longer see it (the route reads past row-level security after checking the subtree).
BOOST_FIXTURE_TEST_CASE(a_dossier_decided_by_the_department_counts_there_after_the_result_went_back, KpisFixture)
{
    const std::int64_t id = SubmitDossier(kCommune, 3);
    road.Do(id, "accept", "clerk");
    road.Do(id, "assign", "manager", "\"staffId\":" + std::to_string(catalogue.handler.id));
    road.Do(id, "forward", "handler", WorkflowDriver::To("agencyCode", kDepartment));
    road.Do(id, "assign", "dept.manager", "\"staffId\":" + std::to_string(catalogue.departmentHandler.id));
    clock.Advance(std::chrono::hours{1});
    road.Do(id, "propose_result", "dept.handler", R"("outcome":"grant")");
    road.Do(id, "approve", "dept.signer");
    BOOST_TEST(road.Get("/staff/v1/dossiers/" + std::to_string(id), "dept.manager").status == 404);

    const HttpReply department = road.Get(kPeriod, "dept.manager");
    BOOST_REQUIRE_MESSAGE(department.status == 200, department.body);
    BOOST_TEST(Count(department.json, "resolvedEarly") == 1);
    BOOST_TEST(Count(department.json, "resolved") == 1);
    BOOST_TEST(Count(department.json, "intakeAnswered") == 0);  // the commune's desk answered it
    CheckAgainst(department.json, FromStore("2026-11-01", "2026-12-15", catalogue.department).total);
    const HttpReply commune = road.Get(kPeriod, "manager");
    BOOST_REQUIRE_MESSAGE(commune.status == 200, commune.body);
    BOOST_TEST(Count(commune.json, "resolved") == 0);
    BOOST_TEST(Count(commune.json, "intakeAnswered") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_bad_period_is_refused_naming_the_parameter_and_writes_nothing, KpisFixture)
{
    const auto before = Counts();
    CheckProblem(road.Get("/staff/v1/kpis?to=2026-12-15", "manager"), 422, "from", "This field is required");
    CheckProblem(road.Get("/staff/v1/kpis?from=2026-12-01", "manager"), 422, "to", "This field is required");
    CheckProblem(road.Get("/staff/v1/kpis?from=2026-02-30&to=2026-03-31", "manager"), 422, "from",
                 "Invalid date: no such day in the calendar");
    CheckProblem(road.Get("/staff/v1/kpis?from=2026-1-01&to=2026-03-31", "manager"), 422, "from",
                 "Invalid date: expected YYYY-MM-DD");
    CheckProblem(road.Get("/staff/v1/kpis?from=2026-12-02&to=2026-12-01", "manager"), 422, "to",
                 "The end of the period must not be before its start");
    // Five years at most: 1827 days are allowed, 1828 are not.
    BOOST_TEST(road.Get("/staff/v1/kpis?from=2021-12-31&to=2026-12-31", "manager").status == 200);
    CheckProblem(road.Get("/staff/v1/kpis?from=2021-12-30&to=2026-12-31", "manager"), 422, "to",
                 "The period must not be longer than five years");
    BOOST_TEST(Get("/staff/v1/kpis?from=2026-12-01&to=2026-12-31").status == 401);
    BOOST_TEST(Counts() == before);
}

BOOST_AUTO_TEST_SUITE_END()
