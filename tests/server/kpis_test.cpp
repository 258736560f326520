// GET /staff/v1/kpis: the figures of dossiers driven through the workflow, checked by hand and against Store::Kpis;
// who may ask for which agency; and the bad periods refused, naming the parameter, with nothing written. Its
// drill-down, GET /staff/v1/kpis/dossiers: the dossiers behind each figure, as many as the figure says. The same
// figures exported as form II.06a (PDF, XLSX) and the register as XLSX, read back and compared with the store's.
#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "model/kpi.h"
#include "model/postgres/access_scope.h"
#include "model/time.h"
#include "server/calendar_loader.h"
#include "tests/server/api_fixture.h"
#include "tests/server/workflow_driver.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/report_readback.h"
#include "tests/support/xlsx_reader.h"

using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::ItemIds;
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
    motcua::WorkingCalendar Calendar() const
    {
        return motcua::server::LoadCalendarFile(
                   motcua::server::FindCalendarFile(server->Config().calendarFile, server->Config().executablePath))
            .MakeCalendar();
    }
    std::vector<std::int64_t> Subtree(const motcua::Agency& root) const
    {
        if (root.id == catalogue.province.id)
            return {catalogue.department.id, catalogue.commune.id, catalogue.otherCommune.id, catalogue.province.id};
        return {root.id};
    }
    motcua::KpiSummary FromStore(const std::string& from, const std::string& to, const motcua::Agency& root)
    {
        motcua::pg::ScopedAccess all(motcua::pg::AccessScope::All());
        return store.Kpis(motcua::KpiPeriodOfDays(motcua::ParseDate(from, "from"), motcua::ParseDate(to, "to")),
                          Subtree(root), Calendar());
    }
    // The list's reference: the dossiers whose own contribution to `count` (DossierKpis over the facts) is not zero,
    // newest first.
    std::vector<std::int64_t> FromFacts(const std::string& from, const std::string& to, const motcua::Agency& root,
                                        const motcua::KpiCount& count)
    {
        motcua::pg::ScopedAccess all(motcua::pg::AccessScope::All());
        const motcua::KpiPeriod period =
            motcua::KpiPeriodOfDays(motcua::ParseDate(from, "from"), motcua::ParseDate(to, "to"));
        std::vector<std::int64_t> agencies = Subtree(root);
        std::sort(agencies.begin(), agencies.end());
        const motcua::WorkingCalendar calendar = Calendar();
        std::vector<std::int64_t> ids;
        for (const motcua::DossierFacts& f : store.LoadKpiFacts(period, agencies))
            if (count.value(motcua::DossierKpis(f, period, agencies, calendar)) > 0)
                ids.push_back(f.id);
        std::sort(ids.begin(), ids.end(), std::greater<>());
        return ids;
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

BOOST_FIXTURE_TEST_CASE(a_period_running_past_today_judges_what_is_overdue_as_of_today, KpisFixture)
{
    DriveThree();
    // Tue 15 Dec 10:00: D comes online and is accepted, due three working days later (Fri 18 Dec).
    const std::int64_t d = SubmitDossier(kCommune, 4);
    road.Do(d, "accept", "clerk");

    // December asked on the 15th: C is overdue today, D is not, whatever the 31st will say.
    const HttpReply december = Kpis("from=2026-12-01&to=2026-12-31", "manager");
    BOOST_REQUIRE_MESSAGE(december.status == 200, december.body);
    BOOST_TEST(december.json->getValue<std::string>("to") == "2026-12-31");
    BOOST_TEST(Count(december.json, "pendingOverdue") == 1);         // C
    BOOST_TEST(Count(december.json, "pendingWithinDeadline") == 1);  // D
    CheckAgainst(december.json, FromStore("2026-12-01", "2026-12-15", catalogue.commune).total);
    // The store itself judges at the end of the period it is given: D, due on the 18th, would count as overdue.
    BOOST_TEST(FromStore("2026-12-01", "2026-12-31", catalogue.commune).total.pendingOverdue == 2);
    const HttpReply overdue =
        road.Get("/staff/v1/kpis/dossiers?from=2026-12-01&to=2026-12-31&figure=pendingOverdue", "manager");
    BOOST_REQUIRE_MESSAGE(overdue.status == 200, overdue.body);
    BOOST_TEST(ItemIds(overdue) == std::vector<std::int64_t>{c});

    // On Mon 21 Dec the same question finds D overdue too.
    At("2026-12-21T09:00:00+07:00");
    const HttpReply later = Kpis("from=2026-12-01&to=2026-12-31", "manager");
    BOOST_REQUIRE_MESSAGE(later.status == 200, later.body);
    BOOST_TEST(Count(later.json, "pendingOverdue") == 2);
    BOOST_TEST(Count(later.json, "pendingWithinDeadline") == 0);
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
        const auto code = item->getObject("agency")->getValue<std::string>("code");
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

// Every figure opens the list of as many dossiers as it counts, read a page at a time (the cursor leading to the
// next), the very dossiers whose own contribution to it is not zero (kpi.h, DossierKpis).
BOOST_FIXTURE_TEST_CASE(each_figure_opens_the_list_of_as_many_dossiers_as_it_counts, KpisFixture)
{
    DriveThree();
    for (const auto& [from, to] : {std::pair{"2026-11-01", "2026-12-15"}, std::pair{"2026-12-02", "2026-12-15"},
                                   std::pair{"2026-11-28", "2026-12-01"}}) {
        for (const motcua::Agency* agency : {&catalogue.commune, &catalogue.province, &catalogue.department}) {
            const std::string query = std::string("from=") + from + "&to=" + to + "&agency=" + agency->code;
            const HttpReply figures = Kpis(query, "admin");
            BOOST_REQUIRE_MESSAGE(figures.status == 200, figures.body);
            for (const motcua::KpiCount& count : motcua::kKpiCounts) {
                BOOST_TEST_CONTEXT(query << " " << count.name)
                {
                    const std::string base = "/staff/v1/kpis/dossiers?" + query + "&figure=" + count.name;
                    const HttpReply list = road.Get(base, "admin");
                    BOOST_REQUIRE_MESSAGE(list.status == 200, list.body);
                    BOOST_TEST(Count(list.json, "total") == Count(figures.json, count.name));
                    BOOST_TEST(ItemIds(list).size() == static_cast<std::size_t>(Count(figures.json, count.name)));
                    BOOST_TEST(list.json->isNull("next"));
                    const std::vector<std::int64_t> expected = FromFacts(from, to, *agency, count);
                    BOOST_TEST(ItemIds(list) == expected, boost::test_tools::per_element());
                    std::vector<std::int64_t> paged;
                    HttpReply page = road.Get(base + "&limit=1", "admin");
                    for (int guard = 0; guard < 5; ++guard) {
                        BOOST_REQUIRE_MESSAGE(page.status == 200, page.body);
                        BOOST_TEST(Count(page.json, "total") == static_cast<std::int64_t>(expected.size()));
                        for (const std::int64_t id : ItemIds(page))
                            paged.push_back(id);
                        if (page.json->isNull("next"))
                            break;
                        page = road.Get(base + "&limit=1&after=" + page.json->getValue<std::string>("next"), "admin");
                    }
                    BOOST_TEST(paged == expected, boost::test_tools::per_element());
                }
            }
        }
    }
    // By hand: C alone is overdue and was confirmed late; A and C came online; the items are list rows.
    const HttpReply overdue =
        road.Get("/staff/v1/kpis/dossiers?from=2026-11-01&to=2026-12-15&figure=pendingOverdue", "manager");
    BOOST_REQUIRE_MESSAGE(overdue.status == 200, overdue.body);
    BOOST_TEST(ItemIds(overdue) == std::vector<std::int64_t>{c});
    const Poco::JSON::Object::Ptr item = overdue.json->getArray("items")->getObject(0);
    BOOST_TEST(item->getValue<std::string>("procedureName").size() > 0u);
    BOOST_TEST(item->getValue<bool>("overdue"));
    BOOST_TEST(item->has("version"));
    const HttpReply late =
        road.Get("/staff/v1/kpis/dossiers?from=2026-11-01&to=2026-12-15&figure=intakeConfirmedLate", "manager");
    BOOST_TEST(ItemIds(late) == std::vector<std::int64_t>{c});
    const HttpReply online =
        road.Get("/staff/v1/kpis/dossiers?from=2026-11-01&to=2026-12-15&figure=receivedOnline", "manager");
    BOOST_TEST(ItemIds(online) == (std::vector<std::int64_t>{std::max(a, c), std::min(a, c)}));  // newest first

    // One procedure's share: the birth registrations are all three; another procedure has none.
    const HttpReply birth =
        road.Get("/staff/v1/kpis/dossiers?from=2026-11-01&to=2026-12-15&figure=received&procedure=1.001193", "manager");
    BOOST_REQUIRE_MESSAGE(birth.status == 200, birth.body);
    BOOST_TEST(Count(birth.json, "total") == 3);

    // Paged: one at a time, the cursor leading to the next, the total each time.
    const std::string received = "/staff/v1/kpis/dossiers?from=2026-11-01&to=2026-12-15&figure=received&limit=1";
    HttpReply page = road.Get(received, "manager");
    std::vector<std::int64_t> seen;
    for (int guard = 0; guard < 5; ++guard) {
        BOOST_REQUIRE_MESSAGE(page.status == 200, page.body);
        BOOST_TEST(Count(page.json, "total") == 3);
        for (const std::int64_t id : ItemIds(page))
            seen.push_back(id);
        if (page.json->isNull("next"))
            break;
        page = road.Get(received + "&after=" + page.json->getValue<std::string>("next"), "manager");
    }
    std::vector<std::int64_t> all{a, b, c};
    std::sort(all.begin(), all.end(), std::greater<>());
    BOOST_TEST(seen == all);
}

BOOST_FIXTURE_TEST_CASE(the_dossiers_behind_a_figure_follow_the_rules_of_the_figures, KpisFixture)
{
    DriveThree();
    const auto before = Counts();
    const std::string base = "/staff/v1/kpis/dossiers?from=2026-11-01&to=2026-12-15&figure=received";
    // Outside the caller's reach, as /kpis: the province above the commune's manager, the commune beside the
    // department's, and an unknown code answer alike.
    CheckProblem(road.Get(base + "&agency=" + catalogue.province.code, "manager"), 404, "agency", "Agency not found");
    CheckProblem(road.Get(base + "&agency=" + kCommune, "dept.manager"), 404, "agency", "Agency not found");
    CheckProblem(road.Get(base + "&agency=999.99.99.H99", "clerk"), 404, "agency", "Agency not found");
    BOOST_TEST(road.Get(base + "&agency=" + kCommune, "admin").status == 200);
    // The parameters of /kpis are read as it reads them; the figure and the procedure must be known.
    CheckProblem(road.Get("/staff/v1/kpis/dossiers?to=2026-12-15&figure=received", "manager"), 422, "from",
                 "This field is required");
    CheckProblem(road.Get("/staff/v1/kpis/dossiers?from=2026-11-01&to=2026-12-15", "manager"), 422, "figure",
                 "This field is required");
    CheckProblem(road.Get("/staff/v1/kpis/dossiers?from=2026-11-01&to=2026-12-15&figure=onTimeRate", "manager"), 422,
                 "figure", "There is no such figure");
    CheckProblem(road.Get(base + "&procedure=9.999999", "manager"), 422, "procedure", "Unknown procedure");
    CheckProblem(road.Get(base + "&limit=0", "manager"), 422, "limit", "This number is out of range");
    BOOST_TEST(Get(base).status == 401);
    BOOST_TEST(Counts() == before);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kReport = "/staff/v1/reports/periodic?from=2026-11-01&to=2026-12-15";

// The lines form II.06a must show for a selection whose dossiers are all birth registrations (sector "Hộ tịch").
std::vector<motcua::test::ReportLine> BirthLines(const motcua::KpiSummary& s, const motcua::Procedure& birth)
{
    const motcua::KpiFigures figures =
        s.byProcedure.count(birth.id) ? s.byProcedure.at(birth.id) : motcua::KpiFigures{};
    return {
        {"I", "Hộ tịch", figures}, {"1", birth.name + " (" + birth.code + ")", figures}, {"", "Tổng cộng", s.total}};
}

void ExpectNoDifferences(const std::vector<std::string>& differences)
{
    for (const std::string& d : differences)
        BOOST_ERROR(d);
    BOOST_TEST(differences.empty());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ReportsIntegration)

BOOST_FIXTURE_TEST_CASE(the_periodic_report_shows_the_store_s_figures_in_the_workbook_and_the_pdf, KpisFixture)
{
    DriveThree();
    const motcua::KpiSummary expected = FromStore("2026-11-01", "2026-12-15", catalogue.commune);
    BOOST_TEST(expected.total.Received() == 3);  // the figures are not all zero: the comparison means something
    const auto lines = BirthLines(expected, catalogue.birthRegistration);

    const HttpReply xlsx = road.Get(std::string(kReport) + "&format=xlsx", "manager");
    BOOST_REQUIRE_MESSAGE(xlsx.status == 200, xlsx.body);
    BOOST_TEST(xlsx.contentType == kXlsx);
    BOOST_TEST(xlsx.headers.at("Content-Disposition") == "attachment; filename=\"bao-cao-2026-11-01-2026-12-15.xlsx\"");
    const motcua::test::XlsxSheet sheet = motcua::test::ReadXlsxSheet(xlsx.body);
    ExpectNoDifferences(motcua::test::WorkbookDifferences(sheet, lines));
    BOOST_TEST(sheet.at({0, 0}).text.ends_with(" - " + catalogue.commune.name));
    // By hand (as the JSON test above): 2 online, 1 in person; 1 early, 1 late; 1 overdue.
    const int total = motcua::test::FindRow(sheet, 1, "Tổng cộng");
    BOOST_TEST(sheet.at({total, 2}).number.value_or(-1) == 3);
    BOOST_TEST(sheet.at({total, 4}).number.value_or(-1) == 2);
    BOOST_TEST(sheet.at({total, 5}).number.value_or(-1) == 1);
    BOOST_TEST(sheet.at({total, 7}).number.value_or(-1) == 1);
    BOOST_TEST(sheet.at({total, 9}).number.value_or(-1) == 1);
    BOOST_TEST(sheet.at({total, 12}).number.value_or(-1) == 1);

    // The PDF is the default and shows the same.
    for (const std::string& query : {std::string(kReport), std::string(kReport) + "&format=pdf"}) {
        const HttpReply pdf = road.Get(query, "manager");
        BOOST_REQUIRE_MESSAGE(pdf.status == 200, pdf.body);
        BOOST_TEST(pdf.contentType == "application/pdf");
        BOOST_TEST(pdf.headers.at("Content-Disposition") == "inline; filename=\"bao-cao-2026-11-01-2026-12-15.pdf\"");
        ExpectNoDifferences(motcua::test::PdfDifferences(motcua::test::ExtractTextOfBytes(pdf.body, "-raw"), lines));
    }

    // The province's administrator: the whole province, as the store counts it.
    const HttpReply province =
        road.Get(std::string(kReport) + "&format=xlsx&agency=" + catalogue.province.code, "admin");
    BOOST_REQUIRE_MESSAGE(province.status == 200, province.body);
    ExpectNoDifferences(motcua::test::WorkbookDifferences(
        motcua::test::ReadXlsxSheet(province.body),
        BirthLines(FromStore("2026-11-01", "2026-12-15", catalogue.province), catalogue.birthRegistration)));
    // The commune's manager may not ask for the province: the same answer as the KPIs give.
    CheckProblem(road.Get(std::string(kReport) + "&agency=" + catalogue.province.code, "manager"), 404, "agency",
                 "Agency not found");
}

BOOST_FIXTURE_TEST_CASE(the_register_as_a_workbook_lists_the_store_s_entries_and_stays_a_pdf_by_default, KpisFixture)
{
    DriveThree();
    const HttpReply pdf = road.Get("/staff/v1/register?year=2026", "clerk");
    BOOST_REQUIRE_MESSAGE(pdf.status == 200, pdf.body);
    BOOST_TEST(pdf.contentType == "application/pdf");
    BOOST_TEST(pdf.headers.at("Content-Disposition") == "inline; filename=\"so-theo-doi-2026.pdf\"");

    const HttpReply xlsx = road.Get("/staff/v1/register?year=2026&format=xlsx", "clerk");
    BOOST_REQUIRE_MESSAGE(xlsx.status == 200, xlsx.body);
    BOOST_TEST(xlsx.contentType == kXlsx);
    BOOST_TEST(xlsx.headers.at("Content-Disposition") == "attachment; filename=\"so-theo-doi-2026.xlsx\"");
    const motcua::test::XlsxSheet sheet = motcua::test::ReadXlsxSheet(xlsx.body);
    std::vector<motcua::pg::RegisterLine> entries;
    {
        motcua::pg::ScopedAccess all(motcua::pg::AccessScope::All());
        entries = store.Register(catalogue.commune.id, 2026);
    }
    BOOST_REQUIRE_EQUAL(entries.size(), 3u);
    for (const motcua::pg::RegisterLine& line : entries) {
        const int row = motcua::test::FindRow(sheet, 1, line.dossierCode);
        BOOST_TEST_REQUIRE(row >= 0, line.dossierCode);
        BOOST_TEST(sheet.at({row, 0}).number.value_or(-1) == line.number);
        BOOST_TEST(sheet.at({row, 2}).text == line.procedureName);
        BOOST_TEST(sheet.at({row, 4}).text == line.applicantName);
        BOOST_TEST(sheet.at({row, 7}).text == motcua::FormatVietnameseDateTime(line.receivedAt.value()));
    }
}

BOOST_FIXTURE_TEST_CASE(a_bad_period_or_format_is_refused_naming_the_parameter_and_writes_nothing, KpisFixture)
{
    DriveThree();
    const auto before = Counts();
    CheckProblem(road.Get("/staff/v1/reports/periodic?from=2026-12-02&to=2026-12-01&format=xlsx", "manager"), 422, "to",
                 "The end of the period must not be before its start");
    CheckProblem(road.Get("/staff/v1/reports/periodic?to=2026-12-01", "manager"), 422, "from",
                 "This field is required");
    CheckProblem(road.Get(std::string(kReport) + "&format=docx", "manager"), 422, "format",
                 "The format must be pdf or xlsx");
    CheckProblem(road.Get(std::string(kReport) + "&format=", "manager"), 422, "format",
                 "The format must be pdf or xlsx");
    CheckProblem(road.Get("/staff/v1/register?year=2026&format=csv", "clerk"), 422, "format",
                 "The format must be pdf or xlsx");
    BOOST_TEST(Get(std::string(kReport) + "&format=xlsx").status == 401);
    BOOST_TEST(Counts() == before);
}

BOOST_AUTO_TEST_SUITE_END()
