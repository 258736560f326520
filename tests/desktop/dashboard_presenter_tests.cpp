// DashboardPresenter with a fake KPI API: the periods, the agencies offered, what the tiles, charts and rankings
// show, and every figure opening the list of its dossiers. Also the /kpis document as the client reads it.
#include <map>

#include <boost/test/unit_test.hpp>

#include "desktop/dashboard_presenter.h"
#include "desktop/staff_api_client.h"
#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;
using views::PeriodKind;

namespace {

Date Day(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

class FakeDashboardView final : public views::IDashboardView {
public:
    views::IDashboardListener* listener = nullptr;
    std::vector<std::string> agencies;
    std::size_t selected = 0;
    PeriodKind kind = PeriodKind::Month;
    Date from{};
    Date to{};
    std::string heading;
    std::vector<views::DashboardTile> tiles;
    views::ChartData trend;
    views::ChartData overdue;
    views::RankingTable agencyRanking;
    views::RankingTable procedureRanking;
    std::string status;

    void SetListener(views::IDashboardListener* l) override { listener = l; }
    void SetAgencies(const std::vector<std::string>& names, std::size_t chosen) override
    {
        agencies = names;
        selected = chosen;
    }
    void SetPeriod(PeriodKind k, Date f, Date t) override
    {
        kind = k;
        from = f;
        to = t;
    }
    void SetHeading(const std::string& text) override { heading = text; }
    void ShowTiles(const std::vector<views::DashboardTile>& t) override { tiles = t; }
    void ShowTrend(const views::ChartData& chart) override { trend = chart; }
    void ShowOverdue(const views::ChartData& chart) override { overdue = chart; }
    void ShowAgencyRanking(const views::RankingTable& table) override { agencyRanking = table; }
    void ShowProcedureRanking(const views::RankingTable& table) override { procedureRanking = table; }
    void SetStatus(const std::string& text) override { status = text; }

    const views::DashboardTile& Tile(const std::string& label) const
    {
        for (const views::DashboardTile& t : tiles)
            if (t.label == label)
                return t;
        BOOST_FAIL("no tile " + label);
        return tiles.front();
    }
};

class RecordingFigures final : public IFigureListener {
public:
    std::vector<ListSource> chosen;
    void FigureChosen(const ListSource& source) override { chosen.push_back(source); }
};

KpiCounts Counts(std::int64_t received, std::int64_t late, std::int64_t overdue, std::optional<double> onTime)
{
    KpiCounts c;
    c.received = received;
    c.receivedOnline = received / 2;
    c.receivedInPerson = received - received / 2;
    c.resolved = late + 2;
    c.resolvedEarly = 2;
    c.resolvedLate = late;
    c.pendingOverdue = overdue;
    c.pending = overdue;
    c.onTimeRate = onTime;
    c.averageProcessingHours = 12.25;
    c.onlineSubmissionRate = 0.5;
    c.intakeConfirmedLate = 1;
    return c;
}

StaffMember ProvinceManager()
{
    StaffMember staff;
    staff.id = 9;
    staff.role = Role::Manager;
    staff.agencyId = 1;
    staff.agencyName = "UBND tỉnh";
    return staff;
}

// A province manager on 15 Nov 2026: the province (1) with a department (2) and two communes (3, 4; 4 below 2).
struct DashboardFixture {
    DashboardFixture()
    {
        api.agencies = {{1, "P", "UBND tỉnh", std::nullopt},
                        {2, "D", "Sở Tư pháp", 1},
                        {3, "C1", "UBND phường Một", 1},
                        {4, "C2", "UBND xã Hai", 2},
                        {5, "X", "Tỉnh khác", std::nullopt}};
        KpiReport province;
        province.agency = {1, "P", "UBND tỉnh"};
        province.total = Counts(40, 3, 5, 0.8);
        province.byProcedure = {{"1.001193", "Đăng ký khai sinh", Counts(30, 1, 2, 0.9)},
                                {"2.000001", "Cấp phép", Counts(10, 2, 3, 0.5)}};
        api.reports["2026-11-01|2026-11-30|P"] = province;
        api.reports["2026-11-01|2026-11-30|D"] = KpiReport{{2, "D", "Sở Tư pháp"}, Counts(10, 0, 4, 0.6), {}};
        api.reports["2026-11-01|2026-11-30|C1"] = KpiReport{{3, "C1", "UBND phường Một"}, Counts(30, 3, 1, 0.9), {}};
        api.reports["2026-10-01|2026-10-31|P"] = KpiReport{{1, "P", "UBND tỉnh"}, Counts(25, 0, 0, 1.0), {}};
    }
    void Start()
    {
        presenter.Start();
        tasks.RunAll();
    }

    FakeKpiApi api;
    FakeDashboardView view;
    ManualTaskRunner tasks;
    RecordingAlert alert;
    FixedClock clock{At(2026, 11, 15, 10, 0)};
    RecordingFigures figures;
    DashboardPresenter presenter{view, api, tasks, alert, clock, figures, ProvinceManager()};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(dashboard)

BOOST_AUTO_TEST_CASE(a_period_is_the_month_quarter_or_year_holding_a_day)
{
    struct Case {
        const char* name;
        PeriodKind kind;
        Date day;
        Date first;
        Date last;
    };
    // clang-format off
    const Case cases[] = {
        {"month",            PeriodKind::Month,   Day(2026, 11, 15), Day(2026, 11, 1), Day(2026, 11, 30)},
        {"february of 2028", PeriodKind::Month,   Day(2028, 2, 3),   Day(2028, 2, 1),  Day(2028, 2, 29)},
        {"first quarter",    PeriodKind::Quarter, Day(2026, 3, 31),  Day(2026, 1, 1),  Day(2026, 3, 31)},
        {"fourth quarter",   PeriodKind::Quarter, Day(2026, 11, 15), Day(2026, 10, 1), Day(2026, 12, 31)},
        {"year",             PeriodKind::Year,    Day(2026, 6, 9),   Day(2026, 1, 1),  Day(2026, 12, 31)},
        {"custom",           PeriodKind::Custom,  Day(2026, 6, 9),   Day(2026, 6, 9),  Day(2026, 6, 9)},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            const auto [first, last] = PeriodHolding(c.kind, c.day);
            BOOST_TEST((first == c.first));
            BOOST_TEST((last == c.last));
        }
    }
    const auto months = TwelveMonthsTo(Day(2026, 2, 10));
    BOOST_REQUIRE(months.size() == 12u);
    BOOST_TEST((months.front().first == Day(2025, 3, 1)));
    BOOST_TEST((months.back().first == Day(2026, 2, 1)));
    BOOST_TEST((months.back().second == Day(2026, 2, 28)));
}

BOOST_AUTO_TEST_CASE(the_agencies_offered_are_the_user_s_subtree_and_only_its_own_for_other_roles)
{
    const std::vector<AgencyRef> all = {
        {1, "P", "P", std::nullopt}, {2, "D", "D", 1}, {3, "C", "C", 2}, {4, "O", "O", std::nullopt}};
    const auto subtree = AgencySubtree(all, 1, true);
    BOOST_REQUIRE(subtree.size() == 3u);
    BOOST_TEST(subtree[0].first.code == "P");
    BOOST_TEST(subtree[1].first.code == "D");
    BOOST_TEST(subtree[1].second == 1);
    BOOST_TEST(subtree[2].first.code == "C");
    BOOST_TEST(subtree[2].second == 2);
    BOOST_TEST(AgencySubtree(all, 2, false).size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(the_tiles_show_the_figures_of_the_month_and_each_opens_its_dossiers, DashboardFixture)
{
    Start();
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST((view.from == Day(2026, 11, 1)));
    BOOST_TEST((view.to == Day(2026, 11, 30)));
    BOOST_REQUIRE(view.agencies.size() == 4u);  // the province, its department, the commune below it, the commune
    BOOST_TEST(view.agencies[0] == "UBND tỉnh");
    BOOST_TEST(view.agencies[2] == "        UBND xã Hai");
    BOOST_TEST(view.heading == "UBND tỉnh — 01/11/2026 – 30/11/2026");
    BOOST_TEST(view.status == "");

    BOOST_TEST(view.Tile("Received").value == "40");
    BOOST_TEST(view.Tile("On-time rate").value == "80.0 %");
    BOOST_TEST(view.Tile("On-time rate").alarm);
    BOOST_TEST(view.Tile("Pending overdue").value == "5");
    BOOST_TEST(view.Tile("Average processing").value == "12.2");
    BOOST_TEST(view.Tile("Online submissions").value == "50.0 %");
    BOOST_TEST(view.Tile("Intake confirmed late").value == "1");

    view.listener->DrillChosen(view.Tile("Pending overdue").drill);
    BOOST_REQUIRE(figures.chosen.size() == 1u);
    const ListSource& overdue = figures.chosen[0];
    BOOST_TEST((overdue.kind == ListSource::Kind::Figure));
    BOOST_TEST(overdue.drill.figure == "pendingOverdue");
    BOOST_TEST(overdue.drill.query.from == "2026-11-01");
    BOOST_TEST(overdue.drill.query.to == "2026-11-30");
    BOOST_TEST(overdue.drill.query.agencyCode == "P");
    BOOST_TEST(overdue.title == "Pending overdue — UBND tỉnh — 01/11/2026 – 30/11/2026");
    view.listener->DrillChosen(view.Tile("On-time rate").drill);
    BOOST_TEST(figures.chosen.back().drill.figure == "resolvedLate");
    view.listener->DrillChosen(view.Tile("Intake confirmed late").drill);
    BOOST_TEST(figures.chosen.back().drill.figure == "intakeConfirmedLate");
    view.listener->DrillChosen(views::kNoDrill);
    view.listener->DrillChosen(100000);
    BOOST_TEST(figures.chosen.size() == 3u);
}

BOOST_FIXTURE_TEST_CASE(the_trend_asks_twelve_months_and_opens_a_month_s_receipts, DashboardFixture)
{
    Start();
    BOOST_REQUIRE(view.trend.bars.size() == 12u);
    BOOST_REQUIRE(view.trend.line.size() == 12u);
    BOOST_TEST(view.trend.bars.front().label == "12/2025");
    BOOST_TEST(view.trend.bars.back().label == "11/2026");
    BOOST_TEST(view.trend.bars[11].value == 40.0);
    BOOST_TEST(view.trend.bars[10].value == 25.0);
    BOOST_TEST(view.trend.line[10].value() == 1.0);
    BOOST_TEST(!view.trend.line[0].has_value());  // an empty month has no rate
    std::size_t monthly = 0;
    for (const KpiQuery& call : api.calls)
        if (call.agencyCode == "P")
            ++monthly;
    BOOST_TEST(monthly == 12u + 1u);                // the twelve months and the period itself (November twice)
    BOOST_TEST(api.calls.size() == 12u + 1u + 2u);  // and the two agencies right below

    view.listener->DrillChosen(view.trend.bars[10].drill);
    BOOST_REQUIRE(figures.chosen.size() == 1u);
    BOOST_TEST(figures.chosen[0].drill.figure == "received");
    BOOST_TEST(figures.chosen[0].drill.query.from == "2026-10-01");
    BOOST_TEST(figures.chosen[0].drill.query.to == "2026-10-31");
}

BOOST_FIXTURE_TEST_CASE(the_agencies_below_are_ranked_and_their_overdue_bars_open_their_lists, DashboardFixture)
{
    Start();
    // Right below the province: the department (its subtree: the commune below it) and the first commune.
    BOOST_REQUIRE(view.agencyRanking.rows.size() == 2u);
    BOOST_TEST(view.agencyRanking.rows[0].cells[0] == "UBND phường Một");  // 90 % before 60 %
    BOOST_TEST(view.agencyRanking.rows[0].cells[3] == "90.0 %");
    BOOST_TEST(view.agencyRanking.rows[1].cells[0] == "Sở Tư pháp");
    BOOST_REQUIRE(view.overdue.bars.size() == 2u);
    BOOST_TEST(view.overdue.bars[0].label == "Sở Tư pháp");  // 4 overdue before 1
    BOOST_TEST(view.overdue.bars[0].value == 4.0);
    view.listener->DrillChosen(view.overdue.bars[0].drill);
    BOOST_REQUIRE(figures.chosen.size() == 1u);
    BOOST_TEST(figures.chosen[0].drill.figure == "pendingOverdue");
    BOOST_TEST(figures.chosen[0].drill.query.agencyCode == "D");
    BOOST_TEST(figures.chosen[0].title == "Pending overdue — Sở Tư pháp — 01/11/2026 – 30/11/2026");

    // The procedures, the better on-time rate first; a row opens that procedure's receipts.
    BOOST_REQUIRE(view.procedureRanking.rows.size() == 2u);
    BOOST_TEST(view.procedureRanking.rows[0].cells[0] == "Đăng ký khai sinh");
    view.listener->DrillChosen(view.procedureRanking.rows[1].drill);
    BOOST_TEST(figures.chosen.back().drill.procedureCode == "2.000001");
    BOOST_TEST(figures.chosen.back().drill.figure == "received");

    // Choosing the department: its figures, and below it the commune alone.
    view.listener->AgencyChosen(1);
    tasks.RunAll();
    BOOST_TEST(view.heading == "Sở Tư pháp — 01/11/2026 – 30/11/2026");
    BOOST_TEST(view.Tile("Pending overdue").value == "4");
    BOOST_REQUIRE(view.agencyRanking.rows.size() == 1u);
    BOOST_TEST(view.agencyRanking.rows[0].cells[0] == "UBND xã Hai");
}

BOOST_FIXTURE_TEST_CASE(another_period_asks_again_and_a_custom_one_must_not_end_before_it_starts, DashboardFixture)
{
    Start();
    view.listener->PeriodKindChosen(PeriodKind::Quarter);
    tasks.RunAll();
    BOOST_TEST((view.from == Day(2026, 10, 1)));
    BOOST_TEST((view.to == Day(2026, 12, 31)));
    BOOST_TEST(api.calls.back().to == "2026-12-31");
    BOOST_TEST(presenter.Query().from == "2026-10-01");

    view.listener->PeriodKindChosen(PeriodKind::Custom);
    view.listener->DatesChosen(Day(2026, 11, 3), Day(2026, 11, 20));
    tasks.RunAll();
    BOOST_TEST(presenter.Query().from == "2026-11-03");
    BOOST_TEST(presenter.Query().to == "2026-11-20");
    const std::size_t calls = api.calls.size();
    view.listener->DatesChosen(Day(2026, 11, 20), Day(2026, 11, 3));
    tasks.RunAll();
    BOOST_TEST(api.calls.size() == calls);
    BOOST_TEST(view.status == "The end of the period must not be before its start.");

    view.listener->PeriodKindChosen(PeriodKind::Year);
    tasks.RunAll();
    BOOST_TEST(presenter.Query().from == "2026-01-01");
    BOOST_TEST(presenter.Query().to == "2026-12-31");
}

BOOST_FIXTURE_TEST_CASE(a_refusal_is_told_once, DashboardFixture)
{
    api.error = std::make_exception_ptr(Problem(ErrorCategory::NotFound, 404, "Agency not found"));
    Start();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text.find("Agency not found") != std::string::npos);
    BOOST_TEST(view.status == "The figures could not be loaded.");
    BOOST_TEST(view.tiles.empty());
}

BOOST_AUTO_TEST_CASE(the_client_reads_the_kpi_report_and_a_drilled_page)
{
    const KpiReport report = ParseKpiReport(
        R"({"from":"2026-11-01","to":"2026-11-30","agency":{"id":3,"code":"C","name":"UBND phường Một"},)"
        R"("receivedCarriedOver":1,"receivedOnline":2,"receivedInPerson":3,"resolvedEarly":1,"resolvedOnTime":0,)"
        R"("resolvedLate":1,"pendingWithinDeadline":2,"pendingOverdue":2,"intakeConfirmedLate":1,"received":6,)"
        R"("resolved":2,"pending":4,"resolvedWithResult":2,"onTimeRate":0.5,"averageProcessingHours":null,)"
        R"("onlineSubmissionRate":0.4,"byProcedure":[{"procedure":{"id":7,"code":"1.001193","name":"Khai sinh"},)"
        R"("receivedCarriedOver":1,"receivedOnline":2,"receivedInPerson":3,"resolvedEarly":1,"resolvedOnTime":0,)"
        R"("resolvedLate":1,"pendingWithinDeadline":2,"pendingOverdue":2,"intakeConfirmedLate":1,"received":6,)"
        R"("resolved":2,"pending":4,"resolvedWithResult":2,"onTimeRate":1,"averageProcessingHours":3.5,)"
        R"("onlineSubmissionRate":0.4}]})");
    BOOST_TEST(report.agency.code == "C");
    BOOST_TEST(report.total.received == 6);
    BOOST_TEST(report.total.pendingOverdue == 2);
    BOOST_TEST(report.total.onTimeRate.value() == 0.5);
    BOOST_TEST(!report.total.averageProcessingHours.has_value());
    BOOST_REQUIRE(report.byProcedure.size() == 1u);
    BOOST_TEST(report.byProcedure[0].code == "1.001193");
    BOOST_TEST(report.byProcedure[0].figures.onTimeRate.value() == 1.0);  // an integer is a number too
    BOOST_TEST(report.byProcedure[0].figures.averageProcessingHours.value() == 3.5);
    BOOST_CHECK_THROW(ParseKpiReport(R"({"agency":{"id":1,"code":"C","name":"x"}})"), Error);

    const DossierPage page = ParseDossierPage(R"({"items":[],"next":null,"total":17})");
    BOOST_TEST(page.total.value() == 17);
    BOOST_TEST(!ParseDossierPage(R"({"items":[],"next":null})").total.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
