#include "views/login_dialog_base.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace motcua::views {

LoginDialogBase::LoginDialogBase(wxWindow* parent, wxWindowID id)
    : wxDialog(parent, id, _("Log in to MotCua"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    auto* top = new wxBoxSizer(wxVERTICAL);

    m_titleLabel = new wxStaticText(this, wxID_ANY, _("MotCua one-stop desk"));
    wxFont titleFont = m_titleLabel->GetFont();
    titleFont.SetPointSize(titleFont.GetPointSize() + 3);
    titleFont.MakeBold();
    m_titleLabel->SetFont(titleFont);
    top->Add(m_titleLabel, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(16));

    m_introLabel = new wxStaticText(this, wxID_ANY, _("Log in with your staff account."));
    top->AddSpacer(FromDIP(4));
    top->Add(m_introLabel, 0, wxLEFT | wxRIGHT, FromDIP(16));

    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid->AddGrowableCol(1, 1);
    const int fieldWidth = FromDIP(320);

    grid->Add(new wxStaticText(this, wxID_ANY, _("&Server address:")), 0, wxALIGN_CENTER_VERTICAL);
    m_serverCtrl = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(fieldWidth, -1));
    m_serverCtrl->SetName("server");
    grid->Add(m_serverCtrl, 1, wxEXPAND);

    grid->Add(new wxStaticText(this, wxID_ANY, _("&User name:")), 0, wxALIGN_CENTER_VERTICAL);
    m_usernameCtrl = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(fieldWidth, -1));
    m_usernameCtrl->SetName("username");
    grid->Add(m_usernameCtrl, 1, wxEXPAND);

    grid->Add(new wxStaticText(this, wxID_ANY, _("&Password:")), 0, wxALIGN_CENTER_VERTICAL);
    m_passwordCtrl = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(fieldWidth, -1),
                                    wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    m_passwordCtrl->SetName("password");
    grid->Add(m_passwordCtrl, 1, wxEXPAND);

    m_otpLabel = new wxStaticText(this, wxID_ANY, _("&Code (6 digits):"));
    grid->Add(m_otpLabel, 0, wxALIGN_CENTER_VERTICAL);
    m_otpCtrl =
        new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(fieldWidth, -1), wxTE_PROCESS_ENTER);
    m_otpCtrl->SetName("otp");
    m_otpCtrl->SetMaxLength(6);
    grid->Add(m_otpCtrl, 1, wxEXPAND);
    m_otpLabel->Hide();
    m_otpCtrl->Hide();

    top->Add(grid, 0, wxEXPAND | wxALL, FromDIP(16));

    // Room for two lines is kept so the dialog does not jump when an error appears.
    m_errorLabel = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                    wxSize(-1, 2 * GetCharHeight() + FromDIP(4)));
    m_errorLabel->SetForegroundColour(wxColour(176, 0, 32));
    m_errorLabel->SetName("error");
    top->Add(m_errorLabel, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(16));

    auto* buttons = new wxStdDialogButtonSizer();
    m_loginButton = new wxButton(this, wxID_OK, _("&Log in"));
    m_loginButton->SetDefault();
    buttons->AddButton(m_loginButton);
    // Cancelling the login ends the desk, so the button says so. (A label equal to the stock "&Cancel" would make
    // GTK draw its own stock button, translated by GTK's locale instead of our catalogue.)
    m_cancelButton = new wxButton(this, wxID_CANCEL, _("&Quit"));
    buttons->AddButton(m_cancelButton);
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));

    SetSizerAndFit(top);
    SetMinSize(GetSize());
    CentreOnParent();
}

}  // namespace motcua::views
