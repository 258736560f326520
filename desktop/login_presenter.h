// Logging in: reads the login view, asks the server, and shows any failure inline in the dialog.
#pragma once

#include <optional>
#include <string>

#include "desktop/staff_api.h"
#include "views/login_view.h"

namespace motcua::desktop {

// Told when someone has logged in; the shell implements it to open the main window.
class ILoginListener {
public:
    virtual ~ILoginListener() = default;
    virtual void LoggedIn(const Session& session) = 0;
};

class LoginPresenter final : public views::ILoginViewListener {
public:
    // `view` and `listener` must outlive the presenter.
    LoginPresenter(views::ILoginView& view, IStaffApi& api, ILoginListener& listener);
    ~LoginPresenter() override;
    LoginPresenter(const LoginPresenter&) = delete;
    LoginPresenter& operator=(const LoginPresenter&) = delete;

    // One press of "Log in": on success the listener hears of the session and the dialog closes; otherwise the error
    // is shown in the view. Returns the session when there is one.
    std::optional<Session> Submit();
    void OnLogInPressed() override { Submit(); }

private:
    views::ILoginView& m_view;
    IStaffApi& m_api;
    ILoginListener& m_listener;
};

}  // namespace motcua::desktop
