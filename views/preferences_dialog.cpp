#include "views/preferences_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
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

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, 0, wxEXPAND | wxALL, gap * 2);
    auto* note = new wxStaticText(this, wxID_ANY,
                                  _("The language and the text size take effect the next time MotCua starts. The "
                                    "server address is used at the next login."));
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
    return true;
}

bool PreferencesDialog::TransferDataFromWindow()
{
    m_values.language = m_language->GetSelection() == 1 ? "en" : "vi";
    m_values.largerText = m_largerText->GetValue();
    m_values.serverUrl = m_server->GetValue().Trim().Trim(false).utf8_string();
    return true;
}

}  // namespace motcua::views
