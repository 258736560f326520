// The KPI summary (migration 0022) against the naive GROUP BY and the pure functions, after random workflow actions
// through the Store, several threads at once: the triggers must keep every summary row what a recount gives.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/agency.h"
#include "model/dossier_code.h"
#include "model/error.h"
#include "model/kpi.h"
#include "model/postgres/store.h"
#include "model/workflow.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"
#include "tests/support/shipped_calendar.h"

using namespace motcua;
using namespace motcua::test;
using namespace std::chrono;

namespace {

// 1/3/2026 00:00 in Vietnam; the actions spread over the three months after it.
const Instant kStart = sys_days{2026y / February / 28} + hours{17};

struct Walker {
    Walker(pg::Store& s, const FixtureCatalogue& catalogue)
        : store(s),
          c(catalogue),
          procedures{catalogue.birthRegistration, catalogue.buildingPermit, catalogue.landDispute}
    {}

    pg::Store& store;
    const FixtureCatalogue& c;
    std::vector<Procedure> procedures;
    std::mutex mutex;
    std::vector<std::int64_t> dossiers;  // every dossier created so far
    std::atomic<int> applied{0};
    std::atomic<int> refused{0};
    // One clock for every thread, read after the dossier is: a dossier's history then runs forward in time (a
    // transition that read an older version is refused), as on a real server.
    std::atomic<long long> clock{kStart.time_since_epoch().count()};
    // Mostly the actions that lead to a result, when several are possible (the lists' test wants results granted).
    bool favourResults = false;

    Instant Tick(std::mt19937& random)
    {
        return Instant{seconds{clock.fetch_add(60 * static_cast<long long>(20 + random() % 200))}};
    }

    std::int64_t Pick(std::mt19937& random)
    {
        const std::lock_guard lock(mutex);
        if (favourResults &&
            random() % 4 != 0)  // one of the newest: its way to a result is short, its appointment near
            return dossiers[dossiers.size() - 1 - random() % std::min<std::size_t>(dossiers.size(), 4)];
        return dossiers[std::uniform_int_distribution<std::size_t>(0, dossiers.size() - 1)(random)];
    }

    void Create(std::mt19937& random, int serial)
    {
        const Instant now = Tick(random);
        const Procedure& procedure = procedures[random() % procedures.size()];
        const Agency& agency = random() % 3 == 0 ? c.otherCommune : c.commune;
        Dossier d = MakeNewDossier(procedure, agency, serial, now);
        d.channel = random() % 3 == 0 ? Channel::InPerson : Channel::Online;
        d.intakeDueAt = now + hours{8 + static_cast<int>(random() % 30)};
        const Dossier created = store.CreateDossier(d, agency.code, DossierCodeFormat(), now);
        const std::lock_guard lock(mutex);
        dossiers.push_back(created.id);
    }

    // One row of the workflow table from the dossier's state, with the request fields it needs, applied as a use case
    // would (the Store checks only the version and the state; the rules are the use cases', not under test here).
    void Act(std::mt19937& random)
    {
        const std::int64_t id = Pick(random);
        const std::optional<Dossier> d = store.FindDossier(id);
        if (!d)
            return;
        const Instant now = Tick(random);
        if (random() % 8 == 0) {  // a citizen's rating, also while the dossier is still open
            CitizenRating rating;
            rating.dossierId = id;
            for (int& s : rating.scores)
                s = random() % 6 == 0 ? 0 : 2;
            rating.ratedAt = now;
            store.SaveRating(rating, std::nullopt);
            return;
        }
        std::vector<const Transition*> rows;
        for (const Transition& t : TransitionTable())
            if (t.from.status == d->status && t.from.subState == d->subState)
                rows.push_back(&t);
        if (rows.empty())
            return;
        if (favourResults) {  // towards a result: every count then has dossiers to list
            std::vector<const Transition*> forward;
            for (const Transition* row : rows)
                if (row->action == Action::Accept || row->action == Action::Assign || row->action == Action::Claim ||
                    row->action == Action::ProposeResult || row->action == Action::Approve ||
                    row->action == Action::ReturnResult || row->action == Action::Supplement)
                    forward.push_back(row);
            if (!forward.empty() && random() % 4 != 0)
                rows = forward;
        }
        const Transition& t = *rows[random() % rows.size()];
        pg::TransitionRequest r;
        r.dossierId = id;
        r.expectedVersion = d->version;
        r.transition = &t;
        r.staffId = t.role == Role::Citizen ? std::nullopt : std::optional<std::int64_t>(c.handler.id);
        r.now = now;
        const Instant due = d->dueAt.value_or(now) + hours{24 * static_cast<int>(random() % 6)};
        switch (t.action) {
        case Action::Accept:
            r.change.receivedAt = now;
            r.change.dueAt = favourResults ? now + hours{6 + static_cast<int>(random() % 66)}
                                           : now + hours{24 * static_cast<int>(1 + random() % 12)};
            break;
        case Action::Reschedule:
            r.change.originalDueAt = d->dueAt;
            r.change.dueAt = due + hours{48};
            break;
        case Action::Forward:
            r.change.handlingAgencyId = random() % 2 ? c.department.id : c.otherCommune.id;
            r.change.unassign = true;
            break;
        case Action::Assign:
        case Action::Claim: r.change.assignedStaffId = c.handler.id; break;
        case Action::ProposeResult: r.change.outcome = random() % 4 == 0 ? Outcome::Refuse : Outcome::Grant; break;
        case Action::RequestSupplement:
            r.change.countSupplementAfterAppraisal = d->subState == SubState::Appraising;
            break;
        case Action::Supplement:
            if (random() % 2)
                r.change.dueAt = due;  // the processing time restarts
            break;
        default: break;
        }
        if ((t.action == Action::Approve || t.action == Action::ReturnResult) && random() % 2)
            r.outputs = [](const pg::TransitionOutcome&) {
                pg::StoredOutput out;
                out.kind = OutputKind::Result;
                out.bytes = {'%', 'P', 'D', 'F'};
                return std::vector{out};
            };
        try {
            store.ApplyTransition(r);
            ++applied;
        } catch (const Error&) {
            ++refused;  // another thread moved the dossier first, or a constraint of the tables said no
        }
    }
};

void CheckAgree(pg::Store& store, const KpiPeriod& period, const std::vector<std::int64_t>& agencies,
                std::int64_t& counted)
{
    KpiSummary summary;
    try {
        summary = store.Kpis(period, agencies, ShippedCalendar());
    } catch (const Error& e) {
        BOOST_FAIL(e.what() << ": " << e.Detail());
    }
    const KpiSummary naive = store.KpisNaive(period, agencies, ShippedCalendar());
    const KpiSummary pure = ComputeKpis(store.LoadKpiFacts(period, agencies), period, agencies, ShippedCalendar());
    BOOST_TEST((naive == pure));
    BOOST_TEST((summary.total == naive.total));
    BOOST_TEST(summary.byProcedure.size() == naive.byProcedure.size());
    for (const auto& [procedureId, figures] : naive.byProcedure) {
        BOOST_TEST_CONTEXT("procedure " << procedureId)
        {
            const auto found = summary.byProcedure.find(procedureId);
            BOOST_TEST_REQUIRE((found != summary.byProcedure.end()));
            const KpiFigures& s = found->second;
            BOOST_TEST(s.receivedCarriedOver == figures.receivedCarriedOver);
            BOOST_TEST(s.receivedOnline == figures.receivedOnline);
            BOOST_TEST(s.receivedInPerson == figures.receivedInPerson);
            BOOST_TEST(s.resolvedEarly == figures.resolvedEarly);
            BOOST_TEST(s.resolvedOnTime == figures.resolvedOnTime);
            BOOST_TEST(s.resolvedLate == figures.resolvedLate);
            BOOST_TEST(s.pendingWithinDeadline == figures.pendingWithinDeadline);
            BOOST_TEST(s.pendingOverdue == figures.pendingOverdue);
            BOOST_TEST(s.processingMinutes == figures.processingMinutes);
            BOOST_TEST(s.intakeAnswered == figures.intakeAnswered);
            BOOST_TEST(s.intakeConfirmedLate == figures.intakeConfirmedLate);
            BOOST_TEST(s.rated == figures.rated);
            BOOST_TEST((s == figures));
        }
    }
    counted += naive.total.Received() + naive.total.intakeAnswered;
}

// The dossiers behind every count, read a page at a time from kpi_dossier (Store::KpiDossiers), against those whose
// own contribution (DossierKpis over LoadKpiFacts, the list's reference) is not zero there: the same ids in the same
// order, pages joined, and the same total on every page, for the selection and for each procedure alone. `nonEmpty`
// collects the counts that listed something.
void CheckListsAgree(pg::Store& store, const KpiPeriod& period, std::vector<std::int64_t> agencies,
                     const std::vector<std::int64_t>& procedures, std::set<std::string>& nonEmpty)
{
    std::sort(agencies.begin(), agencies.end());
    const std::vector<DossierFacts> facts = store.LoadKpiFacts(period, agencies);
    std::vector<std::optional<std::int64_t>> filters = {std::nullopt};
    for (const std::int64_t id : procedures)
        filters.emplace_back(id);
    for (const KpiCount& count : kKpiCounts) {
        for (const std::optional<std::int64_t>& procedure : filters) {
            BOOST_TEST_CONTEXT(count.name << ", procedure " << procedure.value_or(0))
            {
                std::vector<std::int64_t> expected;
                for (const DossierFacts& f : facts)
                    if ((!procedure || f.procedureId == *procedure) &&
                        count.value(DossierKpis(f, period, agencies, ShippedCalendar())) > 0)
                        expected.push_back(f.id);
                std::sort(expected.begin(), expected.end(), std::greater<>());
                if (!expected.empty())
                    nonEmpty.insert(count.name);
                // About three pages, the last one short or empty.
                pg::KpiDossierQuery query;
                query.count = count.name;
                query.period = period;
                query.agencyIds = agencies;
                query.procedureId = procedure;
                query.limit = static_cast<int>(expected.size() / 3 + 1);
                std::vector<std::int64_t> listed;
                for (int guard = 0; guard < 10; ++guard) {
                    const std::optional<pg::KpiDossierPage> page = store.KpiDossiers(query, ShippedCalendar());
                    BOOST_TEST_REQUIRE(page.has_value());
                    BOOST_TEST(page->total == static_cast<std::int64_t>(expected.size()));
                    BOOST_TEST(page->ids.size() <= static_cast<std::size_t>(query.limit));
                    listed.insert(listed.end(), page->ids.begin(), page->ids.end());
                    if (!page->more)
                        break;
                    BOOST_TEST_REQUIRE(page->ids.size() == static_cast<std::size_t>(query.limit));
                    query.afterId = page->ids.back();
                }
                BOOST_TEST(listed == expected, boost::test_tools::per_element());
            }
        }
    }
}

// Keeps what the triggers built, recounts everything at once (kpi_rebuild, set-based) and compares, table by table:
// rows the triggers left at zero aside, both must hold the same rows.
template <typename Db>
void CheckRecountEqualsTriggers(Db& db)
{
    motcua::test::SqlConnection owner(db.OwnerConninfo());
    owner.Execute(
        "DROP TABLE IF EXISTS kept_dossier, kept_day, kept_month, kept_year;"
        "CREATE TABLE kept_dossier AS SELECT * FROM kpi_dossier;"
        "CREATE TABLE kept_day AS SELECT * FROM kpi_day;"
        "CREATE TABLE kept_month AS SELECT * FROM kpi_month;"
        "CREATE TABLE kept_year AS SELECT * FROM kpi_year;"
        "SELECT kpi_rebuild();");
    const auto differing = [&](const std::string& kept, const std::string& table, const std::string& nonZero) {
        return db.AdminCount("SELECT count(*) FROM ((SELECT * FROM " + kept + " WHERE " + nonZero +
                             " EXCEPT SELECT * FROM " + table + ") UNION ALL (SELECT * FROM " + table +
                             " EXCEPT SELECT * FROM " + kept + " WHERE " + nonZero + ")) x");
    };
    const std::string nonZero =
        "(received_online, received_in_person, closed, overdue_in, overdue_out, resolved_early, resolved_on_time,"
        " resolved_late, resolved_with_result, processing_minutes, intake_answered, intake_late, results_granted,"
        " electronic_results, digitised_with_electronic, rated, negative_ratings)"
        " <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)";
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM kpi_dossier") > 0);
    BOOST_TEST(differing("kept_dossier", "kpi_dossier", "true") == 0);
    BOOST_TEST(differing("kept_day", "kpi_day", nonZero) == 0);
    BOOST_TEST(differing("kept_month", "kpi_month", nonZero) == 0);
    BOOST_TEST(differing("kept_year", "kpi_year", nonZero) == 0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(postgres_kpi_summary)

BOOST_FIXTURE_TEST_CASE(summary_naive_and_pure_agree_after_concurrent_random_actions, StoreFixture)
{
    // The fixture's calendar (the shipped one) first, so that the actions' triggers count with it.
    BOOST_TEST(store.SyncKpiCalendar(ShippedCalendar()));
    BOOST_TEST(!store.SyncKpiCalendar(ShippedCalendar()));

    Walker walker(store, c);
    std::mt19937 setup(7);
    for (int i = 0; i < 60; ++i)
        walker.Create(setup, i + 1);

    // Four threads, each with its own clock running through the same three months, act on any dossier: two of them
    // often reach for the same one (a conflict, or a rating during a transition).
    constexpr int kThreads = 4;
    constexpr int kSteps = 400;
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    std::atomic<int> failures{0};
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            std::mt19937 random(100 + t);
            try {
                for (int step = 0; step < kSteps; ++step) {
                    if (random() % 10 == 0)
                        walker.Create(random, 1000 * (t + 1) + step);
                    else
                        walker.Act(random);
                }
            } catch (const std::exception& e) {
                BOOST_TEST_MESSAGE("thread " << t << ": " << e.what());
                ++failures;
            }
        });
    for (std::thread& thread : threads)
        thread.join();
    BOOST_TEST(failures.load() == 0);
    // Then a late summer, so that what was open at a day of July is read back from months that hold something.
    const long long lateSummer = (sys_days{2026y / August / 20} + hours{9}).time_since_epoch() / seconds{1};
    walker.clock = std::max(walker.clock.load(), lateSummer);
    std::mt19937 random(7);
    for (int step = 0; step < 120; ++step) {
        if (random() % 4 == 0)
            walker.Create(random, 9000 + step);
        else
            walker.Act(random);
    }
    BOOST_TEST_MESSAGE(walker.dossiers.size() << " dossiers, " << walker.applied.load() << " transitions applied, "
                                              << walker.refused.load() << " refused");
    BOOST_TEST(walker.applied.load() > 300);

    // The figures, for subtrees and periods of every shape the summary answers, and two it leaves to the GROUP BY
    // (a set of agencies that is not a subtree; a period not from midnight to midnight).
    const AgencyTree tree(store.LoadAgencies());
    const std::vector<std::vector<std::int64_t>> selections = {tree.SubtreeIds(c.province.id),
                                                               tree.SubtreeIds(c.department.id),
                                                               tree.SubtreeIds(c.commune.id),
                                                               tree.SubtreeIds(c.otherCommune.id),
                                                               {c.province.id, c.commune.id}};
    // What was open at 2 July is read back from the end of 2026 (fewer months to read than from January).
    std::vector<KpiPeriod> periods = {KpiPeriodOfDays(2026y / March / 1, 2026y / March / 31),
                                      KpiPeriodOfDays(2026y / April / 1, 2026y / April / 30),
                                      KpiPeriodOfDays(2026y / May / 1, 2026y / May / 31),
                                      KpiPeriodOfDays(2026y / January / 1, 2026y / December / 31),
                                      KpiPeriodOfDays(2026y / March / 17, 2026y / May / 9),
                                      KpiPeriodOfDays(2026y / April / 2, 2026y / April / 2),
                                      KpiPeriodOfDays(2026y / March / 10, 2026y / March / 25),
                                      KpiPeriodOfDays(2025y / December / 5, 2026y / April / 30),
                                      KpiPeriodOfDays(2025y / June / 15, 2027y / February / 10),
                                      KpiPeriodOfDays(2026y / July / 2, 2026y / July / 31),
                                      KpiPeriodOfDays(2026y / June / 20, 2026y / August / 10),
                                      KpiPeriod{kStart + hours{30}, kStart + days{40}}};
    std::int64_t counted = 0;
    for (std::size_t s = 0; s < selections.size(); ++s)
        for (std::size_t p = 0; p < periods.size(); ++p)
            BOOST_TEST_CONTEXT("selection " << s << ", period " << p)
    CheckAgree(store, periods[p], selections[s], counted);
    BOOST_TEST(counted > 500);

    // The dossiers behind each count, paged in SQL where the summary answers (the last selection and the last
    // period it leaves to the facts: the list then too).
    std::vector<std::int64_t> procedures;
    for (const Procedure& p : walker.procedures)
        procedures.push_back(p.id);
    std::set<std::string> nonEmpty;
    for (std::size_t s = 0; s < selections.size(); ++s)
        for (std::size_t p = 0; p < periods.size(); ++p)
            BOOST_TEST_CONTEXT("selection " << s << ", period " << p)
            {
                if (s + 1 < selections.size() && p + 1 < periods.size()) {
                    CheckListsAgree(store, periods[p], selections[s], procedures, nonEmpty);
                    continue;
                }
                pg::KpiDossierQuery query;
                query.count = "received";
                query.period = periods[p];
                query.agencyIds = selections[s];
                BOOST_TEST(!store.KpiDossiers(query, ShippedCalendar()).has_value());
            }
    for (const KpiCount& count : kKpiCounts)
        if (!nonEmpty.count(count.name))
            BOOST_TEST_MESSAGE("nothing listed under " << count.name);
    BOOST_TEST(nonEmpty.size() >= 12u);  // the threads' timing decides which results come

    // Every summary row is what a recount from scratch gives (zero rows left by additions and removals aside).
    CheckRecountEqualsTriggers(db);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM kpi_dossier WHERE end_bucket = 2") > 0);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM kpi_dossier WHERE rated AND end_at IS NOT NULL") > 0);

    // A new calendar (one more day off) recounts the processing minutes.
    CalendarSettings settings = ShippedCalendar().Settings();
    HolidayTable holidays = ShippedCalendar().Holidays();
    holidays.daysOff.push_back(2026y / April / 8);
    const WorkingCalendar other(settings, holidays);
    const KpiPeriod april = KpiPeriodOfDays(2026y / April / 1, 2026y / April / 30);
    const std::vector<std::int64_t> all = tree.SubtreeIds(c.province.id);
    BOOST_TEST((store.Kpis(april, all, other) == store.KpisNaive(april, all, other)));
    BOOST_TEST((store.Kpis(april, all, ShippedCalendar()) == store.KpisNaive(april, all, ShippedCalendar())));
}

BOOST_FIXTURE_TEST_CASE(the_set_based_recount_of_a_data_set_equals_what_the_triggers_built, StoreFixture)
{
    BOOST_TEST(store.SyncKpiCalendar(ShippedCalendar()));
    // One thread: the same data set every run, with pauses (supplement requests), several ends, ratings, results.
    Walker walker(store, c);
    std::mt19937 random(11);
    for (int i = 0; i < 40; ++i)
        walker.Create(random, i + 1);
    for (int step = 0; step < 900; ++step)
        walker.Act(random);
    walker.favourResults = true;
    for (int step = 0; step < 600; ++step) {
        if (step % 6 == 0)
            walker.Create(random, 100 + step);
        else
            walker.Act(random);
    }
    BOOST_TEST(db.AdminCount("SELECT count(DISTINCT dossier_id) FROM dossier_pause") > 0);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM kpi_dossier WHERE end_at IS NOT NULL") > 0);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM kpi_dossier WHERE end_at IS NOT NULL AND dossier_id NOT IN"
                             " (SELECT dossier_id FROM dossier_pause)") > 0);
    CheckRecountEqualsTriggers(db);

    // The figures read from the recounted tables, over periods that take years, months and days.
    const AgencyTree tree(store.LoadAgencies());
    std::int64_t counted = 0;
    for (const KpiPeriod& period :
         {KpiPeriodOfDays(2026y / January / 1, 2026y / December / 31),
          KpiPeriodOfDays(2025y / June / 15, 2027y / February / 10),
          KpiPeriodOfDays(2026y / April / 1, 2027y / March / 31), KpiPeriodOfDays(2026y / March / 17, 2026y / May / 9)})
        CheckAgree(store, period, tree.SubtreeIds(c.province.id), counted);
    BOOST_TEST(counted > 0);

    // The dossiers behind each count, paused ones among them (their pauses decide when they are overdue and how they
    // ended), for the province and each commune, over periods whose ends fall amid the walk.
    std::vector<std::int64_t> procedures;
    for (const Procedure& p : walker.procedures)
        procedures.push_back(p.id);
    std::set<std::string> nonEmpty;
    for (const std::int64_t root : {c.province.id, c.commune.id, c.otherCommune.id, c.department.id})
        for (const KpiPeriod& period : {KpiPeriodOfDays(2026y / January / 1, 2026y / December / 31),
                                        KpiPeriodOfDays(2026y / March / 1, 2026y / March / 20),
                                        KpiPeriodOfDays(2026y / March / 21, 2026y / April / 6),
                                        KpiPeriodOfDays(2026y / April / 7, 2026y / April / 7),
                                        KpiPeriodOfDays(2026y / April / 8, 2026y / June / 30)})
            CheckListsAgree(store, period, tree.SubtreeIds(root), procedures, nonEmpty);
    // Every count but the digitised one (the walk stores no files) listed some dossiers somewhere.
    for (const KpiCount& count : kKpiCounts)
        if (!nonEmpty.count(count.name))
            BOOST_TEST_MESSAGE("nothing listed under " << count.name);
    BOOST_TEST(nonEmpty.size() == std::size(kKpiCounts) - 1);
    BOOST_TEST(!nonEmpty.count("digitisedWithElectronicResult"));

    // A name that is no count is the caller's mistake.
    pg::KpiDossierQuery query;
    query.count = "onTimeRate";
    query.period = KpiPeriodOfDays(2026y / March / 1, 2026y / March / 31);
    query.agencyIds = tree.SubtreeIds(c.province.id);
    BOOST_CHECK_THROW(store.KpiDossiers(query, ShippedCalendar()), Error);
}

BOOST_AUTO_TEST_SUITE_END()
