#include "views/preferences_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace motcua::views {

PreferencesDialog::PreferencesDialog(wxWindow* parent, PreferencesValues values)
    : wxDialog(parent, wxID_ANY, _("Preferences")),
      m_values(std::move(values))
{
    SetName("preferences");
    const int gap = FromDIP(8);
    auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
    grid->AddGrowableCol(1, 1);

    grid->Add(new wxStaticText(this, wxID_ANY, _("&Language:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_language = new wxChoice(this, wxID_ANY);
    m_language->SetName("language");
    // Each language in its own words, so a user who set the wrong one still finds theirs.
    m_language->Append(wxString::FromUTF8("Tiếng Việt"));
    m_language->Append("English");
    grid->Add(m_language, 1, wxEXPAND);

    grid->AddSpacer(0);
    m_largerText = new wxCheckBox(this, wxID_ANY, _("La&rger text"));
    m_largerText->SetName("larger_text");
    grid->Add(m_largerText);

    grid->Add(new wxStaticText(this, wxID_ANY, _("&Server address:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_server = new wxTextCtrl(this, wxID_ANY);
    m_server->SetName("server");
    m_server->SetMinSize(wxSize(FromDIP(320), -1));
    grid->Add(m_server, 1, wxEXPAND);

    grid->Add(new wxStaticText(this, wxID_ANY, _("Server's &CA file:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_caFile = new wxFilePickerCtrl(this, wxID_ANY, wxEmptyString, _("The certificate authority of your server (PEM)"),
                                    _("Certificates (*.pem;*.crt;*.cer)|*.pem;*.crt;*.cer|All files|*"),
                                    wxDefaultPosition, wxDefaultSize, wxFLP_OPEN | wxFLP_USE_TEXTCTRL);
    m_caFile->SetName("ca_file");
    m_caFile->SetToolTip(_("Leave empty to trust the certificate authorities of this computer."));
    grid->Add(m_caFile, 1, wxEXPAND);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, 0, wxEXPAND | wxALL, gap * 2);

    // Signing with the signer's own token: each Vietnamese CA ships its own PKCS#11 module.
    auto* signing = new wxStaticBoxSizer(wxVERTICAL, this, _("Signing with your token"));
    wxWindow* box = signing->GetStaticBox();
    m_signWithToken = new wxCheckBox(box, wxID_ANY, _("Sign &results with my token when approving"));
    m_signWithToken->SetName("sign_with_token");
    signing->Add(m_signWithToken, 0, wxALL, gap);
    auto* tokenGrid = new wxFlexGridSizer(2, gap, gap * 2);
    tokenGrid->AddGrowableCol(1, 1);
    tokenGrid->Add(new wxStaticText(box, wxID_ANY, _("PKCS#11 &module:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_tokenModule = new wxFilePickerCtrl(box, wxID_ANY, wxEmptyString, _("The PKCS#11 module of your token"),
                                         _("PKCS#11 modules (*.so;*.dll)|*.so;*.so.*;*.dll|All files|*"),
                                         wxDefaultPosition, wxDefaultSize, wxFLP_OPEN | wxFLP_USE_TEXTCTRL);
    m_tokenModule->SetName("token_module");
    m_tokenModule->SetMinSize(wxSize(FromDIP(320), -1));  // a module's path is long
    tokenGrid->Add(m_tokenModule, 1, wxEXPAND);
    tokenGrid->Add(new wxStaticText(box, wxID_ANY, _("&Token label:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_tokenLabel = new wxTextCtrl(box, wxID_ANY);
    m_tokenLabel->SetName("token_label");
    tokenGrid->Add(m_tokenLabel, 1, wxEXPAND);
    tokenGrid->Add(new wxStaticText(box, wxID_ANY, _("&Key label or URI:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_keyLabel = new wxTextCtrl(box, wxID_ANY);
    m_keyLabel->SetName("key_label");
    m_keyLabel->SetHint("pkcs11:token=…;object=…");
    tokenGrid->Add(m_keyLabel, 1, wxEXPAND);
    tokenGrid->Add(new wxStaticText(box, wxID_ANY, _("&Certificate file:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_certificateFile = new wxFilePickerCtrl(box, wxID_ANY, wxEmptyString, _("Your signing certificate (PEM)"),
                                             _("Certificates (*.pem;*.crt;*.cer)|*.pem;*.crt;*.cer|All files|*"),
                                             wxDefaultPosition, wxDefaultSize, wxFLP_OPEN | wxFLP_USE_TEXTCTRL);
    m_certificateFile->SetName("certificate_file");
    tokenGrid->Add(m_certificateFile, 1, wxEXPAND);
    tokenGrid->Add(new wxStaticText(box, wxID_ANY, _("T&imestamp service:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_timestampUrl = new wxTextCtrl(box, wxID_ANY);
    m_timestampUrl->SetName("timestamp_url");
    m_timestampUrl->SetHint("http://…");
    tokenGrid->Add(m_timestampUrl, 1, wxEXPAND);
    signing->Add(tokenGrid, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    auto* tokenNote = new wxStaticText(box, wxID_ANY,
                                       _("Leave the certificate file empty to read the certificate from the token. "
                                         "With a timestamp service (RFC 3161, http:// only), each signature also "
                                         "carries its time signed by that service; if it cannot be reached, "
                                         "nothing is signed. The PIN is asked once for each batch and never kept."));
    tokenNote->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    tokenNote->Wrap(FromDIP(440));
    signing->Add(tokenNote, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    m_signWithToken->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { EnableTokenFields(); });
    top->Add(signing, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap * 2);
    auto* note = new wxStaticText(this, wxID_ANY,
                                  _("The language and the text size take effect the next time MotCua starts. The "
                                    "server address and its CA file are used at the next login."));
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    note->Wrap(FromDIP(440));
    top->Add(note, 0, wxLEFT | wxRIGHT, gap * 2);
    top->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, gap * 2);
    SetSizerAndFit(top);
    CentreOnParent();
}

bool PreferencesDialog::TransferDataToWindow()
{
    m_language->SetSelection(m_values.language == "en" ? 1 : 0);
    m_largerText->SetValue(m_values.largerText);
    m_server->ChangeValue(wxString::FromUTF8(m_values.serverUrl));
    m_caFile->SetPath(wxString::FromUTF8(m_values.caFile));
    m_signWithToken->SetValue(m_values.signWithToken);
    m_tokenModule->SetPath(wxString::FromUTF8(m_values.tokenModule));
    m_tokenLabel->ChangeValue(wxString::FromUTF8(m_values.tokenLabel));
    m_keyLabel->ChangeValue(wxString::FromUTF8(m_values.keyLabel));
    m_certificateFile->SetPath(wxString::FromUTF8(m_values.certificateFile));
    m_timestampUrl->ChangeValue(wxString::FromUTF8(m_values.timestampUrl));
    EnableTokenFields();
    return true;
}

void PreferencesDialog::EnableTokenFields()
{
    const bool on = m_signWithToken->GetValue();
    for (wxWindow* field :
         std::initializer_list<wxWindow*>{m_tokenModule, m_tokenLabel, m_keyLabel, m_certificateFile, m_timestampUrl})
        field->Enable(on);
}

bool PreferencesDialog::TransferDataFromWindow()
{
    m_values.language = m_language->GetSelection() == 1 ? "en" : "vi";
    m_values.largerText = m_largerText->GetValue();
    m_values.serverUrl = m_server->GetValue().Trim().Trim(false).utf8_string();
    m_values.caFile = m_caFile->GetPath().Trim().Trim(false).utf8_string();
    m_values.signWithToken = m_signWithToken->GetValue();
    m_values.tokenModule = m_tokenModule->GetPath().Trim().Trim(false).utf8_string();
    m_values.tokenLabel = m_tokenLabel->GetValue().Trim().Trim(false).utf8_string();
    m_values.keyLabel = m_keyLabel->GetValue().Trim().Trim(false).utf8_string();
    m_values.certificateFile = m_certificateFile->GetPath().Trim().Trim(false).utf8_string();
    m_values.timestampUrl = m_timestampUrl->GetValue().Trim().Trim(false).utf8_string();
    return true;
}

}  // namespace motcua::views
