// The KPI figures counted by PostgreSQL (Store::Kpis) against the pure functions over the loaded facts
// (ComputeKpis(LoadKpiFacts)): the demo province's generated histories, figure by figure and per procedure.
#include "model/kpi.h"

#include <chrono>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "demo/demo_seeder.h"
#include "model/agency.h"
#include "model/error.h"
#include "model/postgres/store.h"
#include "tests/postgres/store_fixture.h"
#include "tests/support/shipped_calendar.h"
#include "tests/support/test_database.h"

using namespace motcua;
using namespace std::chrono;
using motcua::test::ShippedCalendar;

namespace {

// 27/11/2026 09:20 in Vietnam: the demo's dossiers spread over the 90 days before it.
const Instant kNow = sys_days{2026y / November / 27} + hours{2} + minutes{20};

void CheckFigures(const KpiFigures& sql, const KpiFigures& pure)
{
    BOOST_TEST(sql.receivedCarriedOver == pure.receivedCarriedOver);
    BOOST_TEST(sql.receivedOnline == pure.receivedOnline);
    BOOST_TEST(sql.receivedInPerson == pure.receivedInPerson);
    BOOST_TEST(sql.resolvedEarly == pure.resolvedEarly);
    BOOST_TEST(sql.resolvedOnTime == pure.resolvedOnTime);
    BOOST_TEST(sql.resolvedLate == pure.resolvedLate);
    BOOST_TEST(sql.pendingWithinDeadline == pure.pendingWithinDeadline);
    BOOST_TEST(sql.pendingOverdue == pure.pendingOverdue);
    BOOST_TEST(sql.resolvedWithResult == pure.resolvedWithResult);
    BOOST_TEST(sql.processingMinutes == pure.processingMinutes);
    BOOST_TEST(sql.intakeAnswered == pure.intakeAnswered);
    BOOST_TEST(sql.intakeConfirmedLate == pure.intakeConfirmedLate);
    BOOST_TEST(sql.resultsGranted == pure.resultsGranted);
    BOOST_TEST(sql.electronicResults == pure.electronicResults);
    BOOST_TEST(sql.digitisedWithElectronicResult == pure.digitisedWithElectronicResult);
    BOOST_TEST(sql.rated == pure.rated);
    BOOST_TEST(sql.negativeRatings == pure.negativeRatings);
    BOOST_TEST((sql == pure));  // and any figure added later
}

void CheckSummaries(const KpiSummary& sql, const KpiSummary& pure)
{
    CheckFigures(sql.total, pure.total);
    BOOST_TEST(sql.byProcedure.size() == pure.byProcedure.size());
    for (const auto& [procedureId, figures] : pure.byProcedure) {
        BOOST_TEST_CONTEXT("procedure " << procedureId)
        {
            const auto found = sql.byProcedure.find(procedureId);
            BOOST_REQUIRE(found != sql.byProcedure.end());
            CheckFigures(found->second, figures);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(postgres_kpis)

BOOST_AUTO_TEST_CASE(sql_and_pure_functions_agree_on_the_demo_province)
{
    motcua::test::TestDatabase db;
    pg::Store store(db.AppConninfo(), 2);
    store.SetDefaultScope(pg::AccessScope::All());
    demo::SeedOptions options;
    options.dossiers = 3000;
    options.now = kNow;
    const demo::SeedSummary seeded =
        demo::SeedDemo(store, options, ShippedCalendar(), [](const std::string& p) { return "test-hash:" + p; });
    // What the generator does not make: a second supplement request after appraisal (half of the dossiers that had
    // one get another a minute later), scans (every third dossier's first document), citizens' ratings (every fifth
    // ended dossier, a third of them with a 0) and electronic results (every other grant; one in ten of those revoked
    // since).
    motcua::test::SqlConnection owner(db.OwnerConninfo());
    owner.Execute(
        "INSERT INTO dossier_rating (dossier_id, scores, rated_at)"
        " SELECT id, CASE WHEN id % 3 = 0 THEN CAST('{2,2,1,2,0,2,2,2,2}' AS smallint[])"
        " ELSE CAST('{2,2,2,2,2,1,2,2,2}' AS smallint[]) END, updated_at"
        " FROM dossier WHERE status IN (8, 9, 10) AND id % 5 = 0;"
        "INSERT INTO dossier_output (dossier_id, kind, bytes, media_type, created_at, revoked_at,"
        " revoked_reason)"
        " SELECT id, 7, CAST('%PDF' AS bytea), 'application/pdf', updated_at,"
        " CASE WHEN id % 20 = 0 THEN updated_at END, CASE WHEN id % 20 = 0 THEN 'sai sót' END"
        " FROM dossier WHERE status IN (9, 10) AND outcome = 1 AND id % 2 = 0;"
        "INSERT INTO dossier_event (dossier_id, at, action, role, staff_id, from_status, from_sub_state,"
        " to_status, to_sub_state, note)"
        " SELECT dossier_id, at + interval '1 minute', action, role, staff_id, from_status, from_sub_state,"
        " to_status, to_sub_state, note FROM dossier_event"
        " WHERE action = 3 AND from_sub_state = 3 AND dossier_id % 2 = 0;"
        "INSERT INTO dossier_attachment (dossier_id, position, document_position, file_name, media_type, size,"
        " sha256, bytes, created_at)"
        " SELECT dossier_id, 1, position, 'scan.pdf', 'application/pdf', 4, sha256(CAST('%PDF' AS bytea)),"
        " CAST('%PDF' AS bytea), now() FROM dossier_document WHERE position = 1 AND dossier_id % 3 = 0");

    const AgencyTree tree(store.LoadAgencies());
    std::vector<std::int64_t> all;
    std::int64_t department = 0;
    std::int64_t ward = 0;
    for (const Agency& a : tree.All()) {
        all.push_back(a.id);
        if (!department && a.level == AgencyLevel::Department)
            department = a.id;
        if (a.code == seeded.demoAgencyCode)
            ward = a.id;
    }
    const std::int64_t province = tree.All().front().id;

    // The generator's variety, checked so that the comparison below covers it.
    const KpiPeriod everything{kNow - days{400}, kNow + days{1}};
    const std::vector<DossierFacts> facts = store.LoadKpiFacts(everything, all);
    int paused = 0, rescheduled = 0, forwarded = 0, stopped = 0, second = 0, intake = 0, rated = 0, electronic = 0,
        digitised = 0;
    for (const DossierFacts& f : facts) {
        paused += f.pauses.empty() ? 0 : 1;
        rescheduled += f.originalDueAt ? 1 : 0;
        forwarded += f.agencyId != f.receivingAgencyId ? 1 : 0;
        stopped += f.endAt && !f.endedWithResult ? 1 : 0;
        second += f.secondSupplementAt ? 1 : 0;
        intake += f.intakeAnsweredAt && !f.receivedAt ? 1 : 0;
        rated += f.negativeRating ? 1 : 0;
        electronic += f.electronicResult ? 1 : 0;
        digitised += f.digitised ? 1 : 0;
    }
    BOOST_TEST_MESSAGE(facts.size() << " dossiers: " << paused << " paused, " << rescheduled << " rescheduled, "
                                    << forwarded << " forwarded, " << stopped << " ended without a result, " << second
                                    << " with a second supplement request, " << intake << " not received, " << rated
                                    << " rated badly, " << electronic << " with an electronic result, " << digitised
                                    << " digitised");
    BOOST_TEST(facts.size() > 2500u);
    BOOST_TEST(paused > 0);
    BOOST_TEST(rescheduled > 0);
    BOOST_TEST(forwarded > 0);
    BOOST_TEST(stopped > 0);
    BOOST_TEST(second > 0);
    BOOST_TEST(intake > 0);
    BOOST_TEST(rated > 0);
    BOOST_TEST(electronic > 0);
    BOOST_TEST(digitised > 0);

    struct Selection {
        std::string name;
        std::vector<std::int64_t> agencies;
    };
    const std::vector<Selection> selections = {
        {"the province", tree.SubtreeIds(province)},
        {"a department", tree.SubtreeIds(department)},
        {"a ward", tree.SubtreeIds(ward)},
    };
    const std::vector<std::pair<std::string, KpiPeriod>> periods = {
        {"September", KpiPeriodOfDays(2026y / September / 1, 2026y / September / 30)},
        {"October", KpiPeriodOfDays(2026y / October / 1, 2026y / October / 31)},
        {"November", KpiPeriodOfDays(2026y / November / 1, 2026y / November / 30)},
        {"10–20 November", KpiPeriodOfDays(2026y / November / 10, 2026y / November / 20)},
        {"the year", KpiPeriodOfDays(2026y / January / 1, 2026y / December / 31)},
    };
    std::int64_t seen = 0;
    for (const Selection& s : selections) {
        for (const auto& [name, period] : periods) {
            BOOST_TEST_CONTEXT(s.name << ", " << name)
            {
                const KpiSummary pure =
                    ComputeKpis(store.LoadKpiFacts(period, s.agencies), period, s.agencies, ShippedCalendar());
                const KpiSummary sql = store.Kpis(period, s.agencies, ShippedCalendar());
                CheckSummaries(sql, pure);
                seen += pure.total.Received();
            }
        }
    }
    BOOST_TEST(seen > 3000);

    // Every dossier of the year is in the province's figures once: received = resolved + pending.
    const auto started = steady_clock::now();
    const KpiSummary year = store.Kpis(periods.back().second, all, ShippedCalendar());
    const auto counted = steady_clock::now();
    const KpiSummary yearPure =
        ComputeKpis(store.LoadKpiFacts(periods.back().second, all), periods.back().second, all, ShippedCalendar());
    BOOST_TEST_MESSAGE("the province's year: SQL "
                       << duration_cast<milliseconds>(counted - started).count() << " ms, facts and pure functions "
                       << duration_cast<milliseconds>(steady_clock::now() - counted).count() << " ms; on time "
                       << year.total.OnTimeRate().value_or(0) << ", " << year.total.AverageProcessingHours().value_or(0)
                       << " h");
    BOOST_TEST((year == yearPure));
    BOOST_TEST(year.total.Received() == year.total.Resolved() + year.total.Pending());
    BOOST_TEST(year.total.resolvedLate > 0);
    BOOST_TEST(year.total.resolvedEarly > 0);
    BOOST_TEST(year.total.pendingOverdue > 0);
    BOOST_TEST(year.total.processingMinutes > 0);
}

// A period ending before it starts is refused before any SQL; an empty one, or no agency, counts nothing.
BOOST_FIXTURE_TEST_CASE(periods_and_selections_at_the_edges, motcua::test::StoreFixture)
{
    const KpiPeriod november = KpiPeriodOfDays(2026y / November / 1, 2026y / November / 30);
    const KpiPeriod reversed{november.to, november.from};
    const std::vector<std::int64_t> agencies{c.commune.id};
    try {
        store.Kpis(reversed, agencies, ShippedCalendar());
        BOOST_ERROR("a reversed period was accepted");
    } catch (const Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::BadInput));
        BOOST_TEST(e.Field() == "to");
    }
    BOOST_CHECK_THROW(store.LoadKpiFacts(reversed, agencies), Error);
    BOOST_TEST(store.Kpis(KpiPeriod{november.from, november.from}, agencies, ShippedCalendar()).total.Empty());
    BOOST_TEST(store.Kpis(november, {}, ShippedCalendar()).total.Empty());
    BOOST_TEST(store.LoadKpiFacts(november, {}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
