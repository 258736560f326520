#include "desktop/dashboard_presenter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <tuple>

#include "desktop/api_error.h"
#include "desktop/gettext_macros.h"
#include "desktop/translation.h"

namespace motcua::desktop {
namespace {

using views::PeriodKind;

std::string DayText(Date d)
{
    char text[64];
    std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()),
                  static_cast<int>(d.year()));
    return text;
}

std::string MonthText(Date d)
{
    char text[64];
    std::snprintf(text, sizeof text, "%02u/%04d", static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
    return text;
}

std::string Count(std::int64_t n)
{
    return std::to_string(n);
}

// "87.5 %"; "–" when the rate is undefined (nothing to divide by).
std::string Percent(const std::optional<double>& rate)
{
    if (!rate)
        return "–";
    char text[64];
    std::snprintf(text, sizeof text, "%.1f %%", *rate * 100.0);
    return text;
}

std::string Hours(const std::optional<double>& hours)
{
    if (!hours)
        return "–";
    char text[64];
    std::snprintf(text, sizeof text, "%.1f", *hours);
    return text;
}

Date LastDayOf(std::chrono::year_month ym)
{
    return Date{std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}};
}

// Better first: the higher on-time rate, an undefined rate last; then by name.
bool RanksBefore(const std::optional<double>& a, const std::string& nameA, const std::optional<double>& b,
                 const std::string& nameB)
{
    if (a.has_value() != b.has_value())
        return a.has_value();
    if (a && *a != *b)
        return *a > *b;
    return nameA < nameB;
}

std::vector<std::string> RankingHeadings(const std::string& first)
{
    return {first, _("Received"), _("Resolved"), _("On-time rate"), _("Overdue")};
}

std::vector<std::string> RankingCells(const std::string& name, const KpiCounts& f)
{
    return {name, Count(f.received), Count(f.resolved), Percent(f.onTimeRate), Count(f.pendingOverdue)};
}

}  // namespace

std::pair<Date, Date> PeriodHolding(PeriodKind kind, Date date)
{
    using std::chrono::month;
    const std::chrono::day first{1};
    switch (kind) {
    case PeriodKind::Month: return {Date{date.year(), date.month(), first}, LastDayOf(date.year() / date.month())};
    case PeriodKind::Quarter: {
        const unsigned opening = (static_cast<unsigned>(date.month()) - 1) / 3 * 3 + 1;
        return {Date{date.year(), month{opening}, first}, LastDayOf(date.year() / month{opening + 2})};
    }
    case PeriodKind::Year:
        return {Date{date.year(), std::chrono::January, first},
                Date{date.year(), std::chrono::December, std::chrono::day{31}}};
    case PeriodKind::Custom: break;
    }
    return {date, date};
}

std::vector<std::pair<Date, Date>> TwelveMonthsTo(Date last)
{
    std::vector<std::pair<Date, Date>> months;
    const std::chrono::year_month end = last.year() / last.month();
    for (int back = 11; back >= 0; --back) {
        const std::chrono::year_month ym = end - std::chrono::months{back};
        months.emplace_back(Date{ym.year(), ym.month(), std::chrono::day{1}}, LastDayOf(ym));
    }
    return months;
}

std::vector<std::pair<AgencyRef, int>> AgencySubtree(const std::vector<AgencyRef>& all, std::int64_t root, bool subtree)
{
    std::vector<std::pair<AgencyRef, int>> out;
    const std::function<void(std::int64_t, int)> visit = [&](std::int64_t id, int depth) {
        for (const AgencyRef& a : all)
            if (a.id == id) {
                out.emplace_back(a, depth);
                break;
            }
        if (!subtree || depth > 16)
            return;  // a loop in what the server sent must not hang the desk
        for (const AgencyRef& a : all)
            if (a.parentId == id)
                visit(a.id, depth + 1);
    };
    visit(root, 0);
    return out;
}

std::vector<std::string> AgencyChoiceNames(const std::vector<std::pair<AgencyRef, int>>& agencies)
{
    std::vector<std::string> names;
    names.reserve(agencies.size());
    for (const auto& [agency, depth] : agencies)
        names.push_back(std::string(static_cast<std::size_t>(depth) * 4, ' ') + agency.name);
    return names;
}

DashboardPresenter::DashboardPresenter(views::IDashboardView& view, IKpiApi& api, ITaskRunner& tasks,
                                       views::Alert& alert, const Clock& clock, IFigureListener& figures,
                                       StaffMember staff)
    : m_view(view),
      m_api(api),
      m_alert(alert),
      m_clock(clock),
      m_figures(figures),
      m_staff(std::move(staff)),
      m_tasks(tasks),
      m_directory(tasks)
{
    m_view.SetListener(this);
}

DashboardPresenter::~DashboardPresenter()
{
    m_view.SetListener(nullptr);
}

void DashboardPresenter::Start()
{
    std::tie(m_from, m_to) = PeriodHolding(m_kind, LocalDate(m_clock.Now()));
    // The user's own agency (the server's default) until the directory says which agencies lie below it.
    m_agencies = {{AgencyRef{m_staff.agencyId, {}, m_staff.agencyName}, 0}};
    m_chosen = 0;
    m_view.SetAgencies({m_staff.agencyName}, 0);
    m_view.SetPeriod(m_kind, m_from, m_to);
    m_view.SetStatus(_("Loading the figures..."));
    m_directory.Run<std::vector<AgencyRef>>(
        [api = &m_api] { return api->Agencies(); },
        [this](const std::vector<AgencyRef>& all) {
            auto agencies = AgencySubtree(all, m_staff.agencyId, OverseesSubtree(m_staff.role));
            if (!agencies.empty()) {
                m_agencies = std::move(agencies);
                m_view.SetAgencies(AgencyChoiceNames(m_agencies), m_chosen);
            }
            Show();
        },
        // Without the directory, the user's own agency alone; the figures tell whether the server answers.
        [this](const std::exception_ptr&) { Show(); });
}

void DashboardPresenter::Reload()
{
    Show();
}

const AgencyRef& DashboardPresenter::Chosen() const
{
    return m_agencies.at(m_chosen).first;
}

KpiQuery DashboardPresenter::Query() const
{
    return KpiQuery{FormatDate(m_from), FormatDate(m_to), Chosen().code};
}

void DashboardPresenter::PeriodKindChosen(PeriodKind kind)
{
    m_kind = kind;
    if (kind != PeriodKind::Custom)
        std::tie(m_from, m_to) = PeriodHolding(kind, m_from);
    m_view.SetPeriod(m_kind, m_from, m_to);
    Show();
}

void DashboardPresenter::DatesChosen(Date from, Date to)
{
    if (m_kind == PeriodKind::Custom) {
        if (to < from) {
            m_view.SetStatus(_("The end of the period must not be before its start."));
            return;
        }
        m_from = from;
        m_to = to;
    } else {
        std::tie(m_from, m_to) = PeriodHolding(m_kind, from);
    }
    m_view.SetPeriod(m_kind, m_from, m_to);
    Show();
}

void DashboardPresenter::AgencyChosen(std::size_t index)
{
    if (index >= m_agencies.size() || index == m_chosen)
        return;
    m_chosen = index;
    Show();
}

void DashboardPresenter::DrillChosen(int drill)
{
    if (drill < 0 || static_cast<std::size_t>(drill) >= m_drills.size())
        return;
    m_figures.FigureChosen(m_drills[static_cast<std::size_t>(drill)]);
}

int DashboardPresenter::Drill(const KpiQuery& query, const char* figure, const std::string& what,
                              const std::string& procedureCode, const std::string& procedureName)
{
    ListSource source;
    source.kind = ListSource::Kind::Figure;
    source.drill = KpiDrill{query, figure, procedureCode};
    std::string agencyName = Chosen().name;
    for (const auto& [agency, depth] : m_agencies)
        if (agency.code == query.agencyCode && !agency.code.empty())
            agencyName = agency.name;
    const std::string days = DayText(ParseDate(query.from, "from")) + " – " + DayText(ParseDate(query.to, "to"));
    // "<figure> — <agency> — <days>": names and dates only, nothing to translate in the joints.
    source.title = what + " — " + agencyName + " — " + days;
    if (!procedureName.empty())
        source.title += " — " + procedureName;
    m_drills.push_back(std::move(source));
    return static_cast<int>(m_drills.size()) - 1;
}

void DashboardPresenter::Show()
{
    m_tasks.CancelPending();
    m_drills.clear();
    m_view.SetHeading(Chosen().name + " — " + DayText(m_from) + " – " + DayText(m_to));
    m_view.SetStatus(_("Loading the figures..."));
    m_view.ShowTiles({});
    m_view.ShowTrend({});
    m_view.ShowOverdue({});
    m_view.ShowAgencyRanking({});
    m_view.ShowProcedureRanking({});
    m_waiting = 3;
    const KpiQuery query = Query();
    m_tasks.Run<KpiReport>([api = &m_api, query] { return api->Kpis(query); },
                           [this](const KpiReport& report) { ShowReport(report); },
                           [this](const std::exception_ptr& error) { Failed(error); });

    // The trend: month by month, in one background task (twelve calls).
    std::vector<KpiQuery> months;
    for (const auto& [first, last] : TwelveMonthsTo(m_to))
        months.push_back(KpiQuery{FormatDate(first), FormatDate(last), query.agencyCode});
    m_tasks.Run<std::vector<std::pair<std::string, KpiCounts>>>(
        [api = &m_api, months] {
            std::vector<std::pair<std::string, KpiCounts>> out;
            out.reserve(months.size());
            for (const KpiQuery& month : months)
                out.emplace_back(month.from, api->Kpis(month).total);
            return out;
        },
        [this](const std::vector<std::pair<std::string, KpiCounts>>& trend) { ShowTrend(trend); },
        [this](const std::exception_ptr& error) { Failed(error); });

    // The agencies right below the chosen one, each counted over its own subtree; the chosen one alone when it
    // has none.
    std::vector<AgencyRef> children;
    for (const auto& [agency, depth] : m_agencies)
        if (agency.parentId == Chosen().id)
            children.push_back(agency);
    if (children.empty())
        children.push_back(Chosen());
    m_tasks.Run<std::vector<ChildFigures>>(
        [api = &m_api, children, query] {
            std::vector<ChildFigures> out;
            out.reserve(children.size());
            for (const AgencyRef& child : children)
                out.push_back(ChildFigures{child, api->Kpis(KpiQuery{query.from, query.to, child.code}).total});
            return out;
        },
        [this](const std::vector<ChildFigures>& figures) { ShowChildren(figures); },
        [this](const std::exception_ptr& error) { Failed(error); });
}

void DashboardPresenter::ShowReport(const KpiReport& report)
{
    const KpiQuery query = Query();
    const KpiCounts& f = report.total;
    std::vector<views::DashboardTile> tiles;
    tiles.push_back({_("Received"), Count(f.received),
                     FormatText(_("online %s, in person %s, carried over %s"),
                                {Count(f.receivedOnline), Count(f.receivedInPerson), Count(f.receivedCarriedOver)}),
                     false, Drill(query, "received", _("Received"))});
    tiles.push_back({_("Resolved"), Count(f.resolved),
                     FormatText(_("early %s, on time %s, late %s"),
                                {Count(f.resolvedEarly), Count(f.resolvedOnTime), Count(f.resolvedLate)}),
                     false, Drill(query, "resolved", _("Resolved"))});
    tiles.push_back({_("On-time rate"), Percent(f.onTimeRate),
                     FormatText(_("resolved late: %s"), {Count(f.resolvedLate)}), f.resolvedLate > 0,
                     Drill(query, "resolvedLate", _("Resolved late"))});
    tiles.push_back({_("Pending overdue"), Count(f.pendingOverdue),
                     FormatText(_("within the deadline: %s"), {Count(f.pendingWithinDeadline)}), f.pendingOverdue > 0,
                     Drill(query, "pendingOverdue", _("Pending overdue"))});
    tiles.push_back({_("Average processing"), Hours(f.averageProcessingHours), _("working hours per dossier"), false,
                     Drill(query, "resolvedWithResult", _("Resolved with a result"))});
    tiles.push_back({_("Online submissions"), Percent(f.onlineSubmissionRate),
                     FormatText(_("received online: %s"), {Count(f.receivedOnline)}), false,
                     Drill(query, "receivedOnline", _("Received online"))});
    tiles.push_back({_("Intake confirmed late"), Count(f.intakeConfirmedLate), _("online submissions answered late"),
                     f.intakeConfirmedLate > 0, Drill(query, "intakeConfirmedLate", _("Intake confirmed late"))});
    m_view.ShowTiles(tiles);

    std::vector<ProcedureKpis> procedures = report.byProcedure;
    std::sort(procedures.begin(), procedures.end(), [](const ProcedureKpis& a, const ProcedureKpis& b) {
        return RanksBefore(a.figures.onTimeRate, a.name, b.figures.onTimeRate, b.name);
    });
    views::RankingTable table{_("Procedures"), RankingHeadings(_("Procedure")), {}};
    for (const ProcedureKpis& p : procedures)
        table.rows.push_back(
            {RankingCells(p.name, p.figures), Drill(query, "received", _("Received"), p.code, p.name)});
    m_view.ShowProcedureRanking(table);
    if (--m_waiting == 0)
        m_view.SetStatus({});
}

void DashboardPresenter::ShowTrend(const std::vector<std::pair<std::string, KpiCounts>>& months)
{
    views::ChartData chart;
    chart.title = _("The last 12 months");
    chart.barLegend = _("Received");
    chart.lineLegend = _("On-time rate");
    for (const auto& [from, figures] : months) {
        const auto [first, last] = PeriodHolding(PeriodKind::Month, ParseDate(from, "from"));
        const KpiQuery month{FormatDate(first), FormatDate(last), Query().agencyCode};
        chart.bars.push_back({MonthText(first), static_cast<double>(figures.received), Count(figures.received),
                              Drill(month, "received", _("Received"))});
        chart.line.push_back(figures.onTimeRate);
    }
    m_view.ShowTrend(chart);
    if (--m_waiting == 0)
        m_view.SetStatus({});
}

void DashboardPresenter::ShowChildren(const std::vector<ChildFigures>& children)
{
    const KpiQuery query = Query();
    std::vector<ChildFigures> ranked = children;
    std::sort(ranked.begin(), ranked.end(), [](const ChildFigures& a, const ChildFigures& b) {
        return RanksBefore(a.figures.onTimeRate, a.agency.name, b.figures.onTimeRate, b.agency.name);
    });
    views::RankingTable table{_("Agencies"), RankingHeadings(_("Agency")), {}};
    for (const ChildFigures& c : ranked)
        table.rows.push_back({RankingCells(c.agency.name, c.figures),
                              Drill(KpiQuery{query.from, query.to, c.agency.code}, "received", _("Received"))});
    m_view.ShowAgencyRanking(table);

    std::vector<ChildFigures> overdue = children;
    std::stable_sort(overdue.begin(), overdue.end(), [](const ChildFigures& a, const ChildFigures& b) {
        return a.figures.pendingOverdue > b.figures.pendingOverdue;
    });
    views::ChartData chart;
    chart.title = _("Overdue dossiers by agency");
    chart.barLegend = _("Pending overdue");
    for (const ChildFigures& c : overdue)
        chart.bars.push_back(
            {c.agency.name, static_cast<double>(c.figures.pendingOverdue), Count(c.figures.pendingOverdue),
             Drill(KpiQuery{query.from, query.to, c.agency.code}, "pendingOverdue", _("Pending overdue"))});
    m_view.ShowOverdue(chart);
    if (--m_waiting == 0)
        m_view.SetStatus({});
}

void DashboardPresenter::Failed(const std::exception_ptr& error)
{
    m_tasks.CancelPending();  // one message for the whole dashboard
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        m_view.SetStatus(_("The figures could not be loaded."));
        m_alert.ShowError(FormatText(_("The figures could not be loaded: %s"), {UserMessage(e)}), TechnicalDetails(e));
    } catch (const std::exception& e) {
        m_view.SetStatus(_("The figures could not be loaded."));
        m_alert.ShowError(_("The figures could not be loaded."), e.what());
    }
}

}  // namespace motcua::desktop
