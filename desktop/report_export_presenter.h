// Reports → Export report (issue 9): a manager chooses a period, an agency of their subtree and PDF or XLSX, then
// where to save; the file GET /staff/v1/reports/periodic answers is written there, off the UI thread, and the
// server's refusals go through the alert.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "desktop/dialog_calls.h"
#include "desktop/kpi_api.h"
#include "model/clock.h"
#include "model/staff.h"
#include "views/report_export_view.h"

namespace motcua::desktop {

class ReportExportPresenter final : public views::IReportExportViewListener {
public:
    // Every reference must outlive the presenter; `staff` is the one logged in, whose subtree is offered.
    ReportExportPresenter(views::IReportExportView& view, IKpiApi& api, ITaskRunner& tasks, views::Alert& alert,
                          ISessionRenewal& renewal, const Clock& clock, StaffMember staff);
    ~ReportExportPresenter() override;
    ReportExportPresenter(const ReportExportPresenter&) = delete;
    ReportExportPresenter& operator=(const ReportExportPresenter&) = delete;

    // Offered to those the dashboard is offered to: the ones who oversee a subtree.
    static bool Allowed(Role role) noexcept { return OverseesSubtree(role); }
    // The current month up to today, one's own agency, PDF; the agencies below it once the server has said.
    void Start();
    bool Busy() const noexcept { return m_calls.Busy(); }

    void OnExportPressed() override;

private:
    // Asks for the file and writes it at `file` (UTF-8).
    void Export(const KpiQuery& query, bool xlsx, const std::string& file);

    views::IReportExportView& m_view;
    IKpiApi& m_api;
    views::Alert& m_alert;
    const Clock& m_clock;
    StaffMember m_staff;
    DialogCalls m_calls;                                // after the members its callbacks use
    std::vector<std::pair<AgencyRef, int>> m_agencies;  // what the chooser lists, with depths; one's own first
};

}  // namespace motcua::desktop
