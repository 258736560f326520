#include "desktop/app/desk_controller.h"

#include <wx/app.h>
#include <wx/intl.h>
#include <wx/utils.h>

#include "desktop/api_error.h"
#include "desktop/app/wx_call_later.h"
#include "desktop/display_text.h"
#include "views/action_dialog.h"
#include "views/audit_trail_dialog.h"
#include "views/bulk_progress_dialog.h"
#include "views/detail_panel.h"
#include "views/dossier_list_panel.h"
#include "views/login_dialog.h"
#include "views/main_frame.h"
#include "views/pin_dialog.h"
#include "views/queue_nav_panel.h"
#include "views/search_panel.h"

namespace motcua::desktop {

std::string SessionText(const Session& session)
{
    std::string text = session.staff.fullName + " — " + RoleText(session.staff.role);
    if (!session.staff.agencyName.empty())
        text += " — " + session.staff.agencyName;
    return text;
}

DeskController::DeskController(IStaffApi& api, IActionApi& actions, ISecurityApi& security, IKpiApi& kpis,
                               ITaskRunner& tasks, views::Alert& alert, IDocumentLauncher& launcher, const Clock& clock,
                               ISettings& settings, std::filesystem::path receiptFolder)
    : m_api(api),
      m_actionApi(actions),
      m_securityApi(security),
      m_kpiApi(kpis),
      m_tasks(tasks),
      m_settings(settings),
      m_alert(alert),
      m_clock(clock),
      m_receipts(api, launcher, m_printer, std::move(receiptFolder)),
      m_tokenSigner(settings, clock),
      m_events([&api] { return api.EventsTarget(); }, WxUiQueue())
{}

DeskController::~DeskController()
{
    // Presenters first: they hold references to panels the frame owns.
    DropPresenters();
    if (m_frame)
        m_frame->SetListener(nullptr);
    DropLoginDialog();
    DropPreparedWindow();
}

views::LoginDialog* DeskController::CreateLoginDialog(const LoginDefaults& defaults)
{
    DropLoginDialog();
    m_lastDefaults = defaults;
    m_loginDialog = new views::LoginDialog(nullptr);
    m_loginDialog->SetValues(defaults.serverUrl, defaults.username, defaults.password);
    m_login = std::make_unique<LoginPresenter>(*m_loginDialog, m_api, m_tasks, static_cast<ILoginListener&>(*this));
    return m_loginDialog;
}

void DeskController::DropLoginDialog()
{
    m_login.reset();  // before the dialog it listens to
    if (m_loginDialog)
        m_loginDialog->Destroy();
    m_loginDialog = nullptr;
}

void DeskController::LoginStarted()
{
    // The UI thread would only wait for the server's password check: the window's widgets are made meanwhile, so
    // that once the answer comes only the presenters remain to make before the first page is asked for.
    // A login over the work (a session renewed) keeps the window it has.
    if (!m_renewing && !m_preparedFrame)
        m_preparedFrame = new views::MainFrame(_("MotCua one-stop desk"));
}

void DeskController::DropPreparedWindow()
{
    if (m_preparedFrame)
        m_preparedFrame->Destroy();
    m_preparedFrame = nullptr;
}

void DeskController::LoggedIn(const Session& session)
{
    m_session = session;
    m_retryBeforeAsking = true;
    m_tokenSigner.SetSigner({session.staff.fullName, session.staff.agencyName});
    if (m_loginDialog) {
        m_lastDefaults.serverUrl = m_loginDialog->GetServerUrl();
        m_lastDefaults.username = m_loginDialog->GetUsername();
        m_settings.Write("server/url", m_lastDefaults.serverUrl);
        m_settings.Write("login/username", m_lastDefaults.username);
    }
}

bool DeskController::RunLogin(const LoginDefaults& defaults, bool autoSubmit)
{
    views::LoginDialog* dialog = CreateLoginDialog(defaults);
    // Pressed before the dialog is shown: the login call runs while GTK shows it (its outcome is handled inside
    // the modal loop, the first place queued calls run).
    if (autoSubmit)
        dialog->Submit();
    const bool ok = dialog->ShowModal() == wxID_OK && m_session.has_value();
    DropLoginDialog();
    if (ok)
        OpenMainWindow();
    else
        DropPreparedWindow();  // a hidden window left would keep the app from ending
    return ok;
}

views::MainFrame* DeskController::OpenMainWindow()
{
    if (!m_session)
        return nullptr;
    DropLoginDialog();
    DropWindow();
    m_frame = m_preparedFrame ? m_preparedFrame : new views::MainFrame(_("MotCua one-stop desk"));
    m_preparedFrame = nullptr;
    m_frame->SetListener(this);
    m_frame->SetUserText(wxString::FromUTF8(SessionText(*m_session)));
    m_frame->ShowRoleCommands(DelegationPresenter::Allowed(m_session->staff.role),
                              StaffAccountsPresenter::Allowed(m_session->staff.role));
    views::MainFrame* frame = m_frame;
    m_frame->Bind(wxEVT_CLOSE_WINDOW, [this, frame](wxCloseEvent& event) {
        if (frame == m_frame) {
            SaveLayout();
            DropPresenters();
            m_frame = nullptr;
        }
        event.Skip();  // the default handler destroys the frame
    });

    MakeListPresenters();
    m_detail =
        std::make_unique<DetailPresenter>(*m_frame->Detail(), m_api, m_tasks, m_alert, m_receipts, m_session->staff,
                                          m_clock, static_cast<IDossierChangeListener&>(*this));
    WireActions();
    if (OverseesSubtree(m_session->staff.role))
        m_frame->OfferDashboard();

    // The server is asked before the window is laid out and shown: the first page and the counts travel while
    // GTK maps and paints it.
    m_queues->Load();  // chooses the role's usual queue, which the list then loads
    m_events.Start(*m_live);
    m_frame->FitPanes();
    RestoreLayout();
    m_frame->Show();
    if (wxTheApp)
        wxTheApp->SetTopWindow(m_frame);
    return m_frame;
}

void DeskController::MakeListPresenters()
{
    m_list =
        std::make_unique<DossierListPresenter>(*m_frame->DossierList(), m_api, m_tasks, m_alert, m_clock, m_settings,
                                               m_later, static_cast<IDossierSelectionListener&>(*this));
    m_queues = std::make_unique<QueueNavPresenter>(*m_frame->Queues(), m_api, m_tasks, m_later,
                                                   static_cast<IListChoiceListener&>(*this), m_session->staff.role);
    m_search = std::make_unique<SearchPresenter>(*m_frame->Search(), static_cast<ISearchListener&>(*this));
    m_live = std::make_unique<LivePresenter>(*m_frame, *m_list, *m_queues);
}

void DeskController::DropPresenters()
{
    m_events.Stop();  // before the presenter it tells
    DropDashboard();
    DropActions();  // they refer to the detail presenter
    m_live.reset();
    m_search.reset();
    m_queues.reset();
    m_detail.reset();
    m_list.reset();
}

void DeskController::ListChosen(const ListSource& source)
{
    if (!m_list)
        return;
    if (m_detail)
        m_detail->Clear();
    m_list->Show(source);
}

void DeskController::SearchRequested(const ListSource& source)
{
    if (m_queues)
        m_queues->ClearChoice();
    ListChosen(source);
}

void DeskController::SearchCleared()
{
    if (m_queues)
        m_queues->RestoreChoice();
}

void DeskController::DossierSelected(const InboxRow& item)
{
    if (m_detail)
        m_detail->Show(item.id);
}

void DeskController::DossierChanged(const InboxRow& item)
{
    if (m_list)
        m_list->UpdateItem(item);
}

void DeskController::OnRefreshPressed()
{
    if (!m_list)
        return;
    m_detail->Clear();
    m_list->Reload();
    m_queues->Load();
}

void DeskController::OnLogoutPressed()
{
    try {
        m_api.Logout();
    } catch (const Error& e) {
        // The session ends here whatever the server says; tell the user only if the server was unreachable.
        if (e.Category() == ErrorCategory::Environment)
            m_alert.ShowError(UserMessage(e), TechnicalDetails(e));
    }
    m_session.reset();
    // The ended session's calls still under way are dropped with the presenters that wait for them.
    DropPresenters();
    views::MainFrame* old = m_frame;
    if (old)
        old->Hide();  // kept alive (hidden) so the app does not quit while the login dialog is up
    const LoginDefaults defaults{m_lastDefaults.serverUrl, m_lastDefaults.username, {}};
    if (wxTheApp) {
        wxTheApp->CallAfter([this, old, defaults] {
            if (RunLogin(defaults, false))
                return;
            // Cancelled: closing the last window ends the app.
            if (m_frame && old == m_frame)
                m_frame->Close(true);
            else if (wxTheApp)
                wxTheApp->ExitMainLoop();
        });
    }
}

void DeskController::DropWindow()
{
    if (!m_frame)
        return;
    SaveLayout();
    DropPresenters();
    views::MainFrame* old = m_frame;
    m_frame = nullptr;
    old->Destroy();
}

}  // namespace motcua::desktop
