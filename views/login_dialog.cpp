#include "views/login_dialog.h"

#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace motcua::views {

LoginDialog::LoginDialog(wxWindow* parent) : LoginDialogBase(parent)
{
    m_loginButton->Bind(wxEVT_BUTTON, &LoginDialog::OnLogin, this);
    m_passwordCtrl->Bind(wxEVT_TEXT_ENTER, &LoginDialog::OnLogin, this);
    m_otpCtrl->Bind(wxEVT_TEXT_ENTER, &LoginDialog::OnLogin, this);
}

void LoginDialog::SetValues(const std::string& serverUrl, const std::string& username, const std::string& password)
{
    m_serverUrl = serverUrl;
    m_username = username;
    m_password = password;
    TransferDataToWindow();
    (m_username.empty() ? m_usernameCtrl : m_passwordCtrl)->SetFocus();
}

bool LoginDialog::TransferDataToWindow()
{
    m_serverCtrl->ChangeValue(wxString::FromUTF8(m_serverUrl));
    m_usernameCtrl->ChangeValue(wxString::FromUTF8(m_username));
    m_passwordCtrl->ChangeValue(wxString::FromUTF8(m_password));
    return true;
}

bool LoginDialog::TransferDataFromWindow()
{
    m_serverUrl = m_serverCtrl->GetValue().utf8_string();
    m_username = m_usernameCtrl->GetValue().utf8_string();
    m_password = m_passwordCtrl->GetValue().utf8_string();
    m_otp = m_otpCtrl->IsShown() ? m_otpCtrl->GetValue().utf8_string() : std::string();
    return true;
}

void LoginDialog::Submit()
{
    wxCommandEvent event(wxEVT_BUTTON, wxID_OK);
    OnLogin(event);
}

void LoginDialog::OnLogin(wxCommandEvent&)
{
    if (m_busy.IsBusy() || !TransferDataFromWindow())
        return;
    if (m_listener)
        m_listener->OnLogInPressed();
}

void LoginDialog::CloseLoggedIn()
{
    EndDialog(wxID_OK);  // EndModal when shown modally, Hide otherwise
}

void LoginDialog::ShowOtp()
{
    if (m_otpCtrl->IsShown())
        return;
    m_otpLabel->Show();
    m_otpCtrl->Show();
    // The dialog grows by the new row; its old minimum would otherwise keep it from shrinking back on resize.
    SetMinSize(wxDefaultSize);
    Fit();
    SetMinSize(GetSize());
}

void LoginDialog::SetBusy(bool busy)
{
    if (!m_busy.Set(busy))
        return;
    for (wxWindow* w : {static_cast<wxWindow*>(m_serverCtrl), static_cast<wxWindow*>(m_usernameCtrl),
                        static_cast<wxWindow*>(m_passwordCtrl), static_cast<wxWindow*>(m_otpCtrl),
                        static_cast<wxWindow*>(m_loginButton)})
        w->Enable(!busy);
    if (busy)
        Update();  // paint the disabled state before the blocking call
}

void LoginDialog::ShowError(const std::string& message, const std::string& field)
{
    m_errorLabel->SetLabelText(wxString::FromUTF8(message));
    m_errorLabel->Wrap(m_errorLabel->GetSize().GetWidth() > 0 ? m_errorLabel->GetSize().GetWidth() : FromDIP(400));
    wxTextCtrl* target = field == "server"     ? m_serverCtrl
                         : field == "username" ? m_usernameCtrl
                         : field == "password" ? m_passwordCtrl
                         : field == "otp"      ? m_otpCtrl
                                               : nullptr;
    if (target) {
        target->SetFocus();
        target->SelectAll();
    }
    Layout();
    // A message of several lines (a certificate refused) grows the dialog rather than being cut off.
    const wxSize best = GetBestSize();
    if (best.GetHeight() > GetSize().GetHeight())
        SetSize(wxSize(GetSize().GetWidth(), best.GetHeight()));
}

void LoginDialog::ClearError()
{
    m_errorLabel->SetLabel(wxEmptyString);
}

}  // namespace motcua::views
