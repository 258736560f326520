// Layout of the login dialog, built in code with sizers (the KiCad *_base split: no behaviour here).
#pragma once

#include <wx/dialog.h>

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace motcua::views {

class LoginDialogBase : public wxDialog {
public:
    explicit LoginDialogBase(wxWindow* parent, wxWindowID id = wxID_ANY);

protected:
    wxStaticText* m_titleLabel = nullptr;
    wxStaticText* m_introLabel = nullptr;
    wxTextCtrl* m_serverCtrl = nullptr;
    wxTextCtrl* m_usernameCtrl = nullptr;
    wxTextCtrl* m_passwordCtrl = nullptr;
    wxStaticText* m_otpLabel = nullptr;  // the second factor's code: hidden until the server asks for it
    wxTextCtrl* m_otpCtrl = nullptr;
    wxStaticText* m_errorLabel = nullptr;
    wxButton* m_loginButton = nullptr;
    wxButton* m_cancelButton = nullptr;
};

}  // namespace motcua::views
