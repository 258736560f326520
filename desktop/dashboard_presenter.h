// The managers' dashboard (issue 9): for a month, quarter, year or chosen days and an agency of the user's subtree,
// the KPI tiles, the 12-month trend, the ranking of the agencies below and of the procedures, and the overdue
// dossiers by agency; every figure opens the list of its dossiers. The figures come from GET /staff/v1/kpis, off the
// UI thread; the server decides which agencies the user may see.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "desktop/dossier_list_presenter.h"
#include "desktop/kpi_api.h"
#include "desktop/task_runner.h"
#include "model/clock.h"
#include "model/staff.h"
#include "views/alert.h"
#include "views/dashboard_view.h"

namespace motcua::desktop {

// Told to show the dossiers behind a figure (the shell shows them in the main list, where bulk actions are).
class IFigureListener {
public:
    virtual ~IFigureListener() = default;
    virtual void FigureChosen(const ListSource& source) = 0;
};

// The local days [first, last] of the month, quarter or year holding `date` (Custom: `date` alone).
std::pair<Date, Date> PeriodHolding(views::PeriodKind kind, Date date);
// The twelve months ending with the one holding `last`, oldest first, each as its first and last day.
std::vector<std::pair<Date, Date>> TwelveMonthsTo(Date last);
// The agencies `root` may choose from, as the server lists them: the root first, then the agencies below it depth
// first, each with its depth (only the root when `subtree` is false).
std::vector<std::pair<AgencyRef, int>> AgencySubtree(const std::vector<AgencyRef>& all, std::int64_t root,
                                                     bool subtree);
// The names of an AgencySubtree as a chooser lists them, each indented by its depth.
std::vector<std::string> AgencyChoiceNames(const std::vector<std::pair<AgencyRef, int>>& agencies);

class DashboardPresenter final : public views::IDashboardListener {
public:
    // Everything passed must outlive the presenter. `staff`: whose subtree is offered.
    DashboardPresenter(views::IDashboardView& view, IKpiApi& api, ITaskRunner& tasks, views::Alert& alert,
                       const Clock& clock, IFigureListener& figures, StaffMember staff);
    ~DashboardPresenter() override;
    DashboardPresenter(const DashboardPresenter&) = delete;
    DashboardPresenter& operator=(const DashboardPresenter&) = delete;

    // The current month of the user's own agency; the agencies below it are listed once the server has said.
    void Start();
    // Asks for every figure again (F5).
    void Reload();

    void PeriodKindChosen(views::PeriodKind kind) override;
    void DatesChosen(Date from, Date to) override;
    void AgencyChosen(std::size_t index) override;
    void DrillChosen(int drill) override;

    const std::vector<ListSource>& Drills() const noexcept { return m_drills; }
    KpiQuery Query() const;

private:
    // One agency below the chosen one and its figures.
    struct ChildFigures {
        AgencyRef agency;
        KpiCounts figures;
    };
    void Show();
    void ShowReport(const KpiReport& report);
    void ShowTrend(const std::vector<std::pair<std::string, KpiCounts>>& months);
    void ShowChildren(const std::vector<ChildFigures>& children);
    void Failed(const std::exception_ptr& error);
    // A drill index for the dossiers behind `figure` of `query` (and of one procedure when `procedure` is given).
    int Drill(const KpiQuery& query, const char* figure, const std::string& what, const std::string& procedureCode = {},
              const std::string& procedureName = {});
    const AgencyRef& Chosen() const;

    views::IDashboardView& m_view;
    IKpiApi& m_api;
    views::Alert& m_alert;
    const Clock& m_clock;
    IFigureListener& m_figures;
    StaffMember m_staff;
    TaskScope m_tasks;      // the figures of what is shown: a new choice drops the answers of the last one
    TaskScope m_directory;  // the agencies to choose from, asked once
    views::PeriodKind m_kind = views::PeriodKind::Month;
    Date m_from{};
    Date m_to{};
    std::vector<std::pair<AgencyRef, int>> m_agencies;  // what the chooser lists, with depths
    std::size_t m_chosen = 0;
    std::vector<ListSource> m_drills;
    int m_waiting = 0;  // answers still to come for what is shown
};

}  // namespace motcua::desktop
