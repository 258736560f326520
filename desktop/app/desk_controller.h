// Wires views to presenters for one desk: the login dialog, then the main window with queues, search, list and
// detail, kept current by the live event stream.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "desktop/action_presenter.h"
#include "desktop/app/wx_call_later.h"
#include "desktop/app/wx_document_printer.h"
#include "desktop/audit_trail_presenter.h"
#include "desktop/bulk_presenter.h"
#include "desktop/dashboard_presenter.h"
#include "desktop/delegation_presenter.h"
#include "desktop/detail_presenter.h"
#include "desktop/dossier_list_presenter.h"
#include "desktop/event_stream.h"
#include "desktop/kpi_api.h"
#include "desktop/live_presenter.h"
#include "desktop/login_presenter.h"
#include "desktop/queue_nav_presenter.h"
#include "desktop/receipt_opener.h"
#include "desktop/search_presenter.h"
#include "desktop/security_api.h"
#include "desktop/settings.h"
#include "desktop/staff_accounts_presenter.h"
#include "desktop/staff_api.h"
#include "desktop/task_runner.h"
#include "desktop/token_result_signer.h"
#include "model/clock.h"
#include "views/action_view.h"
#include "views/alert.h"
#include "views/main_view.h"

namespace motcua::views {
class ActionDialogs;
class AuditTrailWindows;
class BulkProgressDialog;
class DashboardFrame;
class LoginDialog;
class MainFrame;
class PinPrompt;
}  // namespace motcua::views

namespace motcua::desktop {

struct LoginDefaults {
    std::string serverUrl;
    std::string username;
    std::string password;
};

// The composition root: the only place that knows both the wx views and the presenters. It relays between the
// presenters (a selected row to the detail pane, a changed dossier back to its row) and answers the frame's menu.
class DeskController final : private ILoginListener,
                             private IDossierSelectionListener,
                             private IDossierChangeListener,
                             private IListChoiceListener,
                             private ISearchListener,
                             private IFigureListener,
                             private views::IMainViewListener,
                             private views::IDeskCommandListener,
                             private ISessionRenewal {
public:
    // `api`, `actions`, `security`, `kpis`, `tasks`, `alert`, `launcher`, `clock` and `settings` must outlive the
    // controller. Server calls run through `tasks`; `settings` keeps the server, user name, window layout, list
    // columns and preferences.
    DeskController(IStaffApi& api, IActionApi& actions, ISecurityApi& security, IKpiApi& kpis, ITaskRunner& tasks,
                   views::Alert& alert, IDocumentLauncher& launcher, const Clock& clock, ISettings& settings,
                   std::filesystem::path receiptFolder = {});
    ~DeskController() override;
    DeskController(const DeskController&) = delete;
    DeskController& operator=(const DeskController&) = delete;

    // A login dialog (not shown) with its LoginPresenter; the controller owns both until the main window opens or
    // the next login dialog is made (wx parent: none).
    views::LoginDialog* CreateLoginDialog(const LoginDefaults& defaults);
    // Shows the login dialog modally (pressing "Log in" at once when `autoSubmit`), then the main window.
    // False when the user cancelled.
    bool RunLogin(const LoginDefaults& defaults, bool autoSubmit);
    const std::optional<Session>& CurrentSession() const noexcept { return m_session; }
    // Builds the main window for the current session, shows it, loads the queues and the role's usual one, and
    // opens the live event stream.
    views::MainFrame* OpenMainWindow();

    views::MainFrame* Frame() const noexcept { return m_frame; }
    DossierListPresenter* List() const noexcept { return m_list.get(); }
    QueueNavPresenter* Queues() const noexcept { return m_queues.get(); }
    DetailPresenter* Detail() const noexcept { return m_detail.get(); }
    ActionPresenter* Actions() const noexcept { return m_actions.get(); }
    AuditTrailPresenter* Audit() const noexcept { return m_audit.get(); }
    BulkPresenter* Bulk() const noexcept { return m_bulk.get(); }
    // The dashboard window while it is open (Reports → Dashboard), and its presenter.
    views::DashboardFrame* DashboardWindow() const noexcept { return m_dashboardFrame; }
    DashboardPresenter* Dashboard() const noexcept { return m_dashboard.get(); }
    // Prints and previews the receipts (poppler pages in a wxPrintout); the GUI test reads its last preview.
    WxDocumentPrinter& Printer() noexcept { return m_printer; }
    // The login defaults remembered from the last session (server address, user name), over `fallback`'s.
    static LoginDefaults RememberedLogin(const ISettings& settings, LoginDefaults fallback);

private:
    void LoginStarted() override;
    void LoggedIn(const Session& session) override;
    void DossierSelected(const InboxRow& item) override;
    void DossierChanged(const InboxRow& item) override;
    void ListChosen(const ListSource& source) override;
    void SearchRequested(const ListSource& source) override;
    void SearchCleared() override;
    void OnRefreshPressed() override;
    void OnLogoutPressed() override;
    // desk_controller_actions.cpp: Account → Two-step sign-in (a modal dialog with its presenter).
    void OnTwoStepPressed() override;
    // desk_controller_dashboard.cpp: the dashboard window, and a figure's dossiers shown in the main list.
    void OnDashboardPressed() override;
    void OnExportReportPressed() override;
    void FigureChosen(const ListSource& source) override;
    void DropDashboard();
    // Account → Delegation of approval (managers), Staff accounts (administrators): modal dialogs with presenters.
    void OnDelegationsPressed() override;
    void OnStaffAccountsPressed() override;
    // desk_controller_actions.cpp: the Dossier commands, session renewal, window layout and preferences.
    void ShownDossierChanged() override;
    void OnDossierCommand(int id) override;
    void OnPreferencesPressed() override;
    void OnAboutPressed() override;
    void RenewSession(std::function<void()> resume) override;
    void WireActions();
    void DropActions();
    void RestoreLayout();
    void SaveLayout();

    void DropLoginDialog();
    void DropWindow();
    void DropPreparedWindow();
    void MakeListPresenters();
    void DropPresenters();

    IStaffApi& m_api;
    IActionApi& m_actionApi;
    ISecurityApi& m_securityApi;
    IKpiApi& m_kpiApi;
    ITaskRunner& m_tasks;
    ISettings& m_settings;
    views::Alert& m_alert;
    const Clock& m_clock;
    WxDocumentPrinter m_printer;  // before m_receipts, which holds it
    ReceiptOpener m_receipts;
    TokenResultSigner m_tokenSigner;  // the Preferences' token, for the one logged in
    WxCallLater m_later;
    EventStreamClient m_events;
    std::optional<Session> m_session;
    LoginDefaults m_lastDefaults;
    views::LoginDialog* m_loginDialog = nullptr;  // owned by wx, destroyed through DropLoginDialog
    std::unique_ptr<LoginPresenter> m_login;
    views::MainFrame* m_frame = nullptr;  // owned by wx
    // Built (hidden, without presenters) while the login call is under way; the next main window.
    views::MainFrame* m_preparedFrame = nullptr;
    std::unique_ptr<DossierListPresenter> m_list;
    std::unique_ptr<QueueNavPresenter> m_queues;
    std::unique_ptr<SearchPresenter> m_search;
    std::unique_ptr<LivePresenter> m_live;
    std::unique_ptr<DetailPresenter> m_detail;
    std::unique_ptr<views::ActionDialogs> m_actionDialogs;
    std::unique_ptr<views::BulkProgressDialog> m_progress;
    std::unique_ptr<views::PinPrompt> m_pinPrompt;
    std::unique_ptr<ActionPresenter> m_actions;
    std::unique_ptr<BulkPresenter> m_bulk;
    std::unique_ptr<views::AuditTrailWindows> m_auditWindows;
    std::unique_ptr<AuditTrailPresenter> m_audit;
    views::DashboardFrame* m_dashboardFrame = nullptr;  // owned by wx (a child of the main window)
    std::unique_ptr<DashboardPresenter> m_dashboard;
    bool m_renewing = false;
    bool m_retryBeforeAsking = true;               // a new session: one 401 may come from a call sent before it
    std::vector<std::function<void()>> m_resumes;  // what waits for the login dialog over the work
};

// "Nguyễn Thị Lan — Intake clerk — UBND phường Hoàn Kiếm" for the status bar.
std::string SessionText(const Session& session);

}  // namespace motcua::desktop
