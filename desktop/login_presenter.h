// Logging in: reads the login view, asks the server, and shows any failure inline in the dialog.
#pragma once

#include <optional>
#include <string>

#include "desktop/staff_api.h"

namespace motcua::desktop {

// What the login dialog offers the presenter; implemented by views::LoginDialog and by test fakes.
class ILoginView {
public:
    virtual ~ILoginView() = default;
    virtual std::string GetServerUrl() const = 0;
    virtual std::string GetUsername() const = 0;
    virtual std::string GetPassword() const = 0;
    virtual void SetBusy(bool busy) = 0;
    // An inline message under the fields; `field` ("server", "username", "password" or "") says where to focus.
    virtual void ShowError(const std::string& message, const std::string& field) = 0;
    virtual void ClearError() = 0;
};

class LoginPresenter {
public:
    LoginPresenter(ILoginView& view, IStaffApi& api);
    // One press of "Log in": the session on success; otherwise the error is shown in the view and nothing returned.
    std::optional<Session> Submit();

private:
    ILoginView& m_view;
    IStaffApi& m_api;
};

}  // namespace motcua::desktop
