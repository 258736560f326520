// The login dialog as its presenter sees it: the values typed in, the second factor's code when the server asks for
// it, an inline error, and the "Log in" press.
#pragma once

#include <string>

namespace motcua::views {

// What the login dialog tells its presenter; LoginPresenter implements it.
class ILoginViewListener {
public:
    virtual ~ILoginViewListener() = default;
    // "Log in" was pressed (or Enter in the password field); the view's values are up to date.
    virtual void OnLogInPressed() = 0;
};

// What the login dialog offers the presenter; implemented by views::LoginDialog and by test fakes.
class ILoginView {
public:
    virtual ~ILoginView() = default;
    // The presenter hands itself over when it is made and takes itself back (nullptr) when it goes.
    virtual void SetListener(ILoginViewListener* listener) = 0;
    virtual std::string GetServerUrl() const = 0;
    virtual std::string GetUsername() const = 0;
    virtual std::string GetPassword() const = 0;
    // The 6-digit code of the authenticator app; empty until ShowOtp.
    virtual std::string GetOtp() const = 0;
    // The server asks this account for a second factor: the code field appears (and stays) under the password.
    virtual void ShowOtp() = 0;
    virtual void SetBusy(bool busy) = 0;
    // An inline message under the fields; `field` ("server", "username", "password", "otp" or "") says where to
    // focus.
    virtual void ShowError(const std::string& message, const std::string& field) = 0;
    virtual void ClearError() = 0;
    // The login succeeded: the dialog closes.
    virtual void CloseLoggedIn() = 0;
};

}  // namespace motcua::views
