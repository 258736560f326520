#include "bench/kpi_bench.h"

#include <chrono>
#include <functional>
#include <ostream>
#include <vector>

#include "bench/measurement.h"
#include "model/agency.h"
#include "model/kpi.h"
#include "model/postgres/store.h"
#include "tests/support/shipped_calendar.h"
#include "tests/support/test_database.h"

namespace motcua::bench {
namespace {

using namespace std::chrono;

// A typical ward of the generated province (bench/generate_catalogue.sql), as the queues bench takes it.
constexpr std::int64_t kTypicalAgency = 100;

struct Figure {
    std::string label;
    KpiPeriod period;
    std::vector<std::int64_t> agencies;
};

// The naive GROUP BY of the text: counts per procedure over the dossier table alone (received online and in
// person in the period, carried over into it, still open and past the appointment at its end), without the history,
// pauses or working time the real figures need. A floor for any naive query, so the ratio against it is the
// conservative one.
std::string PlainCounts(const Figure& f)
{
    std::string ids;
    for (std::int64_t id : f.agencies)
        ids += (ids.empty() ? "" : ",") + std::to_string(id);
    const std::string from = "to_timestamp(" + std::to_string(f.period.from.time_since_epoch().count()) + ")";
    const std::string to = "to_timestamp(" + std::to_string(f.period.to.time_since_epoch().count()) + ")";
    const std::string open = "d.status NOT IN (7, 8, 9, 10)";
    return "SELECT count(*) FROM (SELECT d.procedure_id,"
           " count(*) FILTER (WHERE d.channel = 2 AND d.received_at >= " +
           from +
           ") AS online,"
           " count(*) FILTER (WHERE d.channel <> 2 AND d.received_at >= " +
           from +
           ") AS in_person,"
           " count(*) FILTER (WHERE d.received_at < " +
           from +
           ") AS carried_over,"
           " count(*) FILTER (WHERE " +
           open + " AND d.due_at < " + to +
           ") AS overdue"
           " FROM dossier d WHERE d.handling_agency_id = ANY (CAST('{" +
           ids +
           "}' AS bigint[]))"
           " AND d.received_at < " +
           to + " AND (d.received_at >= " + from + " OR " + open +
           ")"
           " GROUP BY d.procedure_id) x";
}

std::vector<double> Time(int rounds, const std::function<void()>& work)
{
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
        const SteadyClock::time_point start = SteadyClock::now();
        work();
        ms.push_back(Milliseconds(SteadyClock::now() - start));
    }
    return ms;
}

}  // namespace

int RunKpiBench(const KpiBenchOptions& options, std::ostream& out)
{
    pg::Store store(options.conninfo, 2);
    store.SetDefaultScope(pg::AccessScope::All());
    const WorkingCalendar& calendar = test::ShippedCalendar();

    const SteadyClock::time_point syncStart = SteadyClock::now();
    const bool rebuilt = store.SyncKpiCalendar(calendar);
    out << "calendar sync: " << Fixed(SecondsSince(syncStart), 1) << " s"
        << (rebuilt ? " (the summary was recounted with the shipped calendar)" : " (already current)") << "\n";

    const AgencyTree tree(store.LoadAgencies());
    std::int64_t province = 0;
    for (const Agency& a : tree.All())
        if (!a.parentId)
            province = a.id;
    const std::vector<Figure> figures = {
        {"province-wide year 2025", KpiPeriodOfDays(2025y / January / 1, 2025y / December / 31),
         tree.SubtreeIds(province)},
        {"one ward's month (October 2026)", KpiPeriodOfDays(2026y / October / 1, 2026y / October / 31),
         tree.SubtreeIds(kTypicalAgency)},
        {"province, 12 months to 30/11/2026, per procedure",
         KpiPeriodOfDays(2025y / December / 1, 2026y / November / 30), tree.SubtreeIds(province)},
    };
    int status = 0;
    for (const Figure& f : figures) {
        KpiSummary summary, naive;
        summary = store.Kpis(f.period, f.agencies, calendar);  // unmeasured: caches
        const LatencySummary fast =
            Summarise(Time(options.rounds, [&] { summary = store.Kpis(f.period, f.agencies, calendar); }));
        // Shown before the naive rounds start: at 10 M dossiers one of them takes minutes.
        out << f.label << ": summary " << Fixed(fast.p50, 1) << " ms (p95 " << Fixed(fast.p95, 1) << ")" << std::flush;
        test::SqlConnection plain(options.conninfo);
        plain.Execute("SELECT set_config('motcua.scope', 'all', false)");
        const std::string plainSql = PlainCounts(f);
        plain.Scalar(plainSql);  // unmeasured: caches
        const LatencySummary counts = Summarise(Time(options.rounds, [&] { plain.Scalar(plainSql); }));
        out << ", plain GROUP BY " << Fixed(counts.p50, 1) << " ms (ratio " << Ratio(counts.p50, fast.p50, 1) << ")"
            << std::flush;
        if (options.naiveRounds == 0) {  // the summary against the plain count only, in a minute at 10 M
            out << ", " << summary.byProcedure.size() << " procedures, naive query not run" << std::endl;
            continue;
        }
        const LatencySummary slow =
            Summarise(Time(options.naiveRounds, [&] { naive = store.KpisNaive(f.period, f.agencies, calendar); }));
        const bool same = summary == naive;
        status = same ? status : 1;
        out << ", naive (every figure) " << Fixed(slow.p50, 0) << " ms, ratio " << Ratio(slow.p50, fast.p50, 0) << ", "
            << summary.byProcedure.size() << " procedures, " << summary.total.Received()
            << " dossiers received or carried over, figures " << (same ? "identical" : "DIFFERENT") << std::endl;
    }
    return status;
}

}  // namespace motcua::bench
