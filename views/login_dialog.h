// The login dialog: moves values between its controls and plain strings, and implements views::ILoginView.
#pragma once

#include <string>

#include "views/busy_cursor.h"
#include "views/login_dialog_base.h"
#include "views/login_view.h"

namespace motcua::views {

class LoginDialog final : public LoginDialogBase, public ILoginView {
public:
    explicit LoginDialog(wxWindow* parent);

    void SetValues(const std::string& serverUrl, const std::string& username, const std::string& password);
    // Presses "Log in" from code (the demo's auto-login).
    void Submit();

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

    void SetListener(ILoginViewListener* listener) override { m_listener = listener; }
    std::string GetServerUrl() const override { return m_serverUrl; }
    std::string GetUsername() const override { return m_username; }
    std::string GetPassword() const override { return m_password; }
    std::string GetOtp() const override { return m_otp; }
    void ShowOtp() override;
    void SetBusy(bool busy) override;
    void ShowError(const std::string& message, const std::string& field) override;
    void ClearError() override;
    void CloseLoggedIn() override;

private:
    void OnLogin(wxCommandEvent& event);

    std::string m_serverUrl;
    std::string m_username;
    std::string m_password;
    std::string m_otp;
    ILoginViewListener* m_listener = nullptr;
    BusyCursor m_busy;
};

}  // namespace motcua::views
