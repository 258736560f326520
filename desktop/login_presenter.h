// Logging in: reads the login view, asks the server, and shows any failure inline in the dialog.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "desktop/staff_api.h"
#include "desktop/task_runner.h"
#include "views/login_view.h"

namespace motcua::desktop {

// Told when someone has logged in; the shell implements it to open the main window.
class ILoginListener {
public:
    virtual ~ILoginListener() = default;
    // The server has been asked (its answer takes a while: the password hash is slow by design); the shell may
    // prepare the main window meanwhile.
    virtual void LoginStarted() {}
    virtual void LoggedIn(const Session& session) = 0;
};

class LoginPresenter final : public views::ILoginViewListener {
public:
    // `view` and `listener` must outlive the presenter.
    LoginPresenter(views::ILoginView& view, IStaffApi& api, ITaskRunner& tasks, ILoginListener& listener);
    ~LoginPresenter() override;
    LoginPresenter(const LoginPresenter&) = delete;
    LoginPresenter& operator=(const LoginPresenter&) = delete;

    // One press of "Log in": the server is asked off the UI thread (the view busy meanwhile); on success the
    // listener hears of the session and the dialog closes, otherwise the error is shown in the view. When the server
    // asks for the second factor, the view shows the code field and the next press sends the code too; a locked
    // account's message says how long to wait.
    void Submit();
    bool Busy() const noexcept { return m_tasks.Busy(); }
    void OnLogInPressed() override { Submit(); }

private:
    views::ILoginView& m_view;
    IStaffApi& m_api;
    TaskScope m_tasks;
    ILoginListener& m_listener;
    bool m_otpAsked = false;  // the server asked for a code: it is required and sent from now on
};

// "45 seconds", "2 minutes", "2 minutes 30 seconds": the wait before a locked account may try again, in the UI
// language.
std::string WaitText(std::chrono::seconds wait);

}  // namespace motcua::desktop
