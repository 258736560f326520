// Wires views to presenters for one desk: the login dialog, then the main window with inbox and detail.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "desktop/alert.h"
#include "desktop/clock.h"
#include "desktop/detail_presenter.h"
#include "desktop/inbox_presenter.h"
#include "desktop/receipt_opener.h"
#include "desktop/staff_api.h"

namespace motcua::views {
class LoginDialog;
class MainFrame;
}  // namespace motcua::views

namespace motcua::desktop {

struct LoginDefaults {
    std::string serverUrl;
    std::string username;
    std::string password;
};

class DeskController {
public:
    DeskController(IStaffApi& api, Alert& alert, IDocumentLauncher& launcher, Clock clock = SystemNow,
                   std::filesystem::path receiptFolder = {});
    ~DeskController();
    DeskController(const DeskController&) = delete;
    DeskController& operator=(const DeskController&) = delete;

    // A login dialog (not shown) whose "Log in" runs the LoginPresenter; the caller owns it (wx parent: none).
    views::LoginDialog* CreateLoginDialog(const LoginDefaults& defaults);
    // Shows the login dialog modally (pressing "Log in" at once when `autoSubmit`), then the main window.
    // False when the user cancelled.
    bool RunLogin(const LoginDefaults& defaults, bool autoSubmit);
    const std::optional<Session>& CurrentSession() const noexcept { return m_session; }
    // Builds the main window for the current session, shows it and loads the first inbox page.
    views::MainFrame* OpenMainWindow();

    views::MainFrame* Frame() const noexcept { return m_frame; }
    InboxPresenter* Inbox() const noexcept { return m_inbox.get(); }
    DetailPresenter* Detail() const noexcept { return m_detail.get(); }

private:
    void Refresh();
    void Logout();
    void DropWindow();

    IStaffApi& m_api;
    Alert& m_alert;
    Clock m_clock;
    ReceiptOpener m_receipts;
    std::optional<Session> m_session;
    LoginDefaults m_lastDefaults;
    views::MainFrame* m_frame = nullptr;  // owned by wx
    std::unique_ptr<InboxPresenter> m_inbox;
    std::unique_ptr<DetailPresenter> m_detail;
};

// "Nguyễn Thị Lan — Intake clerk — UBND phường Hoàn Kiếm" for the status bar.
std::string SessionText(const Session& session);

}  // namespace motcua::desktop
