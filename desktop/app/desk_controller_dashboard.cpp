// DeskController, the dashboard: Reports → Dashboard opens the managers' figures in a window of their own; a figure
// clicked there shows its dossiers in the main window's list, where the bulk actions (assign to a handler, print,
// sign) are one selection away. Reports → Export report saves the periodic report as a file.
#include "desktop/app/desk_controller.h"
#include "desktop/report_export_presenter.h"
#include "views/dashboard_frame.h"
#include "views/main_frame.h"
#include "views/report_export_dialog.h"

namespace motcua::desktop {

void DeskController::OnDashboardPressed()
{
    if (!m_frame || !m_session)
        return;
    if (!m_dashboardFrame) {
        m_dashboardFrame = new views::DashboardFrame(m_frame);
        m_dashboard = std::make_unique<DashboardPresenter>(*m_dashboardFrame, m_kpiApi, m_tasks, m_alert, m_clock,
                                                           static_cast<IFigureListener&>(*this), m_session->staff);
        views::DashboardFrame* window = m_dashboardFrame;
        m_dashboardFrame->Bind(wxEVT_CLOSE_WINDOW, [this, window](wxCloseEvent& event) {
            if (window == m_dashboardFrame) {
                m_dashboard.reset();  // before the window it talks to
                m_dashboardFrame = nullptr;
            }
            event.Skip();  // the default handler destroys the window
        });
        m_dashboard->Start();
    }
    m_dashboardFrame->Show();
    m_dashboardFrame->Raise();
}

void DeskController::OnExportReportPressed()
{
    if (!m_frame || !m_session || !ReportExportPresenter::Allowed(m_session->staff.role))
        return;
    views::ReportExportDialog dialog(m_frame);
    ReportExportPresenter presenter(dialog, m_kpiApi, m_tasks, m_alert, static_cast<ISessionRenewal&>(*this), m_clock,
                                    m_session->staff);
    presenter.Start();
    dialog.ShowModal();
}

void DeskController::FigureChosen(const ListSource& source)
{
    if (!m_frame)
        return;
    SearchRequested(source);  // no queue is chosen while a figure's dossiers are shown
    m_frame->Raise();
}

void DeskController::DropDashboard()
{
    m_dashboard.reset();
    if (m_dashboardFrame)
        m_dashboardFrame->Destroy();
    m_dashboardFrame = nullptr;
}

}  // namespace motcua::desktop
