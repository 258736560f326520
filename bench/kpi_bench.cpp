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
        const LatencySummary slow =
            Summarise(Time(options.naiveRounds, [&] { naive = store.KpisNaive(f.period, f.agencies, calendar); }));
        const bool same = summary == naive;
        status = same ? status : 1;
        out << ", naive " << Fixed(slow.p50, 0) << " ms, ratio " << Ratio(slow.p50, fast.p50, 0) << ", "
            << summary.byProcedure.size() << " procedures, " << summary.total.Received()
            << " dossiers received or carried over, figures " << (same ? "identical" : "DIFFERENT") << std::endl;
    }
    return status;
}

}  // namespace motcua::bench
