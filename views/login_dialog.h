// The login dialog: moves values between its controls and plain strings, and implements desktop::ILoginView.
#pragma once

#include <functional>
#include <string>

#include "desktop/login_presenter.h"
#include "views/login_dialog_base.h"

namespace motcua::views {

class LoginDialog final : public LoginDialogBase, public desktop::ILoginView {
public:
    explicit LoginDialog(wxWindow* parent);
    ~LoginDialog() override;

    // Called when "Log in" is pressed, after the values were read; true closes the dialog with wxID_OK.
    void SetSubmitHandler(std::function<bool()> handler) { m_onSubmit = std::move(handler); }
    void SetValues(const std::string& serverUrl, const std::string& username, const std::string& password);
    // Presses "Log in" from code (the demo's auto-login).
    void Submit();

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

    std::string GetServerUrl() const override { return m_serverUrl; }
    std::string GetUsername() const override { return m_username; }
    std::string GetPassword() const override { return m_password; }
    void SetBusy(bool busy) override;
    void ShowError(const std::string& message, const std::string& field) override;
    void ClearError() override;

private:
    void OnLogin(wxCommandEvent& event);

    std::string m_serverUrl;
    std::string m_username;
    std::string m_password;
    std::function<bool()> m_onSubmit;
    bool m_busy = false;
};

}  // namespace motcua::views
