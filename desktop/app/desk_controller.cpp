#include "desktop/app/desk_controller.h"

#include <wx/app.h>
#include <wx/intl.h>
#include <wx/utils.h>

#include "desktop/api_error.h"
#include "desktop/display_text.h"
#include "desktop/login_presenter.h"
#include "views/detail_panel.h"
#include "views/inbox_panel.h"
#include "views/login_dialog.h"
#include "views/main_frame.h"

namespace motcua::desktop {

std::string SessionText(const Session& session)
{
    std::string text = session.staff.fullName + " — " + RoleText(ToString(session.staff.role));
    if (!session.staff.agencyName.empty())
        text += " — " + session.staff.agencyName;
    return text;
}

DeskController::DeskController(IStaffApi& api, Alert& alert, IDocumentLauncher& launcher, Clock clock,
                               std::filesystem::path receiptFolder)
    : m_api(api),
      m_alert(alert),
      m_clock(std::move(clock)),
      m_receipts(api, launcher, std::move(receiptFolder))
{}

DeskController::~DeskController()
{
    // Presenters first: they hold references to panels the frame owns.
    m_detail.reset();
    m_inbox.reset();
}

views::LoginDialog* DeskController::CreateLoginDialog(const LoginDefaults& defaults)
{
    m_lastDefaults = defaults;
    auto* dialog = new views::LoginDialog(nullptr);
    dialog->SetValues(defaults.serverUrl, defaults.username, defaults.password);
    dialog->SetSubmitHandler([this, dialog] {
        LoginPresenter presenter(*dialog, m_api);
        std::optional<Session> session = presenter.Submit();
        if (!session)
            return false;
        m_session = std::move(session);
        m_lastDefaults.serverUrl = dialog->GetServerUrl();
        m_lastDefaults.username = dialog->GetUsername();
        return true;
    });
    return dialog;
}

bool DeskController::RunLogin(const LoginDefaults& defaults, bool autoSubmit)
{
    views::LoginDialog* dialog = CreateLoginDialog(defaults);
    if (autoSubmit)
        dialog->CallAfter([dialog] { dialog->Submit(); });
    const bool ok = dialog->ShowModal() == wxID_OK && m_session.has_value();
    dialog->Destroy();
    if (ok)
        OpenMainWindow();
    return ok;
}

views::MainFrame* DeskController::OpenMainWindow()
{
    if (!m_session)
        return nullptr;
    DropWindow();
    m_frame = new views::MainFrame(_("MotCua one-stop desk"));
    m_frame->SetUserText(wxString::FromUTF8(SessionText(*m_session)));
    views::MainFrame* frame = m_frame;
    m_frame->Bind(wxEVT_CLOSE_WINDOW, [this, frame](wxCloseEvent& event) {
        if (frame == m_frame) {
            m_detail.reset();
            m_inbox.reset();
            m_frame = nullptr;
        }
        event.Skip();  // the default handler destroys the frame
    });

    m_inbox = std::make_unique<InboxPresenter>(*m_frame->Inbox(), m_api, m_alert, m_clock);
    m_detail =
        std::make_unique<DetailPresenter>(*m_frame->Detail(), m_api, m_alert, m_receipts, m_session->staff, m_clock);
    m_inbox->SetSelectionHandler([this](const InboxItem& item) {
        if (m_detail)
            m_detail->Show(item.id);
    });
    m_detail->SetChangeHandler([this](const InboxItem& item) {
        if (m_inbox)
            m_inbox->UpdateItem(item);
    });
    m_frame->Detail()->SetAcceptHandler([this] {
        if (m_detail)
            m_detail->Accept();
    });
    m_frame->Detail()->SetReceiptHandler([this] {
        if (m_detail)
            m_detail->OpenReceipt();
    });
    m_frame->SetRefreshHandler([this] { Refresh(); });
    m_frame->SetLogoutHandler([this] { Logout(); });

    m_frame->Show();
    if (wxTheApp)
        wxTheApp->SetTopWindow(m_frame);
    Refresh();
    return m_frame;
}

void DeskController::Refresh()
{
    if (!m_inbox)
        return;
    wxBusyCursor wait;
    m_detail->Clear();
    m_inbox->Reload();
}

void DeskController::Logout()
{
    try {
        m_api.Logout();
    } catch (const Error& e) {
        // The session ends here whatever the server says; tell the user only if the server was unreachable.
        if (e.Category() == ErrorCategory::Environment)
            m_alert.ShowError(UserMessage(e), TechnicalDetails(e));
    }
    m_session.reset();
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
    m_detail.reset();
    m_inbox.reset();
    views::MainFrame* old = m_frame;
    m_frame = nullptr;
    old->Destroy();
}

}  // namespace motcua::desktop
